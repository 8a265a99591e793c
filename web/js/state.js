// The whole state of the page lives in the URL's query string, so any view can be shared and
// reopened: the query, filters, dates, sort, page, view and open document.

export const FACETS = ['outlet', 'person', 'organization', 'place', 'agency', 'language', 'type'];
export const FACET_LABELS = {
  outlet: 'Outlet', person: 'Person', organization: 'Organization', place: 'Place',
  agency: 'Agency', language: 'Language', type: 'Type',
};

/** The state encoded in a query string. */
export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const f of FACETS) filters[f] = p.getAll(f).filter(Boolean);
  const cite = /^(\d+)-(\d+)$/.exec(p.get('cite') || '');
  return {
    q: p.get('q') || '',
    filters,
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: p.get('sort') || 'relevance',
    variants: p.get('variants') === 'true',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    view: p.get('view') === 'concordance' ? 'concordance' : 'results',
    order: ['left', 'right'].includes(p.get('order')) ? p.get('order') : 'hits',
    doc: p.get('doc') || '',
    cite: cite ? {start: +cite[1], end: +cite[2]} : null,
  };
}

/** The search parameters the API takes (q, filters, from, to, sort, variants), for any endpoint. */
export function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACETS) for (const v of state.filters[f]) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.variants) p.set('variants', 'true');
  return p;
}

/** The page URL of a state (only what differs from the defaults). */
export function stateUrl(state) {
  const p = searchParams(state);
  if (state.page > 1) p.set('page', state.page);
  if (state.view !== 'results') p.set('view', state.view);
  if (state.view === 'concordance' && state.order !== 'hits') p.set('order', state.order);
  if (state.doc) p.set('doc', state.doc);
  if (state.doc && state.cite) p.set('cite', `${state.cite.start}-${state.cite.end}`);
  const s = p.toString();
  return location.pathname + (s ? '?' + s : '');
}

/** A copy of state with changes; any change but the page itself goes back to page 1. */
export function withChanges(state, changes) {
  const next = {...state, filters: {...state.filters}, ...changes};
  if (!('page' in changes) && !('doc' in changes) && !('cite' in changes)) next.page = 1;
  return next;
}
