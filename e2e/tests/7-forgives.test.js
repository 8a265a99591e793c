// Issue 15's leftovers on the page: a filter value nothing carries, with the closest value one
// click away; a query that names a person, searched as that person in one click; a query that
// cannot be read, said in words with its place marked and the fixed query one click away.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, openPage} from '../lib/browser.js';
import {BASE, shot, api} from '../lib/env.js';

let browser;
let page;
const errors = [];

before(async () => {
  browser = await launch();
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

test('a filter value no article carries names the closest value, one click to use it', async () => {
  const wrong = 'Midle East Monitor';
  const answer = await api(`/api/search?outlet=${encodeURIComponent(wrong)}`);
  assert.equal(answer.total, 0);
  assert.equal(answer.unmatched_filters[0].closest[0], 'Middle East Monitor');
  await open(`/?outlet=${encodeURIComponent(wrong)}`);
  await status().filter({hasText: 'No articles match.'}).waitFor();
  assert.equal(await page.locator('.notice.unmatched').textContent(),
    `No article has outlet “${wrong}”, so nothing can match it. Did you mean ${answer.unmatched_filters[0].closest.slice(0, 3).join(' or ')}?`);
  await shot(page, 'page-unmatched-filter.png', {clip: {x: 0, y: 0, width: 1280, height: 420}});
  await page.locator('.notice.unmatched a.fix', {hasText: 'Middle East Monitor'}).click();
  await page.waitForURL((u) => u.searchParams.get('outlet') === 'Middle East Monitor');
  const {total} = await api('/api/search?outlet=Middle+East+Monitor');
  await status().filter({hasText: new RegExp(`^${total} articles? `)}).waitFor();
  assert.equal(await page.locator('.notice.unmatched').count(), 0);
});

test('a query that is a known name offers to search as that person', async () => {
  const answer = await api('/api/search?q=' + encodeURIComponent('Mustafa Bali'));
  assert.equal(answer.entity.type, 'person');
  const name = answer.entity.canonical;
  await open('/?q=' + encodeURIComponent('Mustafa Bali'));
  await page.locator('#entity-offer').waitFor();
  assert.match(await page.locator('#entity-offer').textContent(),
    new RegExp(`^You typed a name\\. Search as the person ${name} \\(${answer.entity.documents} articles? name them, in any spelling\\)\\.$`));
  await page.locator('#entity-offer a').click();
  await page.waitForURL((u) => u.searchParams.get('person') === name && !u.searchParams.get('q'));
  const {total} = await api(`/api/search?person=${encodeURIComponent(name)}`);
  await status().filter({hasText: new RegExp(`^${total} articles? `)}).waitFor();
  assert.equal(await page.locator('#entity-offer').count(), 0, 'no offer once the filter is on');
});

test('a query that cannot be read is said in words, its place marked, the fix one click away', async () => {
  const q = '"Mustafa Bali';
  const res = await fetch(`${BASE}/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(res.status, 400);
  const err = await res.json();
  assert.ok(err.suggestion, JSON.stringify(err));
  await open('/?q=' + encodeURIComponent(q));
  await page.locator('#query-error').waitFor();
  await status().filter({hasText: err.message}).waitFor();
  const at = err.position;
  assert.ok(at >= 0 && at <= q.length, `position ${at}`);
  assert.equal(await page.locator('#query-error .query-shown').textContent(),
    `Here: ${q.slice(0, at)}${q[at] ?? ' '}${q.slice(at + 1)} (character ${at + 1})`);
  assert.equal(await page.locator('#query-error .query-problem').textContent(), q[err.position] ?? ' ');
  assert.equal(await page.locator('#query-fix').textContent(), err.suggestion);
  await shot(page, 'page-query-error.png', {clip: {x: 0, y: 0, width: 1280, height: 420}});
  await page.locator('#query-fix').click();
  await page.waitForURL((u) => u.searchParams.get('q') === err.suggestion);
  await status().filter({hasText: /articles? /}).waitFor();
  assert.equal(await page.locator('#query-error').isHidden(), true);
  assert.deepEqual(errors, []);
});

test('an outlet filter typed in lower case finds the outlet as printed', async () => {
  const printed = await api('/api/search?outlet=' + encodeURIComponent('Middle East Monitor'));
  assert.ok(printed.total > 0);
  const typed = await api('/api/search?outlet=' + encodeURIComponent('middle east monitor'));
  assert.equal(typed.total, printed.total);
  assert.deepEqual(typed.unmatched_filters, []);
  await open('/?outlet=' + encodeURIComponent('middle east monitor'));
  await status().filter({hasText: new RegExp(`^${printed.total} articles? `)}).waitFor();
  assert.equal(await page.locator('.notice.unmatched').count(), 0);
});

test('a known name gives the same concordance lines quoted and unquoted', async () => {
  const lines = async (q) => {
    await open('/?q=' + encodeURIComponent(q));
    await status().filter({hasText: /articles?/}).waitFor();
    await page.getByRole('tab', {name: 'Concordance'}).click();
    await page.locator('.concordance-tools p').filter({hasText: /match/}).waitFor();
    return page.locator('table.concordance tbody tr').allTextContents();
  };
  const unquoted = await lines('Mustafa Bali');
  const quoted = await lines('"Mustafa Bali"');
  assert.ok(unquoted.length > 0);
  // the same lines; their order follows each query's own relevance score
  assert.deepEqual([...unquoted].sort(), [...quoted].sort());
  assert.ok(unquoted.every((row) => row.includes('Mustafa Bali')), 'the whole name is the match');
});
