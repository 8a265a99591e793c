// Issue 15, "a journalist's first hour", in a real Chromium: time drawn as time, a document that
// opens at its title and says why a value is missing, a facet filter box that searches every value,
// uploads from the page, CSVs a spreadsheet opens as UTF-8, and axe-core finding nothing serious.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {launch, openPage} from '../lib/browser.js';
import {BASE, WRITE_KEY, shot, csvRows, api} from '../lib/env.js';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DAY_MS = 86_400_000;

let browser;
let page;
const errors = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function open(path = '/', viewport = {width: 1280, height: 900}) {
  await page?.context().close();
  page = await openPage(browser, BASE + path, viewport, errors);
  return page;
}

const status = () => page.locator('#status');
const day = (iso) => Date.parse(iso + 'T00:00:00Z') / DAY_MS;

/** Each bar's left edge and width, and the track's, in pixels, with the day range it stands for. */
function geometry() {
  return page.evaluate(() => {
    const track = document.querySelector('.bars');
    const t = track.getBoundingClientRect();
    return {
      left: t.left, width: t.width, start: track.dataset.start, end: track.dataset.end, unit: track.dataset.unit,
      bars: [...track.querySelectorAll('.bar')].map((b) => {
        const r = b.getBoundingClientRect();
        return {left: r.left, width: r.width, from: b.dataset.from, to: b.dataset.to, name: b.getAttribute('aria-label')};
      }),
    };
  });
}

/** Asserts that every bar sits at x proportional to its first day and is as wide as its period. */
function assertTrueScale(g) {
  const span = day(g.end) - day(g.start);
  const px = g.width / span;
  for (const b of g.bars) {
    const x = g.left + (day(b.from) - day(g.start)) * px;
    assert.ok(Math.abs(b.left - x) < 1, `${b.name}: left ${b.left}, expected ${x}`);
    const w = (day(b.to) + 1 - day(b.from)) * px;
    assert.ok(Math.abs(b.width - Math.max(w, 3)) < 1, `${b.name}: width ${b.width}, expected ${w}`);
  }
}

test('histogram: bars on a true time axis, empty periods as gaps, weeks past a month, undated beside', async () => {
  await open('/');
  await status().filter({hasText: /articles/}).waitFor();
  const years = await api('/api/search');
  const dated = years.facets.date.filter((b) => b.value !== 'undated');
  let g = await geometry();
  assert.equal(g.unit, 'year');
  assert.deepEqual(g.bars.map((b) => [b.from, b.to]), dated.map((b) => [b.from, b.to]));
  assert.equal(g.start, dated[0].from);
  assertTrueScale(g);
  // The undated count stands beside the axis, right of its last day, not under it.
  const undated = years.facets.date.find((b) => b.value === 'undated').count;
  assert.equal(await page.locator('.undated-count').textContent(), `Undated: ${undated}`);
  const box = await page.locator('.undated-count').boundingBox();
  assert.ok(box.x >= g.left + g.width, `undated box at ${box.x}, axis ends at ${g.left + g.width}`);

  // Three months of 2019: the server counts days; the page sums them into ISO weeks (Monday first),
  // and the weeks nobody published in are empty stretches of the axis.
  await open('/?from=2019-01-01&to=2019-03-31');
  await status().filter({hasText: /^6 articles/}).waitFor();
  g = await geometry();
  assert.equal(g.unit, 'week');
  assert.equal(g.start, '2019-01-01');
  assert.equal(g.end, '2019-04-01');
  assert.deepEqual(g.bars.map((b) => b.name), ['week of 2019-01-07: 2 articles', 'week of 2019-01-28: 1 article',
    'week of 2019-02-11: 1 article', 'week of 2019-02-18: 1 article', 'week of 2019-03-04: 1 article']);
  assertTrueScale(g);
  const gap = g.bars[1].left - (g.bars[0].left + g.bars[0].width);
  assert.ok(Math.abs(gap - (14 * g.width) / 90) < 1.5, `two empty weeks between, ${gap}px`);
  assert.deepEqual(await page.locator('.axis .tick').allTextContents(),
    ['2019-01-07', '2019-01-21', '2019-02-04', '2019-02-18', '2019-03-04', '2019-03-18']);
  await shot(page.locator('.histogram-panel'), 'page-histogram-weeks.png');
  // Clicking a week sets exactly its seven days.
  await page.getByRole('button', {name: 'week of 2019-02-11: 1 article'}).click();
  await page.waitForURL(/from=2019-02-11&to=2019-02-17/);
  await status().filter({hasText: /^1 article /}).waitFor();

  // One month: a bar per day, each a thirtieth of the axis or so, at its day.
  await open('/?from=2019-02-01&to=2019-02-28');
  await status().filter({hasText: /^2 articles/}).waitFor();
  g = await geometry();
  assert.equal(g.unit, 'day');
  assert.deepEqual(g.bars.map((b) => b.name), ['2019-02-16: 1 article', '2019-02-23: 1 article']);
  assertTrueScale(g);
  assert.ok(Math.abs(g.bars[0].left - (g.left + (15 * g.width) / 28)) < 1);
});

test('a document opens at its title and metadata; a missing outlet says where it was looked for', async () => {
  const {hits} = await api('/api/search?q=' + encodeURIComponent('"last major stronghold"'));
  assert.equal(hits.length, 1);
  const id = hits[0].id;
  assert.equal(hits[0].outlet, null, 'this seed names no outlet');
  await open(`/?q=Daesh&doc=${id}`);
  await page.locator('#doc-text').waitFor();
  // Opened at the top: the title and the metadata are on screen, although matches lie further down.
  assert.equal(await page.locator('#document-view').evaluate((v) => v.scrollTop), 0);
  assert.ok(await page.locator('#doc-title').isVisible());
  const meta = await page.locator('.doc-meta').boundingBox();
  assert.ok(meta.y + meta.height < 900, 'the metadata fits in the first screen');
  assert.match(await page.locator('#missing-outlet').textContent(),
    /^unknown not found; looked in a sidecar file, then the file's own fields .*, then the domain of its URL, then an outlet's tagline or layout in the first lines of the text\. To set it, put 000_7208853106593958\.txt\.meta\.json beside the file with \{"outlet": "The Guardian"\} and index again\.$/);
  assert.match(await page.locator('.doc-meta').textContent(), /Published28 Jan 2019 \(from the text\)/);
  await shot(page, 'page-document-top.png');
  // "Next match" walks the matches one by one.
  const marks = page.locator('#doc-text mark.m-match');
  const count = await marks.count();
  assert.ok(count >= 3, `${count} matches of Daesh`);
  await page.getByRole('button', {name: /Next match/}).click();
  assert.equal(await page.locator('#doc-text .current').count(), 1);
  assert.equal(await page.locator('#doc-text .current').textContent(), 'Daesh');
  assert.ok(await page.locator('#document-view').evaluate((v) => v.scrollTop) > 0, 'scrolled to the first match');
  await page.getByRole('button', {name: /Next match/}).click();
  assert.equal(await marks.nth(1).evaluate((m) => m.classList.contains('current')), true);

  // An undated article says where a date was looked for.
  const undated = (await api('/api/search?q=' + encodeURIComponent('"Hundreds flee Syria"'))).hits[0];
  assert.equal(undated.date, null);
  await open(`/?doc=${undated.id}`);
  await page.locator('#missing-date').waitFor();
  assert.match(await page.locator('#missing-date').textContent(),
    /^undated not found; looked in a sidecar file, then the file's own fields .*, then a date written in the first lines of the text\. To set it, put \S+\.meta\.json beside the file with \{"date": "2019-02-23"\} and index again\.$/);
});

test('the facet filter box searches every value of the search, not only the ones fetched', async () => {
  // Stand in for a large archive: the page's own request gets every place but the last, as if
  // that one had fallen outside the values fetched; the filter box must still find it. (Places:
  // the seeds name more of them than the 6 a panel shows before "more".)
  const full = await api('/api/search?facet_size=1000');
  const places = full.facets.place;
  const fetched = places.length - 1;
  assert.ok(fetched > 6, `${places.length} places in the seeds: more than the 6 shown before "more"`);
  const hidden = places.at(-1);
  await open('/');
  await page.route(/\/api\/search\?.*facet_size=100(&|$)/, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.facets.place = json.facets.place.slice(0, fetched);
    await route.fulfill({response, json});
  });
  await page.reload();
  await status().filter({hasText: /articles/}).waitFor();
  await page.locator('#facet-place .show-more').click();
  assert.equal(await page.locator('#facet-place .facet-value').count(), fetched);
  assert.equal(await page.locator(`#facet-place .facet-value[data-value="${hidden.value}"]`).count(), 0);
  await page.fill('#facet-place .facet-filter', hidden.value.slice(0, 6).toLowerCase());
  const found = page.locator(`#facet-place .facet-value[data-value="${hidden.value}"]`);
  await found.waitFor();
  assert.equal(await found.locator('.count').textContent(), String(hidden.count));
  await shot(page.locator('#facet-place'), 'page-facet-filter.png');
  await found.locator('label').click();
  await page.waitForURL((url) => url.searchParams.get('place') === hidden.value);
  await status().filter({hasText: new RegExp(`^${hidden.count} articles? `)}).waitFor();
});

test('upload form: refused without a write key, indexed with one, linked to its article', async () => {
  await open('/?q=' + encodeURIComponent('lighthouse keeper'));
  await status().filter({hasText: 'No articles match.'}).waitFor();
  await page.getByText('Add articles to the archive').click();
  const file = {name: 'lighthouse.txt', mimeType: 'text/plain', buffer: Buffer.from(
    'Lighthouse keeper retires after forty winters\n\nThe last lighthouse keeper on the point retired on'
    + ' Friday after forty winters, the harbour board said.\n')};
  await page.setInputFiles('#upload-files', file);
  await page.getByRole('button', {name: 'Upload and index'}).click();
  await page.locator('.upload-log li.error').filter({hasText: /^lighthouse\.txt: .*write key/}).waitFor();
  await page.fill('#upload-key', WRITE_KEY);
  await page.getByRole('button', {name: 'Upload and index'}).click();
  const line = page.locator('.upload-log li').filter({hasText: /^lighthouse\.txt: indexed, 1 article: article 1$/});
  // the first upload after a start loads the name finder: a minute or more on a loaded machine
  await line.waitFor({timeout: 300_000});
  // The search on screen is run again and now finds it.
  await status().filter({hasText: /^1 article /}).waitFor();
  await shot(page, 'page-upload.png', {clip: {x: 0, y: 0, width: 1280, height: 420}});
  await line.getByRole('link', {name: 'article 1'}).click();
  await page.locator('#doc-title').filter({hasText: 'Lighthouse keeper retires after forty winters'}).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('doc') !== null, true);
  // The key never reaches the URL.
  assert.equal(page.url().includes(WRITE_KEY), false);
});

test('CSV exports start with a UTF-8 byte-order mark and read back as UTF-8', async () => {
  await open('/?q=caliphate');
  await status().filter({hasText: /articles?/}).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF]);
  const rows = csvRows(bytes);
  assert.equal(rows[0][0], 'id');
  const kwic = rows[0].indexOf('kwic');
  // A seed reads: the Daesh’s once-sprawling “caliphate” has been reduced...
  assert.ok(rows.slice(1).some((r) => r[kwic].includes('Daesh’s once-sprawling “[caliphate]” has')),
    `curly quotes and apostrophe survive: ${rows.slice(1).map((r) => r[kwic]).join(' / ')}`);
});

test('did you mean: a misspelt name reaches the right articles in one click', async () => {
  // The API's own suggestions: the archive's spellings a letter or two away, most articles first.
  const {total} = await api('/api/search?q=Baghouz');
  const answer = await api('/api/search?q=Bagouz');
  assert.equal(answer.did_you_mean[0].query, 'Baghouz');
  assert.equal(answer.did_you_mean[0].hits, total);
  await open('/');
  await page.fill('#q', 'Bagouz');
  await status().filter({hasText: 'No articles match.'}).waitFor();
  const link = page.locator('#did-you-mean a.suggestion').first();
  await link.waitFor();
  assert.match(await page.locator('#did-you-mean').textContent(),
    new RegExp(`^Did you mean Baghouz \\(${total} articles\\), Baghuz \\(1 article\\)\\?$`, 'i'));
  await shot(page, 'page-did-you-mean.png', {clip: {x: 0, y: 0, width: 1280, height: 360}});
  await link.click();
  await page.waitForURL(/q=Baghouz/i);
  await status().filter({hasText: new RegExp(`^${total} articles`)}).waitFor();
  // Baghouz itself finds few, so the page offers its other spellings (Baghuz) in one click.
  const every = await api('/api/search?q=Baghouz&variants=true');
  assert.match(await page.locator('#did-you-mean').textContent(),
    new RegExp(`^Did you mean Baghouz in every spelling \\(${every.total} articles\\)\\?$`, 'i'));
  await page.locator('#did-you-mean a.suggestion').first().click();
  await page.waitForURL(/variants=true/);
  await status().filter({hasText: new RegExp(`^${every.total} articles`)}).waitFor();
});

test('axe-core: no critical, serious or moderate violations on any view', async () => {
  const {hits} = await api('/api/search?q=Baghouz');
  const views = [['/', 'start'], ['/?q=Baghouz', 'results'], ['/?q=Baghouz&view=concordance', 'concordance'],
    [`/?q=Baghouz&doc=${hits[0].id}`, 'document'], [`/?q=Baghouz&doc=${hits[0].id}&cite=0-20`, 'cited passage'],
    ['/?q=zzqqxx', 'no results'], ['/?q=%28Baghouz', 'query error'], ['/?from=2019-01-01&to=2019-03-31', 'dates'],
    ['/?view=batch', 'batch search'], ['/?outlet=Midle+East+Monitor', 'unmatched filter'], ['/?q=Mustafa+Bali', 'a name typed']];
  const found = [];
  for (const [path, name] of views) {
    for (const viewport of [{width: 1280, height: 900}, {width: 390, height: 844}]) {
      await open(path, viewport);
      await status().filter({hasText: /\S/}).waitFor();
      await page.waitForFunction(() => !document.body.classList.contains('loading'));
      if (path.includes('doc=')) await page.locator('#doc-text').waitFor();
      if (name === 'start') await page.getByText('Add articles to the archive').click();
      if (name === 'results' && viewport.width > 1000) await page.locator('#facet-place .show-more').click();
      await page.evaluate(AXE);
      const {violations} = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
      for (const v of violations.filter((x) => ['critical', 'serious', 'moderate'].includes(x.impact))) {
        found.push(`${name} at ${viewport.width}px: ${v.impact} ${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
  }
  assert.deepEqual(found, []);
  assert.deepEqual(errors, [], 'no script errors on any page');
});
