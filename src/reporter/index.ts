import { describe, expectOptions } from '../arguments';
import type { Diagnostic, Severity } from '../diagnostics';
import { codeFrame } from './frame';

/** Options of {@link formatDiagnostics}. */
export interface FormatDiagnosticsOptions {
  /** The text the positions point into (what was parsed): needed for code frames. */
  source?: string;
  /** Named before each finding's line and column (default `<input>`). */
  path?: string;
  /** Severities in colour, for a terminal (ANSI escapes; default false). */
  color?: boolean;
  /**
   * The source line under each finding, with a caret under its span: `'errors'` (default when
   * `source` is given) under errors only, `'all'` under every finding with a position, `'none'`.
   */
  frame?: 'errors' | 'all' | 'none';
}

const FRAMES = ['errors', 'all', 'none'] as const;

// Red, yellow and cyan, bold for errors; the code dimmed. Reset after each.
const COLOURS: Record<Severity, string> = { error: '\u001b[1;31m', warning: '\u001b[33m', info: '\u001b[36m' };
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function byPosition(a: Diagnostic, b: Diagnostic): number {
  // Findings without a position are about the whole report: after the located ones.
  if (!a.position || !b.position) return (a.position ? 0 : 1) - (b.position ? 0 : 1);
  return a.position.start.offset - b.position.start.offset;
}

/**
 * One finding's line: `path:line:column  severity  code  message`, the shape editors and CI
 * annotators turn into links; a finding without a position gives just the path.
 */
export function findingLine(path: string, diagnostic: Diagnostic, color = false): string {
  const start = diagnostic.position?.start;
  const where = start ? `${path}:${start.line}:${start.column}` : path;
  // One finding, one line: a message with a line break would split it for grep and annotators.
  // The lookbehind starts a match only where a run of whitespace starts; without it a long run
  // with no line break in it (a quoted cell) is rescanned from each of its positions.
  const message = diagnostic.message.replace(/(?<!\s)\s*[\r\n]\s*/g, ' ');
  const severity = color ? `${COLOURS[diagnostic.severity]}${diagnostic.severity}${RESET}` : diagnostic.severity;
  const code = color ? `${DIM}${diagnostic.code}${RESET}` : diagnostic.code;
  return `${where}  ${severity}  ${code}  ${message}`;
}

/**
 * Diagnostics as a person or a CI log reads them: one line per finding in the order of the text,
 * each `path:line:column  severity  code  message`, with the source line and a caret under the
 * span where `source` is given (Chinese characters count as two columns, tabs as four; long
 * lines are cut around the span). The CLI's `check` prints these lines.
 *
 * @param diagnostics - What `parseReport`, `checkReport` or `compareReports` returned.
 * @param options - See {@link FormatDiagnosticsOptions}.
 * @returns The lines, each ending in a line break; `''` for no diagnostics.
 * @throws {TypeError} When `diagnostics` is not an array of diagnostics or an option has the wrong type.
 *
 * @example
 * ```ts
 * import { formatDiagnostics, parseReport } from 'xxgk-report';
 * const text = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t0\t2';
 * const { diagnostics } = parseReport(text);
 * formatDiagnostics(diagnostics.filter((d) => d.severity === 'error'), { source: text, path: 'report.txt' }).split('\n')[0];
 * //=> 'report.txt:2:1  error  arithmetic/review-litigation-row-total  表四, row 行政复议: 结果维持、结果纠正、其他结果、尚未审结之和等于总计 does not hold: 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1, but 总计 2 (difference -1)'
 * ```
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatDiagnosticsOptions = {}): string {
  const isDiagnostic = (d: unknown) => typeof d === 'object' && d !== null && typeof (d as Diagnostic).message === 'string' && typeof (d as Diagnostic).code === 'string' && (d as Diagnostic).severity in COLOURS;
  if (!Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) {
    const got = Array.isArray(diagnostics) ? 'an array holding something else' : describe(diagnostics);
    throw new TypeError(`formatDiagnostics: diagnostics must be an array of diagnostics (the diagnostics of parseReport's result), got ${got}`);
  }
  expectOptions('formatDiagnostics', 'options', options, { source: 'string', path: 'string', color: 'boolean', frame: FRAMES });
  const path = options.path ?? '<input>';
  const frame = options.source === undefined ? 'none' : (options.frame ?? 'errors');
  let output = '';
  for (const diagnostic of [...diagnostics].sort(byPosition)) {
    output += `${findingLine(path, diagnostic, options.color === true)}\n`;
    const framed = frame === 'all' || (frame === 'errors' && diagnostic.severity === 'error');
    if (framed && diagnostic.position && options.source !== undefined) output += `${codeFrame(options.source, diagnostic.position)}\n`;
  }
  return output;
}
