// Alerts: "Save as alert" saves the search on screen (its query, filters and dates) as a saved
// search of the write key given; the list shows the key's alerts with their latest stories, and
// refreshes while the panel is open, so a story that matches appears within seconds. The key is
// kept only in this page's memory (the upload form's key is used when this one is empty).
import {h, fill, num} from './dom.js';
import {FACETS, readState} from './state.js';

const REFRESH_MS = 3000;

function key(panel) {
  const own = panel.querySelector('input[name=alert-key]').value.trim();
  const upload = document.querySelector('#upload-key');
  return own || (upload ? upload.value.trim() : '');
}

async function call(panel, method, path, body) {
  const headers = {Accept: 'application/json'};
  const k = key(panel);
  if (k) headers['X-Dateline-Key'] = k;
  if (body) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined});
  } catch {
    return {ok: false, status: 0, body: {message: 'Dateline cannot be reached: is the server running?'}};
  }
  const json = res.status === 204 ? {} : await res.json().catch(() => ({}));
  return {ok: res.ok, status: res.status, body: json};
}

/** The search on screen as an alert's body. */
function currentSearch() {
  const s = readState();
  const filters = {};
  for (const f of FACETS) if (s.filters[f].length) filters[f] = s.filters[f];
  const body = {name: s.q || Object.values(filters).flat().join(', ') || 'alert', q: s.q, filters};
  if (s.from) body.from = s.from;
  if (s.to) body.to = s.to;
  return body;
}

function story(e) {
  const where = [e.outlets[0] || 'unknown outlet', e.more].filter(Boolean).join(', ');
  return h('li', {class: 'alert-story'},
    h('a', {href: `/?doc=${encodeURIComponent(e.first_article)}`}, e.title || '(untitled)'),
    ` — ${where}${e.date ? `, ${e.date}` : ''}`);
}

function alertItem(panel, a) {
  const remove = h('button', {type: 'button', class: 'link', onclick: async () => {
    await call(panel, 'DELETE', `/api/alerts/${encodeURIComponent(a.id)}`);
    refresh(panel);
  }}, 'delete');
  const hook = a.webhook
    ? h('p', {class: 'hint'}, `webhook: ${num(a.webhook.delivered)} delivered, ${num(a.webhook.waiting)} waiting`,
      a.webhook.last_error ? `; last error: ${a.webhook.last_error}` : '')
    : null;
  return h('li', {class: 'alert', dataset: {id: a.id}},
    h('strong', {}, a.name), ` (${a.q || 'filters only'}): ${num(a.stories)} stor${a.stories === 1 ? 'y' : 'ies'} `,
    remove, hook,
    h('ul', {class: 'alert-stories'}, a.last_matches.map(story)));
}

async function refresh(panel) {
  const list = panel.querySelector('.alert-list');
  if (!key(panel)) {
    fill(list, h('li', {class: 'hint'}, 'Give your write key to see your alerts.'));
    return;
  }
  const r = await call(panel, 'GET', '/api/alerts');
  if (!r.ok) {
    fill(list, h('li', {class: 'error'}, r.body.message || `HTTP ${r.status}`));
    return;
  }
  fill(list, r.body.length ? r.body.map((a) => alertItem(panel, a)) : h('li', {class: 'hint'}, 'No alerts yet.'));
}

function init() {
  const panel = document.getElementById('alerts');
  if (!panel) return;
  const status = panel.querySelector('.alert-status');
  panel.querySelector('.save-alert').addEventListener('click', async () => {
    const r = await call(panel, 'POST', '/api/alerts', currentSearch());
    fill(status, r.ok ? `Saved: you will see new stories matching “${r.body.name}” below.` : (r.body.message || `refused (HTTP ${r.status})`));
    status.classList.toggle('error', !r.ok);
    refresh(panel);
  });
  panel.querySelector('input[name=alert-key]').addEventListener('change', () => refresh(panel));
  panel.addEventListener('toggle', () => { if (panel.open) refresh(panel); });
  setInterval(() => { if (panel.open) refresh(panel); }, REFRESH_MS);
}

init();
