// Stories on the result list: "+N copies in M outlets" under a hit whose text other outlets also
// printed, opening into the list of copies (GET /api/stories/{id}), earliest first, each with what
// it kept of the first copy in the archive and a link to the word-by-word comparison.
import {h, fill, num, dateLabel} from './dom.js';
import {getJson} from './api.js';

/** "+2 copies in 3 outlets", or null for a story of one article. */
export function copiesLabel(story) {
  if (!story || story.copies < 2) return null;
  const more = story.copies - 1;
  return `+${num(more)} ${more === 1 ? 'copy' : 'copies'}${inOutlets(story.outlets)}`;
}

/** " in 3 outlets"; nothing when no copy names its outlet ("in 0 outlets" reads as a fault). */
function inOutlets(n) {
  return n ? ` in ${num(n)} outlet${n === 1 ? '' : 's'}` : '';
}

/**
 * The story line of a hit (null when it has no copies): a button that opens the list of copies.
 * links: {docHref(id), diffHref(firstId, otherId, storyId)}.
 */
export function storyLine(hit, i, links) {
  const label = copiesLabel(hit.story);
  if (!label) return null;
  const listId = `story-${i}`;
  const list = h('div', {class: 'story-copies', id: listId, hidden: true});
  const button = h('button', {type: 'button', class: 'link story-toggle', 'aria-expanded': 'false',
    'aria-controls': listId, dataset: {story: hit.story.id}, onclick: async () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      list.hidden = !open;
      if (open && !list.childElementCount) await loadCopies(list, hit.story.id, hit.id, links);
    }}, label);
  return h('div', {class: 'story'}, h('p', {class: 'story-line'}, button), list);
}

async function loadCopies(list, storyId, shownId, links) {
  fill(list, h('p', {class: 'hint'}, 'Opening the story…'));
  try {
    const story = await getJson(`/api/stories/${encodeURIComponent(storyId)}`);
    fill(list, copiesTable(story, shownId, links));
  } catch (e) {
    fill(list, h('p', {class: 'error', role: 'alert'}, e.message));
  }
}

/** The copies of a story, earliest first: outlet, date, title, what each kept, compare links. */
export function copiesTable(story, shownId, links) {
  const first = story.articles[0];
  return h('table', {class: 'copies'},
    h('caption', {}, `${num(story.copies)} copies of this story${inOutlets(story.outlets)}, earliest first`),
    h('thead', {}, h('tr', {}, ['Outlet', 'Date', 'Title', 'Kept of the first copy', 'Changes']
      .map((c) => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, story.articles.map((c, i) => h('tr', {class: c.id === shownId ? 'shown' : null},
      h('td', {}, h('span', {class: 'outlet'}, c.outlet || 'unknown outlet'),
        i === 0 ? h('span', {class: 'first-badge', title: 'The earliest copy Dateline holds: not necessarily the original'}, 'first in archive') : null),
      h('td', {}, dateLabel(c.date, null)),
      h('td', {}, h('a', {href: links.docHref(c.id), dir: 'auto'}, c.title || '(untitled)')),
      h('td', {class: 'kept'}, i === 0 ? '—' : `${Math.round(c.kept * 100)}%`),
      h('td', {}, i === 0 ? '' : [`+${num(c.words_added)} / −${num(c.words_removed)} words `,
        h('a', {href: links.diffHref(first.id, c.id, story.id), class: 'diff-link'}, 'what changed')])))));
}
