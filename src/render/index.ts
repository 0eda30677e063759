import { SECTIONS } from '../../grammar/index';
import { describe, expectOptions, expectReport } from '../arguments';
import type { Meta, Report, SectionKey, TableKey } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { LOCALES, type Locale } from '../messages/index';
import { expectDiagnostics } from './arguments';
import { element, htmlTable } from './html';
import { RENDER_LAYOUTS, writeBlocks, type RenderLayout, type TextLayout } from './layouts';
import {
  activeDisclosureBlocks,
  activeDisclosureSpans,
  applicationsBlock,
  applicationsSpans,
  reviewLitigationBlock,
  reviewLitigationSpans,
  type CellBlock,
  type SpanTable,
} from './tables';
import { visualReport, type BodyWriter } from './visual';

export type { RenderLayout } from './layouts';
export { renderIndex } from './index-page';
export type { IndexEntry } from './arguments';
export type { RenderIndexOptions } from './index-page';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /**
   * How the report is written: as text with its tables in `tab` (default), `pipe` (markdown) or
   * `cell-per-line` layout, or as an `html` fragment.
   */
  layout?: RenderLayout;
  /**
   * The findings to show (parseReport's `diagnostics`, or checkReport's). Given, with `layout:
   * 'html'`, the result is the visual report: one self-contained page rather than a fragment.
   */
  diagnostics?: readonly Diagnostic[];
  /** The visual report only: the text the report was read from, shown beside a finding's lines. */
  text?: string;
  /** The visual report only: the language of its own words, `zh-CN` (default) or `en`. */
  locale?: Locale;
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

function tableSpans(report: Report, section: SectionKey): SpanTable | undefined {
  const { activeDisclosure, applications, reviewLitigation } = report.tables;
  if (section === 'activeDisclosure' && activeDisclosure) return activeDisclosureSpans(activeDisclosure);
  if (section === 'applications' && applications) return applicationsSpans(applications);
  if (section === 'reviewLitigation' && reviewLitigation) return reviewLitigationSpans(reviewLitigation);
  return undefined;
}

/** What a report is written as, whatever the layout: its lines of text, and where its tables go. */
interface Outline {
  documentNumber?: string;
  title?: string;
  period?: string;
  sections: { key: SectionKey; heading: string; text?: string }[];
  issuer?: string;
  date?: string;
}

function outline(report: Report): Outline {
  const { meta } = report;
  const heading = title(meta);
  return {
    ...(meta.documentNumber ? { documentNumber: meta.documentNumber } : {}),
    ...(heading ? { title: heading } : {}),
    ...(meta.period
      ? { period: `本报告中所列数据统计期限自${chineseDate(meta.period.start)}起至${chineseDate(meta.period.end)}止。` }
      : {}),
    sections: SECTIONS.map((section) => {
      const text = report.sections[section.key]?.text;
      return { key: section.key, heading: `${section.numeral}、${section.heading}`, ...(text ? { text } : {}) };
    }),
    ...(meta.issuer ? { issuer: meta.issuer } : {}),
    ...(meta.date ? { date: chineseDate(meta.date) } : {}),
  };
}

/** The report as text, its tables in a text layout. */
function text(report: Report, layout: TextLayout): string {
  const parts = outline(report);
  const lines: string[] = [];
  if (parts.documentNumber) lines.push(parts.documentNumber);
  if (parts.title) lines.push(parts.title, '');
  if (parts.period) lines.push(parts.period, '');
  for (const section of parts.sections) {
    lines.push(section.heading);
    if (section.text) lines.push(section.text);
    const blocks = tableBlocks(report, section.key);
    if (blocks.length > 0) lines.push(...writeBlocks(blocks, layout));
    lines.push('');
  }
  if (parts.issuer) lines.push(parts.issuer);
  if (parts.date) lines.push(parts.date);
  return `${lines.join('\n')}\n`;
}

/**
 * The report as one HTML fragment, one element a line: the document number, period, text lines,
 * issuer and date as `<p>`s, the title an `<h2>`, the part headings `<h3>`s, each table a
 * `<table>` after its part's text.
 */
function html(report: Report, writer?: BodyWriter): string {
  const parts = outline(report);
  const paragraphs = (text: string) => text.split('\n').filter((line) => line.trim() !== '').map((line) => element('p', line));
  const lines: string[] = [];
  if (parts.documentNumber) lines.push(element('p', parts.documentNumber));
  if (parts.title) lines.push(element('h2', parts.title));
  if (parts.period) lines.push(element('p', parts.period));
  for (const section of parts.sections) {
    lines.push(element('h3', section.heading));
    if (section.text) lines.push(...(writer ? writer.text(paragraphs(section.text)) : paragraphs(section.text)));
    const table = tableSpans(report, section.key);
    if (!table) continue;
    if (!writer) lines.push(...htmlTable(table));
    else {
      const written = htmlTable(table, writer.decorate);
      if (written.length > 0) lines.push('<div class="table-wrap">', ...written, '</div>');
      lines.push(...writer.afterTable(section.key as TableKey));
    }
  }
  if (parts.issuer) lines.push(element('p', parts.issuer));
  if (parts.date) lines.push(element('p', parts.date));
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a report in the standard shape: title, statistics period, the six parts under their
 * standard headings with their text, the three tables with the labels of grammar/, and the
 * closing (issuing office, date). `parseReport` reads the text layouts back to the same table
 * values.
 *
 * Layouts (`options.layout`):
 * - `tab` (default): text, a table's cells separated by tabs, one row a line.
 * - `pipe`: text, the tables as markdown tables.
 * - `cell-per-line`: text, one cell a line, as Word exports of the template look.
 * - `html`: one HTML fragment a page can embed, one element a line: the title an `<h2>`, the part
 *   headings `<h3>`s, every other line of text a `<p>`, each table a `<table>` with the merged
 *   cells of the template of 国办公开办函〔2021〕30号 (`colspan`, `rowspan`; labels `<th>`,
 *   values `<td>`). Table 二 is one table whose articles (第二十条第（一）项 …) head their own rows;
 *   table 三 has 申请人情况 over its value columns, 法人或其他组织 over the organisation columns,
 *   三、本年度办理结果 down the outcome rows and a group's label down its items; table 四 has
 *   行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉) over their five columns each and the 15
 *   values in one row. Text is escaped (`&`, `<`, `>`, `"`, `'`).
 *
 * A cell is written as its value; a blank (or unreadable) cell as an empty cell, a not-applicable
 * one as `/`, in every layout. Lines end in `\n`.
 *
 * The visual report (`layout: 'html'` with `options.diagnostics`): one self-contained page (no
 * script, nothing loaded; a Content-Security-Policy `<meta>` allows only its inline style, by its
 * hash). The html layout's tables, each value cell a finding names marked by the worst severity
 * among them: a fill, a border style and a sign (× error, ! warning, i info; not colour alone),
 * the findings' messages in its `title`, shown as a tooltip when it has keyboard focus. The cells
 * a finding names are its `cells`; a `cell/` finding without them names the cell at its position
 * (cell/inferred and cell/split: the cells inferred or split within its span). Cells whose
 * `origin` is `inferred` or `split` are marked (推, 拆) and the legend says what that means; a
 * table's unassigned lines are listed under it. Below, the findings, each focusable, with a link to
 * its lines in the source panel (with `options.text`: the lines of its span and two around them,
 * the span in a `<mark>`, long lines cut) and to its first cell in the tables. Every text from the
 * report, the findings and the source is escaped. In Chinese, or English with `locale: 'en'`
 * (the form's labels stay as the form has them).
 *
 * @param report - A report, parsed or built.
 * @param options - See {@link RenderReportOptions}.
 * @returns The report as text, as an HTML fragment, or (with `diagnostics`) as an HTML page.
 * @throws {TypeError} When `report` is not a Report (its `meta`, `sections`, `tables`, parts, rows
 *   and cells as src/ast.ts has them), or `options` is neither undefined nor an object whose
 *   `layout` is `tab`, `pipe`, `cell-per-line` or `html` (or undefined), whose `diagnostics` is an
 *   array of diagnostics (or undefined; given, `layout` must be `html`), whose `text` is a string
 *   and `locale` is `zh-CN` or `en` (both undefined, or given with `diagnostics`).
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
  expectOptions('renderReport', 'options', options, { layout: RENDER_LAYOUTS, text: 'string', locale: LOCALES });
  const layout = options.layout ?? 'tab';
  const { diagnostics } = options;
  if (diagnostics !== undefined) {
    expectDiagnostics('renderReport', 'options.diagnostics', diagnostics);
    if (layout !== 'html') {
      throw new TypeError(
        `renderReport: options.layout must be 'html' when options.diagnostics is given (the visual report is a page), got ${options.layout === undefined ? "undefined (that is, 'tab')" : `'${layout}'`}`,
      );
    }
    const visual = { diagnostics, ...(options.text !== undefined ? { text: options.text } : {}), ...(options.locale ? { locale: options.locale } : {}) };
    return visualReport(report, visual, (writer) => html(report, writer));
  }
  if (options.text !== undefined || options.locale !== undefined) {
    const given = options.text !== undefined ? 'options.text' : 'options.locale';
    throw new TypeError(`renderReport: options.diagnostics must be given with ${given} (an option of the visual report), got ${describe(diagnostics)}`);
  }
  return layout === 'html' ? html(report) : text(report, layout);
}
