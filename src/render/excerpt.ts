import type { Position } from '../ast';
import { createLineIndex, lineStarts, type LineIndex } from '../lines/line-index';
import { escapeHtml } from './html';

/** Lines shown before and after the lines of a span. */
const AROUND = 2;
/** Lines of a long span shown, from its first. */
const SPAN_LINES = 8;
/** Characters of a line shown; a longer line is cut around the span, marked `…`. */
const LINE_CHARACTERS = 240;
/** Characters shown before the span on a cut line. */
const BEFORE_SPAN = 80;

/** A text with where its lines start, as the parser counts them for positions. */
export interface SourceLines {
  text: string;
  /** Offset of each line's first character. */
  starts: number[];
  index: LineIndex;
}

export function sourceLines(text: string): SourceLines {
  const starts = lineStarts(text);
  return { text, starts, index: createLineIndex(text, starts) };
}

/** The 1-based line holding `offset`. */
const lineOf = (lines: SourceLines, offset: number) => lines.index.point(offset).line;

/** Where line `line` (1-based) ends, before its line break. */
function lineEnd(lines: SourceLines, line: number): number {
  const next = lines.starts[line];
  if (next === undefined) return lines.text.length;
  let end = next;
  if (lines.text.charCodeAt(end - 1) === 10) end--;
  if (lines.text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** `offset`, moved back off the second half of a surrogate pair, so no cut splits a character. */
function whole(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 ? offset - 1 : offset;
}

/** The lines an excerpt shows (1-based, inclusive) and the span in offsets, clamped to the text. */
export interface ExcerptRange {
  from: number;
  to: number;
  start: number;
  end: number;
  /** The first and last line of the span. */
  first: number;
  last: number;
}

export function excerptRange(lines: SourceLines, position: Position): ExcerptRange {
  const length = lines.text.length;
  const start = Math.min(Math.max(0, position.start.offset), length);
  const end = Math.min(Math.max(start, position.end.offset), length);
  const first = lineOf(lines, start);
  // A span ending right after a line break ends on the line before.
  const last = Math.max(first, lineOf(lines, end > start ? end - 1 : end));
  return {
    from: Math.max(1, first - AROUND),
    to: Math.min(lines.starts.length, Math.min(last, first + SPAN_LINES - 1) + AROUND),
    start,
    end,
    first,
    last,
  };
}

/**
 * The lines of an excerpt as HTML: each line a `<span class="ln">` with its number in a
 * `data-line` attribute (drawn by the style, so it is not copied with the text) and the text of
 * the span in a `<mark>`. Text is escaped; long lines are cut around the span.
 */
export function excerptHtml(lines: SourceLines, range: ExcerptRange): string {
  const { text } = lines;
  const out: string[] = [];
  for (let line = range.from; line <= range.to; line++) {
    const lineStart = lines.starts[line - 1] as number;
    const end = lineEnd(lines, line);
    // The window of the line shown: all of it, or LINE_CHARACTERS around where the span meets it.
    let from = lineStart;
    let to = end;
    if (end - lineStart > LINE_CHARACTERS) {
      const anchor = range.start >= lineStart && range.start <= end ? range.start : lineStart;
      from = whole(text, Math.max(lineStart, anchor - BEFORE_SPAN));
      to = whole(text, Math.min(end, from + LINE_CHARACTERS));
    }
    const markFrom = Math.min(Math.max(range.start, from), to);
    const markTo = Math.min(Math.max(range.end, from), to);
    const inSpan = range.start < to && range.end > from;
    const parts = [
      from > lineStart ? '…' : '',
      escapeHtml(text.slice(from, markFrom)),
      inSpan || (range.start === range.end && range.start >= from && range.start <= to && line === range.first)
        ? `<mark>${escapeHtml(text.slice(markFrom, markTo))}</mark>`
        : '',
      escapeHtml(text.slice(markTo, to)),
      to < end ? '…' : '',
    ];
    const current = line >= range.first && line <= range.last ? ' current' : '';
    out.push(`<span class="ln${current}" data-line="${line}">${parts.join('')}</span>`);
  }
  // No line break between the lines: each is a block, and a break would show as an empty line.
  return out.join('');
}
