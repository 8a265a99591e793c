// What a newcomer tripped on in session 7, in a real Chromium: a page that sent two requests meant
// to fail on every load; a limit said with the server's setting names; a first search on a cold or
// loaded server blamed on the query; a first upload that said only "uploading…" for minutes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {browserSession} from '../lib/browser.js';
import {BASE, WRITE_KEY, shot, api} from '../lib/env.js';

const session = browserSession(BASE);
const errors = session.errors;
let page;

const status = () => page.locator('#status');
/** Words for whoever runs the server, not for the reader of the page. */
const SERVER_WORDS = /max_|--[a-z]|_ms\b|HTTP \d/;

test('a page load asks the server nothing that fails', async () => {
  const {hits} = await api('/api/search?q=Baghouz');
  for (const path of ['/', '/?q=Baghouz', '/?q=Baghouz&view=concordance', `/?q=Baghouz&doc=${hits[0].id}`]) {
    const failed = [];
    const context = await session.browser.newContext();
    const fresh = await context.newPage();
    fresh.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    fresh.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
    await fresh.goto(BASE + path);
    await fresh.locator('#status').filter({hasText: /articles?/}).waitFor();
    await fresh.waitForLoadState('networkidle');
    await context.close();
    assert.deepEqual(failed, [], path);
  }
});

test('a limit is said in the reader\'s words on the page; the API names the setting apart', async () => {
  const q = 'harbour '.repeat(1300).trim(); // 10,399 characters, over the 10,000 allowed
  const res = await fetch(`${BASE}/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.deepEqual([body.error, body.setting, body.flag], ['limit_exceeded', 'max_query_chars', '--max-query-chars']);
  assert.equal(body.message, `the query has ${q.length} characters; the limit is 10000`);
  page = await session.open('/?q=' + encodeURIComponent(q));
  await status().filter({hasText: 'The query has'}).waitFor();
  assert.equal(await status().textContent(), `The query has ${q.length} characters; the limit is 10000`);
  assert.doesNotMatch(await page.locator('main').textContent(), SERVER_WORDS);
});

/** Answers the page's searches with the server's 503 "busy" while busy() says so. */
async function busyServer(busy) {
  await page.route(/\/api\/search\?/, async (route) => {
    if (!busy()) return route.continue();
    return route.fulfill({status: 503, headers: {'Retry-After': '2'}, contentType: 'application/json',
      json: {error: 'busy', setting: 'search_timeout_ms', flag: '--search-timeout-ms',
        message: 'the search took longer than its time limit of 5000 ms: the server may be busy, or still'
          + ' warming up after a start. Try again in a moment; if it keeps happening, narrow the search'
          + ' (a date range, a filter, fewer wildcards)'}});
  });
}

test('a search the server was too busy for is asked again, not blamed on the query', async () => {
  const {total} = await api('/api/search?q=Baghouz');
  page = await session.open('/');
  await status().filter({hasText: /articles/}).waitFor();
  // Once busy: the page says so, waits, asks again and shows the hits.
  let refusals = 1;
  await busyServer(() => refusals-- > 0);
  await page.fill('#q', 'Baghouz');
  await status().filter({hasText: 'The server is busy or still warming up; trying again…'}).waitFor();
  await status().filter({hasText: new RegExp(`^${total} articles`)}).waitFor();
  // Busy twice: the reason in words, no query error, and one button to try again.
  refusals = 2;
  await page.fill('#q', 'Baghouz Syria');
  const retry = page.getByRole('button', {name: 'Try again'});
  await retry.waitFor();
  assert.match(await status().textContent(), /^The search took longer than its time limit of 5000 ms: the server may be busy, or still warming up after a start\. Try again in a moment/);
  assert.equal(await page.locator('#query-error').isHidden(), true);
  assert.equal(await page.locator('#did-you-mean').isHidden(), true, 'no suggestion left from the last search');
  assert.doesNotMatch(await status().textContent(), SERVER_WORDS);
  await shot(page, 'page-busy.png', {clip: {x: 0, y: 0, width: 1280, height: 420}});
  const both = await api('/api/search?q=' + encodeURIComponent('Baghouz Syria'));
  await retry.click();
  await status().filter({hasText: new RegExp(`^${both.total} articles?`)}).waitFor();
  assert.equal(await retry.count(), 0);
  assert.deepEqual(errors, []);
});

test('an upload says how far it has got: sent, then indexing with its seconds, then what it gave', async () => {
  page = await session.open('/');
  await page.getByText('Add articles to the archive').click();
  // Every text the file's line shows, however briefly: indexing may take less than a second once
  // the name finder is loaded (by an earlier upload), and well over a minute before.
  await page.evaluate(() => {
    window.uploadStages = [];
    new MutationObserver(() => {
      const text = document.querySelector('.upload-log li')?.textContent;
      if (text && text !== window.uploadStages.at(-1)) window.uploadStages.push(text);
    }).observe(document.querySelector('.upload-log'), {childList: true, subtree: true, characterData: true});
  });
  await page.fill('#upload-key', WRITE_KEY);
  await page.setInputFiles('#upload-files', {name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(
    'Night ferry to Skerrish cancelled\n\nThe night ferry to Skerrish was cancelled on Sunday because of'
    + ' high winds, the operator said.\n')});
  await page.getByRole('button', {name: 'Upload and index'}).click();
  const line = page.locator('.upload-log li').first();
  await line.filter({hasText: /; indexing|indexed/}).waitFor({timeout: 300_000});
  await shot(page, 'page-upload-progress.png', {clip: {x: 0, y: 0, width: 1280, height: 420}});
  // the real first upload loads the name finder: a minute or more on a loaded machine
  await line.filter({hasText: /^ferry\.txt: indexed, 1 article: article 1$/}).waitFor({timeout: 300_000});
  const stages = await page.evaluate(() => window.uploadStages);
  assert.equal(stages[0], 'ferry.txt: sending…');
  assert.match(stages[1], /^ferry\.txt: (sending, \d+ % of 1 KB…|sent; indexing \(reading its text, dates, outlet and names\), 0 s…)$/);
  assert.ok(stages.includes('ferry.txt: sent; indexing (reading its text, dates, outlet and names), 0 s…'), stages.join(' / '));
  const slow = stages.filter((t) => / \d+ s; the first upload after the server starts also loads the name finder, which can take a minute or two…$/.test(t));
  const longest = Math.max(...stages.map((t) => Number(t.match(/; indexing .*?, (\d+) s/)?.[1] ?? 0)));
  assert.equal(slow.length > 0, longest >= 5, `the slow note shows from 5 s on: ${stages.join(' / ')}`);
  assert.equal(stages.at(-1), 'ferry.txt: indexed, 1 article: article 1');
  assert.deepEqual(errors, []);
});
