// What the page says about a search beyond its hits: a filter value no article carries (with the
// closest values as one-click fixes), a query whose words name a known person, organisation or
// place (one click to search as that entity instead), a query that cannot be read (in words, the
// place marked, the fixed query one click away), and a server too busy to answer (try again).
import {h, fill} from './dom.js';
import {FACET_LABELS} from './state.js';

const ENTITY_WORDS = {person: 'the person', organization: 'the organisation', place: 'the place'};

/**
 * unmatched: the response's unmatched_filters; entity: its entity; hrefs: {replaceFilter(dim, from,
 * to), asEntity(entity)}, or asEntity null when the entity's filter is on already.
 */
export function renderNotices(container, response, hrefs) {
  const items = [];
  for (const u of response.unmatched_filters || []) {
    const label = FACET_LABELS[u.dimension] || u.dimension;
    items.push(h('p', {class: 'notice unmatched', dataset: {dimension: u.dimension}},
      `No article has ${label.toLowerCase()} “`, h('bdi', {}, u.value), '”, so nothing can match it. ',
      u.closest?.length ? ['Did you mean ', u.closest.slice(0, 3).map((c, i) => [i ? ' or ' : '',
        h('a', {href: hrefs.replaceFilter(u.dimension, u.value, c), class: 'fix', dir: 'auto'}, c)]), '?'] : null));
  }
  const e = response.entity;
  if (e && hrefs.asEntity) {
    items.push(h('p', {class: 'notice entity-offer', id: 'entity-offer'},
      `You typed a name. `, h('a', {href: hrefs.asEntity(e), class: 'fix'},
        `Search as ${ENTITY_WORDS[e.type] || 'the entity'} `, h('bdi', {}, e.canonical)),
      ` (${e.documents} article${e.documents === 1 ? '' : 's'} name ${e.type === 'person' ? 'them' : 'it'}, in any spelling).`));
  }
  fill(container, items);
  container.hidden = items.length === 0;
}

/**
 * A query that cannot be read: the query with the place of the problem marked, and the query
 * rewritten to read as a link (fixHref(query)). Hidden for other errors.
 */
export function renderQueryError(container, error, query, fixHref) {
  const isQuery = error && (error.position >= 0 || error.suggestion);
  container.hidden = !isQuery;
  if (!isQuery) {
    fill(container);
    return;
  }
  const at = Math.min(error.position, query.length);
  // The message itself is in the status line above; this shows where, and how to fix it.
  const shown = error.position >= 0 ? h('p', {class: 'query-shown'}, 'Here: ', h('code', {dir: 'ltr'},
    query.slice(0, at), h('mark', {class: 'query-problem', title: 'here'}, query.slice(at, at + 1) || ' '),
    query.slice(at + 1)), h('span', {class: 'hint'}, ` (character ${at + 1})`)) : null;
  fill(container, shown,
    error.suggestion ? h('p', {}, 'Search for ', h('a', {href: fixHref(error.suggestion), id: 'query-fix', class: 'fix'},
      h('code', {}, error.suggestion)), ' instead?') : null);
}

/** A search the server was too busy to finish (not the query's fault): one button to run it again. */
export function renderRetry(container, retry) {
  fill(container, h('p', {class: 'notice busy'},
    h('button', {type: 'button', id: 'retry-search', onclick: retry}, 'Try again')));
  container.hidden = false;
}

/** Resolves true after ms, or false as soon as signal aborts (a newer search replaced this one). */
export function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(!signal.aborted), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(false);
    }, {once: true});
  });
}
