// Date histogram of the hits on a true time axis: each bar sits where its period falls and is as
// wide as its period, so empty periods are gaps and 1870 is far from 1920. The server gives years,
// months or days (by the span); days over more than a month are summed into weeks here. Click a bar
// or drag across the axis to set the date range; the undated count stands beside the axis.
import {h, fill, num} from './dom.js';

const DAY_MS = 86_400_000;
/** Longest span (days) shown day by day; longer spans of days are shown as weeks. */
const MAX_DAY_SPAN = 31;
/** Pixels a tick label needs, so labels never overlap whatever the width. */
const TICK_PX = 90;

/** An ISO day (any year, even before 100) as an epoch day. */
export function epochDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / DAY_MS);
}

/** An epoch day as an ISO day. */
export function isoDay(day) {
  const date = new Date(day * DAY_MS);
  const y = date.getUTCFullYear();
  const year = y < 0 ? '-' + String(-y).padStart(6, '0') : String(y).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The bars to draw: {label, name, count, from, to} with from/to epoch days (inclusive), and the
 * axis domain [start, end) in epoch days; the requested range, when given, is the domain.
 */
export function timeline(buckets, range = {}) {
  let bars = buckets.map((b) => ({label: b.value, name: b.value, count: b.count,
    from: epochDay(b.from), to: epochDay(b.to)}));
  const start = () => range.from ? epochDay(range.from) : Math.min(...bars.map((b) => b.from));
  const end = () => (range.to ? epochDay(range.to) : Math.max(...bars.map((b) => b.to))) + 1;
  if (!bars.length) return {bars, start: 0, end: 1, unit: 'none'};
  let unit = unitOf(buckets[0].value);
  if (unit === 'day' && end() - start() > MAX_DAY_SPAN) {
    bars = weeks(bars);
    unit = 'week';
  }
  return {bars, start: Math.min(start(), bars[0].from), end: Math.max(end(), bars.at(-1).to + 1), unit};
}

function unitOf(label) {
  if (label.length === 10) return 'day';
  return label.length === 7 ? 'month' : 'year';
}

/** Day bars summed into ISO weeks (Monday to Sunday). */
function weeks(days) {
  const out = [];
  for (const d of days) {
    const monday = d.from - ((new Date(d.from * DAY_MS).getUTCDay() + 6) % 7);
    const last = out.at(-1);
    if (last && last.from === monday) {
      last.count += d.count;
    } else {
      const label = `week of ${isoDay(monday)}`;
      out.push({label, name: label, count: d.count, from: monday, to: monday + 6});
    }
  }
  return out;
}

/** Tick marks at round dates (every n days, months or years), at most maxTicks of them. */
export function ticks(start, end, maxTicks) {
  const steps = [['day', 1], ['day', 2], ['day', 7], ['day', 14], ['month', 1], ['month', 2], ['month', 3],
    ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 20], ['year', 25],
    ['year', 50], ['year', 100], ['year', 200], ['year', 500], ['year', 1000]];
  for (const [unit, n] of steps) {
    const out = tickDays(start, end, unit, n);
    if (out.length <= maxTicks) return out;
  }
  return [];
}

function tickDays(start, end, unit, n) {
  const out = [];
  if (unit === 'day') {
    // Steps of weeks start on a Monday, as the week bars do (epoch day 4 was a Monday).
    const first = n % 7 === 0 ? start + ((((4 - start) % 7) + 7) % 7) : start;
    for (let d = first; d < end; d += n) out.push({day: d, label: isoDay(d)});
    return out;
  }
  const date = new Date(start * DAY_MS);
  let y = date.getUTCFullYear();
  let m = unit === 'month' ? date.getUTCMonth() : 0;
  if (unit === 'year') y = Math.ceil(y / n) * n;
  else m = Math.ceil(m / n) * n;
  for (;;) {
    const d = new Date(0);
    d.setUTCFullYear(y, m, 1);
    const day = Math.round(d.getTime() / DAY_MS);
    if (day >= end || out.length > 1000) return out;
    if (day >= start) out.push({day, label: unit === 'year' ? String(y) : isoDay(day).slice(0, 7)});
    if (unit === 'year') y += n;
    else m += n;
  }
}

/** buckets: facets.date (last one "undated"); range: the requested {from, to}; onRange(from, to). */
export function renderHistogram(container, buckets, onRange, range = {}) {
  const dated = (buckets || []).filter((b) => b.value !== 'undated');
  const undated = (buckets || []).find((b) => b.value === 'undated');
  const undatedBox = h('p', {class: 'undated-count'}, `Undated: ${num(undated ? undated.count : 0)}`);
  if (!dated.length) {
    fill(container, h('div', {class: 'histogram'}, h('p', {class: 'empty'}, 'No dated articles.'), undatedBox));
    return;
  }
  const line = timeline(dated, range);
  const span = line.end - line.start;
  const pct = (day) => `${((day - line.start) / span) * 100}%`;
  const max = Math.max(1, ...line.bars.map((b) => b.count));
  const track = h('div', {class: 'bars', role: 'group', dataset: {start: isoDay(line.start), end: isoDay(line.end), unit: line.unit},
    'aria-label': `Articles by ${line.unit} of publication, ${isoDay(line.start)} to ${isoDay(line.end - 1)}; choose a bar to filter by it`});
  const barEls = line.bars.map((b) => {
    const bar = h('button', {type: 'button', class: 'bar', dataset: {from: isoDay(b.from), to: isoDay(b.to)},
      title: `${b.name}: ${num(b.count)}`, 'aria-label': `${b.name}: ${num(b.count)} article${b.count === 1 ? '' : 's'}`,
      onkeydown: (e) => { // keyboard: Enter/Space picks the bar
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onRange(isoDay(b.from), isoDay(b.to));
        }
      }}, h('span', {class: 'fill'}));
    bar.style.left = pct(b.from);
    bar.style.width = `${((b.to + 1 - b.from) / span) * 100}%`;
    bar.querySelector('.fill').style.height = `${Math.round((b.count / max) * 100)}%`;
    return bar;
  });
  track.append(...barEls);
  dragToSelect(track, line, barEls, onRange);
  const width = container.clientWidth || 600;
  const axis = h('div', {class: 'axis', 'aria-hidden': 'true'},
    ticks(line.start, line.end, Math.max(2, Math.floor(width / TICK_PX))).map((t) => {
      const tick = h('span', {class: 'tick', dataset: {day: isoDay(t.day)}}, t.label);
      tick.style.left = pct(t.day);
      return tick;
    }));
  fill(container, h('div', {class: 'histogram'}, h('div', {class: 'timeline'}, track, axis), undatedBox));
}

/** Pointer down, move, up across the track: the bars overlapping the dragged span set the range. */
function dragToSelect(track, line, barEls, onRange) {
  let x0 = null;
  const dayAt = (x) => {
    const r = track.getBoundingClientRect();
    return line.start + ((x - r.left) / r.width) * (line.end - line.start);
  };
  const chosen = (x1) => {
    const lo = Math.min(dayAt(x0), dayAt(x1));
    const hi = Math.max(dayAt(x0), dayAt(x1));
    return line.bars.map((b, i) => (b.to + 1 > lo && b.from <= hi ? i : -1)).filter((i) => i >= 0);
  };
  const mark = (picked) => barEls.forEach((el, i) => el.classList.toggle('selecting', picked.includes(i)));
  track.addEventListener('pointerdown', (e) => {
    x0 = e.clientX;
    track.setPointerCapture?.(e.pointerId);
    mark(chosen(e.clientX));
    e.preventDefault();
  });
  track.addEventListener('pointermove', (e) => x0 !== null && mark(chosen(e.clientX)));
  track.addEventListener('pointerup', (e) => {
    if (x0 === null) return;
    const picked = chosen(e.clientX);
    x0 = null;
    mark([]);
    if (picked.length) onRange(isoDay(line.bars[picked[0]].from), isoDay(line.bars[picked.at(-1)].to));
  });
  track.addEventListener('pointercancel', () => {
    x0 = null;
    mark([]);
  });
}
