// Concordance: every match across the result set as one aligned KWIC table, sortable by the word
// left or right of the match, downloadable as CSV. A line of a right-to-left article (its language
// says so) is laid out right to left: what precedes the match stands right of it, what follows left.
import {h, fill, num, dateLabel} from './dom.js';
import {dirOf} from './textdir.js';

export const LIMIT = 2000;

/** Renders the concordance response; docHref(line) opens a line's article at the match. */
export function renderConcordance(container, response, order, csvHref, onOrder, docHref) {
  const sortButton = (value, label) => h('button', {type: 'button', class: 'sort-button',
    'aria-pressed': String(order === value), onclick: () => onOrder(value)}, label);
  const rows = response.lines.map((l) => concordanceRow(l, docHref));
  fill(container,
    h('div', {class: 'concordance-tools'},
      h('p', {role: 'status'}, `${num(response.line_count)} matches in ${num(response.hits)} articles`,
        response.truncated ? ` (the first ${num(response.line_count)}; the CSV has up to 100,000)` : ''),
      h('div', {class: 'sort-group', role: 'group', 'aria-label': 'Sort lines'},
        h('span', {}, 'Sort by '),
        sortButton('left', 'word left'), sortButton('right', 'word right'), sortButton('hits', 'result order')),
      h('a', {class: 'button', href: csvHref, download: 'dateline-concordance.csv'}, 'Download CSV')),
    h('div', {class: 'table-wrap'},
      h('table', {class: 'concordance'},
        h('caption', {class: 'visually-hidden'}, 'Concordance: each match with its left and right context'),
        h('thead', {}, h('tr', {},
          h('th', {scope: 'col', class: 'c-left'}, 'Left'), h('th', {scope: 'col'}, 'Match'),
          h('th', {scope: 'col'}, 'Right'), h('th', {scope: 'col'}, 'Source'))),
        h('tbody', {}, rows))));
}

/**
 * One line as a table row. The table's columns run left to right, so a right-to-left line puts its
 * following context in the left column and its preceding context in the right one; each context
 * keeps its own direction in an isolate, and the gap classes pad the side that faces the match.
 */
function concordanceRow(l, docHref) {
  const dir = dirOf(l.language);
  const lang = l.language ? {lang: l.language} : {};
  const rtl = dir === 'rtl';
  const before = l.left.trim();
  const after = l.right.trim();
  const spaceBefore = /\s$/.test(l.left);
  const spaceAfter = /^\s/.test(l.right);
  const [leftText, leftGap, rightText, rightGap] = rtl
    ? [after, spaceAfter, before, spaceBefore]
    : [before, spaceBefore, after, spaceAfter];
  const side = (which, text, gap) => h('td', {class: which + (gap ? ' gap' : '')},
    h('bdi', {dir: dir === 'auto' ? 'auto' : dir, ...lang}, text));
  return h('tr', {class: rtl ? 'c-rtl' : null, ...lang},
    side('c-left', leftText, leftGap),
    h('td', {class: 'c-match'}, h('a', {href: docHref(l)}, h('mark', {dir: 'auto'}, l.match))),
    side('c-right', rightText, rightGap),
    h('td', {class: 'c-source'}, h('span', {class: 'outlet'}, l.outlet || '—'), ' ',
      dateLabel(l.date, null), h('span', {class: 'c-title', dir: 'auto'}, l.title)));
}
