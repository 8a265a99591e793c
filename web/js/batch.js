// Batch search: a list of names or queries (pasted, or a text or CSV file) run as one search each
// under the page's filters (POST /api/batch, JSON lines streamed back in input order), its
// progress watched through GET /api/batch/{id}, the rows in a table sortable by any column, each
// line one click from its own search.
import {h, fill, num, dateLabel} from './dom.js';
import {keyHeaders} from './keys.js';

const POLL_MS = 400;
const COLUMNS = [
  ['line', 'Line', (r) => r.line],
  ['query', 'Query', (r) => r.query.toLowerCase()],
  ['articles', 'Articles', (r) => (r.error ? -1 : r.articles)],
  ['outlets', 'Outlets', (r) => (r.error ? -1 : r.outlets)],
  ['first_date', 'First', (r) => r.first_date || ''],
  ['last_date', 'Last', (r) => r.last_date || ''],
];

/**
 * Builds the batch view into container. filters() gives the page's filter parameters (applied to
 * every line); searchHref(query, variants) the page URL of one line's search.
 */
export function initBatch(container, filters, searchHref) {
  const text = h('textarea', {id: 'batch-lines', rows: 8, spellcheck: 'false', 'aria-describedby': 'batch-hint',
    placeholder: 'Mustafa Bali\nBaghuz\n"Deir ez-Zor"'});
  const file = h('input', {type: 'file', id: 'batch-file', accept: '.txt,.csv,text/plain,text/csv'});
  const variants = h('input', {type: 'checkbox', id: 'batch-variants'});
  const proximity = h('input', {type: 'number', id: 'batch-proximity', min: 0, max: 50, inputmode: 'numeric'});
  const run = h('button', {type: 'submit', id: 'batch-run'}, 'Run the batch');
  const progress = h('progress', {id: 'batch-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Batch progress'});
  const status = h('p', {id: 'batch-status', role: 'status', 'aria-live': 'polite'});
  const table = h('div', {id: 'batch-table', class: 'table-wrap'});
  const view = {rows: [], sort: {key: 'line', down: false}, table, searchHref};
  file.addEventListener('change', async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  });
  const form = h('form', {class: 'batch-form', onsubmit: async (e) => {
    e.preventDefault();
    run.disabled = true;
    try {
      await runBatch(view, {body: text.value, csv: /\.csv$/i.test(file.files[0]?.name || ''),
        params: batchParams(filters(), variants.checked, proximity.value)}, {progress, status});
    } finally {
      run.disabled = false;
    }
  }},
  h('label', {for: 'batch-lines'}, 'One name or query per line'), text,
  h('p', {id: 'batch-hint', class: 'hint'}, 'The filters and dates chosen on the left apply to every line. Up to 100,000 lines.'),
  h('p', {class: 'batch-options'}, h('label', {for: 'batch-file'}, 'Or a text or CSV file (first column)'), file),
  h('p', {class: 'batch-options'}, variants, h('label', {for: 'batch-variants'}, ' Every spelling of each name'),
    h('label', {for: 'batch-proximity'}, 'Words of a line within'), proximity, h('span', {}, 'positions of each other')),
  run);
  fill(container, h('h3', {class: 'batch-title'}, 'Batch search'), form, progress, status, table);
}

function batchParams(filters, variants, proximity) {
  const p = new URLSearchParams(filters);
  p.delete('q');
  p.delete('collapse');
  p.set('format', 'jsonl');
  if (variants) p.set('variants', 'true');
  if (proximity !== '') p.set('proximity', proximity);
  return p;
}

/** Posts the batch, reads its rows as they stream and polls its progress until it ends. */
async function runBatch(view, {body, csv, params}, {progress, status}) {
  view.rows = [];
  view.variants = params.get('variants') === 'true';
  drawTable(view);
  status.classList.remove('error');
  status.textContent = 'Starting…';
  let res;
  try {
    res = await fetch(`/api/batch?${params}`, {method: 'POST', body,
      headers: keyHeaders({'Content-Type': csv ? 'text/csv' : 'text/plain'})});
  } catch {
    status.textContent = 'Dateline cannot be reached: is the server running?';
    return;
  }
  if (!res.ok) {
    const err = await res.json().catch(() => ({}));
    status.classList.add('error');
    status.textContent = err.message || `HTTP ${res.status}`;
    return;
  }
  const id = res.headers.get('X-Dateline-Batch');
  progress.hidden = false;
  let done = false;
  const poll = (async () => {
    while (!done && id) {
      const s = await fetch(`/api/batch/${encodeURIComponent(id)}`, {headers: keyHeaders()})
        .then((r) => (r.ok ? r.json() : null)).catch(() => null);
      if (s) showProgress(s, progress, status);
      if (!s || s.state !== 'RUNNING') return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  await readRows(res, (row) => {
    view.rows.push(row);
    if (view.rows.length % 200 === 1) drawTable(view);
  });
  done = true;
  await poll;
  drawTable(view);
  const errors = view.rows.filter((r) => r.error).length;
  progress.max = Math.max(1, view.rows.length);
  progress.value = view.rows.length;
  status.textContent = `Done: ${num(view.rows.length)} line${view.rows.length === 1 ? '' : 's'}, `
    + `${num(view.rows.filter((r) => r.articles > 0).length)} found in the archive`
    + (errors ? `, ${num(errors)} could not be read` : '') + '.';
}

function showProgress(s, progress, status) {
  progress.max = Math.max(1, s.lines);
  progress.value = s.done;
  status.textContent = `${s.state === 'RUNNING' ? 'Running' : 'Finished'}: ${num(s.done)} of ${num(s.lines)} lines`
    + (s.errors ? `, ${num(s.errors)} with errors` : '') + ` (${num(s.elapsed_ms)} ms)`;
}

/** Calls onRow with each JSON line of the streamed body as it arrives. */
async function readRows(res, onRow) {
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (value) rest += value;
    const lines = rest.split('\n');
    rest = done ? '' : lines.pop();
    for (const line of lines) if (line.trim()) onRow(JSON.parse(line));
    if (done) return;
  }
}

/** The columns: stories too once the server counts them (rows with a stories field). */
function columns(rows) {
  return rows.some((r) => Number.isInteger(r.stories))
    ? [...COLUMNS.slice(0, 3), ['stories', 'Stories', (r) => (r.error ? -1 : r.stories)], ...COLUMNS.slice(3)]
    : COLUMNS;
}

function drawTable(view) {
  const cols = columns(view.rows);
  const [, , keyOf] = cols.find(([k]) => k === view.sort.key) || COLUMNS[0];
  const rows = [...view.rows].sort((x, y) => {
    const a = keyOf(x);
    const b = keyOf(y);
    const c = a < b ? -1 : a > b ? 1 : x.line - y.line;
    return view.sort.down ? -c : c;
  });
  const head = cols.map(([key, label]) => {
    const sorted = view.sort.key === key;
    return h('th', {scope: 'col', 'aria-sort': sorted ? (view.sort.down ? 'descending' : 'ascending') : null},
      h('button', {type: 'button', class: 'sort-button', dataset: {key}, onclick: () => {
        view.sort = {key, down: sorted ? !view.sort.down : ['articles', 'stories', 'outlets', 'last_date'].includes(key)};
        drawTable(view);
      }}, label, sorted ? (view.sort.down ? ' ↓' : ' ↑') : ''));
  });
  fill(view.table, view.rows.length ? h('table', {class: 'batch'},
    h('caption', {class: 'visually-hidden'}, 'Batch results: one row per line; the column buttons sort'),
    h('thead', {}, h('tr', {}, head, h('th', {scope: 'col'}, 'Best hit'))),
    h('tbody', {}, rows.map((r) => row(r, view, cols.length > COLUMNS.length)))) : null);
}

function row(r, view, withStories) {
  const best = r.hits?.[0];
  return h('tr', {class: r.error ? 'error-row' : r.articles ? null : 'none-row', dataset: {line: r.line}},
    h('td', {}, num(r.line)),
    h('td', {dir: 'auto'}, h('a', {href: view.searchHref(r.searched || r.query, view.variants), class: 'batch-query'}, r.query)),
    r.error ? h('td', {colspan: withStories ? 6 : 5, class: 'error'}, r.error) : [
      h('td', {class: 'count'}, num(r.articles)),
      withStories ? h('td', {class: 'count'}, num(r.stories)) : null,
      h('td', {class: 'count'}, num(r.outlets)),
      h('td', {}, r.first_date ? dateLabel(r.first_date, 'day') : '—'),
      h('td', {}, r.last_date ? dateLabel(r.last_date, 'day') : '—'),
      h('td', {dir: 'auto'}, best ? [h('span', {class: 'outlet'}, best.outlet || 'unknown outlet'), ': ', best.title] : '—')]);
}
