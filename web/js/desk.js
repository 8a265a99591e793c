// The desk panel of the document view: the article's tags, stars and note, shared by the team
// (GET /api/documents/{id}/desk), changed with a write key (PUT/DELETE .../tags/{tag}, .../star,
// .../note). Every answer is the article's marks as they now stand, so the panel redraws from it.
import {h, fill, formatDate} from './dom.js';
import {getJson, sendJson} from './api.js';
import {bindKeyField, keyRefusal, writeKey} from './keys.js';

/** Fills container with the desk of article id; tagHref(tag) is the search for a tag. */
export async function renderDesk(container, id, tagHref, signal) {
  const base = `/api/documents/${encodeURIComponent(id)}`;
  const say = h('p', {class: 'desk-message', role: 'status', 'aria-live': 'polite'});
  const starredHere = {mine: false};
  const write = async (method, path, body, onOk) => {
    say.textContent = '';
    say.classList.remove('error');
    try {
      const marks = await sendJson(method, base + path, body);
      onOk?.();
      draw(marks);
      say.textContent = 'Saved.';
    } catch (e) {
      say.classList.add('error');
      say.textContent = e.status === 401 || e.status === 403
        ? keyRefusal(e.status, Boolean(writeKey()))
        : e.message;
    }
  };
  const draw = (marks) => fill(container, panel(marks, {write, tagHref, starredHere, say}));
  try {
    draw(await getJson(`${base}/desk`, null, signal));
  } catch (e) {
    if (e.name !== 'AbortError') fill(container, h('p', {class: 'error'}, e.message));
  }
}

function panel(marks, {write, tagHref, starredHere, say}) {
  const tagInput = h('input', {type: 'text', id: 'tag-input', maxlength: 64, autocomplete: 'off'});
  const note = h('textarea', {id: 'note-text', rows: 3, maxlength: 10000}, marks.note?.text || '');
  const key = h('input', {type: 'password', id: 'desk-key', autocomplete: 'off', 'aria-describedby': 'desk-key-hint'});
  bindKeyField(key);
  const starred = starredHere.mine;
  return h('section', {class: 'desk', 'aria-labelledby': 'desk-title'},
    h('h3', {id: 'desk-title'}, 'Desk: tags, stars and a note for the team'),
    h('ul', {class: 'chips desk-tags', 'aria-label': 'Tags'}, marks.tags.length ? marks.tags.map((t) => h('li', {class: 'chip'},
      h('a', {href: tagHref(t), dir: 'auto'}, t),
      h('button', {type: 'button', class: 'chip-remove', 'aria-label': `Remove tag ${t}`,
        onclick: () => write('DELETE', `/tags/${encodeURIComponent(t)}`)}, '×'))) : h('li', {class: 'hint'}, 'No tags yet.')),
    h('form', {class: 'desk-row', onsubmit: (e) => {
      e.preventDefault();
      if (tagInput.value.trim()) write('PUT', `/tags/${encodeURIComponent(tagInput.value.trim())}`);
    }}, h('label', {for: 'tag-input'}, 'Add a tag'), tagInput, h('button', {type: 'submit'}, 'Tag')),
    h('p', {class: 'desk-row'},
      h('button', {type: 'button', id: 'star-button', 'aria-pressed': String(starred),
        onclick: () => write(starred ? 'DELETE' : 'PUT', '/star', undefined, () => { starredHere.mine = !starred; })},
      starred ? '★ Starred by you' : '☆ Star'),
      ' ', h('span', {class: 'hint', id: 'starred-by'}, marks.starred_by.length ? `Starred by ${marks.starred_by.join(', ')}` : 'No stars yet')),
    marks.note ? h('figure', {class: 'note', id: 'note'},
      h('blockquote', {dir: 'auto'}, marks.note.text),
      h('figcaption', {}, `${marks.note.author || 'someone'}, ${formatDate(marks.note.time, 'minute')}`)) : null,
    h('form', {class: 'desk-note', onsubmit: (e) => {
      e.preventDefault();
      write('PUT', '/note', {text: note.value});
    }}, h('label', {for: 'note-text'}, marks.note ? 'Change the note' : 'Note for the team'), note,
      h('span', {class: 'desk-row'}, h('button', {type: 'submit'}, 'Save note'),
        marks.note ? h('button', {type: 'button', class: 'link', onclick: () => write('DELETE', '/note')}, 'Delete the note') : null)),
    h('p', {class: 'desk-row'}, h('label', {for: 'desk-key'}, 'Write key'), key,
      h('span', {class: 'hint', id: 'desk-key-hint'}, writeKey() ? 'kept by this page until you leave it'
        : 'needed to tag, star or note; the page keeps it only until you leave')),
    say);
}
