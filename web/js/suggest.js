// "Did you mean": the API's did_you_mean (queries built from the archive's own words, each with its
// number of hits) as one-click links that run the suggested search.
import {h, fill, num} from './dom.js';

/**
 * suggestions: the response's did_you_mean, a list of {query, hits} (a plain string is taken as a
 * query of unknown hits; {variants: true}: the same query with every spelling of its names);
 * hrefOf(query, variants) the page URL that searches it. Hidden when there are none.
 */
export function renderSuggestions(container, suggestions, hrefOf) {
  const items = (suggestions || []).map((s) => (typeof s === 'string' ? {query: s} : s)).filter((s) => s?.query);
  container.hidden = items.length === 0;
  if (!items.length) {
    fill(container);
    return;
  }
  fill(container, 'Did you mean ', items.map((s, i) => [i ? ', ' : '',
    h('a', {href: hrefOf(s.query, s.variants === true), class: 'suggestion'},
      s.variants === true ? `${s.query} in every spelling` : s.query),
    Number.isFinite(s.hits) ? ` (${num(s.hits)} article${s.hits === 1 ? '' : 's'})` : '']), '?');
}
