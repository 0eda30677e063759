import type { Position } from '../ast';

// East Asian wide and fullwidth ranges: a terminal gives these two columns, so a caret under
// Chinese text must count them twice to land under the right character.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]/u;
const TAB = '    ';
/** Columns of the line shown before the caret, and in all, before the line is cut with `…`. */
const BEFORE = 40;
const WIDTH = 100;

function widthOf(char: string): number {
  return ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
}

function width(text: string): number {
  let total = 0;
  for (const char of text) total += widthOf(char);
  return total;
}

/** The longest start of `text` at most `max` columns wide, marked with `…` when cut. */
function keepStart(text: string, max: number): string {
  if (width(text) <= max) return text;
  let kept = '';
  let used = 1;
  for (const char of text) {
    if (used + widthOf(char) > max) break;
    kept += char;
    used += widthOf(char);
  }
  return `${kept}…`;
}

const reversed = (text: string) => [...text].reverse().join('');

/** The longest end of `text` at most `max` columns wide, marked with `…` when cut. */
function keepEnd(text: string, max: number): string {
  return reversed(keepStart(reversed(text), max));
}

/**
 * The source line of `position` with a caret under its span, for a terminal:
 *
 * ```text
 *   49 | 一、本年新收政府信息公开申请数量    5    0
 *      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 * ```
 *
 * A span running past its first line is underlined to the end of that line. Tabs become four
 * spaces and long lines are cut around the span, so the caret stays under it.
 */
export function codeFrame(text: string, position: Position): string {
  const { line, column, offset } = position.start;
  const lineStart = offset - (column - 1);
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = offset;
  const lineEnd = lineBreak.exec(text)?.index ?? text.length;
  const spanEnd = Math.min(Math.max(position.end.offset, offset), lineEnd);
  const show = (from: number, to: number) => text.slice(from, to).replaceAll('\t', TAB);

  const before = keepEnd(show(lineStart, offset), BEFORE);
  const span = keepStart(show(offset, spanEnd), WIDTH - width(before));
  const after = keepStart(show(spanEnd, lineEnd), Math.max(1, WIDTH - width(before) - width(span)));
  const gutter = String(line);
  return [
    `  ${gutter} | ${before}${span}${after}`.trimEnd(),
    `  ${' '.repeat(gutter.length)} | ${' '.repeat(width(before))}${'^'.repeat(Math.max(1, width(span)))}`,
  ].join('\n');
}
