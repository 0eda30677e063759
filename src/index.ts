/**
 * xxgk-report: reads the annual reports Chinese government bodies publish on information
 * disclosure (政府信息公开工作年度报告) into a typed, positioned, checked AST.
 *
 * @packageDocumentation
 */
export { parseReport } from './parse-report';
export type { ParseOptions } from './parse';
export type * from './ast';
export type { CellRef, Diagnostic, DiagnosticCode, ParseCode, ArithmeticCode, Severity } from './diagnostics';
export { PARSE_CODES } from './diagnostics';
export { normalize, hasTraditional } from './normalize/index';
export type { Normalized, NormalizeOptions, NormalizeCounts } from './normalize/index';
export { splitLines } from './lines/split';
export type { Line } from './lines/split';
export { classifyLine, classifyLines } from './lines/classify';
export type { LineKind } from './lines/classify';
export { readOutline } from './structure/outline';
export type { Outline, LineSpan } from './structure/outline';
export { lex } from './tokens/lex';
export type { Token, TokenKind, Field } from './tokens/token';
export { readCell } from './tables/cell';
export { readTable } from './read-table';
export type { CellReading } from './tables/cell';
export { checkReport, compareReports, CHECK_CODES } from './check/index';
export type { CheckReportOptions } from './check/index';
export { renderReport } from './render/index';
export type { RenderReportOptions, RenderLayout } from './render/index';
