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
  const { toOriginalStart, toOriginalEnd } = normalized;
  // An empty span stays empty: its end is its start, not the end of what was deleted there.
  const originalEnd = (from: number, start: number, end: number): number => (end <= start ? from : Math.max(from, toOriginalEnd(end)));
  return {
    input,
    normalized,
    position(start, end) {
      const from = toOriginalStart(start);
      return { start: lines.point(from), end: lines.point(originalEnd(from, start, end)) };
    },
    raw(start, end) {
      const from = toOriginalStart(start);
      return input.slice(from, originalEnd(from, start, end));
    },
  };
}
