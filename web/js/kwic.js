// One keyword-in-context line: left context right-aligned, the match centred and marked, right context.
import {h} from './dom.js';

/**
 * The space between context and match is drawn as padding, not kept as a character: a trailing
 * space in right-to-left-clipped text is dropped by the browser, and "Baghouz," must stay joined.
 * The left context is clipped on its far side by laying its box out in the opposite direction; the
 * text itself keeps the line's own direction (dir) in an isolate, so punctuation stays in place.
 */
export function kwicParts(line, dir = 'auto') {
  const gapLeft = /\s$/.test(line.left);
  const gapRight = /^\s/.test(line.right);
  return [
    h('span', {class: 'kwic-left' + (gapLeft ? ' gap' : '')}, h('bdi', {dir}, line.left.trim())),
    h('mark', {class: 'kwic-match'}, line.match),
    h('span', {class: 'kwic-right' + (gapRight ? ' gap' : '')}, line.right.trim()),
  ];
}

export function kwicLine(line, attrs = {}) {
  return h('div', {class: 'kwic', ...attrs}, kwicParts(line, attrs.dir));
}
