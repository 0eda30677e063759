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

/** Offsets of a text read out of the input back to the input's (a page's text to its markup). */
export interface InputMap {
  start(n: number): number;
  end(n: number): number;
}

/**
 * Builds the mapping from normalised offsets to positions in `input`. `lines`, the normalised
 * text's lines, spare a second scan for line breaks when normalising changed no length. `page`
 * maps the text that was normalised back to `input` when that text was read out of it (HTML).
 */
export function createSource(input: string, normalized: Normalized, lines?: readonly Line[], page?: InputMap): Source {
  const points = lines && normalized.aligned && !page ? lineIndexOf(lines, input.length) : createLineIndex(input);
  const { toOriginalStart, toOriginalEnd } = normalized;
  const start = page ? (n: number) => page.start(toOriginalStart(n)) : toOriginalStart;
  const end = page ? (n: number) => page.end(toOriginalEnd(n)) : toOriginalEnd;
  return {
    input,
    normalized,
    unchanged: input === normalized.text,
    position(from, to) {
      const first = start(from);
      // An empty span stays empty: its end is its start, not the end of what was deleted there.
      const last = to <= from ? first : Math.max(first, end(to));
      return points.span(first, last);
    },
  };
}
