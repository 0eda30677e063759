import type { Piece } from './pieces';

/** The pieces of a page that share a baseline, left to right. */
export interface PdfLine {
  page: number;
  pieces: Piece[];
  /** The baseline of the line's first (highest) piece. */
  baseline: number;
  /** The smallest and largest font size on the line. */
  minSize: number;
  maxSize: number;
  top: number;
  bottom: number;
}

/**
 * How far below a line's baseline a piece may sit and still be on the line, as a share of the
 * smaller font size. Numbers set in a larger font than their row's label sit a point or two
 * lower; the next line of a wrapped label sits a whole line lower.
 */
const BASELINE_TOLERANCE = 0.5;

/**
 * A piece drawn twice at almost the same place (fake bold: the same text stroked again a
 * fraction of a point to the side) is one piece.
 */
const DOUBLE_STRIKE = 0.2;

/** Groups one page's pieces into lines, top to bottom, each line's pieces left to right. */
export function groupLines(pieces: readonly Piece[]): PdfLine[] {
  const sorted = pieces.slice().sort((p, q) => q.baseline - p.baseline || p.x - q.x);
  const lines: PdfLine[] = [];
  let line: PdfLine | undefined;
  for (const piece of sorted) {
    if (line && line.baseline - piece.baseline <= BASELINE_TOLERANCE * Math.min(piece.size, line.minSize)) {
      line.pieces.push(piece);
      line.minSize = Math.min(line.minSize, piece.size);
      line.maxSize = Math.max(line.maxSize, piece.size);
      line.top = Math.max(line.top, piece.top);
      line.bottom = Math.min(line.bottom, piece.bottom);
      continue;
    }
    line = { page: piece.page, pieces: [piece], baseline: piece.baseline, minSize: piece.size, maxSize: piece.size, top: piece.top, bottom: piece.bottom };
    lines.push(line);
  }
  for (const each of lines) {
    each.pieces.sort((p, q) => p.x - q.x);
    each.pieces = withoutDoubleStrikes(each.pieces);
  }
  return lines;
}

/** How many pieces back a twin is looked for: sorted by x, a piece's twin is next to it. */
const TWIN_WINDOW = 4;

function withoutDoubleStrikes(pieces: Piece[]): Piece[] {
  if (pieces.length < 2) return pieces;
  const kept: Piece[] = [];
  for (const piece of pieces) {
    let twin = false;
    for (let i = kept.length - 1; i >= 0 && i >= kept.length - TWIN_WINDOW && !twin; i--) {
      const other = kept[i] as Piece;
      twin = other.text === piece.text && Math.abs(other.x - piece.x) < DOUBLE_STRIKE * piece.size && Math.abs(other.baseline - piece.baseline) < DOUBLE_STRIKE * piece.size;
    }
    if (!twin) kept.push(piece);
  }
  return kept;
}

/** The text of a line with one space between its pieces (for matching furniture). */
export function lineText(line: PdfLine): string {
  return line.pieces.map((piece) => piece.text).join(' ');
}
