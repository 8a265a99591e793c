// The whole state of the page lives in the URL's query string, so any view can be shared and
// reopened: the query, filters, dates, sort, page, view, stories collapsed or not, the open
// document and the open story diff (two copies, and the story they belong to).

/** The filter dimensions: the facets, and the team's tags (a facet once the server counts them). */
export const FACETS = ['outlet', 'person', 'organization', 'place', 'agency', 'language', 'type', 'tag'];
export const FACET_LABELS = {
  outlet: 'Outlet', person: 'Person', organization: 'Organization', place: 'Place',
  agency: 'Agency', language: 'Language', type: 'Type', tag: 'Tag',
};
const VIEWS = ['results', 'concordance', 'batch'];

/** The state encoded in a query string. */
export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const f of FACETS) filters[f] = p.getAll(f).filter(Boolean);
  const cite = /^(\d+)-(\d+)$/.exec(p.get('cite') || '');
  const diff = /^([^.]+)\.\.([^.]+)$/.exec(p.get('diff') || '');
  return {
    q: p.get('q') || '',
    filters,
    starred: p.get('starred') === 'true',
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: p.get('sort') || 'relevance',
    variants: p.get('variants') === 'true',
    collapse: p.get('collapse') !== 'none',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    view: VIEWS.includes(p.get('view')) ? p.get('view') : 'results',
    order: ['left', 'right'].includes(p.get('order')) ? p.get('order') : 'hits',
    doc: p.get('doc') || '',
    cite: cite ? {start: +cite[1], end: +cite[2]} : null,
    diff: diff ? {a: diff[1], b: diff[2], story: p.get('story') || ''} : null,
    layout: p.get('layout') === 'inline' ? 'inline' : 'side',
  };
}

/** The search parameters the API takes (q, filters, starred, dates, sort, variants), for any endpoint. */
export function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACETS) for (const v of state.filters[f]) p.append(f, v);
  if (state.starred) p.set('starred', 'true');
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.variants) p.set('variants', 'true');
  return p;
}

/** The page URL of a state (only what differs from the defaults). */
export function stateUrl(state) {
  const p = searchParams(state);
  if (state.collapse === false) p.set('collapse', 'none');
  if (state.page > 1) p.set('page', state.page);
  if (state.view !== 'results') p.set('view', state.view);
  if (state.view === 'concordance' && state.order !== 'hits') p.set('order', state.order);
  if (state.doc) p.set('doc', state.doc);
  if (state.doc && state.cite) p.set('cite', `${state.cite.start}-${state.cite.end}`);
  if (state.diff) p.set('diff', `${state.diff.a}..${state.diff.b}`);
  if (state.diff?.story) p.set('story', state.diff.story);
  if (state.diff && state.layout === 'inline') p.set('layout', 'inline');
  const s = p.toString();
  return location.pathname + (s ? '?' + s : '');
}

/** A copy of state with changes; any change but the page itself goes back to page 1. */
export function withChanges(state, changes) {
  const next = {...state, filters: {...state.filters}, ...changes};
  const keepsPage = ['page', 'doc', 'cite', 'diff', 'layout'];
  if (!Object.keys(changes).some((k) => keepsPage.includes(k))) next.page = 1;
  return next;
}
