// Upload form: adds files to the archive through POST /api/documents with a write key (the key is
// kept only in this page's memory, never in the URL or storage). Each file gets a line saying what
// became of it, with a link to the articles it gave.
import {h, fill, num} from './dom.js';
import {keyRefusal} from './keys.js';

/** Wires the form; docHref(id) links an indexed article; onIndexed() refreshes the search. */
export function initUpload(form, docHref, onIndexed) {
  const files = form.querySelector('input[type=file]');
  const key = form.querySelector('input[name=key]');
  const log = form.querySelector('.upload-log');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!files.files.length) {
      fill(log, h('li', {class: 'error'}, 'Choose one or more files first.'));
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    fill(log);
    let indexed = 0;
    for (const file of files.files) {
      const line = h('li', {}, `${file.name}: uploading…`);
      log.append(line);
      const outcome = await send(file, key.value.trim());
      fill(line, `${file.name}: `, describe(outcome, docHref, Boolean(key.value.trim())));
      line.classList.toggle('error', !outcome.ok);
      if (outcome.status === 201) indexed++;
    }
    button.disabled = false;
    if (indexed) onIndexed();
  });
}

async function send(file, key) {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    const res = await fetch('/api/documents', {method: 'POST', body, headers: key ? {'X-Dateline-Key': key} : {}});
    const json = await res.json().catch(() => ({}));
    return {ok: res.ok, status: res.status, body: json};
  } catch {
    return {ok: false, status: 0, body: {message: 'Dateline cannot be reached: is the server running?'}};
  }
}

/** What happened to one file, in words, with links to its articles. */
function describe({ok, status, body}, docHref, keySent) {
  if (status === 401 || status === 403) {
    return keyRefusal(status, keySent);
  }
  if (status === 422) {
    const why = (body.failures || []).map((f) => `${f.kind.toLowerCase().replace(/_/g, ' ')}${f.detail ? ` (${f.detail})` : ''}`);
    return `no article in it: ${why.join('; ') || 'unreadable'}.`;
  }
  if (!ok) return body.message || `refused (HTTP ${status}).`;
  const links = (body.ids || []).map((id, i) => [i ? ', ' : '', h('a', {href: docHref(id)}, `article ${i + 1}`)]);
  const what = body.unchanged ? 'already in the archive' : `indexed, ${num(body.articles)} article${body.articles === 1 ? '' : 's'}`;
  return [what, links.length ? ': ' : '.', links];
}
