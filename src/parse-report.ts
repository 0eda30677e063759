import { expectOptions } from './arguments';
import type { ParseResult } from './ast';
import { checkTables } from './check/index';
import { LOCALES } from './messages/index';
import { INPUT_KINDS, readReport, type ParseOptions } from './parse';

/**
 * Reads a report's text into a typed AST: metadata, the six parts, the three tables keyed by
 * stable English keys, and diagnostics for whatever could not be read. Every node carries its
 * position in `text` as given (before any normalisation).
 *
 * Unless `check: false`, the report is also checked ({@link checkReport}): arithmetic of the
 * tables and the counts part 一 states. Diagnostics come sorted by position.
 *
 * Never throws on a string, whatever it holds.
 *
 * @param text - The report as text: a copied web page, a Word export, OCR, markdown…
 * @param options - See {@link ParseOptions}.
 * @returns `{ report, diagnostics }`.
 * @throws {TypeError} When `text` is not a string, or `options` is neither undefined nor an object whose
 *   `blankAsZero`, `convertTraditional` and `check` are booleans, `input` is `auto`, `text` or `html` and
 *   `locale` is `en` or `zh-CN` (each or undefined).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseReport } from 'xxgk-report';
 * const { report, diagnostics } = parseReport(readFileSync('report.txt', 'utf8'));
 * report.tables.applications?.rows.newReceived?.total.value; // a number, or undefined if not read
 * diagnostics.filter((d) => d.severity === 'error'); // what could not be read or does not add up
 * ```
 */
export function parseReport(text: string, options?: ParseOptions): ParseResult {
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text;
    throw new TypeError(`parseReport expects the report as a string, got ${got}`);
  }
  expectOptions('parseReport', 'options', options, { blankAsZero: 'boolean', convertTraditional: 'boolean', check: 'boolean', input: INPUT_KINDS, locale: LOCALES });
  const { report, diagnostics, views } = readReport(text, options);
  if (options?.check !== false) diagnostics.push(...checkTables(report, { text, ...(options?.locale ? { locale: options.locale } : {}) }, views));
  // Stable: parse diagnostics stay ahead of check diagnostics at the same place.
  diagnostics.sort((a, b) => (a.position?.start.offset ?? Infinity) - (b.position?.start.offset ?? Infinity));
  return { report, diagnostics };
}
