import { expectOptions, expectString } from './arguments';
import type { ParseResult, Point, Position } from './ast';
import { createLineIndex } from './lines/line-index';
import { LOCALES } from './messages/index';
import { INPUT_KINDS, reportSpans, type ParseOptions } from './parse';
import { parseReport } from './parse-report';

/**
 * Reads every report of a text that holds several: a page listing two years' reports, exports
 * run together. Each is read as {@link parseReport} reads one, from its title (or its part 一
 * heading) to the next report's; positions are in `text` as given. A text of one report gives
 * one result, the same as `parseReport(text, options)`.
 *
 * Never throws on a string, whatever it holds.
 *
 * @param text - The text of one report or several.
 * @param options - See {@link ParseOptions}.
 * @returns One `{ report, diagnostics }` per report, in the order of the text.
 * @throws {TypeError} When `text` is not a string, or `options` is not an options object.
 *
 * @example
 * ```ts
 * import { parseReports } from 'xxgk-report';
 * declare const page: string; // two years' reports, one after the other
 * for (const { report } of parseReports(page)) console.log(report.meta.year);
 * ```
 */
export function parseReports(text: string, options?: ParseOptions): ParseResult[] {
  expectString('parseReports', 'text', text);
  expectOptions('parseReports', 'options', options, { blankAsZero: 'boolean', convertTraditional: 'boolean', check: 'boolean', input: INPUT_KINDS, locale: LOCALES });
  const spans = reportSpans(text, options ?? {});
  if (spans.length === 1) return [parseReport(text, options)];
  const lines = createLineIndex(text);
  return spans.map(({ start, end, html }) => {
    // A page's later reports are pieces of its markup, to be read as markup too.
    const result = parseReport(text.slice(start, end), html ? { ...options, input: 'html' } : options);
    if (start === 0) return result;
    // Each report starts on a line of its own: its lines move down, its columns stay.
    const base = lines.span(start, start).start;
    return shift(result, base.line - 1, start) as ParseResult;
  });
}

/** A copy of `value` with every position moved down `lines` lines and on `offset` code units. */
function shift(value: unknown, lines: number, offset: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shift(item, lines, offset));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = key === 'position' && isPosition(field) ? { start: point(field.start, lines, offset), end: point(field.end, lines, offset) } : shift(field, lines, offset);
  }
  return copy;
}

const point = (at: Point, lines: number, offset: number): Point => ({ line: at.line + lines, column: at.column, offset: at.offset + offset });

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}
