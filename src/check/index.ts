import type { Report } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { checkIdentities } from './arithmetic';
import { tableViews, type TableViews } from './cells';
import { checkCounts } from './counts';
import { checkNarrative } from './narrative';
import { createLocator } from './sentences';

export { compareReports } from './years';
export { CHECK_CODES } from './codes';

/** Options of {@link checkReport}. */
export interface CheckReportOptions {
  /**
   * Count blank cells as 0 (a report parsed with `blankAsZero` already has them as 0). Findings
   * that counted a blank cell say so. Off by default: a blank cell makes the identities it is in
   * not assessable.
   */
  blankAsZero?: boolean;
  /**
   * The text the report was parsed from. With it, narrative findings point at their sentence;
   * without it, at the subsection that holds the sentence. `parseReport` passes it.
   */
  text?: string;
  /** Compare the counts part 一 states with the tables (default true). */
  narrative?: boolean;
}

/**
 * Checks a report's numbers: the arithmetic of its tables (勾稽关系, as `IDENTITIES` in grammar/
 * declare it), that counts are whole and non-negative, and that the counts part 一 states agree
 * with the tables (`NARRATIVE_FACTS`).
 *
 * - An identity that does not hold is an error `arithmetic/<identity id>`, with both sides, the
 *   difference and every cell involved. Where table 三's balance (or outcome) identity fails in
 *   two applicant columns by +d and −d while 总计 balances, the message says an application was
 *   likely filed under the wrong column.
 * - An identity with a blank, not-applicable or unreadable cell, or a missing row, is one
 *   `arithmetic/not-assessable` info, never an error.
 * - A count that is not whole or is negative is `arithmetic/not-whole` / `arithmetic/negative`.
 * - A stated count that differs from its cell is a warning `narrative/<fact id>`.
 *
 * `parseReport` runs this unless `check: false`.
 *
 * @param report - A parsed report.
 * @param options - See {@link CheckReportOptions}.
 * @returns The findings: counts, then identities in grammar/ order, then narrative.
 *
 * @example
 * ```ts
 * import { checkReport, parseReport } from 'xxgk-report';
 * const text = [
 *   '四、政府信息公开行政复议、行政诉讼情况',
 *   '行政复议\t1\t0\t0\t0\t2',
 *   '行政诉讼 未经复议直接起诉\t0\t0\t0\t0\t0',
 *   '行政诉讼 复议后起诉\t0\t0\t0\t0\t0',
 * ].join('\n');
 * const { report } = parseReport(text, { check: false });
 * const [finding] = checkReport(report);
 * finding?.code; //=> 'arithmetic/review-litigation-row-total'
 * finding?.cells?.length; //=> 5
 * ```
 */
export function checkReport(report: Report, options: CheckReportOptions = {}): Diagnostic[] {
  return checkTables(report, options, tableViews(report));
}

/** {@link checkReport} with the views of the report's tables at hand, as `parseReport` has them. */
export function checkTables(report: Report, options: CheckReportOptions, views: TableViews): Diagnostic[] {
  const blankAsZero = options.blankAsZero ?? false;
  const diagnostics = [...checkCounts(views), ...checkIdentities(report, blankAsZero, views)];
  if (options.narrative !== false) {
    diagnostics.push(...checkNarrative(report, { locate: createLocator(report, options.text), blankAsZero }));
  }
  return diagnostics;
}
