import type { Point } from '../ast';

/** Turns offsets of a text into unist points (1-based line and column). */
export interface LineIndex {
  point(offset: number): Point;
  /** The points of `from` and `to` (from <= to), found as one when they share a line. */
  span(from: number, to: number): { start: Point; end: Point };
}

/**
 * Where each line of `text` starts, counting `\n`, `\r\n` and a lone `\r` as line breaks, so that
 * points agree with what an editor shows for the caller's own text.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    // The common case, found by indexOf rather than a look at every character.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }
  return starts;
}

/** The points of `text`'s offsets, its lines counted as {@link lineStarts} counts them (`starts`, when known). */
export function createLineIndex(text: string, starts: number[] = lineStarts(text)): LineIndex {
  return new Lines(starts, text.length);
}

/** The index of a text already split into `lines` (see splitLines) that is `length` long. */
export function lineIndexOf(lines: readonly { start: number }[], length: number): LineIndex {
  const starts: number[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) starts[i] = (lines[i] as { start: number }).start;
  return new Lines(starts, length);
}

class Lines implements LineIndex {
  // Nodes are built mostly in document order, so the line of the previous point, or the one after
  // it, usually holds the next: checked before a binary search.
  private hint = 0;

  constructor(
    private readonly starts: number[],
    private readonly length: number,
  ) {}

  point(offset: number): Point {
    const starts = this.starts;
    const clamped = offset <= 0 ? 0 : offset >= this.length ? this.length : offset;
    const last = starts.length - 1;
    let line = this.hint;
    if ((starts[line] as number) > clamped || (line < last && (starts[line + 1] as number) <= clamped)) {
      if (line < last && (starts[line + 1] as number) <= clamped && (line + 1 === last || (starts[line + 2] as number) > clamped)) line++;
      else {
        let low = 0;
        let high = last;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if ((starts[mid] as number) <= clamped) low = mid;
          else high = mid - 1;
        }
        line = low;
      }
      this.hint = line;
    }
    return { line: line + 1, column: clamped - (starts[line] as number) + 1, offset: clamped };
  }

  span(from: number, to: number): { start: Point; end: Point } {
    const start = this.point(from);
    // A cell or a row ends on the line it starts on, more often than not.
    const next = this.starts[start.line];
    if (to >= from && to <= this.length && (next === undefined || to < next)) {
      return { start, end: { line: start.line, column: start.column + (to - start.offset), offset: to } };
    }
    return { start, end: this.point(to) };
  }
}
