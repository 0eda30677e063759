import { SECTIONS } from '../../grammar/index';
import { expectOptions, expectReport } from '../arguments';
import type { Meta, Report, SectionKey } from '../ast';
import { RENDER_LAYOUTS, writeBlocks, type RenderLayout } from './layouts';
import { activeDisclosureBlocks, applicationsBlock, reviewLitigationBlock, type CellBlock } from './tables';

export type { RenderLayout } from './layouts';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** How tables are written: `tab` (default), `pipe` (markdown) or `cell-per-line`. */
  layout?: RenderLayout;
}

/** `2022-01-01` as the reports write it: `2022年1月1日`. */
function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function title(meta: Meta): string | undefined {
  if (meta.title) return meta.title;
  if (meta.year !== null && meta.agency) return `${meta.agency}${meta.year}年政府信息公开工作年度报告`;
  return undefined;
}

function tableBlocks(report: Report, section: SectionKey): CellBlock[] {
  const { activeDisclosure, applications, reviewLitigation } = report.tables;
  if (section === 'activeDisclosure' && activeDisclosure) return activeDisclosureBlocks(activeDisclosure);
  if (section === 'applications' && applications) return [applicationsBlock(applications)];
  if (section === 'reviewLitigation' && reviewLitigation) return [reviewLitigationBlock(reviewLitigation)];
  return [];
}

/**
 * Writes a report as text in the standard shape: title, statistics period, the six parts under
 * their standard headings with their text, the three tables with the labels of grammar/, and the
 * closing (issuing office, date). `parseReport` reads the text back to the same table values.
 *
 * A cell is written as its value; a blank (or unreadable) cell as an empty cell, a not-applicable
 * one as `/`. Lines end in `\n`.
 *
 * @param report - A report, parsed or built.
 * @param options - See {@link RenderReportOptions}.
 * @returns The report as text.
 * @throws {TypeError} When `report` is not a Report (its `meta`, `sections`, `tables`, parts, rows
 *   and cells as src/ast.ts has them), or `options` is neither undefined nor an object whose
 *   `layout` is `tab`, `pipe` or `cell-per-line` (or undefined).
 *
 * @example
 * ```ts
 * import { parseReport, renderReport } from 'xxgk-report';
 * const { report } = parseReport('四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t0\t1\n未经复议直接起诉\t0\t0\t0\t0\t0\n复议后起诉\t0\t0\t0\t0\t0');
 * const markdown = renderReport(report, { layout: 'pipe' });
 * markdown.split('\n').filter((line) => line.startsWith('| 行政复议')); //=> ['| 行政复议 | 1 | 0 | 0 | 0 | 1 |']
 * parseReport(markdown).report.tables.reviewLitigation?.rows.review?.total.value; //=> 1
 * ```
 */
export function renderReport(report: Report, options: RenderReportOptions = {}): string {
  expectReport('renderReport', 'report', report);
  expectOptions('renderReport', 'options', options, { layout: RENDER_LAYOUTS });
  const layout = options.layout ?? 'tab';
  const { meta } = report;
  const lines: string[] = [];
  if (meta.documentNumber) lines.push(meta.documentNumber);
  const heading = title(meta);
  if (heading) lines.push(heading, '');
  if (meta.period) {
    lines.push(`本报告中所列数据统计期限自${chineseDate(meta.period.start)}起至${chineseDate(meta.period.end)}止。`, '');
  }
  for (const section of SECTIONS) {
    lines.push(`${section.numeral}、${section.heading}`);
    const text = report.sections[section.key]?.text;
    if (text) lines.push(text);
    const blocks = tableBlocks(report, section.key);
    if (blocks.length > 0) lines.push(...writeBlocks(blocks, layout));
    lines.push('');
  }
  if (meta.issuer) lines.push(meta.issuer);
  if (meta.date) lines.push(chineseDate(meta.date));
  return `${lines.join('\n')}\n`;
}
