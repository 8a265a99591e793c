// Keys, from the page's own origin: an upload is refused without a write key and indexed with one.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch} from '../lib/browser.js';
import {BASE, WRITE_KEY, READ_KEY} from '../lib/env.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Uploads a small text file from inside the page, as a newsroom tool would. */
function upload(page, key) {
  return page.evaluate(async (k) => {
    const text = 'Ossuary found under the old tram depot\n\nWorkers found an ossuary under the'
      + ' old tram depot on Monday, the city archaeologist said.\n';
    const form = new FormData();
    form.append('file', new Blob([text], {type: 'text/plain'}), 'tram-depot.txt');
    const res = await fetch('/api/documents', {method: 'POST', body: form,
      headers: k ? {'X-Dateline-Key': k} : {}});
    return {status: res.status, body: await res.json()};
  }, key);
}

test('upload: 401 without a key, 403 with a read key, 201 with a write key, then searchable', async () => {
  const page = await browser.newPage();
  await page.goto(BASE + '/?q=ossuary');
  await page.locator('#status').filter({hasText: 'No articles match.'}).waitFor();
  const none = await upload(page, null);
  assert.equal(none.status, 401);
  assert.equal(none.body.error, 'unauthorized');
  const readOnly = await upload(page, READ_KEY);
  assert.equal(readOnly.status, 403);
  const ok = await upload(page, WRITE_KEY);
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.articles, 1);
  assert.equal(ok.body.ids.length, 1);
  await page.locator('#q').fill('ossuary tram');
  await page.locator('#status').filter({hasText: /^1 article /}).waitFor();
  assert.equal(await page.locator('.hit-link').textContent(), 'Ossuary found under the old tram depot');
  const again = await upload(page, WRITE_KEY);
  assert.equal(again.status, 200);
  assert.equal(again.body.unchanged, true);
  await page.close();
});
