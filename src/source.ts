import type { Position } from './ast';
import { createLineIndex, lineIndexOf } from './lines/line-index';
import type { Line } from './lines/split';
import type { Normalized } from './normalize/index';

/** The caller's text and the way back to it from the normalised text. */
export interface Source {
  readonly input: string;
  readonly normalized: Normalized;
  /** True when normalising changed nothing: a span's text in the input is its normalised text. */
  readonly unchanged: boolean;
  /** The position in the original input of a normalised span. */
  position(start: number, end: number): Position;
}

/**
 * Builds the mapping from normalised offsets to positions in `input`. `lines`, the normalised
 * text's lines, spare a second scan for line breaks when normalising changed no length.
 */
export function createSource(input: string, normalized: Normalized, lines?: readonly Line[]): Source {
  const points = lines && normalized.aligned ? lineIndexOf(lines, input.length) : createLineIndex(input);
  const { toOriginalStart, toOriginalEnd } = normalized;
  return {
    input,
    normalized,
    unchanged: input === normalized.text,
    position(start, end) {
      const from = toOriginalStart(start);
      // An empty span stays empty: its end is its start, not the end of what was deleted there.
      const to = end <= start ? from : Math.max(from, toOriginalEnd(end));
      return points.span(from, to);
    },
  };
}
