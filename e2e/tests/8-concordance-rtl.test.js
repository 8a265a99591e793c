// Issue 18 in a real Chromium: the concordance table lays each line out in its article's own
// direction. An Arabic and an English article (written for this test, uploaded by it) name the same
// village; one search finds both. The English line reads left to right as before; the Arabic line
// reads right to left: what precedes the match stands right of it, ending next to it, and what
// follows stands left of it, starting next to it (its Arabic comma touching the match's left side).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, openPage} from '../lib/browser.js';
import {BASE, WRITE_KEY, shot, api} from '../lib/env.js';
import {upload} from '../lib/fixtures.js';

const ARABIC = {
  lang: 'ar',
  word: 'قسراوي',
  title: 'افتتاح مدرسة جديدة في قرية قسراوي',
  paragraphs: [
    'افتتحت السلطات المحلية يوم الاثنين مدرسة جديدة في قرية قسراوي، بعد أن ظل الأطفال يدرسون في خيام منذ عامين.',
    'وقال مدير المدرسة إن المبنى يتسع لأربعمئة تلميذ، وإن الدروس ستبدأ الأسبوع المقبل.',
  ],
};

const ENGLISH = {
  lang: 'en',
  word: 'Qasrawi',
  title: 'New school opens its doors',
  paragraphs: [
    'A new school opened on Monday in the village of Qasrawi, where children had been taught in tents for two years.',
    'The head teacher said the building had room for four hundred pupils and that lessons would start next week.',
  ],
};

const QUERY = `${ARABIC.word} OR ${ENGLISH.word}`;

function page({lang, title, paragraphs}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Concordance Test Desk">
<meta property="article:published_time" content="2026-04-02T08:00:00Z">
</head><body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

let browser;
let tab;
const ids = {};
const errors = [];

before(async () => {
  browser = await launch();
  [ids.arabic] = await upload(BASE, WRITE_KEY, 'concordance-ar.html', 'text/html', page(ARABIC));
  [ids.english] = await upload(BASE, WRITE_KEY, 'concordance-en.html', 'text/html', page(ENGLISH));
});
after(async () => {
  await browser?.close();
});

/** Boxes of a row's cells (the match's column, the mark centred in it) and of the first and last
 * letters of each context's text. */
async function rowGeometry(row) {
  return row.evaluate((tr) => {
    const box = (el) => el.getBoundingClientRect().toJSON();
    const letter = (bdi, at) => {
      const text = bdi.firstChild;
      const r = document.createRange();
      const i = at < 0 ? text.length + at : at;
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().toJSON();
    };
    const side = (cls) => {
      const td = tr.querySelector(cls);
      const bdi = td.querySelector('bdi');
      return {cell: box(td), text: bdi.textContent, dir: getComputedStyle(bdi).direction,
        first: letter(bdi, 0), last: letter(bdi, -1)};
    };
    return {left: side('.c-left'), right: side('.c-right'), match: box(tr.querySelector('.c-match')),
      rtl: tr.classList.contains('c-rtl'), lang: tr.getAttribute('lang')};
  });
}

test('the concordance API names each line\'s language', async () => {
  const r = await api(`/api/concordance?q=${encodeURIComponent(QUERY)}`);
  const mine = r.lines.filter((l) => l.id === ids.arabic || l.id === ids.english);
  const byArticle = Object.fromEntries(mine.map((l) => [l.id, l]));
  assert.equal(byArticle[ids.arabic]?.language, 'ar', JSON.stringify(mine));
  assert.equal(byArticle[ids.english]?.language, 'en', JSON.stringify(mine));
  assert.equal(byArticle[ids.arabic].match, ARABIC.word);
  assert.match(byArticle[ids.arabic].left, /في قرية $/);
  assert.match(byArticle[ids.arabic].right, /^، بعد أن ظل الأطفال/);
});

test('an Arabic line is laid out right to left beside an English line left to right', async () => {
  await tab?.context().close();
  tab = await openPage(browser, `${BASE}/?q=${encodeURIComponent(QUERY)}&view=concordance`,
    {width: 1280, height: 900}, errors);
  await tab.locator('.concordance-tools p').filter({hasText: /matches in/}).waitFor();
  const arabicRow = tab.locator('table.concordance tbody tr.c-rtl').filter({hasText: 'بعد أن ظل'});
  const englishRow = tab.locator('table.concordance tbody tr:not(.c-rtl)').filter({hasText: 'where children had'});
  assert.equal(await arabicRow.count(), 1);
  assert.equal(await englishRow.count(), 1);

  const ar = await rowGeometry(arabicRow);
  assert.equal(ar.lang, 'ar');
  // The right column holds what precedes the match, the left one what follows.
  assert.match(ar.right.text, /في قرية$/, JSON.stringify(ar.right.text));
  assert.match(ar.left.text, /^، بعد أن ظل الأطفال/, JSON.stringify(ar.left.text));
  assert.equal(ar.right.dir, 'rtl');
  assert.equal(ar.left.dir, 'rtl');
  assert.ok(ar.right.cell.x >= ar.match.x + ar.match.width - 1, 'the preceding text is right of the match');
  assert.ok(ar.left.cell.x + ar.left.cell.width <= ar.match.x + 1, 'the following text is left of the match');
  // Read right to left: the preceding text ends next to the match (its last letter leftmost), and
  // the following text starts next to it (its comma rightmost, against the match).
  assert.ok(ar.right.last.x < ar.right.first.x, `the preceding text runs right to left: ${JSON.stringify(ar.right)}`);
  assert.ok(ar.right.last.x - (ar.match.x + ar.match.width) < 12, 'and ends against the match');
  assert.ok(ar.left.first.x > ar.left.last.x, `the following text runs right to left: ${JSON.stringify(ar.left)}`);
  assert.ok(ar.match.x - (ar.left.first.x + ar.left.first.width) < 12, 'and starts against the match');

  const en = await rowGeometry(englishRow);
  assert.equal(en.lang, 'en');
  assert.match(en.left.text, /in the village of$/);
  assert.match(en.right.text, /^, where children had/);
  assert.equal(en.left.dir, 'ltr');
  assert.ok(en.left.cell.x + en.left.cell.width <= en.match.x + 1, 'the preceding text is left of the match');
  assert.ok(en.right.cell.x >= en.match.x + en.match.width - 1, 'the following text is right of the match');
  assert.ok(en.left.last.x > en.left.first.x && en.match.x - (en.left.last.x + en.left.last.width) < 12,
    'the preceding text ends against the match');
  assert.ok(en.right.first.x - (en.match.x + en.match.width) < 12, 'the following text starts against the match');
  await shot(tab.locator('table.concordance'), 'languages-concordance-rtl.png');
});

test('no script errors on the concordance page', () => {
  assert.deepEqual(errors, []);
});
