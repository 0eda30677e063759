import type { Position } from './ast';
import { createLineIndex } from './lines/line-index';
import type { Normalized } from './normalize/index';

/** The caller's text and the way back to it from the normalised text. */
export interface Source {
  readonly input: string;
  readonly normalized: Normalized;
  /** The position in the original input of a normalised span. */
  position(start: number, end: number): Position;
  /** The original text of a normalised span. */
  raw(start: number, end: number): string;
}

/** Builds the mapping from normalised offsets to positions in `input`. */
export function createSource(input: string, normalized: Normalized): Source {
  const lines = createLineIndex(input);
  const range = (start: number, end: number): [number, number] => {
    const from = normalized.toOriginalStart(start);
    // An empty span stays empty: its end is its start, not the end of what was deleted there.
    const to = end <= start ? from : Math.max(from, normalized.toOriginalEnd(end));
    return [from, to];
  };
  return {
    input,
    normalized,
    position(start, end) {
      const [from, to] = range(start, end);
      return { start: lines.point(from), end: lines.point(to) };
    },
    raw(start, end) {
      const [from, to] = range(start, end);
      return input.slice(from, to);
    },
  };
}
