import type { Box, Cell, Report } from '../ast';
import type { Layout, Span } from './layout';
import { displayWidth } from './pieces';

export type { Box } from '../ast';

/** A page's size in user space units (its crop box, unrotated). */
export interface PageSize {
  width: number;
  height: number;
}

interface Edges {
  page: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

function toBox(edges: Edges, sizes: readonly PageSize[]): Box {
  const height = sizes[edges.page - 1]?.height ?? 0;
  return {
    page: edges.page,
    x: round(edges.left),
    y: round(height - edges.top),
    width: round(Math.max(0, edges.right - edges.left)),
    height: round(Math.max(0, edges.top - edges.bottom)),
  };
}

/** The index of the first span ending after `offset` (spans are in text order). */
function firstSpanAfter(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle] as Span).end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The edges of the part `[from, to)` (offsets into the piece's text) of a span's piece. */
function partOf(span: Span, from: number, to: number): Edges {
  const { piece } = span;
  const total = displayWidth(piece.text);
  const left = total > 0 ? displayWidth(piece.text.slice(0, from)) / total : 0;
  const right = total > 0 ? displayWidth(piece.text.slice(0, to)) / total : 1;
  return { page: piece.page, left: piece.x + piece.width * left, right: piece.x + piece.width * right, top: piece.top, bottom: piece.bottom };
}

/**
 * Computes boxes of text ranges of a layout: the union of what the pieces under the range cover
 * (on the page of its first piece), or for an empty range, a zero-width box where the range
 * sits in its line.
 */
export function boxFinder(layout: Layout, sizes: readonly PageSize[]): (start: number, end: number) => Box | undefined {
  const { spans, lines, columnWidth, originX, text } = layout;
  return (start, end) => {
    let edges: Edges | undefined;
    for (let i = firstSpanAfter(spans, start); i < spans.length; i++) {
      const span = spans[i] as Span;
      if (span.start >= end) break;
      const part = partOf(span, Math.max(start, span.start) - span.start, Math.min(end, span.end) - span.start);
      if (!edges) edges = part;
      else if (part.page === edges.page) {
        edges.left = Math.min(edges.left, part.left);
        edges.right = Math.max(edges.right, part.right);
        edges.top = Math.max(edges.top, part.top);
        edges.bottom = Math.min(edges.bottom, part.bottom);
      }
    }
    if (edges) return toBox(edges, sizes);
    // Nothing drawn there (a blank cell): the place in its line the range starts at.
    let low = 0;
    let high = lines.length - 1;
    if (high < 0) return undefined;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lines[middle] as { start: number }).start <= start) low = middle;
      else high = middle - 1;
    }
    const line = lines[low];
    if (!line || line.start > start) return undefined;
    const newline = text.indexOf('\n', line.start);
    if (newline !== -1 && newline < start) return undefined;
    const x = originX + displayWidth(text.slice(line.start, start)) * columnWidth;
    return toBox({ page: line.page, left: x, right: x, top: line.top, bottom: line.bottom }, sizes);
  };
}

const isCell = (value: unknown): value is Cell =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'cell' && typeof (value as { position?: unknown }).position === 'object';

/** Every cell of a report's tables: each row's cells and each unassigned line's values. */
export function cellsOf(report: Report): Cell[] {
  const cells: Cell[] = [];
  for (const table of Object.values(report.tables)) {
    if (!table) continue;
    for (const row of Object.values(table.rows as Record<string, Record<string, unknown> | undefined>)) {
      if (!row) continue;
      for (const value of Object.values(row)) if (isCell(value)) cells.push(value);
    }
    for (const entry of table.unassigned) for (const value of entry.values) if (isCell(value)) cells.push(value);
  }
  return cells;
}
