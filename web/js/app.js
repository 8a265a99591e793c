// Dateline's page: wires the search box, facets, histogram, results, concordance and document
// view to the API, with every state in the URL.
import {getJson} from './api.js';
import {h, fill, num} from './dom.js';
import {FACETS, readState, searchParams, stateUrl, withChanges} from './state.js';
import {renderFacets, renderChips} from './facets.js';
import {renderHistogram} from './histogram.js';
import {renderResults, renderPager, PAGE_SIZE} from './results.js';
import {renderConcordance, LIMIT} from './concordance.js';
import {renderDocument} from './document.js';
import {initUpload} from './upload.js';
import {renderSuggestions} from './suggest.js';

const DEBOUNCE_MS = 250;
const FACET_SIZE = 100;
/** The most values a facet may ask for (SearchRequest.MAX_FACET_SIZE): what the filter boxes search. */
const ALL_FACET_SIZE = 1000;

const $ = (id) => document.getElementById(id);
const el = {
  form: $('search-form'), q: $('q'), sort: $('sort'), variants: $('variants'), status: $('status'), chips: $('chips'),
  facets: $('facets'), histogram: $('histogram'), hits: $('hits'), pager: $('pager'),
  results: $('results-view'), concordance: $('concordance-view'), docView: $('document-view'),
  doc: $('document'), close: $('close-document'), search: $('search-view'),
  tabResults: $('tab-results'), tabConcordance: $('tab-concordance'),
  exportCsv: $('export-csv'), exportJsonl: $('export-jsonl'),
};

let state = readState();
const expanded = new Set();
let searchAbort = null;
let docAbort = null;
let typingTimer = 0;

/** Moves to a new state: pushes (or replaces) the URL and renders what changed. */
function go(next, {replace = false} = {}) {
  const url = stateUrl(next);
  if (url !== location.pathname + location.search) {
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }
  const searchChanged = stateUrl({...state, doc: '', cite: null}) !== stateUrl({...next, doc: '', cite: null});
  state = next;
  render(searchChanged);
}

async function render(searchChanged = true) {
  el.q.value !== state.q && document.activeElement !== el.q && (el.q.value = state.q);
  el.sort.value = state.sort;
  el.variants.checked = state.variants;
  el.tabResults.setAttribute('aria-selected', String(state.view === 'results'));
  el.tabConcordance.setAttribute('aria-selected', String(state.view === 'concordance'));
  el.results.hidden = state.view !== 'results';
  el.concordance.hidden = state.view !== 'concordance';
  const params = searchParams(state);
  el.exportCsv.href = `/api/export?format=csv&${params}`;
  el.exportJsonl.href = `/api/export?format=jsonl&${params}`;
  renderChips(el.chips, state, removeFilter);
  await Promise.all([searchChanged || !lastResponse ? runSearch() : null, showDocument()]);
}

let lastResponse = null;

async function runSearch() {
  searchAbort?.abort();
  searchAbort = new AbortController();
  const signal = searchAbort.signal;
  const params = searchParams(state);
  document.body.classList.add('loading');
  el.status.textContent = 'Searching…';
  try {
    const sp = new URLSearchParams(params);
    sp.set('page', state.page);
    sp.set('size', PAGE_SIZE);
    sp.set('facet_size', FACET_SIZE);
    const response = await getJson('/api/search', sp, signal);
    lastResponse = response;
    showResponse(response);
    if (state.view === 'concordance') await runConcordance(signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    lastResponse = null;
    el.status.textContent = e.message;
    el.status.classList.add('error');
    fill(el.hits);
    fill(el.pager);
  } finally {
    if (!signal.aborted) document.body.classList.remove('loading');
  }
}

function showResponse(r) {
  el.status.classList.remove('error');
  el.status.textContent = r.total === 0 ? 'No articles match.'
    : `${num(r.total)} article${r.total === 1 ? '' : 's'} (${num(r.took_ms)} ms)`;
  renderSuggestions($('did-you-mean'), r.did_you_mean,
    (q, variants) => stateUrl(withChanges(state, variants ? {q, variants: true} : {q})));
  renderFacets(el.facets, r.facets, state, expanded, {
    onToggle: (dim, value, checked) => {
      const values = state.filters[dim].filter((v) => v !== value);
      if (checked) values.push(value);
      go(withChanges(state, {filters: {...state.filters, [dim]: values}}));
    },
    onExpand: (dim) => {
      expanded.add(dim);
      showResponse(r);
      document.querySelector(`#facet-${dim} .facet-filter, #facet-${dim} input`)?.focus();
    },
    allValues,
  });
  renderHistogram(el.histogram, r.facets.date, (from, to) => go(withChanges(state, {from, to})),
    {from: state.from, to: state.to});
  renderResults(el.hits, r, docHref);
  renderPager(el.pager, r.total, state.page, (page) => {
    go(withChanges(state, {page}));
    el.hits.querySelector('.hit-card')?.focus();
  });
}

let allFacets = {key: null, values: null};

/** Every value (up to ALL_FACET_SIZE) of dim for the current search, fetched once per search. */
async function allValues(dim) {
  const sp = searchParams(state);
  const key = sp.toString();
  if (allFacets.key !== key) {
    sp.set('size', 1);
    sp.set('kwic', 0);
    sp.set('facet_size', ALL_FACET_SIZE);
    allFacets = {key, values: getJson('/api/search', sp).then((r) => r.facets)};
  }
  try {
    return (await allFacets.values)[dim] || [];
  } catch {
    allFacets = {key: null, values: null};
    return [];
  }
}

async function runConcordance(signal) {
  const params = searchParams(state);
  const sp = new URLSearchParams(params);
  sp.set('order', state.order);
  sp.set('limit', LIMIT);
  fill(el.concordance, h('p', {}, 'Collecting every match…'));
  const c = await getJson('/api/concordance', sp, signal);
  const csv = new URLSearchParams(params);
  csv.set('format', 'csv');
  csv.set('order', state.order);
  csv.set('limit', 100000);
  renderConcordance(el.concordance, c, state.order, `/api/concordance?${csv}`,
    (order) => go(withChanges(state, {order})),
    (line) => docHref({id: line.id}, line));
}

/** Link to a hit's article; with a KWIC line, opened at that match. */
function docHref(hit, line) {
  const cite = line ? {start: line.offset, end: line.offset + line.match.length} : null;
  return stateUrl({...state, doc: hit.id, cite});
}

async function showDocument() {
  docAbort?.abort();
  if (!state.doc) {
    el.docView.hidden = true;
    el.search.inert = false;
    return;
  }
  docAbort = new AbortController();
  const signal = docAbort.signal;
  el.docView.hidden = false;
  el.search.inert = true;
  fill(el.doc, h('p', {}, 'Opening…'));
  try {
    const sp = new URLSearchParams();
    if (state.q) sp.set('q', state.q);
    if (state.q && state.variants) sp.set('variants', 'true');
    const doc = await getJson(`/api/documents/${encodeURIComponent(state.doc)}`, sp, signal);
    renderDocument(el.doc, doc, state.cite,
      (start, end) => stateUrl({...state, cite: {start, end}}), signal);
    document.title = `${doc.title} · Dateline`;
    el.docView.scrollTop = 0;
    $('doc-title')?.focus({preventScroll: true});
  } catch (e) {
    if (e.name !== 'AbortError') fill(el.doc, h('p', {class: 'error', role: 'alert'}, e.message));
  }
}

function closeDocument() {
  const id = state.doc;
  go({...state, doc: '', cite: null});
  document.title = 'Dateline';
  const card = [...document.querySelectorAll('.hit-card')].find((c) => c.dataset.id === id);
  (card || el.q).focus();
}

function removeFilter(kind, value) {
  if (kind === 'date') go(withChanges(state, {from: '', to: ''}));
  else go(withChanges(state, {filters: {...state.filters, [kind]: state.filters[kind].filter((v) => v !== value)}}));
}

// --- input ---------------------------------------------------------------------------------

el.q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => go(withChanges(state, {q: el.q.value.trim()}), {replace: true}), DEBOUNCE_MS);
});
el.form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(typingTimer);
  const q = el.q.value.trim();
  if (q !== state.q) go(withChanges(state, {q}));
  else runSearch();
});
el.sort.addEventListener('change', () => go(withChanges(state, {sort: el.sort.value})));
el.variants.addEventListener('change', () => go(withChanges(state, {variants: el.variants.checked})));
el.tabResults.addEventListener('click', () => go(withChanges(state, {view: 'results'})));
el.tabConcordance.addEventListener('click', () => go(withChanges(state, {view: 'concordance'})));
el.close.addEventListener('click', closeDocument);
$('clear-all').addEventListener('click', () => {
  el.q.value = '';
  const filters = Object.fromEntries(FACETS.map((f) => [f, []]));
  go(withChanges(state, {q: '', filters, from: '', to: ''}));
});

// Links inside the page change state without reloading it.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href^="/?"], a[href="/"]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0 || a.hasAttribute('download')) return;
  e.preventDefault();
  go(readState(new URL(a.href).search));
});

window.addEventListener('popstate', () => {
  const next = readState();
  const searchChanged = stateUrl({...state, doc: '', cite: null}) !== stateUrl({...next, doc: '', cite: null});
  state = next;
  render(searchChanged);
});

// Keyboard: "/" focuses the search box, arrows (or j/k) move through hits, Enter opens one,
// Escape closes the document.
document.addEventListener('keydown', (e) => {
  const typing = e.target.matches('input, textarea, select');
  if (e.key === '/' && !typing) {
    e.preventDefault();
    if (state.doc) closeDocument();
    el.q.focus();
    el.q.select();
    return;
  }
  if (e.key === 'Escape' && state.doc) {
    e.preventDefault();
    closeDocument();
    return;
  }
  if (state.doc || state.view !== 'results') return;
  const cards = [...el.hits.querySelectorAll('.hit-card')];
  const at = cards.indexOf(document.activeElement?.closest('.hit-card'));
  const down = e.key === 'ArrowDown' || (e.key === 'j' && !typing);
  const up = e.key === 'ArrowUp' || (e.key === 'k' && !typing);
  if (down && (e.target === el.q || at >= 0 || !typing)) {
    if (!cards.length) return;
    e.preventDefault();
    cards[Math.min(cards.length - 1, at + 1)].focus();
  } else if (up && at >= 0) {
    e.preventDefault();
    if (at === 0) el.q.focus();
    else cards[at - 1].focus();
  } else if (e.key === 'Enter' && at >= 0 && e.target.classList.contains('hit-card')) {
    e.preventDefault();
    cards[at].querySelector('.hit-link').click();
  }
});

initUpload($('upload-form'), (id) => stateUrl({...state, doc: id, cite: null}), () => runSearch());

render(true);

// At phone width the filters start folded away, above the results.
if (matchMedia('(max-width: 46rem)').matches) document.querySelector('.filters-toggle').open = false;
