// The <dateline-search> widget on a page of another origin, searching Dateline through CORS.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {launch} from '../lib/browser.js';
import {BASE, OTHER_PORT, READ_KEY, shot} from '../lib/env.js';

let browser;
let server;

/** A partner's page: its own styles (which must not reach inside the widget) and the widget. */
function hostPage(widgetAttrs) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Partner Gazette</title>
<style>body{font-family:Georgia,serif;margin:2rem;background:#fbfaf7;color:#222}
mark{background:rgb(255,0,0)} li{color:rgb(128,0,128)} input{border:5px solid rgb(0,255,0)}</style>
<script src="${BASE}/widget.js"></script></head><body>
<h1>The Partner Gazette</h1><p>Our coverage of the battle for Baghouz, searched through Dateline:</p>
<dateline-search endpoint="${BASE}" ${widgetAttrs}></dateline-search>
<ul><li id="host-item">A list item of the host page</li></ul></body></html>`;
}

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const attrs = url.pathname === '/scoped' ? `key="${READ_KEY}"`
      : 'outlet="Middle East Monitor" from="2019-01-01"';
    res.writeHead(url.pathname === '/favicon.ico' ? 404 : 200, {'Content-Type': 'text/html; charset=utf-8'});
    res.end(hostPage(attrs));
  });
  await new Promise((resolve) => server.listen(OTHER_PORT, '127.0.0.1', resolve));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the widget searches Dateline from another origin, pinned to its outlet, styles isolated', async () => {
  const page = await browser.newPage({viewport: {width: 900, height: 700}});
  const origin = `http://127.0.0.1:${OTHER_PORT}`;
  await page.goto(`${origin}/partner`);
  assert.notEqual(new URL(BASE).origin, origin, 'the widget page is another origin');
  const input = page.locator('dateline-search input[type=search]');
  await input.fill('Baghouz');
  const status = page.locator('dateline-search .status');
  await status.filter({hasText: '2 articles'}).waitFor();
  const hits = page.locator('dateline-search li');
  assert.equal(await hits.count(), 2);
  for (const meta of await page.locator('dateline-search .meta').allTextContents()) {
    assert.match(meta, /^Middle East Monitor · /);
  }
  assert.equal(await page.locator('dateline-search mark').first().textContent(), 'Baghouz');
  // Links go back to Dateline's document view.
  const href = await page.locator('dateline-search a.title').first().getAttribute('href');
  assert.ok(href.startsWith(`${BASE}/?q=Baghouz&doc=`), href);
  // Styles do not leak either way.
  const markBg = await page.locator('dateline-search mark').first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(markBg, 'rgb(255, 0, 0)');
  const inputBorder = await input.evaluate((i) => getComputedStyle(i).borderTopWidth);
  assert.notEqual(inputBorder, '5px');
  assert.equal(await page.locator('#host-item').evaluate((li) => getComputedStyle(li).color), 'rgb(128, 0, 128)');
  assert.equal(await page.evaluate(() => document.querySelectorAll('style').length), 1, 'no style added to the host');
  await shot(page, 'widget.png');
  // Following a hit opens it in Dateline.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('dateline-search a.title').first().click()]);
  await popup.locator('#doc-title').waitFor();
  assert.match(await popup.locator('#doc-text mark.m-match').first().textContent(), /Baghouz/);
  await page.close();
});

test('a scoped read key in the widget sees only what the key allows', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${OTHER_PORT}/scoped`);
  await page.locator('dateline-search input[type=search]').fill('Baghouz OR Daesh OR harbour');
  await page.locator('dateline-search .status').filter({hasText: /^1 article in 1 story$/}).waitFor();
  assert.match(await page.locator('dateline-search .meta').textContent(), /^Middle East Monitor · 23 Feb 2019/);
  await page.close();
});

test('an origin missing from the allow-list is refused by the browser', async () => {
  const page = await browser.newPage();
  // Same server, other host name: another origin, not in Dateline's CORS allow-list.
  await page.goto(`http://localhost:${OTHER_PORT}/partner`);
  await page.locator('dateline-search input[type=search]').fill('Baghouz');
  await page.locator('dateline-search .status.error').filter({hasText: 'CORS allow-list'}).waitFor();
  assert.equal(await page.locator('dateline-search li').count(), 0);
  await page.close();
});
