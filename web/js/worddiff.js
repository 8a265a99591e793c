// Word-level comparison of two copies of one story: Myers' diff over folded words, each change
// sorted into what a reader checks first (numbers, names, quotes, attributions) or other, and
// house-style differences (quote marks, dashes, case, accents, -ise/-ize spelling) folded away as
// equal. Pure functions: no DOM.

/** Words (letters, marks, digits, with inner apostrophes, dots and commas) with their offsets. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[’'.,][\p{L}\p{M}\p{N}]+)*/gu;

/** Stop diffing beyond this many edits: two texts that far apart are not one story's copies. */
const MAX_EDITS = 6000;

/** The words of text: {text, key, start, end}; key is the word with house style folded away. */
export function words(text) {
  const out = [];
  for (const m of text.matchAll(WORD)) {
    out.push({text: m[0], key: fold(m[0]), start: m.index, end: m.index + m[0].length});
  }
  return out;
}

/**
 * A word without its house style: compatibility forms, accents and case gone, apostrophes and
 * number separators unified, British and American spellings of one word made one (-ise/-ize,
 * -yse/-yze, -our/-or, -tre/-ter, a doubled l before -ed/-ing).
 */
export function fold(word) {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/’/g, '\'')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1')
    .replace(/([^aeiou])re(s|d)?$/, '$1er$2')
    .replace(/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2');
}

/**
 * Myers' O((N+M)D) shortest edit script between key arrays a and b, as runs:
 * [{op: '=', a: [from, to], b: [from, to]}, {op: '-', a: [...]}, {op: '+', b: [...]}].
 * Common head and tail are taken off first (a copy cut from the bottom costs nothing more).
 * Null when the texts differ in more than MAX_EDITS words.
 */
export function diffKeys(a, b) {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const edits = middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  if (!edits) return null;
  const runs = [];
  const push = (op, ai, bi) => {
    const last = runs.at(-1);
    if (last && last.op === op) {
      if (op !== '+') last.a[1] = ai + 1;
      if (op !== '-') last.b[1] = bi + 1;
    } else {
      runs.push({op, a: op === '+' ? [ai, ai] : [ai, ai + 1], b: op === '-' ? [bi, bi] : [bi, bi + 1]});
    }
  };
  for (let i = 0; i < head; i++) push('=', i, i);
  for (const [op, x, y] of edits) push(op, x + head, y + head);
  for (let i = tail; i > 0; i--) push('=', a.length - i, b.length - i);
  return runs;
}

/** The edit script of a against b, one [op, ai, bi] per word (ai/bi: where the op stands). */
function middle(a, b) {
  const n = a.length;
  const m = b.length;
  const trace = [];
  for (let d = 0; d <= n + m; d++) {
    if (d > MAX_EDITS) return null;
    const prev = trace[d - 1];
    const at = (k) => (d === 0 ? 0 : prev[k + d - 1]);
    const v = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(v);
        return backtrack(trace, n, m);
      }
    }
    trace.push(v);
  }
  return [];
}

function backtrack(trace, n, m) {
  const out = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (kk) => prev[kk + d - 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const px = at(prevK);
    const py = px - prevK;
    while (x > px && y > py) out.push(['=', --x, --y]);
    if (x === px) out.push(['+', x, --y]);
    else out.push(['-', --x, y]);
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) out.push(['=', --x, --y]);
  return out.reverse();
}

const NUMBER_WORD = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand|million|billion|dozen|half|third|quarter)s?$/;
const REPORTING = /^(?:said|says|say|told|tells|added|adds|stated|states|claimed|claims|according|reported|reports|announced|confirmed|denied|insisted|warned|wrote|quoted|alleged|acknowledged|admitted|explained|noted)$/;
const QUOTES = /["“”„«»‘’]/g;

/** The kinds a change is flagged as, in the order a reader checks them. */
export const KINDS = ['number', 'name', 'quote', 'attribution', 'other'];

/**
 * Compares copy texts a (first in archive) and b: {changes, style, cut, equal}. Each change:
 * {id, kinds, removed: [from, to] of a's words, added: [from, to] of b's words}; style: pairs of
 * words equal but for house style; cut: whether b ends where a still goes on.
 */
export function compare(textA, textB) {
  const wa = words(textA);
  const wb = words(textB);
  const runs = diffKeys(wa.map((w) => w.key), wb.map((w) => w.key));
  if (!runs) return null;
  const changes = [];
  const style = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    if (r.op === '=') {
      for (let j = 0; j < r.a[1] - r.a[0]; j++) {
        if (wa[r.a[0] + j].text !== wb[r.b[0] + j].text) style.push([r.a[0] + j, r.b[0] + j]);
      }
      continue;
    }
    // A removal next to an addition is one replacement.
    const next = runs[i + 1];
    const removed = r.op === '-' ? r.a : [r.a[0], r.a[0]];
    let added = r.op === '+' ? r.b : [r.b[0], r.b[0]];
    if (r.op === '-' && next?.op === '+') {
      added = next.b;
      i++;
    }
    changes.push({id: changes.length, removed, added,
      kinds: kinds(textA, wa, removed, textB, wb, added)});
  }
  const last = runs.at(-1);
  const cut = last?.op === '-' && last.a[1] === wa.length;
  return {wa, wb, runs, changes, style, cut};
}

function kinds(textA, wa, removed, textB, wb, added) {
  const out = new Set();
  const sides = [[textA, wa, removed], [textB, wb, added]];
  for (const [text, ws, [from, to]] of sides) {
    for (let i = from; i < to; i++) {
      const w = ws[i];
      if (/\p{N}/u.test(w.text) || NUMBER_WORD.test(w.key)) out.add('number');
      if (/^\p{Lu}/u.test(w.text) && !sentenceStart(text, ws, i)) out.add('name');
      if (REPORTING.test(w.key)) out.add('attribution');
    }
    if (from < to && insideQuote(text, ws, from, to)) out.add('quote');
  }
  if (!out.size) out.add('other');
  return KINDS.filter((k) => out.has(k));
}

/** Whether word i opens a sentence, a paragraph or the text. */
function sentenceStart(text, ws, i) {
  const before = text.slice(i ? ws[i - 1].end : 0, ws[i].start);
  return i === 0 || /[.!?]["“”’)]*\s+["“‘(]*$|\n\s*["“‘(]*$/.test(before);
}

/** Whether words from..to lie inside quotation marks, or touch one, within their paragraph. */
function insideQuote(text, ws, from, to) {
  const start = ws[from].start;
  const end = ws[to - 1].end;
  const para = text.lastIndexOf('\n', start) + 1;
  const opened = (text.slice(para, start).match(QUOTES) || []).filter((q) => q !== '’').length;
  const around = text.slice(Math.max(para, start - 1), end + 1);
  return opened % 2 === 1 || /["“”„«»‘]/.test(around);
}

/** The paragraph (1-based, blank-line separated) of text that holds offset. */
export function paragraphAt(text, offset) {
  return text.slice(0, offset).split(/\n\s*\n/).filter((p) => p.trim()).length || 1;
}
