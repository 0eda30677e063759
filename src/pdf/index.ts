/**
 * xxgk-report/pdf: reads a report from its PDF, from where the PDF draws its text rather than
 * from text extracted from it, with a box on the page for every table cell.
 *
 * Needs `pdfjs-dist` (an optional peer dependency of xxgk-report), imported on first use.
 *
 * @packageDocumentation
 */
import { expectOptions } from '../arguments';
import type { Cell, Report } from '../ast';
import { parseDiagnostic, type Diagnostic } from '../diagnostics';
import { LOCALES, parseReport, type ParseOptions } from '../index';
import type { Box } from '../ast';
import { boxFinder, cellsOf, type PageSize } from './boxes';
import { findFurniture } from './furniture';
import { groupLines, type PdfLine } from './lines';
import { layOut, type Layout } from './layout';
import { readPages, UnreadablePdf, type PageText } from './load';
import { pdfMessages, type PdfTrouble } from './messages';
import { piecesOf } from './pieces';
import { takeVerticalLabels, withLabelLines } from './vertical';

export type { Box } from '../ast';
export type { PageSize } from './boxes';

/** Where a stretch of {@link PdfParseResult.text} was drawn: one text item of the PDF (or one character of a vertical one). */
export interface TextSpan {
  /** Offsets into `text`, end exclusive. */
  start: number;
  end: number;
  box: Box;
}

/** What {@link parsePdf} returns: {@link ParseResult} of the rebuilt text, and where it came from. */
export interface PdfParseResult {
  /** The report, as parseReport reads `text`. Every cell of its tables has its `box`. */
  report: Report;
  diagnostics: Diagnostic[];
  /**
   * The text rebuilt from the PDF's text items, laid out like `pdftotext -layout` (table columns
   * aligned by spaces), page furniture removed. Every position in `report` and `diagnostics`
   * points into it: `text.slice(cell.position.start.offset, cell.position.end.offset) === cell.raw`.
   */
  text: string;
  /** Each page's size (index 0 is page 1). */
  pages: PageSize[];
  /** Where each piece of `text` was drawn, in text order. Spaces and line breaks have none. */
  spans: TextSpan[];
}

/** The options parseReport takes apart from `input`: a PDF's text is always read as text. */
export type PdfParseOptions = Omit<ParseOptions, 'input'>;

function describeBytes(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'a string (give the file\'s bytes, not its text: readFileSync(path) without an encoding)';
  if (value instanceof ArrayBuffer) return 'an ArrayBuffer (wrap it: new Uint8Array(buffer))';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor?.name ?? 'typed array'} (give a Uint8Array of the file's bytes)`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

type PdfCode = 'pdf/no-text' | 'pdf/unreadable';

/** The result for a PDF whose text could not be had: an empty report and one diagnostic. */
function withoutText(code: PdfCode, message: string, pages: PageSize[], options: PdfParseOptions | undefined): PdfParseResult {
  const { report } = parseReport('', { ...options, input: 'text' });
  return { report, diagnostics: [parseDiagnostic(code, message)], text: '', pages, spans: [] };
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Why pdf.js could not open the bytes, for the diagnostic. */
function whyUnreadable(bytes: Uint8Array, error: UnreadablePdf): PdfTrouble {
  if (bytes.length === 0) return { kind: 'empty' };
  if (error.locked) return { kind: 'locked' };
  const reason = error.message;
  const head = bytes.subarray(0, 1024);
  let found = false;
  for (let i = 0; i + PDF_HEADER.length <= head.length && !found; i++) found = PDF_HEADER.every((code, j) => head[i + j] === code);
  return found ? { kind: 'damaged', reason } : { kind: 'notPdf', reason };
}

/** The lines of every page, top to bottom, furniture removed. */
function linesOf(pages: readonly PageText[], sizes: readonly PageSize[]): PdfLine[] {
  const perPage = pages.map((page, index) => {
    const { labels, rest } = takeVerticalLabels(piecesOf(page.items, page.styles, index + 1, page.view));
    return withLabelLines(groupLines(rest), labels);
  });
  const furniture = findFurniture(perPage, sizes);
  const lines: PdfLine[] = [];
  for (const page of perPage) for (const line of page) if (!furniture.has(line)) lines.push(line);
  return lines;
}

function sizeOf(view: readonly number[]): PageSize {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  return { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

/**
 * Reads a report from a PDF: the text is rebuilt from where the PDF draws its text items (each
 * item placed at the column its x gives, page numbers and running headers and footers removed,
 * a table that crosses pages continued), then read by {@link parseReport}. The result is
 * parseReport's, plus the rebuilt `text` its positions point into, and a `box` on every table
 * cell (see {@link Box}).
 *
 * Never rejects for bytes, whatever they hold: a PDF without a text layer (a scan) gives a
 * `pdf/no-text` error, bytes that are no PDF (or a damaged or password-locked one) a
 * `pdf/unreadable` error, each with an empty report.
 *
 * @param bytes - The PDF file's bytes (a Buffer is a Uint8Array). They are not modified.
 * @param options - parseReport's options ({@link ParseOptions}); `input` is ignored.
 * @returns The report, its diagnostics, the rebuilt text, page sizes and text spans.
 * @throws {TypeError} (as a rejection) When `bytes` is not a Uint8Array, or `options` is not
 *   undefined or an object whose `blankAsZero`, `convertTraditional` and `check` are booleans and
 *   `locale` is `en` or `zh-CN` (each or undefined).
 * @throws {Error} (as a rejection) When pdfjs-dist is not installed.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parsePdf } from 'xxgk-report/pdf';
 * const { report, diagnostics } = await parsePdf(readFileSync('report.pdf'));
 * const cell = report.tables.applications?.rows.newReceived?.total;
 * cell?.value; // 3119
 * cell?.box; // { page: 4, x: 496.32, y: 464.89, width: 14.88, height: 7.45 }: top-left origin
 * ```
 */
export async function parsePdf(bytes: Uint8Array, options?: PdfParseOptions): Promise<PdfParseResult> {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`parsePdf: bytes must be a Uint8Array (the PDF file's bytes), got ${describeBytes(bytes)}`);
  }
  expectOptions('parsePdf', 'options', options, { blankAsZero: 'boolean', convertTraditional: 'boolean', check: 'boolean', locale: LOCALES });
  const say = pdfMessages(options?.locale);
  let pages: PageText[];
  try {
    pages = await readPages(bytes);
  } catch (error) {
    if (!(error instanceof UnreadablePdf)) throw error;
    return withoutText('pdf/unreadable', say.pdfUnreadable(whyUnreadable(bytes, error)), [], options);
  }
  const sizes = pages.map((page) => sizeOf(page.view));
  const lines = linesOf(pages, sizes);
  if (lines.length === 0) {
    return withoutText('pdf/no-text', say.pdfNoText({ pages: pages.length }), sizes, options);
  }
  const layout = layOut(lines);
  return read(layout, sizes, options);
}

/** parseReport over the rebuilt text, with boxes on the cells. */
function read(layout: Layout, sizes: PageSize[], options: PdfParseOptions | undefined): PdfParseResult {
  const { report, diagnostics } = parseReport(layout.text, { ...options, input: 'text' });
  const find = boxFinder(layout, sizes);
  for (const cell of cellsOf(report)) {
    const box = find(cell.position.start.offset, cell.position.end.offset);
    if (box) cell.box = box;
  }
  const spans: TextSpan[] = layout.spans.map(({ start, end }) => ({ start, end, box: find(start, end) as Box }));
  return { report, diagnostics, text: layout.text, pages: sizes, spans };
}
