// Date histogram of the hits: one bar per bucket (year, month or day, as the server chose); click a
// bar or drag across bars to set the date range; the undated count is shown beside it.
import {h, fill, num} from './dom.js';

/** buckets: facets.date (last one "undated"); onRange(from, to). */
export function renderHistogram(container, buckets, onRange) {
  const dated = (buckets || []).filter((b) => b.value !== 'undated');
  const undated = (buckets || []).find((b) => b.value === 'undated');
  const max = Math.max(1, ...dated.map((b) => b.count));
  const bars = h('div', {class: 'bars', role: 'group', 'aria-label': 'Articles by publication date; choose a bar to filter by it'});
  let dragFrom = -1;
  let dragTo = -1;
  const mark = () => {
    const lo = Math.min(dragFrom, dragTo);
    const hi = Math.max(dragFrom, dragTo);
    [...bars.children].forEach((bar, i) => bar.classList.toggle('selecting', dragFrom >= 0 && i >= lo && i <= hi));
  };
  const finish = () => {
    if (dragFrom < 0) return;
    const lo = Math.min(dragFrom, dragTo);
    const hi = Math.max(dragFrom, dragTo);
    dragFrom = -1;
    mark();
    onRange(dated[lo].from, dated[hi].to);
  };
  dated.forEach((b, i) => {
    const bar = h('button', {type: 'button', class: 'bar', dataset: {index: i, from: b.from, to: b.to},
      title: `${b.value}: ${num(b.count)}`, 'aria-label': `${b.value}: ${num(b.count)} articles`},
    h('span', {class: 'fill'}), h('span', {class: 'bar-label'}, shortLabel(b.value, dated.length)));
    bar.querySelector('.fill').style.height = `${Math.round((b.count / max) * 100)}%`;
    bar.addEventListener('pointerdown', (e) => {
      dragFrom = dragTo = i;
      mark();
      bar.releasePointerCapture?.(e.pointerId); // let pointerenter reach the other bars
      e.preventDefault();
    });
    bar.addEventListener('pointerenter', () => {
      if (dragFrom >= 0) {
        dragTo = i;
        mark();
      }
    });
    bar.addEventListener('pointerup', finish);
    bar.addEventListener('keydown', (e) => { // keyboard: Enter/Space picks the bar
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onRange(b.from, b.to);
      }
    });
    bars.append(bar);
  });
  bars.addEventListener('pointerleave', finish);
  fill(container,
    dated.length ? bars : h('p', {class: 'empty'}, 'No dated articles.'),
    h('p', {class: 'undated-count'}, undated ? `Undated: ${num(undated.count)}` : ''));
}

function shortLabel(value, n) {
  if (n > 24 && value.length === 10) return value.endsWith('-01') ? value.slice(0, 7) : '';
  if (n > 24 && value.length === 7) return value.endsWith('-01') ? value.slice(0, 4) : '';
  return value;
}
