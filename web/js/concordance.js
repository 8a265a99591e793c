// Concordance: every match across the result set as one aligned KWIC table, sortable by the word
// left or right of the match, downloadable as CSV.
import {h, fill, num, dateLabel} from './dom.js';

export const LIMIT = 2000;

/** Renders the concordance response; docHref(line) opens a line's article at the match. */
export function renderConcordance(container, response, order, csvHref, onOrder, docHref) {
  const sortButton = (value, label) => h('button', {type: 'button', class: 'sort-button',
    'aria-pressed': String(order === value), onclick: () => onOrder(value)}, label);
  const rows = response.lines.map((l) => h('tr', {},
    h('td', {class: 'c-left' + (/\s$/.test(l.left) ? ' gap' : '')}, h('bdi', {}, l.left.trim())),
    h('td', {class: 'c-match'}, h('a', {href: docHref(l)}, h('mark', {}, l.match))),
    h('td', {class: 'c-right' + (/^\s/.test(l.right) ? ' gap' : '')}, l.right.trim()),
    h('td', {class: 'c-source'}, h('span', {class: 'outlet'}, l.outlet || '—'), ' ',
      dateLabel(l.date, null), h('span', {class: 'c-title'}, l.title))));
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
