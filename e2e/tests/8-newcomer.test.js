// What a newcomer tripped on, in a real Chromium: a date shown as the outlet printed it (the day the
// histogram counts), a word of several parts ("U.S.-led") searched like any word, no far-fetched
// "did you mean" for a name the archive lacks, refusals said without server settings, and the PDF
// preview checked by its pixels: the page of the PDF drawn, with its text on it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {browserSession} from '../lib/browser.js';
import {BASE, WRITE_KEY, READ_KEY, api} from '../lib/env.js';
import {pdf, upload} from '../lib/fixtures.js';

const session = browserSession(BASE);
const errors = session.errors;
let page;

async function open(path) {
  page = await session.open(path);
}

const status = () => page.locator('#status');

test('a date is shown as the outlet printed it: the Guardian\'s 23.39 EST is 16 February', async () => {
  const {hits} = await api('/api/search?q=' + encodeURIComponent('"Mustafa Bali"'));
  const guardian = hits.find((h) => h.outlet === 'The Guardian');
  assert.equal(guardian.date, '2019-02-17T04:39:00Z');
  assert.equal(guardian.date_offset, -300);
  await open('/?q=' + encodeURIComponent('"Mustafa Bali"') + '&collapse=none');
  const card = page.locator(`.hit-card[data-id="${guardian.id}"]`);
  await card.waitFor();
  assert.equal(await card.locator('.hit-meta time').textContent(), '16 Feb 2019, 23:39 UTC−05:00');
  // the day the date filter puts it on
  const day = await api('/api/search?q=' + encodeURIComponent('"Mustafa Bali"') + '&from=2019-02-16&to=2019-02-16');
  assert.deepEqual(day.hits.map((h) => h.id), [guardian.id]);
  // A time the source gave without a zone is UTC, and said so.
  const mem = hits.find((h) => h.outlet === 'Middle East Monitor');
  assert.equal(mem.date_offset, null);
  assert.equal(await page.locator(`.hit-card[data-id="${mem.id}"] .hit-meta time`).textContent(), '23 Feb 2019, 10:27 UTC');
  await card.locator('.hit-link').click();
  await page.locator('#doc-title').waitFor();
  const meta = await page.locator('.doc-meta').textContent();
  assert.match(meta, /Published16 Feb 2019, 23:39 UTC−05:00 \(from the text\)/);
  assert.match(meta, /LanguageEnglish \(en\) \(from the words of the text\)/);
  assert.deepEqual(errors, []);
});

test('a word of several parts is searched like any word, and a short name is not respelt far', async () => {
  const typed = await api('/api/search?q=' + encodeURIComponent('U.S.-led'));
  assert.equal(typed.total, 5);
  await open('/?q=' + encodeURIComponent('U.S.-led'));
  await status().filter({hasText: /^5 articles /}).waitFor();
  assert.equal(await page.locator('#query-error').isHidden(), true);
  // On the seeds "Tony Blair" was respelt "Tiny Bali": two edits on five letters.
  const blair = await api('/api/search?q=' + encodeURIComponent('Tony Blair'));
  assert.equal(blair.total, 0);
  assert.deepEqual(blair.did_you_mean, []);
  await open('/?q=' + encodeURIComponent('Tony Blair'));
  await status().filter({hasText: 'No articles match.'}).waitFor();
  assert.equal(await page.locator('#did-you-mean').isHidden(), true);
  assert.deepEqual(errors, []);
});

test('a query that cannot be read is said as a sentence', async () => {
  const res = await fetch(BASE + '/api/search?q=' + encodeURIComponent('Deir ez"Zor'));
  const {message} = await res.json();
  assert.match(message, /^the quote at position 8 /);
  await open('/?q=' + encodeURIComponent('Deir ez"Zor'));
  await page.locator('#query-error').waitFor();
  assert.equal(await status().textContent(), 'T' + message.slice(1));
});

test('a change refused for want of a key says what to do, naming no header or server setting', async () => {
  const {hits} = await api('/api/search?q=' + encodeURIComponent('"Mustafa Bali"'));
  // an article the scoped read key may read: Middle East Monitor, February 2019
  const inScope = hits.find((h) => h.outlet === 'Middle East Monitor' && h.date.startsWith('2019-02'));
  const plain = /X-Dateline-Key|DATELINE_|HTTP \d/;
  await open(`/?doc=${inScope.id}`);
  await page.locator('#desk-title').waitFor();
  const tag = async () => {
    await page.fill('#tag-input', 'to-check');
    await page.getByRole('button', {name: 'Tag', exact: true}).click();
  };
  const said = page.locator('.desk-message.error');
  await tag();
  await said.filter({hasText: 'This needs a write key: ask whoever runs this Dateline for one'}).waitFor();
  await page.fill('#desk-key', 'not-a-key-this-server-knows');
  await tag();
  await said.filter({hasText: 'This Dateline does not know that write key'}).waitFor();
  assert.doesNotMatch(await said.textContent(), plain);
  await page.fill('#desk-key', READ_KEY);
  await tag();
  await said.filter({hasText: 'That key may read but not change anything here'}).waitFor();
  assert.doesNotMatch(await said.textContent(), plain);
  assert.deepEqual((await api(`/api/documents/${inScope.id}/desk`)).tags, []);
  // The upload form says the same.
  await open('/');
  await page.getByText('Add articles to the archive').click();
  await page.setInputFiles('#upload-files', {name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('A note\n\nNothing.\n')});
  await page.getByRole('button', {name: 'Upload and index'}).click();
  const line = page.locator('.upload-log li.error');
  await line.filter({hasText: /^note\.txt: This needs a write key: ask whoever runs this Dateline/}).waitFor();
  assert.doesNotMatch(await line.textContent(), plain);
});

/**
 * The PNG screenshot's pixels, decoded by the browser in a blank page of its own: the largest
 * connected area of white paper, and the dark pixels inside its bounds that are not paper (the text
 * on it), all of them and those in the paper's top quarter.
 */
async function paperAndInk(png) {
  const scratch = await session.browser.newPage();
  try {
    return await scratch.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const {data, width, height} = g.getImageData(0, 0, img.width, img.height);
      const white = (i) => data[4 * i] >= 245 && data[4 * i + 1] >= 245 && data[4 * i + 2] >= 245;
      const seen = new Uint8Array(width * height);
      let best = {size: 0};
      for (let start = 0; start < width * height; start++) {
        if (seen[start] || !white(start)) continue;
        const stack = [start];
        seen[start] = 1;
        const c = {size: 0, x0: width, y0: height, x1: 0, y1: 0, members: []};
        while (stack.length) {
          const i = stack.pop();
          const x = i % width;
          const y = (i - x) / width;
          c.size++;
          c.members.push(i);
          c.x0 = Math.min(c.x0, x); c.x1 = Math.max(c.x1, x); c.y0 = Math.min(c.y0, y); c.y1 = Math.max(c.y1, y);
          for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
            if (j >= 0 && !seen[j] && white(j)) { seen[j] = 1; stack.push(j); }
          }
        }
        if (c.size > best.size) best = c;
      }
      const paper = new Uint8Array(width * height);
      for (const i of best.members || []) paper[i] = 1;
      let ink = 0;
      let inkTop = 0;
      const top = best.y0 + (best.y1 - best.y0) / 4;
      for (let y = best.y0 + 1; y < best.y1; y++) {
        for (let x = best.x0 + 1; x < best.x1; x++) {
          const i = y * width + x;
          if (!paper[i] && data[4 * i] < 128 && data[4 * i + 1] < 128 && data[4 * i + 2] < 128) {
            ink++;
            if (y < top) inkTop++;
          }
        }
      }
      return {share: best.size / (width * height), ink, inkTop};
    }, png.toString('base64'));
  } finally {
    await scratch.close();
  }
}

test('the PDF preview draws the page of the PDF with its text, not an empty frame', async () => {
  // One line of text near the top of a US Letter page (72 pt from the top of 792).
  const [id] = await upload(BASE, WRITE_KEY, 'tide-table.pdf', 'application/pdf',
    pdf('SPRING TIDES AT SKERRISH HARBOUR: HIGH WATER 06:12 AND 18:40'));
  await open(`/?doc=${id}`);
  const frame = page.locator('iframe#original-preview');
  await frame.waitFor();
  await frame.scrollIntoViewIfNeeded();
  // The viewer draws the page some time after the frame loads: wait until paper with ink shows.
  let seen = {share: 0, ink: 0, inkTop: 0};
  for (let i = 0; i < 60 && !(seen.share > 0.1 && seen.ink > 0); i++) {
    await page.waitForTimeout(250);
    seen = await paperAndInk(await frame.screenshot());
  }
  assert.ok(seen.share > 0.1, `the PDF page covers ${Math.round(seen.share * 100)} % of the frame`);
  assert.ok(seen.ink > 100, `${seen.ink} dark pixels of text on the page`);
  assert.equal(seen.inkTop, seen.ink, `all of the ink is in the line at the top of the page: ${JSON.stringify(seen)}`);
  assert.deepEqual(errors, []);
});
