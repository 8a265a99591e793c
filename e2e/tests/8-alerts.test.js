// Issue 17 on the page, in a real Chromium (done-means 7): a search saved as an alert with "Save
// this search as an alert" on a server that indexes (serve --watch, started by run.sh beside the
// read-only one), a file dropped into its watch folder, and the story arriving in the alert's list
// on the page, without a reload.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {writeFile, rename} from 'node:fs/promises';
import {join} from 'node:path';
import {launch, openPage} from '../lib/browser.js';
import {WRITE_KEY, shot} from '../lib/env.js';

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through e2e/run.sh`);
  return v;
}

const WATCH_URL = need('DATELINE_WATCH_URL');
const WATCH_DIR = need('E2E_WATCH_DIR');

let browser;
let page;
const errors = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a search saved as an alert shows a dropped file\'s story on the page', async () => {
  page = await openPage(browser, `${WATCH_URL}/?q=${encodeURIComponent('quay AND ferries')}`,
    {width: 1280, height: 900}, errors);
  await page.locator('#alerts summary').click();
  await page.fill('#alert-key', WRITE_KEY);
  await page.locator('#alert-key').dispatchEvent('change');
  await page.locator('.alert-list li.hint', {hasText: 'No alerts yet.'}).waitFor();
  await page.locator('.save-alert').click();
  await page.locator('.alert-status', {hasText: 'Saved: you will see new stories matching “quay AND ferries”'}).waitFor();
  const alert = page.locator('.alert-list li.alert', {hasText: 'quay AND ferries'});
  await alert.waitFor();
  assert.match(await alert.textContent(), /0 stories/);

  // The file lands whole (written under a dot name, then renamed), as a feed writer would drop it.
  const text = 'Northern quay to close\n\nThe northern quay closes to ferries on Monday, the harbour '
    + 'authority said. Fishing boats will use the southern berth.\n';
  await writeFile(join(WATCH_DIR, '.quay.txt.tmp'), text);
  await rename(join(WATCH_DIR, '.quay.txt.tmp'), join(WATCH_DIR, 'quay.txt'));

  const story = alert.locator('.alert-story a', {hasText: 'Northern quay to close'});
  await story.waitFor({timeout: 60_000}); // the list refreshes every 3 s while the panel is open
  assert.match(await alert.textContent(), /1 story /);
  assert.match(await story.getAttribute('href'), /^\/\?doc=/);
  await shot(page, 'page-alert.png');
  assert.equal(page.url().includes(WRITE_KEY), false);
  assert.deepEqual(errors, []);
});
