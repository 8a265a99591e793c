// Dateline's page: wires the search box, facets, histogram, results (one line per story or per
// article), concordance, batch search, document view and story diff view to the API, with every
// state in the URL.
import {getJson} from './api.js';
import {h, fill, num, sentence} from './dom.js';
import {FACETS, readState, searchParams, stateUrl, withChanges} from './state.js';
import {renderFacets, renderChips} from './facets.js';
import {renderHistogram} from './histogram.js';
import {renderResults, renderPager, PAGE_SIZE} from './results.js';
import {renderConcordance, LIMIT} from './concordance.js';
import {renderDocument} from './document.js';
import {initUpload} from './upload.js';
import {renderSuggestions} from './suggest.js';
import {renderNotices, renderQueryError, renderRetry, pause} from './notices.js';
import {renderDesk} from './desk.js';
import {renderDiff} from './diffview.js';
import {initBatch} from './batch.js';
import {bindKeyField, keyHeaders, writeKey} from './keys.js';

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
  tabResults: $('tab-results'), tabConcordance: $('tab-concordance'), tabBatch: $('tab-batch'),
  exportCsv: $('export-csv'), exportJsonl: $('export-jsonl'), collapse: $('collapse'), starred: $('starred'),
  notices: $('notices'), queryError: $('query-error'), batch: $('batch-view'),
  diffView: $('diff-view'), diff: $('diff'), closeDiff: $('close-diff'),
};
/** What a search, export or concordance request leaves out of the page's own URL state. */
const VIEW_ONLY = {doc: '', cite: null, diff: null, layout: 'side'};
const sameSearch = (a, b) => stateUrl({...a, ...VIEW_ONLY}) === stateUrl({...b, ...VIEW_ONLY});

let state = readState();
const expanded = new Set();
let searchAbort = null;
let docAbort = null;
let diffAbort = null;
let typingTimer = 0;

/** Moves to a new state: pushes (or replaces) the URL and renders what changed. */
function go(next, {replace = false} = {}) {
  const url = stateUrl(next);
  if (url !== location.pathname + location.search) {
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }
  const searchChanged = !sameSearch(state, next);
  state = next;
  render(searchChanged);
}

async function render(searchChanged = true) {
  el.q.value !== state.q && document.activeElement !== el.q && (el.q.value = state.q);
  el.sort.value = state.sort;
  el.variants.checked = state.variants;
  el.collapse.checked = state.collapse;
  el.starred.checked = state.starred;
  for (const [tab, view] of [[el.tabResults, 'results'], [el.tabConcordance, 'concordance'], [el.tabBatch, 'batch']]) {
    tab.setAttribute('aria-selected', String(state.view === view));
  }
  el.results.hidden = state.view !== 'results';
  el.concordance.hidden = state.view !== 'concordance';
  el.batch.hidden = state.view !== 'batch';
  setExportLinks();
  renderChips(el.chips, state, removeFilter);
  await Promise.all([searchChanged || !lastResponse ? runSearch() : null, showDocument(), showDiff()]);
}

/** The search's parameters for an export or concordance, collapsed by story when the page is. */
function collapsedParams() {
  const params = searchParams(state);
  if (state.collapse) params.set('collapse', 'story');
  return params;
}

function setExportLinks() {
  const params = collapsedParams();
  el.exportCsv.href = `/api/export?format=csv&${params}`;
  el.exportJsonl.href = `/api/export?format=jsonl&${params}`;
}

let lastResponse = null;

/** How long the page waits before asking a busy server once more (its Retry-After). */
const BUSY_RETRY_MS = 2000;

async function runSearch(retried = false) {
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
    if (state.collapse) {
      sp.set('collapse', 'story');
      sp.set('count', 'stories');
    }
    const response = await getJson('/api/search', sp, signal);
    lastResponse = response;
    showResponse(response);
    if (state.view === 'concordance') await runConcordance(signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    lastResponse = null;
    if (e.code === 'busy' && !retried) {
      // A server that has just started or is loaded: not the query's fault; ask once more.
      el.status.textContent = 'The server is busy or still warming up; trying again…';
      if (await pause(BUSY_RETRY_MS, signal)) runSearch(true);
      return;
    }
    el.status.textContent = sentence(e.message);
    el.status.classList.add('error');
    renderQueryError(el.queryError, e, state.q, (q) => stateUrl(withChanges(state, {q})));
    renderNotices(el.notices, {}, {});
    renderSuggestions($('did-you-mean'), []); // the last answer's suggestions are not this search's
    if (e.code === 'busy') renderRetry(el.notices, () => runSearch());
    fill(el.hits);
    fill(el.pager);
  } finally {
    if (!signal.aborted) document.body.classList.remove('loading');
  }
}

function showResponse(r) {
  el.status.classList.remove('error');
  el.status.textContent = statusLine(r);
  renderQueryError(el.queryError, null);
  renderNotices(el.notices, r, {
    replaceFilter: (dim, from, to) => stateUrl(withChanges(state,
      {filters: {...state.filters, [dim]: state.filters[dim].map((v) => (v === from ? to : v))}})),
    asEntity: r.entity && !(state.filters[r.entity.type] || []).includes(r.entity.canonical)
      ? (e) => stateUrl(withChanges(state, {q: '', filters: {...state.filters, [e.type]: [...state.filters[e.type], e.canonical]}}))
      : null,
  });
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
  renderResults(el.hits, r, docHref, diffHref);
  renderPager(el.pager, r.total, state.page, (page) => {
    go(withChanges(state, {page}));
    el.hits.querySelector('.hit-card')?.focus();
  });
}

/** "212 articles in 97 stories (8 ms)" when copies are folded into stories, else "212 articles". */
function statusLine(r) {
  if (r.total === 0) return 'No articles match.';
  const articles = r.total_articles ?? r.total;
  const line = `${num(articles)} article${articles === 1 ? '' : 's'}`;
  const stories = state.collapse && r.total_articles !== undefined
    ? ` in ${num(r.total)} stor${r.total === 1 ? 'y' : 'ies'}` : '';
  return `${line}${stories} (${num(r.took_ms)} ms)`;
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
  const params = collapsedParams();
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

/** Link to the comparison of copy b of a story with its first copy a. */
function diffHref(a, b, story) {
  return stateUrl({...state, doc: '', cite: null, diff: {a, b, story}});
}

/** Link to a hit's article; with a KWIC line, opened at that match. */
function docHref(hit, line) {
  const cite = line ? {start: line.offset, end: line.offset + line.match.length} : null;
  return stateUrl({...state, doc: hit.id, cite});
}

/** Only the topmost view takes input: the document over the diff over the search. */
function layers() {
  el.docView.hidden = !state.doc;
  el.diffView.hidden = !state.diff;
  el.diffView.inert = Boolean(state.doc);
  el.search.inert = Boolean(state.doc || state.diff);
}

async function showDocument() {
  docAbort?.abort();
  layers();
  if (!state.doc) return;
  docAbort = new AbortController();
  const signal = docAbort.signal;
  fill(el.doc, h('p', {}, 'Opening…'));
  try {
    const sp = new URLSearchParams();
    if (state.q) sp.set('q', state.q);
    if (state.q && state.variants) sp.set('variants', 'true');
    const doc = await getJson(`/api/documents/${encodeURIComponent(state.doc)}`, sp, signal);
    renderDocument(el.doc, doc, state.cite,
      (start, end) => stateUrl({...state, cite: {start, end}}), signal);
    // A tag links to every article carrying it, whatever the search was.
    const blank = readState('');
    renderDesk($('desk'), doc.id, (tag) => stateUrl({...blank, filters: {...blank.filters, tag: [tag]}}), signal);
    document.title = `${doc.title} · Dateline`;
    el.docView.scrollTop = 0;
    $('doc-title')?.focus({preventScroll: true});
  } catch (e) {
    if (e.name !== 'AbortError') fill(el.doc, h('p', {class: 'error', role: 'alert'}, e.message));
  }
}

let shownDiff = '';

/** The story diff of state.diff: both copies fetched, and the story for its list of copies. */
async function showDiff() {
  layers();
  const key = state.diff ? `${state.diff.a}..${state.diff.b}..${state.diff.story}..${state.layout}` : '';
  if (key === shownDiff) return;
  shownDiff = key;
  diffAbort?.abort();
  if (!state.diff) return;
  diffAbort = new AbortController();
  const signal = diffAbort.signal;
  fill(el.diff, h('p', {}, 'Comparing…'));
  try {
    const doc = (id) => getJson(`/api/documents/${encodeURIComponent(id)}`, null, signal);
    const [a, b] = await Promise.all([doc(state.diff.a), doc(state.diff.b)]);
    const storyId = state.diff.story || b.story?.id || a.story?.id;
    const story = storyId ? await getJson(`/api/stories/${encodeURIComponent(storyId)}`, null, signal).catch(() => null) : null;
    const at = (diff, layout = state.layout) => stateUrl({...state, ...VIEW_ONLY, diff, layout});
    renderDiff(el.diff, a, b, story, state.layout, {
      layoutHref: (layout) => at(state.diff, layout),
      compareHref: (other) => at({...state.diff, b: other}),
      docHref: (id) => stateUrl({...state, doc: id, cite: null}),
      permalink: at(state.diff), go: (url) => go(readState(new URL(url, location.href).search)),
    });
    document.title = `What changed: ${b.outlet || 'a copy'} · Dateline`;
    $('diff-title')?.focus({preventScroll: true});
  } catch (e) {
    if (e.name !== 'AbortError') fill(el.diff, h('p', {class: 'error', role: 'alert'}, e.message));
  }
}

async function downloadWithKey(url, name) {
  const res = await fetch(url, {headers: keyHeaders()}).catch(() => null);
  if (!res?.ok) {
    el.status.textContent = res ? ((await res.json().catch(() => ({}))).message || `HTTP ${res.status}`)
      : 'Dateline cannot be reached: is the server running?';
    el.status.classList.add('error');
    return;
  }
  const a = h('a', {href: URL.createObjectURL(await res.blob()), download: name, hidden: true});
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function closeDiff() {
  go({...state, diff: null, layout: 'side'});
  document.title = 'Dateline';
  el.q.focus();
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
  else if (kind === 'starred') go(withChanges(state, {starred: false}));
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
el.tabBatch.addEventListener('click', () => go(withChanges(state, {view: 'batch'})));
el.collapse.addEventListener('change', () => go(withChanges(state, {collapse: el.collapse.checked})));
el.starred.addEventListener('change', () => go(withChanges(state, {starred: el.starred.checked})));
el.close.addEventListener('click', closeDocument);
// A download link cannot send a header: an export only the key can see (starred) is fetched with it.
for (const link of [el.exportCsv, el.exportJsonl]) {
  link.addEventListener('click', (e) => {
    if (state.starred && writeKey()) {
      e.preventDefault();
      downloadWithKey(link.href, link.id === 'export-csv' ? 'dateline-export.csv' : 'dateline-export.jsonl');
    }
  });
}
el.closeDiff.addEventListener('click', closeDiff);
$('clear-all').addEventListener('click', () => {
  el.q.value = '';
  const filters = Object.fromEntries(FACETS.map((f) => [f, []]));
  go(withChanges(state, {q: '', filters, from: '', to: '', starred: false}));
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
  const searchChanged = !sameSearch(state, next);
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
    if (state.diff) closeDiff();
    el.q.focus();
    el.q.select();
    return;
  }
  if (e.key === 'Escape' && (state.doc || state.diff)) {
    e.preventDefault();
    if (state.doc) closeDocument();
    else closeDiff();
    return;
  }
  if (state.doc || state.diff || state.view !== 'results') return;
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

bindKeyField($('upload-key'));
initBatch(el.batch, () => searchParams(state), (q, variants) => stateUrl(withChanges(state,
  {q, variants, view: 'results', ...VIEW_ONLY})));
initUpload($('upload-form'), (id) => stateUrl({...state, doc: id, cite: null}), () => runSearch());

render(true);

// At phone width the filters start folded away, above the results.
if (matchMedia('(max-width: 46rem)').matches) document.querySelector('.filters-toggle').open = false;
