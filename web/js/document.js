// Document view: the full text with query matches and entity mentions marked (colour by type),
// metadata with where each value came from, and "cite this passage" links that reopen the article
// at a character range; the original file one click away (PDFs and images previewed in the page)
// and the desk panel's place.
import {h, fill, num, formatDate, languageName} from './dom.js';
import {textAttrs} from './textdir.js';

const TYPES = ['person', 'organization', 'place'];

/**
 * Renders doc into container. citeUrl(start, end) gives the shareable link of a passage;
 * cite: {start, end} to mark and scroll to, or null; signal ends the view's listeners.
 */
export function renderDocument(container, doc, cite, citeUrl, signal) {
  const textEl = h('div', {class: 'doc-text', id: 'doc-text', tabindex: '0', ...textAttrs(doc.language),
    'aria-label': 'Article text; select a passage to cite it'});
  textEl.append(...segments(doc, cite));
  const citeBox = h('div', {class: 'cite-box', 'aria-live': 'polite'});
  const citeButton = h('button', {type: 'button', class: 'button', id: 'cite-button', disabled: true,
    onclick: () => showCite(citeBox, selectionRange(textEl), doc, citeUrl)}, 'Cite this passage');
  document.addEventListener('selectionchange', () => {
    citeButton.disabled = !selectionRange(textEl);
  }, {signal});
  const counts = TYPES.map((t) => [t, doc.mentions.filter((m) => m.type === t).length]);
  fill(container,
    h('header', {class: 'doc-header'},
      h('h2', {id: 'doc-title', tabindex: '-1', ...textAttrs(doc.language)}, doc.title || '(untitled)'),
      metadata(doc)),
    preview(doc),
    h('div', {id: 'desk', class: 'desk-slot'}),
    h('div', {class: 'doc-tools'},
      h('ul', {class: 'legend', 'aria-label': 'Marks in the text'},
        h('li', {}, h('mark', {class: 'm-match'}, 'match'), ` ${num(doc.matches.length)}`),
        counts.map(([t, n]) => h('li', {}, h('span', {class: `m-${t}`}, t), ` ${num(n)}`))),
      h('span', {class: 'doc-actions'}, doc.matches.length || cite ? nextMatchButton(textEl) : null, citeButton)),
    cite ? citedPassage(doc, cite, citeUrl) : null,
    citeBox,
    textEl);
}

/**
 * Opens the view at its title and metadata (a reader first checks what the article is, where and
 * when it ran); this button then walks through the matches, or the cited passage, one per press.
 */
function nextMatchButton(textEl) {
  let at = -1;
  return h('button', {type: 'button', class: 'button', id: 'next-match', onclick: () => {
    const targets = [...textEl.querySelectorAll('.cited, mark.m-match')];
    if (!targets.length) return;
    at = (at + 1) % targets.length;
    targets[at].scrollIntoView({block: 'center'});
    targets.forEach((t, i) => t.classList.toggle('current', i === at));
  }}, 'Next match ↓');
}

function metadata(doc) {
  const p = doc.provenance || {};
  const row = (label, value, source) => value === null || value === undefined || value === '' ||
    (Array.isArray(value) && value.length === 0) ? null
    : [h('dt', {}, label), h('dd', {}, value, source ? h('span', {class: 'provenance'}, ` (from ${sourceWords(source)})`) : null)];
  return h('dl', {class: 'doc-meta'},
    doc.outlet ? row('Outlet', doc.outlet, p.outlet) : missing('Outlet', 'unknown', 'outlet', doc),
    doc.date ? row('Published', doc.date_day
      ? `${formatDate(doc.date_day, 'day')} (${formatDate(doc.date, doc.date_precision, doc.date_offset)})`
      : formatDate(doc.date, doc.date_precision, doc.date_offset), p.date)
      : missing('Published', 'undated', 'date', doc),
    row('Agencies', doc.agencies.join(', '), doc.agencies.length ? p.agencies : null),
    row('Authors', doc.authors.join(', '), p.authors),
    row('Language', doc.language ? `${languageName(doc.language)} (${doc.language})` : null, p.language),
    row('Title', doc.title, p.title),
    row('Source URL', doc.url ? h('a', {href: doc.url, rel: 'noopener noreferrer'}, doc.url) : null, p.url),
    row('File', [h('span', {dir: 'auto'}, fileName(doc.path)), ' ',
      h('a', {href: originalUrl(doc.id), id: 'original-link', target: '_blank', rel: 'noopener'}, 'open the original')], null),
    row('Format', doc.content_type, null),
    TYPES.map((t) => row(t[0].toUpperCase() + t.slice(1) + 's', (doc.entities?.[t] || []).join(', '), null)));
}

/** Dateline's own provenance codes said in words; a source named otherwise ("meta og:title") as it is. */
const SOURCE_WORDS = {
  'text pattern': 'the text', 'first line of text': 'the first line of the text',
  'detected from text': 'the words of the text', source: 'the file\u2019s own fields', url: 'its web address',
  feed: 'the feed', sidecar: 'the sidecar file', 'wire fields': 'the wire format\u2019s fields',
  'e-mail Date header': 'the e-mail\u2019s Date header',
  'document created (embedded metadata)': 'when the document was made, as its properties say; they state no publication date',
};

function sourceWords(code) {
  return SOURCE_WORDS[code] || code;
}

/** The original file's address (GET /api/documents/{id}/original). */
export function originalUrl(id) {
  return `/api/documents/${encodeURIComponent(id)}/original`;
}

/** The file's own name: the server's folders are nobody's business. */
function fileName(path) {
  return (path || '').split(/[\\/]/).pop() || '(unnamed)';
}

/** PDFs and images shown as they were printed, under the metadata; anything else: null. */
function preview(doc) {
  // The type is a short name ("pdf", "text") or a media type; the file's extension settles the rest.
  const type = (doc.content_type || '').split(';')[0].trim().toLowerCase();
  const name = fileName(doc.path).toLowerCase();
  const src = originalUrl(doc.id);
  if (type === 'pdf' || type === 'application/pdf' || name.endsWith('.pdf')) {
    return h('figure', {class: 'original-preview'},
      h('iframe', {src, title: `The original PDF: ${fileName(doc.path)}`, id: 'original-preview', loading: 'lazy'}),
      h('figcaption', {}, 'The original PDF. ', h('a', {href: src, target: '_blank', rel: 'noopener'}, 'Open it in its own tab')));
  }
  if (type.startsWith('image') || /\.(png|jpe?g|gif|webp)$/.test(name)) {
    return h('figure', {class: 'original-preview'},
      h('img', {src, alt: `The original image: ${fileName(doc.path)}`, id: 'original-preview', loading: 'lazy'}),
      h('figcaption', {}, 'The original image.'));
  }
  return null;
}

/** Where Dateline looks for a value, in the order it looks (docs/indexing.md, "where each value comes from"). */
const LOOKED_IN = {
  outlet: ['a sidecar file', 'the file\'s own fields (page meta tags and JSON-LD, feed, NewsML/NITF, document'
    + ' properties)', 'the domain of its URL', 'an outlet\'s tagline or layout in the first lines of the text'],
  date: ['a sidecar file', 'the file\'s own fields (JSON-LD and meta tags, feed dates, NewsML/NITF, e-mail'
    + ' Date, document properties)', 'a date written in the first lines of the text'],
};

/** A value the article lacks: said so, with where it was looked for and how to supply it. */
function missing(label, shown, field, doc) {
  const file = (doc.path || '').split(/[\\/]/).pop() || 'the file';
  const example = field === 'date' ? '"date": "2019-02-23"' : '"outlet": "The Guardian"';
  return [h('dt', {}, label), h('dd', {class: 'missing', id: `missing-${field}`},
    h('span', {class: 'undated'}, shown),
    h('span', {class: 'provenance'}, ` not found; looked in ${LOOKED_IN[field].join(', then ')}. `,
      'To set it, put ', h('code', {}, `${file}.meta.json`), ' beside the file with ',
      h('code', {}, `{${example}}`), ' and index again.'))];
}

/** The text cut at every mark boundary; each piece a span knowing its offset. */
function segments(doc, cite) {
  const text = doc.text;
  const marks = [];
  for (const m of doc.matches) marks.push({start: m.start, end: m.end, cls: 'm-match'});
  for (const m of doc.mentions) {
    marks.push({start: m.start, end: m.end, cls: `m-${m.type}`, title: `${m.type}: ${m.canonical || m.text}`});
  }
  if (cite) marks.push({start: cite.start, end: Math.min(cite.end, text.length), cls: 'cited'});
  const edges = new Set([0, text.length]);
  for (const m of marks) {
    edges.add(m.start);
    edges.add(m.end);
  }
  const points = [...edges].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const byStart = new Map();
  for (const m of marks) (byStart.get(m.start) || byStart.set(m.start, []).get(m.start)).push(m);
  const active = [];
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const at = points[i];
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= at) active.splice(j, 1);
    active.push(...(byStart.get(at) || []));
    const piece = text.slice(at, points[i + 1]);
    const span = h(active.some((m) => m.cls === 'm-match') ? 'mark' : 'span', {dataset: {start: at}}, piece);
    if (active.length) {
      span.className = [...new Set(active.map((m) => m.cls))].join(' ');
      const titled = active.filter((m) => m.title);
      if (titled.length) span.title = titled.map((m) => m.title).join('; ');
    }
    out.push(span);
  }
  return out;
}

/** The selected character range inside the text, or null. */
function selectionRange(textEl) {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!textEl.contains(r.startContainer) || !textEl.contains(r.endContainer)) return null;
  const start = offsetOf(textEl, r.startContainer, r.startOffset);
  const end = offsetOf(textEl, r.endContainer, r.endOffset);
  return end > start ? {start, end} : null;
}

function offsetOf(root, node, offset) {
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

function showCite(box, range, doc, citeUrl) {
  if (!range) return;
  const url = new URL(citeUrl(range.start, range.end), location.href).href;
  const quote = doc.text.slice(range.start, range.end);
  const input = h('input', {type: 'text', readonly: true, value: url, class: 'cite-url', 'aria-label': 'Link to this passage'});
  fill(box,
    h('p', {}, `Characters ${num(range.start)}–${num(range.end)}: `,
      h('a', {href: url, id: 'cite-link'}, 'link to this passage'),
      ' ', h('button', {type: 'button', class: 'link', onclick: () => copy(input)}, 'copy')),
    input,
    h('blockquote', {}, quote.length > 400 ? quote.slice(0, 400) + '…' : quote));
}

function citedPassage(doc, cite, citeUrl) {
  const quote = doc.text.slice(cite.start, cite.end);
  return h('figure', {class: 'cited-passage'},
    h('blockquote', {}, quote),
    h('figcaption', {}, `${doc.outlet || 'Unknown outlet'}, ${doc.date ? formatDate(doc.date, doc.date_precision) : 'undated'}: characters ${num(cite.start)}–${num(cite.end)} `,
      h('a', {href: citeUrl(cite.start, cite.end)}, 'permalink')));
}

async function copy(input) {
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    document.execCommand?.('copy');
  }
}
