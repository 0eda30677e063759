import { describe, expectReport } from '../arguments';
import type { Report } from '../ast';
import type { Diagnostic } from '../diagnostics';

/**
 * Checks of the arguments only the visual report and the index page take, in the words of
 * src/arguments.ts: `renderReport: options.diagnostics must be an array of diagnostics (…), got
 * an array whose item 2 has severity 'fatal'`.
 */

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const DIAGNOSTICS = 'an array of diagnostics ({ code, severity, message, position?, cells? }, as parseReport returns)';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(fn: string, name: string, allowed: string, got: string): never {
  throw new TypeError(`${fn}: ${name} must be ${allowed}, got ${got}`);
}

function pointProblem(point: unknown): string | undefined {
  if (!isObject(point)) return describe(point);
  for (const field of ['line', 'column', 'offset'] as const) {
    if (typeof point[field] !== 'number') return `${field} ${describe(point[field])}`;
  }
  return undefined;
}

/** What keeps a value from being a diagnostic, or undefined when it is one. */
function diagnosticProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `is ${describe(value)}`;
  if (typeof value.code !== 'string') return `has code ${describe(value.code)}`;
  if (typeof value.severity !== 'string' || !SEVERITIES.includes(value.severity)) {
    return `has severity ${typeof value.severity === 'string' ? `'${value.severity.slice(0, 40).replace(/[\\']/g, '\\$&')}'` : describe(value.severity)}`;
  }
  if (typeof value.message !== 'string') return `has message ${describe(value.message)}`;
  const { position, cells } = value;
  if (position !== undefined) {
    if (!isObject(position)) return `has position ${describe(position)}`;
    for (const end of ['start', 'end'] as const) {
      const problem = pointProblem(position[end]);
      if (problem) return `has position.${end} ${problem}`;
    }
  }
  if (cells !== undefined) {
    if (!Array.isArray(cells)) return `has cells ${describe(cells)}`;
    for (let i = 0; i < cells.length; i++) {
      const cell: unknown = cells[i];
      if (!isObject(cell)) return `has cells[${i}] ${describe(cell)}`;
      for (const field of ['table', 'row', 'column'] as const) {
        if (typeof cell[field] !== 'string') return `has cells[${i}].${field} ${describe(cell[field])}`;
      }
    }
  }
  return undefined;
}

/** Throws unless `value` is an array of diagnostics as src/diagnostics.ts has them. */
export function expectDiagnostics(fn: string, name: string, value: unknown): asserts value is readonly Diagnostic[] {
  if (!Array.isArray(value)) fail(fn, name, DIAGNOSTICS, describe(value));
  for (let i = 0; i < value.length; i++) {
    const problem = diagnosticProblem(value[i]);
    if (problem) fail(fn, name, DIAGNOSTICS, `an array whose item ${i} ${problem}`);
  }
}

/** An entry of the index page: a report, its findings, and where its page is. */
export interface IndexEntry {
  /** The report's file, as the index shows it. */
  path: string;
  /** The link to the report's page (relative, or http:, https: or file:). */
  href: string;
  report: Report;
  diagnostics: Diagnostic[];
}

const ENTRIES = 'an array of entries ({ path: string, href: string, report: Report, diagnostics: Diagnostic[] })';

/** Throws unless `value` is an array of index entries. */
export function expectIndexEntries(fn: string, name: string, value: unknown): asserts value is readonly IndexEntry[] {
  if (!Array.isArray(value)) fail(fn, name, ENTRIES, describe(value));
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (!isObject(entry)) fail(fn, name, ENTRIES, `an array whose item ${i} is ${describe(entry)}`);
    for (const field of ['path', 'href'] as const) {
      if (typeof entry[field] !== 'string') fail(fn, `${name}[${i}].${field}`, 'a string', describe(entry[field]));
    }
    expectReport(fn, `${name}[${i}].report`, entry.report);
    expectDiagnostics(fn, `${name}[${i}].diagnostics`, entry.diagnostics);
  }
}
