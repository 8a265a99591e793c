// Small DOM helpers: build elements without innerHTML, so no text from the archive is ever parsed
// as markup.

/** h('a', {href: '#', class: 'x'}, 'text', child) → element. Attributes starting "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** "2019-02-17T04:39:00Z" / "2019-02-23" → "17 Feb 2019, 04:39 UTC" / "23 Feb 2019"; null → null. */
export function formatDate(iso, precision) {
  if (!iso) return null;
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  const day = d.toLocaleDateString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
  if (precision === 'day' || iso.length === 10) return day;
  const time = d.toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit', timeZone: 'UTC'});
  return `${day}, ${time} UTC`;
}

/** 1234567 → "1,234,567". */
export function num(n) {
  return Number(n).toLocaleString('en-GB');
}

/** The undated badge or the formatted date, as an element. */
export function dateLabel(iso, precision) {
  return iso
    ? h('time', {datetime: iso}, formatDate(iso, precision))
    : h('span', {class: 'undated'}, 'undated');
}
