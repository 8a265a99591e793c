// The newsroom page in a real Chromium: search, facets, dates, document and citation, concordance,
// export, keyboard, URL state, phone width.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {launch, openPage} from '../lib/browser.js';
import {BASE, shot, csvRows, api} from '../lib/env.js';

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
  page = await openPage(browser, BASE + path, viewport, errors);
  return page;
}

const status = () => page.locator('#status');
const totalShown = async () => Number((await status().textContent()).replace(/[^\d].*$/s, '').replace(/,/g, ''));
const facetCount = (dim, value) => page.locator(`#facet-${dim} .facet-value[data-value="${value}"] .count`);

test('typing searches as you type and shows KWIC hits with the match centred', async () => {
  await open('/');
  await assert.doesNotReject(status().filter({hasText: '17 articles'}).waitFor());
  await page.fill('#q', 'Baghouz');
  await status().filter({hasText: /^4 articles/}).waitFor();
  assert.match(page.url(), /\?q=Baghouz$/);
  const hits = page.locator('.hit-card');
  assert.equal(await hits.count(), 4);
  const firstMatch = hits.first().locator('.kwic-match').first();
  assert.equal(await firstMatch.textContent(), 'Baghouz');
  // The match sits in the middle column of the line.
  const line = await hits.first().locator('.kwic').first().boundingBox();
  const mark = await firstMatch.boundingBox();
  const centre = mark.x + mark.width / 2 - line.x;
  assert.ok(centre > line.width * 0.25 && centre < line.width * 0.75, `match centre at ${centre} of ${line.width}`);
  // An undated article says so.
  assert.equal(await page.locator('.hit-card', {hasText: 'Hundreds flee Syria'}).locator('.undated').textContent(), 'undated');
  await shot(page, 'page-search.png');
  // A query that does not parse gets the server's message, not a blank page.
  await page.fill('#q', '(Baghouz');
  await page.press('#q', 'Enter');
  await status().filter({hasText: 'opens a group that is never closed'}).waitFor();
});

test('picking facet values changes the counts; chips remove them; show more and the filter box', async () => {
  await open('/');
  await status().filter({hasText: '17 articles'}).waitFor();
  assert.equal(await facetCount('agency', 'Reuters').textContent(), '3');
  assert.equal(await facetCount('type', 'text').textContent(), '6');
  await page.locator('#facet-outlet label', {hasText: 'Middle East Monitor'}).click();
  await status().filter({hasText: /^2 articles/}).waitFor();
  assert.equal(await facetCount('agency', 'Reuters').textContent(), '2');
  assert.equal(await facetCount('type', 'text').textContent(), '2');
  // Multi-select within a dimension is OR, and the other outlets keep their own counts.
  assert.equal(await facetCount('outlet', 'The Guardian').textContent(), '1');
  await page.locator('#facet-outlet label', {hasText: 'The Guardian'}).click();
  await status().filter({hasText: /^3 articles/}).waitFor();
  assert.equal(await page.locator('#chips .chip').count(), 2);
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.getAll('outlet'), ['Middle East Monitor', 'The Guardian']);
  await page.getByRole('button', {name: 'Remove filter Outlet: Middle East Monitor'}).click();
  await status().filter({hasText: /^1 article/}).waitFor();
  await page.getByRole('button', {name: 'Remove filter Outlet: The Guardian'}).click();
  await status().filter({hasText: /^17 articles/}).waitFor();
  // Entity facets (from the NER step) narrow the same way: a value's count is the total it leaves.
  const firstPerson = page.locator('#facet-person .facet-value').first();
  assert.ok(await firstPerson.count() > 0, 'the NER step found people in the seeds');
  {
    const name = await firstPerson.getAttribute('data-value');
    const count = Number(await firstPerson.locator('.count').textContent());
    await firstPerson.locator('label').click();
    await status().filter({hasText: new RegExp(`^${count} articles? `)}).waitFor();
    assert.deepEqual(new URL(page.url()).searchParams.getAll('person'), [name]);
    await page.getByRole('button', {name: `Remove filter Person: ${name}`}).click();
    await status().filter({hasText: /^17 articles/}).waitFor();
  }
  // Eight outlets and "unknown outlet": six shown, the rest behind "show more", which adds a filter box.
  assert.equal(await page.locator('#facet-outlet .facet-value').count(), 6);
  await page.locator('#facet-outlet .show-more').click();
  assert.equal(await page.locator('#facet-outlet .facet-value').count(), 9);
  // the articles that state no outlet come after the named outlets, whatever their count
  const outlets = await page.locator('#facet-outlet .facet-value').evaluateAll((els) => els.map((e) => e.dataset.value));
  assert.equal(outlets.at(-1), 'unknown outlet');
  await page.fill('#facet-outlet .facet-filter', 'gazette');
  assert.equal(await page.locator('#facet-outlet .facet-value:visible').count(), 2);
});

test('a histogram bar click or drag sets the date range; undated count shown', async () => {
  await open('/');
  await status().filter({hasText: '17 articles'}).waitFor();
  assert.equal(await page.locator('.undated-count').textContent(), 'Undated: 3');
  await page.getByRole('button', {name: '2019: 7 articles'}).click();
  await status().filter({hasText: /^7 articles/}).waitFor();
  let url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), '2019-01-01');
  assert.equal(url.searchParams.get('to'), '2019-12-31');
  assert.equal(await page.locator('#chips .chip').textContent(), 'Date: 2019-01-01 to 2019-12-31×');
  // Within one year the bars are months; drag from February to March.
  const feb = page.getByRole('button', {name: '2019-02: 2 articles'});
  const mar = page.getByRole('button', {name: '2019-03: 1 article'});
  const a = await feb.boundingBox();
  const b = await mar.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 5);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 5, {steps: 5});
  await page.mouse.up();
  await status().filter({hasText: /^3 articles/}).waitFor();
  url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), '2019-02-01');
  assert.equal(url.searchParams.get('to'), '2019-03-31');
  await shot(page, 'page-dates.png');
  // The state survives a reload: it is all in the URL.
  await page.reload();
  await status().filter({hasText: /^3 articles/}).waitFor();
  assert.equal(await page.locator('#chips .chip').textContent(), 'Date: 2019-02-01 to 2019-03-31×');
  await page.getByRole('button', {name: /Remove filter Date/}).click();
  await status().filter({hasText: /^17 articles/}).waitFor();
});

test('a document opens with its matches marked, and a cited passage reopens at its range', async () => {
  await open('/?q=' + encodeURIComponent('"Mustafa Bali"'));
  await status().filter({hasText: /^2 articles/}).waitFor();
  await page.locator('.hit-link', {hasText: 'Offensive launched'}).click();
  await page.locator('#doc-text').waitFor();
  const id = new URL(page.url()).searchParams.get('doc');
  assert.ok(id);
  const marks = page.locator('#doc-text mark.m-match');
  assert.equal(await marks.count(), 1);
  assert.equal(await marks.first().textContent(), 'Mustafa Bali');
  assert.match(await page.locator('.doc-meta').textContent(), /OutletThe Guardian \(from [^)]+\)/);
  assert.match(await page.locator('.doc-meta').textContent(), /Published16 Feb 2019, 23:39 UTC−05:00 \(from the text\)/);
  // Select "Syrian Democratic Forces spokesman" in the text and cite it.
  const doc = await api(`/api/documents/${id}`);
  const phrase = 'Syrian Democratic Forces spokesman';
  const start = doc.text.indexOf(phrase);
  assert.ok(start > 0);
  await page.evaluate(([s, e]) => {
    const root = document.getElementById('doc-text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let at = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (at <= s && s <= at + len) range.setStart(n, s - at);
      if (at <= e && e <= at + len) { range.setEnd(n, e - at); break; }
      at += len;
    }
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, [start, start + phrase.length]);
  await page.locator('#cite-button:enabled').click();
  const link = page.locator('#cite-link');
  const href = await link.getAttribute('href');
  assert.match(href, new RegExp(`cite=${start}-${start + phrase.length}`));
  await page.locator('#document-view').evaluate((view) => { view.scrollTop = 0; });
  await shot(page, 'page-document.png');
  // The link, opened fresh, shows the passage and marks it in the text.
  await page.goto(href);
  await page.locator('.cited-passage blockquote').waitFor();
  assert.equal(await page.locator('.cited-passage blockquote').textContent(), phrase);
  assert.equal((await page.locator('#doc-text .cited').allTextContents()).join(''), phrase);
  const api2 = await api(`/api/documents/${id}?start=${start}&end=${start + phrase.length}`);
  assert.equal(api2.passage.text, phrase);
  // Escape goes back to the results, with the search intact.
  await page.keyboard.press('Escape');
  await page.locator('#document-view').waitFor({state: 'hidden'});
  assert.equal(new URL(page.url()).searchParams.get('doc'), null);
});

test('entity mentions are marked by type, overlapping a query match where they meet', async () => {
  // The seeds carry no mentions until the NER step runs, so the real document is given mentions at
  // real offsets of its real text on the way to the page.
  const {hits} = await api('/api/search?q=' + encodeURIComponent('"Mustafa Bali"'));
  const id = hits.find((h) => h.outlet === 'The Guardian').id;
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  page = await context.newPage();
  await page.route('**/api/documents/*', async (route) => {
    const response = await route.fetch();
    const doc = await response.json();
    const at = (text, type) => {
      const start = doc.text.indexOf(text);
      return {text, type, start, end: start + text.length, canonical: text};
    };
    doc.mentions = [at('Mustafa Bali', 'person'), at('Syrian Democratic Forces', 'organization'),
      at('Deir ez-Zor', 'place')];
    await route.fulfill({response, json: doc});
  });
  await page.goto(`${BASE}/?q=${encodeURIComponent('"Mustafa Bali"')}&doc=${id}`);
  await page.locator('#doc-text').waitFor();
  assert.equal(await page.locator('#doc-text .m-person').textContent(), 'Mustafa Bali');
  assert.equal(await page.locator('#doc-text mark.m-match.m-person').count(), 1, 'match and mention on one span');
  assert.equal(await page.locator('#doc-text .m-organization').textContent(), 'Syrian Democratic Forces');
  assert.equal(await page.locator('#doc-text .m-place').textContent(), 'Deir ez-Zor');
  assert.equal(await page.locator('#doc-text .m-place').getAttribute('title'), 'place: Deir ez-Zor');
  const colours = await page.evaluate(() => ['m-person', 'm-organization', 'm-place'].map((c) =>
    getComputedStyle(document.querySelector(`#doc-text .${c}`)).backgroundColor));
  assert.equal(new Set(colours).size, 3, `one colour per type: ${colours}`);
  assert.match(await page.locator('.legend').textContent(), /match 1\s*person 1\s*organization 1\s*place 1/);
  // The text itself is untouched by the marks.
  const {text} = await api(`/api/documents/${id}`);
  assert.equal(await page.locator('#doc-text').textContent(), text);
  await context.close();
});

test('keyboard: / focuses the search, arrows move through hits, Enter opens one', async () => {
  await open('/?q=Daesh');
  await status().filter({hasText: /articles/}).waitFor();
  await page.locator('body').click({position: {x: 5, y: 400}});
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focusedTitle = await page.evaluate(() => document.activeElement.querySelector('h3')?.textContent);
  const second = await page.locator('.hit-card h3').nth(1).textContent();
  assert.equal(focusedTitle, second);
  await page.keyboard.press('Enter');
  await page.locator('#doc-title').filter({hasText: second}).waitFor();
});

test('concordance: every match in one table, sorted by the word left of the match, CSV download', async () => {
  await open('/?q=Baghouz');
  await status().filter({hasText: /^4 articles/}).waitFor();
  await page.getByRole('tab', {name: 'Concordance'}).click();
  await page.locator('.concordance-tools p').filter({hasText: '17 matches in 4 articles'}).waitFor();
  assert.equal(await page.locator('table.concordance tbody tr').count(), 17);
  await page.getByRole('button', {name: 'word left'}).click();
  await page.waitForURL(/order=left/);
  await page.locator('.sort-button[aria-pressed=true]', {hasText: 'word left'}).waitFor();
  const lefts = await page.locator('table.concordance tbody .c-left').allTextContents();
  const lastWords = lefts.map((l) => l.trim().split(/\s+/).pop().toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const sorted = [...lastWords].sort();
  assert.deepEqual(lastWords.filter(Boolean), sorted.filter(Boolean), 'ordered by the word before the match');
  await shot(page, 'page-concordance.png');
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', {name: 'Download CSV'}).click()]);
  const rows = csvRows(await readFile(await download.path()));
  assert.deepEqual(rows[0], ['left', 'match', 'right', 'title', 'outlet', 'date', 'id', 'offset', 'language']);
  assert.equal(rows.length, 1 + 17);
  assert.ok(rows.slice(1).every((r) => r[1] === 'Baghouz'));
});

test('export CSV from the page has one row per hit, as many as total', async () => {
  await open('/?q=' + encodeURIComponent('harbour OR Daesh OR council'));
  await status().filter({hasText: /articles/}).waitFor();
  const shown = await totalShown();
  const {total} = await api('/api/search?q=' + encodeURIComponent('harbour OR Daesh OR council'));
  assert.equal(shown, total);
  assert.ok(total > 5, `total ${total}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  const rows = csvRows(await readFile(await download.path()));
  assert.equal(rows[0][0], 'id');
  assert.equal(rows.length - 1, total);
  assert.equal(new Set(rows.slice(1).map((r) => r[0])).size, total, 'each hit once');
});

test('name variants: the switch widens the search, and the export follows it', async () => {
  const q = encodeURIComponent('"Mostafa Bali"');
  await open(`/?q=${q}`);
  await status().filter({hasText: /^\d[\d,]* articles? .*\(\d[\d,]* ms\)$/}).waitFor();
  const exact = await totalShown();
  await page.getByLabel(/other spellings/).check();
  await page.waitForURL(/variants=true/);
  const {total} = await api(`/api/search?q=${q}&variants=true`);
  assert.ok(total > exact, `${total} with variants, ${exact} without`);
  await status().filter({hasText: new RegExp(`^${total} articles`)}).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  const rows = csvRows(await readFile(await download.path()));
  assert.equal(rows.length - 1, total);
  // With the switch on, the document marks the spelling its article uses.
  await page.locator('.hit-link').last().click();
  await page.locator('#doc-text').waitFor();
  assert.ok(await page.locator('#doc-text mark.m-match').count() > 0);
  assert.match((await page.locator('#doc-text mark.m-match').allTextContents()).join(' '), /Bali/);
});

test('accessible markup: every control has a name; no horizontal scroll at phone width', async () => {
  await open('/?q=Baghouz', {width: 390, height: 844});
  await status().filter({hasText: /^4 articles/}).waitFor();
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
    .filter((e) => !e.closest('[hidden]'))
    .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || e.textContent.trim()))
    .map((e) => e.outerHTML));
  assert.deepEqual(unnamed, []);
  assert.equal(await page.locator('main h2, main [role=tablist]').count() > 0, true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert.equal(await page.locator('.filters-toggle').evaluate((d) => d.open), false, 'filters folded');
  await shot(page, 'page-phone.png');
  assert.deepEqual(errors, [], 'no script errors on any page');
});
