// Issue 16 in a real Chromium: one wire story printed by three outlets (uploaded by the test)
// shown as one hit with "+2 copies in 3 outlets", the copies listed, the switch that lists every
// copy, the diff of a copy against the first in the archive (flags first, house style folded,
// side by side and inline, its permalink), and the widget collapsing the same way.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {launch, openPage} from '../lib/browser.js';
import {BASE, OTHER_PORT, WRITE_KEY, shot, api} from '../lib/env.js';
import {STORY, page as newsPage, upload} from '../lib/fixtures.js';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let page;
let ids;
const errors = [];

before(async () => {
  browser = await launch();
  ids = {};
  for (const name of ['wire', 'times', 'gazette']) {
    [ids[name]] = await upload(BASE, WRITE_KEY, `${name}.html`, 'text/html', newsPage(STORY[name]));
  }
});
after(async () => {
  await browser?.close();
});

async function open(path, viewport = {width: 1280, height: 900}) {
  await page?.context().close();
  page = await openPage(browser, BASE + path, viewport, errors);
  return page;
}

const status = () => page.locator('#status');

async function axe() {
  await page.evaluate(AXE);
  const {violations} = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
  return violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact))
    .map((v) => `${v.impact} ${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the API puts the three uploaded copies in one story, the wire copy first', async () => {
  const r = await api(`/api/search?q=${STORY.keyword}&collapse=story`);
  assert.equal(r.total, 1);
  assert.equal(r.total_articles, 3);
  assert.equal(r.hits[0].story.copies, 3);
  assert.equal(r.hits[0].story.first.id, ids.wire);
});

test('results are collapsed by story by default; the copies open under the hit; the switch lists all', async () => {
  await open(`/?q=${STORY.keyword}`);
  await status().filter({hasText: /^3 articles in 1 story \(/}).waitFor();
  assert.equal(await page.locator('#collapse').isChecked(), true);
  assert.equal(new URL(page.url()).searchParams.get('collapse'), null, 'collapsed is the default, not in the URL');
  assert.equal(await page.locator('.hit-card').count(), 1);
  const toggle = page.locator('.story-toggle');
  assert.equal(await toggle.textContent(), '+2 copies in 3 outlets');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const rows = page.locator('table.copies tbody tr');
  await rows.nth(2).waitFor();
  const story = await api(`/api/stories/${(await api(`/api/search?q=${STORY.keyword}`)).hits[0].story.id}`);
  assert.deepEqual(await rows.locator('td:first-child .outlet').allTextContents(),
    ['Harbour Wire', 'Island Times', 'Harbour Gazette']);
  assert.equal(await rows.nth(0).locator('.first-badge').textContent(), 'first in archive');
  assert.deepEqual(await rows.locator('.kept').allTextContents(),
    ['—', ...story.articles.slice(1).map((c) => `${Math.round(c.kept * 100)}%`)]);
  assert.match(await rows.nth(1).locator('td').nth(4).textContent(),
    new RegExp(`^\\+${story.articles[1].words_added} / −${story.articles[1].words_removed} words what changed$`));
  assert.deepEqual(await axe(), []);
  await shot(page, 'page-story-copies.png', {clip: {x: 0, y: 0, width: 1280, height: 700}});
  // Off: every copy is its own hit, and the URL says so.
  await page.locator('#collapse').uncheck();
  await page.waitForURL(/collapse=none/);
  await status().filter({hasText: /^3 articles \(/}).waitFor();
  assert.equal(await page.locator('.hit-card').count(), 3);
  assert.deepEqual(await page.locator('.story-toggle').allTextContents(), Array(3).fill('+2 copies in 3 outlets'));
});

test('the diff view: numbers, names, quotes and attributions first, house style folded, permalink', async () => {
  await open(`/?q=${STORY.keyword}`);
  await page.locator('.story-toggle').click();
  await page.locator('table.copies tbody tr').nth(1).getByRole('link', {name: 'what changed'}).click();
  await page.locator('#diff-flags').waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('diff'), `${ids.wire}..${ids.times}`);
  assert.match(await page.locator('.copy-card').first().textContent(), /^First in archive \(the earliest copy Dateline holds, not necessarily the original\)Northern quay at Skerrish to close for weeksHarbour Wire · 2 Mar 2026, 09:00 UTC$/);
  assert.match(await page.locator('.copy-card').nth(1).textContent(), /^This copyStorm shuts Skerrish quayIsland Times · /);
  const flags = await page.locator('#diff-flags .flag-group').evaluateAll((groups) => groups.map((g) =>
    [g.querySelector('h3, summary').textContent, [...g.querySelectorAll('.flag a')].map((a) => a.textContent)]));
  assert.deepEqual(flags, [
    ['Numbers (1)', ['12 → 15']],
    ['Names (1)', ['Daesh → IS']],
    ['Quotes (1)', ['will → shall']],
    ['Attributions (1)', ['adding → and added']],
    ['Other changes (1)', ['∅ → Ferries to the islands will leave from the south pier until the quay opens again']],
  ]);
  assert.equal(await page.locator('#style-note').textContent(),
    '1 house-style difference (quote marks, dashes, case, accents, spelling) folded away. Show them');
  assert.equal(await page.locator('.show-style').count(), 0);
  await page.locator('#show-style').check();
  assert.deepEqual(await page.locator('.show-style .style-diff').allTextContents(), ['harbour', 'harbor']);
  // Side by side: the first copy's "12" struck through on the left, this copy's "15" marked on the right.
  const sides = page.locator('.diff-side section');
  assert.deepEqual(await sides.nth(0).locator('del.k-number').allTextContents(), ['12']);
  assert.deepEqual(await sides.nth(1).locator('ins.k-number').allTextContents(), ['15']);
  // A flag is a link to its place in the text.
  await page.locator('.flag a', {hasText: 'Daesh → IS'}).click();
  assert.deepEqual(await page.locator('.diff-text .current').allTextContents(), ['Daesh', 'IS']);
  assert.deepEqual(await axe(), []);
  await shot(page, 'page-story-diff.png');
  // Inline: one text, the removal struck through where it stood.
  await page.getByRole('link', {name: 'Inline'}).click();
  await page.waitForURL(/layout=inline/);
  await page.locator('.diff-inline').waitFor();
  assert.equal(await page.locator('.diff-inline .chg.k-number').textContent(), '12 15');
  assert.equal(await page.locator('.diff-inline .chg.k-number del').textContent(), '12');
  // The permalink, opened fresh, shows the same comparison.
  const permalink = await page.locator('#diff-permalink').getAttribute('href');
  assert.equal(BASE + permalink, page.url());
  await open(permalink);
  await page.locator('.diff-inline').waitFor();
  assert.equal(await page.locator('#diff-flags .flag').count(), 5);
  // The cut copy: against the same first copy, said to end where it was cut.
  await page.locator('#diff-other').selectOption(ids.gazette);
  await page.waitForURL((u) => u.searchParams.get('diff') === `${ids.wire}..${ids.gazette}`);
  await page.locator('#diff-summary').filter({hasText: 'Cut from the bottom'}).waitFor();
  // The server counts the same words (its own diff, java-diff-utils): the page agrees with it.
  const story = await api(`/api/stories/${new URL(page.url()).searchParams.get('story')}`);
  const gazette = story.articles.find((c) => c.id === ids.gazette);
  assert.equal(await page.locator('#diff-summary').textContent(),
    `This copy keeps ${Math.round(gazette.kept * 100)}% of the first copy's words: 0 words added, `
    + `${gazette.words_removed} removed, in 1 change. Cut from the bottom: ends after paragraph 4 of 8.`);
  await page.keyboard.press('Escape');
  await page.locator('#diff-view').waitFor({state: 'hidden'});
  assert.deepEqual(errors, [], 'no script errors');
});

test('the widget collapses copies too, and lists them all with collapse="none"', async () => {
  const server = createServer((req, res) => {
    const attrs = req.url.startsWith('/all') ? 'collapse="none"' : '';
    res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script src="${BASE}/widget.js"></script></head><body><dateline-search endpoint="${BASE}" q="${STORY.keyword}" ${attrs}></dateline-search></body></html>`);
  });
  await new Promise((resolve) => server.listen(OTHER_PORT, '127.0.0.1', resolve));
  try {
    const p = await browser.newPage();
    await p.goto(`http://127.0.0.1:${OTHER_PORT}/one`);
    await p.locator('dateline-search .status').filter({hasText: /^3 articles in 1 story$/}).waitFor();
    assert.equal(await p.locator('dateline-search li').count(), 1);
    assert.equal(await p.locator('dateline-search .copies').textContent(), '+2 copies in 3 outlets');
    await p.goto(`http://127.0.0.1:${OTHER_PORT}/all`);
    await p.locator('dateline-search .status').filter({hasText: /^3 articles$/}).waitFor();
    assert.equal(await p.locator('dateline-search li').count(), 3);
    await p.close();
  } finally {
    server.close();
  }
});
