// The hit list: title, outlet, date ("undated" said as such), agencies, names, KWIC lines, the
// story's other copies; paging.
import {h, fill, num, dateLabel} from './dom.js';
import {kwicLine} from './kwic.js';
import {storyLine} from './stories.js';
import {textAttrs} from './textdir.js';

export const PAGE_SIZE = 20;

/**
 * Renders the hits of one page; docHref(hit, line?) gives a hit's document link, diffHref(a, b,
 * story) the comparison of two copies of a story.
 */
export function renderResults(list, response, docHref, diffHref) {
  const links = {docHref: (id) => docHref({id}), diffHref};
  fill(list, response.hits.map((hit, i) => hitItem(hit, i, docHref, links)));
}

function hitItem(hit, i, docHref, links) {
  const titleId = `hit-${i}-title`;
  const names = ['person', 'organization', 'place'].flatMap((t) =>
    (hit.entities?.[t] || []).slice(0, 4).map((n) => h('li', {class: `entity entity-${t}`}, n)));
  return h('li', {class: 'hit'},
    h('article', {class: 'hit-card', tabindex: '-1', 'aria-labelledby': titleId, dataset: {id: hit.id}},
      h('h3', {id: titleId}, h('a', {href: docHref(hit), class: 'hit-link', ...textAttrs(hit.language)}, hit.title || '(untitled)')),
      h('p', {class: 'hit-meta'},
        h('span', {class: 'outlet'}, hit.outlet || 'unknown outlet'), ' · ',
        dateLabel(hit.date, hit.date_precision, hit.date_offset, hit.date_day),
        hit.agencies.length ? [' · ', h('span', {class: 'agencies'},
          hit.agencies.map((a) => h('span', {class: 'agency'}, a)))] : null,
        hit.language ? [' · ', h('span', {class: 'lang'}, hit.language)] : null),
      names.length ? h('ul', {class: 'hit-entities', 'aria-label': 'Names in this article'}, names) : null,
      hit.kwic.length ? h('div', {class: 'kwic-lines'},
        hit.kwic.map((line) => h('a', {href: docHref(hit, line), class: 'kwic-link', tabindex: '-1'},
          kwicLine(line, textAttrs(hit.language))))) : null,
      hit.kwic_total > hit.kwic.length
        ? h('p', {class: 'more-matches'}, `${num(hit.kwic_total - hit.kwic.length)} more matches in this article`)
        : null,
      storyLine(hit, i, links)));
}

/** Previous/next page buttons with "page N of M". onPage(n). */
export function renderPager(nav, total, page, onPage) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total <= PAGE_SIZE) {
    fill(nav);
    return;
  }
  fill(nav,
    h('button', {type: 'button', disabled: page <= 1, onclick: () => onPage(page - 1)}, '← Previous'),
    h('span', {'aria-current': 'page'}, `Page ${num(page)} of ${num(pages)}`),
    h('button', {type: 'button', disabled: page >= pages, onclick: () => onPage(page + 1)}, 'Next →'));
}
