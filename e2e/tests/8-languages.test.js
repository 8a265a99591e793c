// Issue 18 in a real Chromium: an Arabic and a Chinese article (written for this test, uploaded by
// it) found by a word of theirs, the word marked in the hit's KWIC line and in the document view,
// and each shown in its own direction, taken from the article's language (not guessed from the
// first letter: the Arabic headline starts with the Latin "UN"): right-to-left for Arabic, with the
// context before the match on the match's right and punctuation where an Arabic reader expects it,
// left-to-right for Chinese.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, openPage} from '../lib/browser.js';
import {BASE, WRITE_KEY, shot, api} from '../lib/env.js';
import {upload} from '../lib/fixtures.js';

const ARABIC = {
  lang: 'ar',
  word: 'الباغوز',
  title: 'UN: الأمم المتحدة تدعو إلى هدنة إنسانية في الباغوز',
  paragraphs: [
    'قال متحدث باسم الأمم المتحدة يوم الأحد إن الوضع الإنساني خطير في بلدة واحدة على وجه الخصوص: الباغوز، حيث ما زال آلاف المدنيين محاصرين منذ أسابيع.',
    'ودعا المتحدث جميع الأطراف إلى وقف القتال وفتح ممر آمن، وأضاف أن قوافل المساعدات جاهزة للدخول فور توقف القصف.',
    'وأفاد سكان فروا من البلدة بأن الطعام والدواء نفدا تقريبا، وأن الأطفال وكبار السن هم الأكثر تضررا.',
  ],
};

const CHINESE = {
  lang: 'zh',
  word: '北京',
  title: '国际新闻档案研讨会在北京举行',
  paragraphs: [
    '来自二十个国家的记者和档案管理员周一在北京举行会议，讨论如何长期保存新闻报道。',
    '会议组织者说，图书馆将开放更多历史报纸，供研究人员和公众免费查阅。',
    '与会者还介绍了把旧报纸扫描成电子文本的经验，以及检索多种语言文字的困难。',
  ],
};

/** A news page in language lang, as outlets publish them (the language in the html element). */
function page({lang, title, paragraphs}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Languages Test Desk">
<meta property="article:published_time" content="2026-04-01T08:00:00Z">
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
  for (const [name, article] of Object.entries({arabic: ARABIC, chinese: CHINESE})) {
    [ids[name]] = await upload(BASE, WRITE_KEY, `${name}.html`, 'text/html', page(article));
  }
});
after(async () => {
  await browser?.close();
});

async function open(path) {
  await tab?.context().close();
  tab = await openPage(browser, BASE + path, {width: 1280, height: 900}, errors);
  return tab;
}

/** The bounding boxes of the hit's KWIC parts: before the match, the match, after it. */
async function kwicBoxes(line) {
  return {
    left: await line.locator('.kwic-left').boundingBox(),
    match: await line.locator('.kwic-match').boundingBox(),
    right: await line.locator('.kwic-right').boundingBox(),
  };
}

test('the API finds each uploaded article by a word of its own and knows its language', async () => {
  for (const [name, article] of Object.entries({arabic: ARABIC, chinese: CHINESE})) {
    const r = await api(`/api/search?q=${encodeURIComponent(article.word)}`);
    const hit = r.hits.find((h) => h.id === ids[name]);
    assert.ok(hit, `${article.word} finds the ${name} article`);
    assert.equal(hit.language, article.lang);
    assert.equal(hit.kwic[0].match, article.word);
  }
});

test('an Arabic hit is shown right to left: title, KWIC line, context on the right sides', async () => {
  await open('/?q=' + encodeURIComponent(ARABIC.word));
  const card = tab.locator(`.hit-card[data-id="${ids.arabic}"]`);
  await card.waitFor();
  const title = card.locator('.hit-link');
  assert.equal(await title.getAttribute('dir'), 'rtl', 'from the language, though the title starts with "UN"');
  assert.equal(await title.getAttribute('lang'), 'ar');
  const line = card.locator('.kwic').first();
  assert.equal(await line.getAttribute('dir'), 'rtl');
  assert.equal(await line.locator('.kwic-match').textContent(), ARABIC.word);
  const box = await kwicBoxes(line);
  assert.ok(box.left.x >= box.match.x + box.match.width - 1, 'what precedes the match is right of it');
  assert.ok(box.right.x + box.right.width <= box.match.x + 1, 'what follows the match is left of it');
  // The context before the match ends "على وجه الخصوص:": read right to left, the colon comes after
  // the word, so it is drawn left of it (a left-to-right layout would put it on the right).
  const colon = await line.locator('.kwic-left bdi').evaluate((bdi) => {
    const text = bdi.firstChild;
    const rect = (from) => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, from + 1);
      return r.getBoundingClientRect();
    };
    const n = text.length;
    return {last: text.data[n - 1], colon: rect(n - 1), before: rect(n - 2), dir: getComputedStyle(bdi).direction};
  });
  assert.equal(colon.last, ':');
  assert.equal(colon.dir, 'rtl');
  assert.ok(colon.colon.right <= colon.before.left + 1, `the colon is left of "الخصوص": ${JSON.stringify(colon)}`);
  await shot(card, 'languages-arabic-hit.png');
});

test('the Arabic document view is right to left with the match marked', async () => {
  await open(`/?q=${encodeURIComponent(ARABIC.word)}&doc=${encodeURIComponent(ids.arabic)}`);
  const text = tab.locator('#doc-text');
  await text.waitFor();
  assert.equal(await text.getAttribute('dir'), 'rtl');
  assert.equal(await text.getAttribute('lang'), 'ar');
  assert.equal(await text.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  assert.equal(await tab.locator('#doc-title').getAttribute('dir'), 'rtl');
  const marks = await tab.locator('#doc-text mark.m-match').allTextContents();
  assert.ok(marks.length >= 1 && marks.every((m) => m === ARABIC.word), JSON.stringify(marks));
  // A right-to-left paragraph starts at the right edge of the text.
  const textBox = await text.boundingBox();
  const first = await text.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    const r = document.createRange();
    r.setStart(node, 0);
    r.setEnd(node, 1);
    return r.getBoundingClientRect().right;
  });
  assert.ok(first > textBox.x + textBox.width * 0.8, `the first letter is at the right: ${first}`);
  await shot(tab, 'languages-arabic-document.png');
});

test('a Chinese hit and document are left to right with the word marked', async () => {
  await open('/?q=' + encodeURIComponent(CHINESE.word));
  const card = tab.locator(`.hit-card[data-id="${ids.chinese}"]`);
  await card.waitFor();
  assert.equal(await card.locator('.hit-link').getAttribute('dir'), 'ltr');
  assert.equal(await card.locator('.hit-link').getAttribute('lang'), 'zh');
  const line = card.locator('.kwic').first();
  assert.equal(await line.getAttribute('dir'), 'ltr');
  assert.equal(await line.locator('.kwic-match').textContent(), CHINESE.word);
  const box = await kwicBoxes(line);
  assert.ok(box.left.x + box.left.width <= box.match.x + 1, 'what precedes the match is left of it');
  assert.ok(box.right.x >= box.match.x + box.match.width - 1, 'what follows the match is right of it');
  assert.match(await line.textContent(), /在北京举行会议/);

  await open(`/?q=${encodeURIComponent(CHINESE.word)}&doc=${encodeURIComponent(ids.chinese)}`);
  const text = tab.locator('#doc-text');
  await text.waitFor();
  assert.equal(await text.getAttribute('dir'), 'ltr');
  assert.equal(await text.getAttribute('lang'), 'zh');
  const marks = await tab.locator('#doc-text mark.m-match').allTextContents();
  assert.deepEqual(marks, [CHINESE.word], 'its one place in the text (the headline is shown apart)');
});

test('no script errors on any page', () => {
  assert.deepEqual(errors, []);
});
