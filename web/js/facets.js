// Facet panels: multi-select checkboxes with counts, "show more", a filter box in long facets.
import {h, fill, num} from './dom.js';
import {FACETS, FACET_LABELS} from './state.js';

const SHOWN = 6;

/** The outlet facet's value for the articles that state no outlet (the server's Schema.UNKNOWN_OUTLET). */
const UNKNOWN_OUTLET = 'unknown outlet';

/**
 * Renders every facet dimension into container. expanded: Set of dims showing all values;
 * onToggle(dim, value, checked); onExpand(dim).
 */
export function renderFacets(container, facets, state, expanded, {onToggle, onExpand, allValues}) {
  // A dimension the server does not count (tags, on a server without a tag facet) shows only
  // when one of its values is chosen.
  const panels = FACETS.filter((dim) => facets[dim] !== undefined || state.filters[dim].length)
    .map((dim) => panel(dim, facets[dim] || [], state.filters[dim], expanded.has(dim), {onToggle, onExpand, allValues}));
  fill(container, panels);
}

function panel(dim, values, selected, isExpanded, {onToggle, onExpand, allValues}) {
  // Selected values stay visible even when they fall out of the top counts. The outlet facet's
  // "unknown outlet" (articles that state none) comes after the named outlets, as the histogram's
  // undated count stands beside its bars.
  const all = [...values].sort((a, b) => (a.value === UNKNOWN_OUTLET) - (b.value === UNKNOWN_OUTLET));
  for (const s of selected) if (!all.some((v) => v.value === s)) all.push({value: s, count: 0});
  const id = `facet-${dim}`;
  const list = h('ul', {class: 'facet-values', id: `${id}-values`});
  const shown = isExpanded ? all : all.filter((v, i) => i < SHOWN || selected.includes(v.value));
  const item = (v) => valueItem(dim, v, selected.includes(v.value), onToggle);
  list.append(...shown.map(item));
  const body = [];
  if (all.length === 0) {
    body.push(h('p', {class: 'empty'}, dim === 'person' || dim === 'organization' || dim === 'place'
      ? 'No names found in these articles.' : 'None.'));
  }
  if (isExpanded && all.length > SHOWN) {
    body.push(h('input', {type: 'search', class: 'facet-filter', placeholder: `Filter ${FACET_LABELS[dim].toLowerCase()}s`,
      'aria-label': `Filter ${FACET_LABELS[dim]} values`, 'aria-controls': `${id}-values`,
      oninput: (e) => filterList(list, e.target.value, () => allValues(dim), item)}));
  }
  body.push(list);
  if (!isExpanded && all.length > shown.length) {
    body.push(h('button', {type: 'button', class: 'link show-more', 'aria-expanded': 'false',
      'aria-controls': `${id}-values`, onclick: () => onExpand(dim)},
      `Show ${all.length - shown.length} more`));
  }
  return h('section', {class: 'facet', id, 'aria-labelledby': `${id}-title`},
    h('h3', {id: `${id}-title`}, FACET_LABELS[dim],
      selected.length ? h('span', {class: 'selected-count'}, ` (${selected.length} selected)`) : null),
    body);
}

function valueItem(dim, v, checked, onToggle) {
  const boxId = `facet-${dim}-${encodeURIComponent(v.value)}`;
  return h('li', {class: 'facet-value', dataset: {value: v.value}},
    h('input', {type: 'checkbox', id: boxId, checked, onchange: (e) => onToggle(dim, v.value, e.target.checked)}),
    h('label', {for: boxId}, h('span', {class: 'facet-label', dir: 'auto'}, v.value),
      h('span', {class: 'count'}, num(v.count)), h('span', {class: 'visually-hidden'}, ' articles')));
}

/**
 * Hides the values that do not contain text, then asks for every value of the dimension (not only
 * the ones fetched with the page) and adds the matching ones that were missing.
 */
async function filterList(list, text, loadAll, item) {
  const needle = text.trim().toLowerCase();
  const matches = (value) => needle === '' || value.toLowerCase().includes(needle);
  for (const li of list.children) li.hidden = !matches(li.dataset.value);
  if (needle === '') return;
  const every = await loadAll();
  if (list.closest('body') === null) return; // the panel was redrawn meanwhile
  const have = new Set([...list.children].map((li) => li.dataset.value));
  const current = list.previousElementSibling?.value?.trim().toLowerCase();
  for (const v of every) {
    if (!have.has(v.value) && v.value.toLowerCase().includes(current ?? needle)) list.append(item(v));
  }
}

/** Chips for every active filter and the date range; onRemove(kind, value). */
export function renderChips(container, state, onRemove) {
  const chips = [];
  for (const dim of FACETS) {
    for (const v of state.filters[dim]) chips.push(chip(`${FACET_LABELS[dim]}: ${v}`, () => onRemove(dim, v)));
  }
  if (state.starred) chips.push(chip('Starred by you', () => onRemove('starred')));
  if (state.from || state.to) {
    chips.push(chip(`Date: ${state.from || '…'} to ${state.to || '…'}`, () => onRemove('date')));
  }
  fill(container, chips.length ? chips : null);
  container.hidden = chips.length === 0;
}

function chip(text, remove) {
  return h('li', {class: 'chip'}, h('span', {}, text),
    h('button', {type: 'button', class: 'chip-remove', 'aria-label': `Remove filter ${text}`, onclick: remove}, '×'));
}
