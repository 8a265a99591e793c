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

/**
 * "2019-02-23" → "23 Feb 2019"; "2019-02-17T04:39:00Z" → "17 Feb 2019, 04:39 UTC", or with the offset
 * the source printed its time in (offset -300 for "23.39 EST") → "16 Feb 2019, 23:39 UTC−05:00": the
 * day and hour the outlet printed, as the histogram and the date filters count it; with printedDay
 * ("2019-11-18", the day a page's address printed beside a UTC instant) that day alone; null → null.
 */
export function formatDate(iso, precision, offset = null, printedDay = null) {
  if (!iso) return null;
  // the outlet printed this day apart from a UTC instant: its own clock time is not known
  if (printedDay) return formatDate(printedDay, 'day');
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  const printed = Number.isInteger(offset) && iso.length !== 10;
  if (printed) d.setTime(d.getTime() + offset * 60_000);
  const day = d.toLocaleDateString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
  if (precision === 'day' || iso.length === 10) return day;
  const time = d.toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit', timeZone: 'UTC'});
  return `${day}, ${time} ${printed ? utcOffset(offset) : 'UTC'}`;
}

/** -300 → "UTC−05:00", 330 → "UTC+05:30", 0 → "UTC". */
function utcOffset(minutes) {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  return `UTC${minutes < 0 ? '−' : '+'}${hh}:${String(a % 60).padStart(2, '0')}`;
}

const LANGUAGES = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'code'});

/** "en" → "English", "pt" → "Portuguese"; a code the browser cannot name stays as it is. */
export function languageName(code) {
  try {
    return LANGUAGES.of(code);
  } catch {
    return code;
  }
}

/** The API's message as a sentence on the page: "the quote at …" → "The quote at …". */
export function sentence(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** 1234567 → "1,234,567". */
export function num(n) {
  return Number(n).toLocaleString('en-GB');
}

/** The undated badge or the formatted date (in the offset the source printed it in), as an element. */
export function dateLabel(iso, precision, offset = null, day = null) {
  return iso
    ? h('time', {datetime: iso}, formatDate(iso, precision, offset, day))
    : h('span', {class: 'undated'}, 'undated');
}
