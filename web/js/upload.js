// Upload form: adds files to the archive through POST /api/documents with a write key (the key is
// kept only in this page's memory, never in the URL or storage). Each file gets a line saying how far
// it has got (sending, with the share sent; indexing, with the seconds it has taken) and then what
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
      const line = h('li', {}, `${file.name}: sending…`);
      log.append(line);
      const outcome = await send(file, key.value.trim(), (stage) => fill(line, `${file.name}: ${stage}`));
      fill(line, `${file.name}: `, describe(outcome, docHref, Boolean(key.value.trim())));
      line.classList.toggle('error', !outcome.ok);
      if (outcome.status === 201) indexed++;
    }
    button.disabled = false;
    if (indexed) onIndexed();
  });
}

/** After this long indexing, the line says why the first upload after a start takes longer. */
const SLOW_INDEXING_S = 5;

/**
 * POSTs file (XMLHttpRequest: fetch cannot report an upload's progress), telling stage(text) how far
 * it has got: the share of it sent, then the seconds the server has been indexing it.
 */
function send(file, key, stage) {
  const body = new FormData();
  body.append('file', file, file.name);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let timer = 0;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) stage(`sending, ${Math.floor((100 * e.loaded) / e.total)} % of ${size(e.total)}…`);
    };
    xhr.upload.onload = () => {
      const started = Date.now();
      const tick = () => {
        const s = Math.round((Date.now() - started) / 1000);
        stage(`sent; indexing (reading its text, dates, outlet and names), ${s} s`
          + (s >= SLOW_INDEXING_S ? '; the first upload after the server starts also loads the name finder,'
            + ' which can take a minute or two' : '') + '…');
      };
      tick();
      timer = setInterval(tick, 1000);
    };
    xhr.onloadend = () => {
      clearInterval(timer);
      if (xhr.status === 0) {
        resolve({ok: false, status: 0, body: {message: 'Dateline cannot be reached: is the server running?'}});
        return;
      }
      let json = {};
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: said by its status below
      }
      resolve({ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body: json});
    };
    xhr.open('POST', '/api/documents');
    if (key) xhr.setRequestHeader('X-Dateline-Key', key);
    xhr.send(body);
  });
}

/** 1536 → "2 KB"; 5_000_000 → "4.8 MB". */
function size(bytes) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
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
