import type { PdfLine } from './lines';
import type { Piece } from './pieces';

/**
 * Vertical labels: a table's group label written one character per line down its first column
 * (`三、本年度办理结果` beside the rows it groups). Grouped into lines by height with the rest,
 * each character would land on the line of the row beside it and be read as the start of that
 * row's label (`本 2.其他法律行政法规禁止公开`), or pull a row's numbers off its label's line.
 * They are taken out before the page is grouped into lines, and each is put back on a line of
 * its own, where its height puts it: the characters stay stacked, the rows stay whole.
 */

/** At most this many characters in one stacked piece (`三、` is one piece in some PDFs). */
const MAX_CHARACTERS = 2;
/** Stacked characters share an x within this share of their size. */
const SAME_X = 0.5;
/** Successive characters of a label sit at most this many sizes apart. */
const MAX_STEP = 3;
/** Nothing may sit beside a stacked character on its baseline closer than this many sizes. */
const MIN_GAP = 1;
/** A label has at least this many characters stacked. */
const MIN_RUN = 3;

const isStackable = (piece: Piece) => {
  if (piece.text.length > MAX_CHARACTERS) return false;
  for (let i = 0; i < piece.text.length; i++) if (piece.text.charCodeAt(i) < 0x2e80) return false;
  return true;
};

/**
 * Whether another piece sits just left or right of `piece` on its baseline: it is then part of
 * a word or a line (`三` of `三、`, a comma of prose, the last word of a justified line).
 */
function hasNeighbour(piece: Piece, byBaseline: readonly Piece[], maxSize: number): boolean {
  const left = piece.x - MIN_GAP * piece.size;
  const right = piece.x + piece.width + MIN_GAP * piece.size;
  // The pieces within half the largest size of its baseline: binary search, then a short scan.
  const reach = 0.5 * Math.max(piece.size, maxSize);
  let low = 0;
  let high = byBaseline.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((byBaseline[middle] as Piece).baseline > piece.baseline + reach) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < byBaseline.length; i++) {
    const other = byBaseline[i] as Piece;
    if (other.baseline < piece.baseline - reach) break;
    if (other === piece || Math.abs(other.baseline - piece.baseline) > 0.5 * Math.min(piece.size, other.size)) continue;
    if (other.x + other.width > left && other.x < right) return true;
  }
  return false;
}

/** Splits a page's pieces into the characters of vertical labels and the rest. */
export function takeVerticalLabels(pieces: readonly Piece[]): { labels: Piece[]; rest: Piece[] } {
  if (pieces.filter(isStackable).length < MIN_RUN) return { labels: [], rest: pieces.slice() };
  const byBaseline = pieces.slice().sort((p, q) => q.baseline - p.baseline);
  let maxSize = 0;
  for (const piece of pieces) maxSize = Math.max(maxSize, piece.size);
  const candidates = byBaseline.filter((piece) => isStackable(piece) && !hasNeighbour(piece, byBaseline, maxSize));
  if (candidates.length < MIN_RUN) return { labels: [], rest: pieces.slice() };
  type Run = { x: number; size: number; last: Piece; members: Piece[] };
  const runs: Run[] = [];
  // Runs whose last character is close enough above to be continued (candidates come top down).
  let open: Run[] = [];
  for (const piece of candidates) {
    open = open.filter((r) => r.last.baseline - piece.baseline <= MAX_STEP * maxSize);
    let run = open.find((r) => Math.abs(r.x - piece.x) <= SAME_X * piece.size && r.last.baseline - piece.baseline <= MAX_STEP * Math.max(piece.size, r.size) && r.last.baseline > piece.baseline);
    if (!run) {
      run = { x: piece.x, size: piece.size, last: piece, members: [] };
      runs.push(run);
      open.push(run);
    }
    run.last = piece;
    run.members.push(piece);
  }
  const labels = new Set<Piece>();
  for (const run of runs) if (run.members.length >= MIN_RUN) for (const piece of run.members) labels.add(piece);
  if (labels.size === 0) return { labels: [], rest: pieces.slice() };
  return { labels: [...labels], rest: pieces.filter((piece) => !labels.has(piece)) };
}

/** Puts each label character back as a line of its own, among the page's lines by height. */
export function withLabelLines(lines: readonly PdfLine[], labels: readonly Piece[]): PdfLine[] {
  if (labels.length === 0) return lines.slice();
  const own: PdfLine[] = labels.map((piece) => ({
    page: piece.page,
    pieces: [piece],
    baseline: piece.baseline,
    minSize: piece.size,
    maxSize: piece.size,
    top: piece.top,
    bottom: piece.bottom,
  }));
  const isLabel = new Set(own);
  // A label character level with a row goes above it: the label opens the rows it names.
  return [...own, ...lines].sort((a, b) => b.baseline - a.baseline || (isLabel.has(b) ? 1 : 0) - (isLabel.has(a) ? 1 : 0));
}
