import type { PdfLine } from './lines';
import { displayWidth, type Piece } from './pieces';

/**
 * The text of a PDF rebuilt from where its pieces sit, the way `pdftotext -layout` lays a page
 * out: every piece starts at the display column its x gives (a CJK character is two columns, a
 * Latin letter or digit one), so that a table's columns line up down the page and across pages,
 * and a blank cell is only more space. Pieces that touch are joined; a word space stays one space.
 */

/** A piece as placed in the text: `[start, end)` of the text is its `piece.text`. */
export interface Span {
  start: number;
  end: number;
  piece: Piece;
}

/** Where a line of the text came from (for the place of an empty span, such as a blank cell). */
export interface LinePlace {
  /** Offset in the text where the line starts. */
  start: number;
  page: number;
  top: number;
  bottom: number;
}

export interface Layout {
  text: string;
  /** The placed pieces, in text order. */
  spans: Span[];
  /** The text's lines that hold pieces, in text order. */
  lines: LinePlace[];
  /** Points per display column, and the x of column 0. */
  columnWidth: number;
  originX: number;
}

/** A gap narrower than this share of the font size joins two pieces: they are one word. */
const JOIN = 0.15;
/**
 * Between two Chinese characters a gap this narrow is letter spacing (justified or spaced-out
 * text), never a space: Chinese has no spaces between words.
 */
const JOIN_CJK = 0.5;
/** A gap narrower than this is one space (words of a sentence); a wider one is a column gap. */
const WORD_SPACE = 1;
/** A line lower than the previous one by more than this many font sizes follows a blank line. */
const BLANK_LINE = 2.5;
/** The share of the pieces (by character) whose font sets the column width: the smallest text. */
const SMALL_TEXT = 0.05;

/**
 * Points per display column: half the size of the smallest text that is not an outlier, so that
 * a CJK character of the smallest text takes its own width and a larger one never more.
 */
export function columnWidthOf(lines: readonly PdfLine[]): number {
  const sizes: { size: number; count: number }[] = [];
  let total = 0;
  for (const line of lines) {
    for (const piece of line.pieces) {
      sizes.push({ size: piece.size, count: piece.text.length });
      total += piece.text.length;
    }
  }
  if (total === 0) return 1;
  sizes.sort((a, b) => a.size - b.size);
  let seen = 0;
  for (const { size, count } of sizes) {
    seen += count;
    if (seen >= total * SMALL_TEXT) return Math.max(size / 2, 0.5);
  }
  return Math.max((sizes[sizes.length - 1] as { size: number }).size / 2, 0.5);
}

/** Lays out the lines of all pages, page after page, as one text. */
export function layOut(lines: readonly PdfLine[]): Layout {
  const columnWidth = columnWidthOf(lines);
  let originX = Infinity;
  for (const line of lines) originX = Math.min(originX, (line.pieces[0] as Piece).x);
  if (!Number.isFinite(originX)) originX = 0;
  const parts: string[] = [];
  const spans: Span[] = [];
  const places: LinePlace[] = [];
  let offset = 0;
  let previous: PdfLine | undefined;
  for (const line of lines) {
    if (previous) {
      const blank = previous.page === line.page && previous.baseline - line.baseline > BLANK_LINE * Math.max(previous.maxSize, line.maxSize);
      const breaks = blank ? '\n\n' : '\n';
      parts.push(breaks);
      offset += breaks.length;
    }
    places.push({ start: offset, page: line.page, top: line.top, bottom: line.bottom });
    let column = 0;
    let last: Piece | undefined;
    for (const piece of line.pieces) {
      const target = Math.max(0, Math.round((piece.x - originX) / columnWidth));
      let start: number;
      if (!last) start = target;
      else {
        const gap = piece.x - (last.x + last.width);
        const size = Math.min(piece.size, last.size);
        const cjk = last.text.charCodeAt(last.text.length - 1) >= 0x2e80 && piece.text.charCodeAt(0) >= 0x2e80;
        if (gap < (cjk ? JOIN_CJK : JOIN) * size) start = column;
        else if (gap < WORD_SPACE * size) start = column + 1;
        else start = Math.max(target, column + 1);
      }
      if (start > column) {
        const spaces = ' '.repeat(start - column);
        parts.push(spaces);
        offset += spaces.length;
      }
      parts.push(piece.text);
      spans.push({ start: offset, end: offset + piece.text.length, piece });
      offset += piece.text.length;
      column = start + displayWidth(piece.text);
      last = piece;
    }
    previous = line;
  }
  return { text: parts.join(''), spans, lines: places, columnWidth, originX };
}
