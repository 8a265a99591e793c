// The diff view: the first copy of a story in the archive against another copy, word by word, side
// by side or inline. Changed numbers, names, quotes and attributions are listed first, each a link
// to its place; house-style differences are folded away (counted, shown on demand); the URL of the
// view is its permalink.
import {h, fill, num, formatDate} from './dom.js';
import {compare, KINDS, paragraphAt} from './worddiff.js';

const KIND_TITLES = {number: 'Numbers', name: 'Names', quote: 'Quotes', attribution: 'Attributions', other: 'Other changes'};

/**
 * Renders the comparison of docs a (first in archive) and b into container. story: the story's
 * detail (for the list of copies) or null; links: {layoutHref(layout), compareHref(otherId),
 * docHref(id), permalink}.
 */
export function renderDiff(container, a, b, story, layout, links) {
  const result = compare(a.text, b.text);
  if (!result) {
    fill(container, header(a, b, story, layout, links),
      h('p', {class: 'error', role: 'alert'}, 'These two texts differ in too many words to compare word by word.'));
    return;
  }
  const isFirst = story ? story.first.id === a.id : true;
  fill(container,
    header(a, b, story, layout, links, isFirst),
    summary(a, b, result),
    flags(result),
    styleNote(container, result),
    layout === 'inline' ? inline(a, b, result) : sideBySide(a, b, result, isFirst));
}

function header(a, b, story, layout, links, isFirst = true) {
  const others = story ? story.articles.filter((c) => c.id !== a.id) : [];
  const layoutButton = (value, label) => h('a', {class: 'button layout-button', href: links.layoutHref(value),
    'aria-current': layout === value ? 'true' : null}, label);
  const permalink = h('input', {type: 'text', readonly: true, class: 'cite-url', value: new URL(links.permalink, location.href).href,
    'aria-label': 'Permalink of this comparison'});
  return h('header', {class: 'diff-header'},
    h('h2', {id: 'diff-title', tabindex: '-1'}, 'What changed between two copies'),
    h('div', {class: 'diff-copies'},
      copyCard(a, isFirst ? 'First in archive' : 'Earlier copy', isFirst
        ? 'the earliest copy Dateline holds, not necessarily the original' : null, links),
      copyCard(b, 'This copy', null, links)),
    h('div', {class: 'diff-tools'},
      others.length > 1 ? h('label', {}, 'Compare with ',
        h('select', {id: 'diff-other', onchange: (e) => links.go(links.compareHref(e.target.value))},
          others.map((c) => h('option', {value: c.id, selected: c.id === b.id},
            `${c.outlet || 'unknown outlet'}, ${c.date ? formatDate(c.date, 'day') : 'undated'}`)))) : null,
      h('span', {class: 'layout-group', role: 'group', 'aria-label': 'Layout'},
        layoutButton('side', 'Side by side'), layoutButton('inline', 'Inline')),
      h('span', {class: 'permalink'}, h('a', {href: links.permalink, id: 'diff-permalink'}, 'Permalink'), ' ', permalink)));
}

function copyCard(doc, label, note, links) {
  return h('div', {class: 'copy-card'},
    h('p', {class: 'copy-label'}, label, note ? h('span', {class: 'hint'}, ` (${note})`) : null),
    h('p', {class: 'copy-title', dir: 'auto'}, h('a', {href: links.docHref(doc.id)}, doc.title || '(untitled)')),
    h('p', {class: 'hit-meta'}, h('span', {class: 'outlet'}, doc.outlet || 'unknown outlet'), ' · ',
      doc.date ? formatDate(doc.date, doc.date_precision) : h('span', {class: 'undated'}, 'undated')));
}

function summary(a, b, r) {
  const removed = r.changes.reduce((s, c) => s + c.removed[1] - c.removed[0], 0);
  const added = r.changes.reduce((s, c) => s + c.added[1] - c.added[0], 0);
  const kept = r.wa.length ? Math.round(((r.wa.length - removed) / r.wa.length) * 100) : 100;
  let cut = null;
  if (r.cut) {
    const lastKept = r.runs.filter((x) => x.op === '=').at(-1);
    const paras = paragraphAt(a.text, a.text.length);
    cut = lastKept ? ` Cut from the bottom: ends after paragraph ${paragraphAt(a.text, r.wa[lastKept.a[1] - 1].end)} of ${paras}.` : null;
  }
  return h('p', {class: 'diff-summary', id: 'diff-summary'},
    `This copy keeps ${kept}% of the first copy's words: ${num(added)} word${added === 1 ? '' : 's'} added, ${num(removed)} removed, in ${num(r.changes.length)} change${r.changes.length === 1 ? '' : 's'}.`,
    cut);
}

/** Changes by kind, the kinds a reader checks first at the top; each a link to its place. */
function flags(r) {
  const groups = KINDS.map((k) => [k, r.changes.filter((c) => c.kinds[0] === k)]).filter(([, cs]) => cs.length);
  if (!groups.length) return h('p', {class: 'diff-flags empty'}, 'No change in the words: the copies differ in house style at most.');
  return h('div', {class: 'diff-flags', id: 'diff-flags'}, groups.map(([kind, cs]) => {
    const list = h('ul', {class: 'flag-list'}, cs.map((c) => h('li', {class: `flag k-${kind}`, dataset: {kind}},
      h('a', {href: `#chg-${c.id}`, onclick: (e) => jump(e, c.id)},
        h('del', {dir: 'auto'}, words(r.wa, c.removed) || '∅'), ' → ', h('ins', {dir: 'auto'}, words(r.wb, c.added) || '∅')),
      c.kinds.length > 1 ? h('span', {class: 'hint'}, ` (${c.kinds.slice(1).join(', ')})`) : null)));
    const title = `${KIND_TITLES[kind]} (${num(cs.length)})`;
    return kind === 'other' ? h('details', {class: 'flag-group'}, h('summary', {}, title), list)
      : h('section', {class: 'flag-group', 'aria-label': title}, h('h3', {}, title), list);
  }));
}

function words(ws, [from, to]) {
  const text = ws.slice(from, to).map((w) => w.text).join(' ');
  return text.length > 120 ? text.slice(0, 120) + '…' : text;
}

function jump(e, id) {
  e.preventDefault();
  const target = document.getElementById(`chg-${id}`);
  target?.scrollIntoView({block: 'center'});
  document.querySelectorAll('.diff-text .current').forEach((x) => x.classList.remove('current'));
  document.querySelectorAll(`[data-change="${id}"]`).forEach((x) => x.classList.add('current'));
}

function styleNote(container, r) {
  if (!r.style.length) return null;
  const box = h('input', {type: 'checkbox', id: 'show-style',
    onchange: (e) => container.classList.toggle('show-style', e.target.checked)});
  container.classList.remove('show-style');
  return h('p', {class: 'style-note', id: 'style-note'},
    `${num(r.style.length)} house-style difference${r.style.length === 1 ? '' : 's'} (quote marks, dashes, case, accents, spelling) folded away. `,
    box, h('label', {for: 'show-style'}, 'Show them'));
}

/** Both texts in full, the first copy's removals struck through, this copy's additions marked. */
function sideBySide(a, b, r, isFirst) {
  const marksA = new Map();
  const marksB = new Map();
  for (const c of r.changes) {
    for (let i = c.removed[0]; i < c.removed[1]; i++) marksA.set(i, c);
    for (let i = c.added[0]; i < c.added[1]; i++) marksB.set(i, c);
  }
  const styleA = new Map(r.style.map(([x, y]) => [x, r.wb[y].text]));
  const styleB = new Map(r.style.map(([x, y]) => [y, r.wa[x].text]));
  // The id a flag links to sits on this copy's side, or on the first copy's for a pure removal.
  const anchored = new Set(r.changes.filter((c) => c.added[1] > c.added[0]).map((c) => c.id));
  return h('div', {class: 'diff-side'},
    h('section', {'aria-label': isFirst ? 'First in archive' : 'Earlier copy'},
      h('div', {class: 'diff-text', dir: 'auto'}, marked(a.text, r.wa, marksA, styleA, 'del', (c) => !anchored.has(c.id)))),
    h('section', {'aria-label': 'This copy'},
      h('div', {class: 'diff-text', dir: 'auto'}, marked(b.text, r.wb, marksB, styleB, 'ins', () => true))));
}

/** text with each changed word run wrapped in tag and each house-style word marked. */
function marked(text, ws, marks, style, tag, anchorHere) {
  const out = [];
  let pos = 0;
  for (let i = 0; i < ws.length; i++) {
    const c = marks.get(i);
    if (c) {
      let j = i;
      while (j + 1 < ws.length && marks.get(j + 1) === c) j++;
      out.push(text.slice(pos, ws[i].start), change(tag, c, text.slice(ws[i].start, ws[j].end), anchorHere(c)));
      pos = ws[j].end;
      i = j;
    } else if (style.has(i)) {
      out.push(text.slice(pos, ws[i].start),
        h('span', {class: 'style-diff', title: `house style; the other copy has “${style.get(i)}”`}, ws[i].text));
      pos = ws[i].end;
    }
  }
  out.push(text.slice(pos));
  return out;
}

function change(tag, c, text, anchor) {
  return h(tag, {class: `chg ${c.kinds.map((k) => `k-${k}`).join(' ')}`, id: anchor ? `chg-${c.id}` : null,
    dataset: {change: c.id}, title: `${tag === 'del' ? 'left out' : 'added'}: ${c.kinds.join(', ')}`}, text);
}

/** This copy's text with the first copy's removed words struck through where they stood. */
function inline(a, b, r) {
  const out = [];
  let pos = 0;
  const styleB = new Map(r.style.map(([x, y]) => [y, r.wa[x].text]));
  const byRun = new Map(r.changes.map((c) => [`${c.removed[0]}:${c.added[0]}`, c]));
  for (const run of r.runs) {
    if (run.op === '=') {
      for (let i = run.b[0]; i < run.b[1]; i++) {
        const w = r.wb[i];
        out.push(b.text.slice(pos, w.start));
        out.push(styleB.has(i) ? h('span', {class: 'style-diff', title: `house style; the first copy has “${styleB.get(i)}”`}, w.text) : w.text);
        pos = w.end;
      }
      continue;
    }
    const c = byRun.get(`${run.a[0]}:${run.b[0]}`);
    if (!c) continue; // the addition half of a replacement: written with its removal
    const gapEnd = c.added[1] > c.added[0] ? r.wb[c.added[0]].start : (r.wb[c.added[0]]?.start ?? b.text.length);
    const gap = b.text.slice(pos, gapEnd);
    out.push(gap);
    const parts = [];
    if (c.removed[1] > c.removed[0]) parts.push(h('del', {dataset: {change: c.id}}, a.text.slice(r.wa[c.removed[0]].start, r.wa[c.removed[1] - 1].end)));
    if (c.added[1] > c.added[0]) {
      if (parts.length) parts.push(' ');
      parts.push(h('ins', {dataset: {change: c.id}}, b.text.slice(r.wb[c.added[0]].start, r.wb[c.added[1] - 1].end)));
      pos = r.wb[c.added[1] - 1].end;
    } else {
      parts.push(' ');
      pos = gapEnd;
    }
    out.push(h('span', {class: `chg ${c.kinds.map((k) => `k-${k}`).join(' ')}`, id: `chg-${c.id}`,
      title: c.kinds.join(', ')}, parts));
  }
  out.push(b.text.slice(pos));
  return h('div', {class: 'diff-inline'}, h('div', {class: 'diff-text', dir: 'auto'}, out));
}
