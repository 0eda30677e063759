/**
 * xxgk-report: reads the annual reports Chinese government bodies publish on information
 * disclosure (政府信息公开工作年度报告) into a typed, positioned, checked AST.
 *
 * @packageDocumentation
 */
import { expectLines, expectString } from './arguments';
import type { Line } from './lines/split';
import { readOutline as readOutlineOf, type Outline } from './structure/outline';
import { readCell as readCellOf, type CellReading } from './tables/cell';

export { parseReport } from './parse-report';
export { decodeReport, DecodeError } from './decode/index';
export type { DecodedReport, DecodeFailure, DecodeOptions } from './decode/index';
export { parseReports } from './parse-reports';
export type { ParseOptions } from './parse';
export { LOCALES } from './messages/index';
export type { Locale } from './messages/index';
export type * from './ast';
export type { CellRef, Diagnostic, DiagnosticCode, ParseCode, ArithmeticCode, Severity } from './diagnostics';
export { PARSE_CODES } from './diagnostics';
export { normalize, hasTraditional } from './normalize/index';
export type { Normalized, NormalizeOptions, NormalizeCounts } from './normalize/index';
export { splitLines } from './lines/split';
export type { Line } from './lines/split';
export { classifyLine, classifyLines } from './lines/classify';
export type { LineKind } from './lines/classify';
export type { Outline, LineSpan } from './structure/outline';
export { lex } from './tokens/lex';
export type { Token, TokenKind, Field } from './tokens/token';
export { readTable } from './read-table';
export type { CellReading } from './tables/cell';
export { checkReport, compareReports, CHECK_CODES } from './check/index';
export { checkHierarchy, sameAgency } from './check/index';
export type { CheckHierarchyOptions, CheckReportOptions } from './check/index';
export { renderIndex, renderReport } from './render/index';
export type { IndexEntry, RenderIndexOptions, RenderLayout, RenderReportOptions } from './render/index';
export { formatDiagnostics } from './reporter/index';
export type { FormatDiagnosticsOptions } from './reporter/index';

// readCell and readOutline are called inside the parser on what it made itself: their exported
// forms check what a caller gives them, then call the stage itself.

/**
 * Reads the text of one table cell. The result is frozen, and may be shared with other calls.
 *
 * @throws {TypeError} When `text` is not a string.
 */
export function readCell(text: string): CellReading {
  expectString('readCell', 'text', text);
  return readCellOf(text);
}

/**
 * Reads the part headings of the lines whose kinds are given (tables are read from tokens).
 *
 * @param lines - The lines, as {@link splitLines} returns them.
 * @param kinds - Their kinds, one character per line, as {@link classifyLines} returns them.
 * @throws {TypeError} When `lines` is not an array of lines (objects with a `text` string), or
 *   `kinds` is not a string with one character per line.
 */
export function readOutline(lines: readonly Line[], kinds: string): Outline {
  expectLines('readOutline', 'lines', lines);
  expectString('readOutline', 'kinds', kinds);
  if (kinds.length !== lines.length) {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    throw new TypeError(
      `readOutline: kinds must be a string with one character per line (classifyLines(lines)), got ${count(kinds.length, 'character')} for ${count(lines.length, 'line')}`,
    );
  }
  return readOutlineOf(lines, kinds);
}
