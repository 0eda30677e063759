import { expectOptions, expectReport } from '../arguments';
import type { Report } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { LOCALES, messagesFor, type Locale } from '../messages/index';
import { checkIdentities } from './arithmetic';
import { tableViews, type TableViews } from './cells';
import { checkClaims } from './claims';
import { checkCounts } from './counts';
import { checkNarrative } from './narrative';
import { createLocator } from './sentences';
import { checkStructure } from './structure';
import { compareYears } from './years';
export { sameAgency } from './years';

export { CHECK_CODES } from './codes';
export { checkHierarchy, type CheckHierarchyOptions } from './hierarchy';

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
  /**
   * Compare what the text says with the tables and with itself (default true): the counts part 一
   * states, claims that all was concluded, 信息处理费 in part 六, the report's year.
   */
  narrative?: boolean;
  /** The language of the messages: `'en'` (the default) or `'zh-CN'`. Codes are the same in both. */
  locale?: Locale;
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
 *   `arithmetic/not-assessable` warning, never an error. Where only blank cells stand in the
 *   way, it is also evaluated with them as 0: the message says when it would not hold then, and
 *   the identities of a table that would all hold are one warning for the table.
 * - A count that is not whole or is negative is `arithmetic/not-whole` / `arithmetic/negative`.
 * - A stated count that differs from its cell is a warning `narrative/<fact id>`.
 * - Text that contradicts the report's facts is a warning: the title's year, the statistics
 *   period and part 一's dates disagreeing (`narrative/year-mismatch`); "all concluded" while
 *   table 三 carries applications forward (`narrative/all-concluded`) or table 四 has cases
 *   pending (`narrative/all-cases-closed`); part 六 silent on 信息处理费 the report says were
 *   charged (`narrative/fees-unreported`).
 * - A part whose heading carries another part's numeral, recognised by its words, is a warning
 *   `structure/misnumbered-section` at the heading; a part 五 that is empty or says only 无 is
 *   `structure/empty-problems`. These two come with or without `narrative`.
 *
 * `parseReport` runs this unless `check: false`.
 *
 * @param report - A parsed report.
 * @param options - See {@link CheckReportOptions}.
 * @returns The findings: counts, then identities in grammar/ order, then narrative, then the parts'.
 * @throws {TypeError} When `report` is not a Report (its `meta`, `sections`, `tables`, parts, rows
 *   and cells as src/ast.ts has them), or `options` is neither undefined nor an object whose
 *   `blankAsZero` and `narrative` are booleans, `text` a string and `locale` `en` or `zh-CN` (each
 *   may be undefined).
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
  expectReport('checkReport', 'report', report);
  expectOptions('checkReport', 'options', options, { blankAsZero: 'boolean', text: 'string', narrative: 'boolean', locale: LOCALES });
  return checkTables(report, options, tableViews(report));
}

/** {@link checkReport} with the views of the report's tables at hand, as `parseReport` has them. */
export function checkTables(report: Report, options: CheckReportOptions, views: TableViews): Diagnostic[] {
  const blankAsZero = options.blankAsZero ?? false;
  const say = messagesFor(options.locale);
  const diagnostics = [...checkCounts(views, say), ...checkIdentities(report, blankAsZero, views, say)];
  if (options.narrative !== false) {
    const locate = createLocator(report, options.text);
    diagnostics.push(...checkNarrative(report, { locate, blankAsZero, say }));
    diagnostics.push(...checkClaims(report, { locate, blankAsZero, text: options.text, say }));
  }
  diagnostics.push(...checkStructure(report, options.text, say));
  return diagnostics;
}

/**
 * Compares two consecutive annual reports of the same agency: this year's 上年结转 must equal last
 * year's 结转下年度继续办理 in every column (`years/carried-over`, error), and this year's 现行有效
 * should be last year's plus 制发 minus 废止 (`years/in-force`, warning: documents also lapse).
 * Reports whose years are known and not consecutive are not compared (`years/not-consecutive`),
 * nor reports of agencies known to differ (`years/different-agencies`).
 *
 * Positions point into the current report. `cells` name cells of both reports: the row key tells
 * which (`carriedForward` and last year's `inForce` are the previous report's).
 *
 * @param previous - Last year's report.
 * @param current - This year's report.
 * @param options - `locale`: the language of the messages, `'en'` (the default) or `'zh-CN'`.
 * @returns The findings, in table order.
 * @throws {TypeError} When `previous` or `current` is not a Report (its `meta`, `sections`,
 *   `tables`, parts, rows and cells as src/ast.ts has them), or `options` is neither undefined nor
 *   an object whose `locale` is `en` or `zh-CN` (or undefined).
 *
 * @example
 * ```ts
 * import { compareReports, parseReport } from 'xxgk-report';
 * const table = (first: string, last: string) =>
 *   `三、收到和处理政府信息公开申请情况\n二、上年结转政府信息公开申请数量\t${first}\t0\t0\t0\t0\t0\t${first}\n四、结转下年度继续办理\t${last}\t0\t0\t0\t0\t0\t${last}`;
 * const previous = parseReport(`2021年某县政府信息公开工作年度报告\n${table('0', '3')}`).report;
 * const current = parseReport(`2022年某县政府信息公开工作年度报告\n${table('2', '0')}`).report;
 * compareReports(previous, current).map((d) => d.code); //=> ['years/carried-over', 'years/carried-over']
 * ```
 */
export function compareReports(previous: Report, current: Report, options: { locale?: Locale } = {}): Diagnostic[] {
  // The comparison lives in years.ts; this entry point checks the arguments a caller gives.
  expectReport('compareReports', 'previous', previous);
  expectReport('compareReports', 'current', current);
  expectOptions('compareReports', 'options', options, { locale: LOCALES });
  return compareYears(previous, current, messagesFor(options.locale));
}
