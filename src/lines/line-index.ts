import type { Point } from '../ast';

/** Turns offsets of a text into unist points (1-based line and column). */
export interface LineIndex {
  point(offset: number): Point;
}

/**
 * Indexes where each line of `text` starts, counting `\n`, `\r\n` and a lone `\r` as line breaks,
 * so that points agree with what an editor shows for the caller's own text.
 */
export function createLineIndex(text: string): LineIndex {
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
  return {
    point(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] as number) <= clamped) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: clamped - (starts[low] as number) + 1, offset: clamped };
    },
  };
}
