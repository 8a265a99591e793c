// Issue 21 on the page, in a real Chromium: tags, a star and a note in the document view with a
// write key (refused without one), the tag and starred filters, the original file linked and a PDF
// previewed, and batch search (a pasted list, its progress, a sortable table, a line opened as a
// search).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, openPage} from '../lib/browser.js';
import {readFile} from 'node:fs/promises';
import {BASE, WRITE_KEY, shot, api, csvRows} from '../lib/env.js';
import {pdf, upload} from '../lib/fixtures.js';

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

test('tags, a star and a note: refused without a write key, saved with one, then filters', async () => {
  const {hits} = await api('/api/search?q=' + encodeURIComponent('"Mustafa Bali"'));
  const id = hits.find((h) => h.outlet === 'The Guardian').id;
  await open(`/?q=Baghouz&doc=${id}`);
  await page.locator('#desk-title').waitFor();
  assert.equal(await page.locator('.desk-tags').textContent(), 'No tags yet.');
  await page.fill('#tag-input', 'sdf-briefings');
  await page.getByRole('button', {name: 'Tag', exact: true}).click();
  await page.locator('.desk-message.error').filter({hasText: /write key/}).waitFor();
  assert.deepEqual((await api(`/api/documents/${id}/desk`)).tags, []);
  // With the key (the same one the upload form uses), the tag is saved and shown.
  await page.fill('#desk-key', WRITE_KEY);
  await page.fill('#tag-input', 'sdf-briefings');
  await page.getByRole('button', {name: 'Tag', exact: true}).click();
  await page.locator('.desk-tags a', {hasText: 'sdf-briefings'}).waitFor();
  assert.deepEqual((await api(`/api/documents/${id}/desk`)).tags, ['sdf-briefings']);
  await page.locator('#star-button').click();
  await page.locator('#star-button[aria-pressed=true]').waitFor();
  const marks = await api(`/api/documents/${id}/desk`);
  assert.equal(marks.starred_by.length, 1);
  assert.equal(await page.locator('#starred-by').textContent(), `Starred by ${marks.starred_by[0]}`);
  await page.fill('#note-text', 'Check the casualty figure with the SDF press office.');
  await page.getByRole('button', {name: 'Save note'}).click();
  await page.locator('#note blockquote').filter({hasText: 'Check the casualty figure'}).waitFor();
  const note = (await api(`/api/documents/${id}/desk`)).note;
  assert.equal(note.text, 'Check the casualty figure with the SDF press office.');
  assert.equal(await page.locator('#note figcaption').textContent().then((t) => t.startsWith(`${note.author}, `)), true);
  await shot(page, 'page-desk.png');
  // The key never reaches the URL.
  assert.equal(page.url().includes(WRITE_KEY), false);
  // A tag is a link to its articles.
  await page.locator('.desk-tags a', {hasText: 'sdf-briefings'}).click();
  await page.waitForURL((u) => u.searchParams.get('tag') === 'sdf-briefings' && !u.searchParams.get('doc'));
  await status().filter({hasText: /^1 article /}).waitFor();
  assert.equal(await page.locator('.hit-card').getAttribute('data-id'), id);
  assert.ok((await page.locator('#chips').textContent()).includes('Tag: sdf-briefings'));
  // Starred by me: the page sends the key it holds, and the server narrows to this key's stars.
  await page.getByRole('button', {name: 'Remove filter Tag: sdf-briefings'}).click();
  await page.locator('#starred').check();
  await page.waitForURL(/starred=true/);
  await status().filter({hasText: /^1 article /}).waitFor();
  assert.equal(await page.locator('.hit-card').getAttribute('data-id'), id);
  // Its export too: a link cannot send the key, so the page fetches the file with it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  const rows = csvRows(await readFile(await download.path()));
  assert.deepEqual(rows.slice(1).map((r) => r[0]), [id]);
  // Removing the note and the tag from the page.
  await page.locator('.hit-link').click();
  await page.getByRole('button', {name: 'Delete the note'}).click();
  await page.locator('#note').waitFor({state: 'detached'});
  await page.getByRole('button', {name: 'Remove tag sdf-briefings'}).click();
  await page.locator('.desk-tags').filter({hasText: 'No tags yet.'}).waitFor();
  assert.deepEqual(await api(`/api/documents/${id}/desk`), {tags: [], starred_by: marks.starred_by, note: null});
  assert.deepEqual(errors, []);
});

test('the document links to its original file and previews a PDF in the page', async () => {
  const {hits} = await api('/api/search?q=' + encodeURIComponent('"last major stronghold"'));
  await open(`/?doc=${hits[0].id}`);
  const link = page.locator('#original-link');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), `/api/documents/${hits[0].id}/original`);
  const res = await fetch(BASE + await link.getAttribute('href'));
  assert.equal(res.status, 200);
  assert.match(await res.text(), /last major stronghold/);
  assert.equal(await page.locator('#original-preview').count(), 0, 'a text file is not previewed');

  const [pdfId] = await upload(BASE, WRITE_KEY, 'ferry-timetable.pdf', 'application/pdf', pdf('Winter ferry timetable for Skerrish'));
  await open(`/?doc=${pdfId}`);
  const frame = page.locator('iframe#original-preview');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('src'), `/api/documents/${pdfId}/original`);
  await page.waitForFunction(() => document.querySelector('iframe#original-preview')?.contentWindow);
  await page.waitForTimeout(500);
  const loaded = page.frames().map((f) => f.url());
  assert.ok(loaded.includes(`${BASE}/api/documents/${pdfId}/original`), `frames: ${loaded.join(', ')}`);
  await shot(page, 'page-original-pdf.png');
});

test('batch search: a pasted list runs with its progress shown, sorts by articles, opens as a search', async () => {
  const names = ['Mostefa Bali', 'Mostafa Bali', 'Baghuz', 'Deir ez-Zor', 'Qwzxv Plorth'];
  await open('/?view=batch');
  await page.locator('#batch-lines').waitFor();
  await page.fill('#batch-lines', names.join('\n'));
  await page.locator('#batch-variants').check();
  await page.getByRole('button', {name: 'Run the batch'}).click();
  await page.locator('#batch-status').filter({hasText: /^Done: 5 lines, 4 found in the archive\.$/}).waitFor();
  assert.equal(await page.locator('#batch-progress').evaluate((p) => p.value === p.max), true);
  const rows = page.locator('table.batch tbody tr');
  assert.equal(await rows.count(), 5);
  // Each line's count is what the same search gives, in every spelling.
  const expected = [];
  for (const [i, name] of names.entries()) {
    const searched = await rows.nth(i).locator('a.batch-query').getAttribute('href');
    const q = new URL(searched, BASE).searchParams.get('q');
    const {total} = await api(`/api/search?variants=true&q=${encodeURIComponent(q)}`);
    expected.push([name, String(total)]);
  }
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [tr.cells[1].textContent, tr.cells[2].textContent])), expected);
  assert.equal(expected.at(-1)[1], '0');
  // Sorting by articles puts the most found first.
  await page.locator('th .sort-button[data-key=articles]').click();
  const counts = (await rows.locator('td:nth-child(3)').allTextContents()).map(Number);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.equal(await page.locator('th[aria-sort=descending]').count(), 1);
  await shot(page, 'page-batch.png');
  // A line opens as its own search.
  const top = rows.first();
  const topCount = Number(await top.locator('td:nth-child(3)').textContent());
  await top.locator('a.batch-query').click();
  await page.waitForURL((u) => !u.searchParams.get('view'));
  await status().filter({hasText: new RegExp(`^${topCount} articles? `)}).waitFor();
  assert.deepEqual(errors, []);
});
