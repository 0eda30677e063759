import { readFileSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION, SECTIONS } from '../grammar/index';
import type { Cell, Report } from '../src/ast';
import { parseReport, renderReport } from '../src/index';

// renderReport(report, { layout: 'html' }): the report as one HTML fragment, its tables with the
// merged cells of the national template. The HTML is read here with htmlparser2, not with the
// library's own reader.

type Element = ReturnType<typeof DomUtils.findAll>[number];

const FIXTURE = readFileSync(new URL('fixtures/corpus/000_ec7f0e0f1bb37103.txt', import.meta.url), 'utf8');
const parsed = (): Report => parseReport(FIXTURE, { check: false }).report;
const html = (report: Report) => renderReport(report, { layout: 'html' });

const byName = (name: string, nodes: Element[] | Element) =>
  DomUtils.findAll((node) => node.name === name, Array.isArray(nodes) ? nodes : nodes.children);
const tablesOf = (text: string) => byName('table', parseDocument(text).children as Element[]);
const rowsOf = (table: Element) => byName('tr', table);
const text = (node: Element) => DomUtils.textContent(node);
const spanOf = (cell: Element, name: 'colspan' | 'rowspan') => Number(DomUtils.getAttributeValue(cell, name) ?? 1);

/** The cell (th or td) whose text is `label`, in a table. */
function cellWith(table: Element, label: string): Element {
  const found = [...byName('th', table), ...byName('td', table)].filter((cell) => text(cell) === label);
  expect(found, label).toHaveLength(1);
  return found[0] as Element;
}

/**
 * A table as its grid: every row expanded to the grid columns it covers, each entry the cell that
 * covers it, as HTML lays out colspan and rowspan. An overlap or a hole fails the test.
 */
function grid(table: Element): Element[][] {
  const out: (Element | undefined)[][] = [];
  rowsOf(table).forEach((tr, r) => {
    out[r] ??= [];
    let c = 0;
    for (const cell of tr.children.filter((node): node is Element => (node as Element).name === 'td' || (node as Element).name === 'th')) {
      while (out[r]?.[c] !== undefined) c++;
      for (let dr = 0; dr < spanOf(cell, 'rowspan'); dr++) {
        for (let dc = 0; dc < spanOf(cell, 'colspan'); dc++) {
          const row = (out[r + dr] ??= []);
          expect(row[c + dc], `row ${r + dr} column ${c + dc} covered twice`).toBeUndefined();
          row[c + dc] = cell;
        }
      }
      c += spanOf(cell, 'colspan');
    }
  });
  expect(out.length, 'no rowspan reaches past the last row').toBe(rowsOf(table).length);
  for (const [r, row] of out.entries()) {
    expect(row.every((cell) => cell !== undefined), `row ${r} has a hole`).toBe(true);
  }
  return out as Element[][];
}

/** What the other layouts write for a cell: its value, `/` when not applicable, empty when blank. */
const written = (cell: Cell) => (cell.value !== null ? String(cell.value) : cell.state === 'notApplicable' ? '/' : '');

const applicationsKey = (label: string) =>
  APPLICATIONS.rows.find((row) => row.label === label)?.key ?? APPLICATIONS.groups.find((group) => group.label === label)?.key;

/** Table 三's body rows as `row key → the texts of its value cells`, read off the grid. */
function applicationsValues(table: Element, columns: number): Record<string, string[]> {
  const headRows = byName('tr', byName('thead', table)).length;
  const out: Record<string, string[]> = {};
  for (const row of grid(table).slice(headRows)) {
    // The label nearest the values: the item, or the outcome or part across the label columns.
    const key = applicationsKey(text(row[2] as Element)) ?? applicationsKey(text(row[1] as Element));
    expect(key, text(row[2] as Element)).toBeDefined();
    const values = row.slice(3);
    expect(values).toHaveLength(columns);
    expect(values.every((cell) => cell.name === 'td')).toBe(true);
    out[key as string] = values.map(text);
  }
  return out;
}

function expectedApplications(report: Report): Record<string, string[]> {
  const table = report.tables.applications;
  if (!table) throw new Error('report 000 has table 三');
  return Object.fromEntries(
    Object.entries(table.rows as Record<string, Record<string, Cell>>).map(([key, row]) => [
      key,
      table.columns.map((column) => written(row[column] as Cell)),
    ]),
  );
}

describe("renderReport with layout 'html'", () => {
  const report = parsed();
  const output = html(report);
  const [table2, table3, table4] = tablesOf(output) as [Element, Element, Element];
  const applications = report.tables.applications;
  if (!applications) throw new Error('report 000 has table 三');

  it('writes one fragment: the title, the six parts and their text, three tables', () => {
    const document = parseDocument(output);
    const top = document.children.filter((node): node is Element => 'name' in node);
    expect(new Set(top.map((node) => node.name))).toEqual(new Set(['h2', 'h3', 'p', 'table']));
    expect(tablesOf(output)).toHaveLength(3);
    expect(top.filter((node) => node.name === 'h2').map(text)).toEqual(['2022年渠县政府信息公开工作年度报告']);
    expect(top.filter((node) => node.name === 'h3').map(text)).toEqual(SECTIONS.map((section) => `${section.numeral}、${section.heading}`));
    // Each part's text, line by line, as paragraphs after its heading; the tables after the text.
    for (const section of SECTIONS) {
      const at = top.findIndex((node) => node.name === 'h3' && text(node).endsWith(section.heading));
      const next = top.findIndex((node, i) => i > at && node.name === 'h3');
      const body = top.slice(at + 1, next < 0 ? undefined : next);
      const lines = (report.sections[section.key]?.text ?? '').split('\n').filter((line) => line.trim() !== '');
      expect(body.filter((node) => node.name === 'p').map(text)).toEqual(lines);
      const tables = body.filter((node) => node.name === 'table').length;
      expect(tables).toBe(['activeDisclosure', 'applications', 'reviewLitigation'].includes(section.key) ? 1 : 0);
    }
    expect(output).toMatch(/^<h2>.*<\/h2>\n<p>本报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。<\/p>\n<h3>一、总体情况<\/h3>\n/);
    expect(output.endsWith('</p>\n')).toBe(true);
  });

  describe('table 三', () => {
    it('has 申请人情况 across the value columns, 法人或其他组织 across the organisation columns', () => {
      expect(spanOf(cellWith(table3, '申请人情况'), 'colspan')).toBe(APPLICATIONS.applicantColumns.length + 1); // and 总计
      expect(spanOf(cellWith(table3, '申请人情况'), 'colspan')).toBe(applications.columns.length);
      expect(spanOf(cellWith(table3, '法人或其他组织'), 'colspan')).toBe(APPLICATIONS.organisationColumns.length);
      for (const label of ['自然人', '总计']) expect(spanOf(cellWith(table3, label), 'rowspan'), label).toBe(2);
      const corner = byName('th', table3)[0] as Element;
      expect(text(corner)).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
      expect([spanOf(corner, 'colspan'), spanOf(corner, 'rowspan')]).toEqual([3, 3]);
      expect(byName('tr', byName('thead', table3)).map((tr) => byName('th', tr).map(text))).toEqual([
        [text(corner), '申请人情况'],
        ['自然人', '法人或其他组织', '总计'],
        APPLICATIONS.organisationColumns.map((key) => APPLICATIONS.columns.find((column) => column.key === key)?.label),
      ]);
    });

    it('has 三、本年度办理结果 down the outcome rows and each group label down its items', () => {
      const outcomes = APPLICATIONS.rows.filter((row) => !/^[一二三四]、/.test(row.label)).length;
      expect(outcomes).toBe(22);
      expect(spanOf(cellWith(table3, '三、本年度办理结果'), 'rowspan')).toBe(outcomes);
      const items = (group: string) => APPLICATIONS.rows.filter((row) => 'group' in row && row.group === group).length;
      for (const group of APPLICATIONS.groups) {
        const cell = cellWith(table3, group.label);
        expect(spanOf(cell, 'rowspan'), group.label).toBe(items(group.key));
        expect(spanOf(cell, 'colspan'), group.label).toBe(1);
      }
      expect(APPLICATIONS.groups.map((group) => items(group.key))).toEqual([8, 3, 5, 3]);
      for (const label of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理']) {
        expect(spanOf(cellWith(table3, label), 'colspan'), label).toBe(3);
      }
      for (const label of ['（一）予以公开', '（七）总计']) expect(spanOf(cellWith(table3, label), 'colspan'), label).toBe(2);
    });

    it('expands every row to the same number of grid columns', () => {
      const rows = grid(table3);
      expect(rows).toHaveLength(3 + APPLICATIONS.rows.length);
      expect(new Set(rows.map((row) => row.length))).toEqual(new Set([3 + applications.columns.length]));
    });

    it("writes each value cell as the report's cell", () => {
      const values = applicationsValues(table3, applications.columns.length);
      expect(values).toEqual(expectedApplications(report));
      // The fixture's cells are plain numbers: the text written is the text read.
      const granted = report.tables.applications?.rows.granted;
      expect(values.granted).toEqual(applications.columns.map((column) => granted?.[column as 'total'].raw));
    });
  });

  describe('table 四', () => {
    it('has 行政复议 and 行政诉讼 over 未经复议直接起诉 and 复议后起诉, then 15 labels and 15 values', () => {
      const spans = (label: string) => [spanOf(cellWith(table4, label), 'colspan'), spanOf(cellWith(table4, label), 'rowspan')];
      expect(spans('行政复议')).toEqual([5, 2]);
      expect(spans('行政诉讼')).toEqual([10, 1]);
      expect(spans('未经复议直接起诉')).toEqual([5, 1]);
      expect(spans('复议后起诉')).toEqual([5, 1]);
      const rows = grid(table4);
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((row) => row.length))).toEqual(new Set([15]));
      const labels = REVIEW_LITIGATION.columns.map((column) => column.label);
      expect(rows[2]?.map(text)).toEqual([...labels, ...labels, ...labels]);
      expect(rows[3]?.every((cell) => cell.name === 'td')).toBe(true);
      const table = report.tables.reviewLitigation;
      const expected = REVIEW_LITIGATION.rows.flatMap((row) =>
        REVIEW_LITIGATION.columns.map((column) => written(table?.rows[row.key]?.[column.key] as Cell)),
      );
      expect(rows[3]?.map(text)).toEqual(expected);
      expect(expected.join(' ')).toBe('0 1 0 0 1 0 0 0 0 0 0 0 0 0 0');
    });
  });

  describe('table 二', () => {
    it('has the four blocks of the template, each under its title, in one grid of four columns', () => {
      const rows = grid(table2);
      expect(new Set(rows.map((row) => row.length))).toEqual(new Set([4]));
      const titles = rows.filter((row) => row.every((cell) => cell === row[0])).map((row) => text(row[0] as Element));
      expect(titles).toEqual(ACTIVE_DISCLOSURE_2021.blocks.map((block) => `第二十条第${block.article}项`));
      expect(rowsOf(table2).map((tr) => [...tr.children].filter((node) => 'name' in node).map((node) => text(node as Element)).slice(0, 2))).toContainEqual([
        '信息内容',
        '本年制发件数',
      ]);
      expect(spanOf(cellWith(table2, '本年收费金额（单位：万元）'), 'colspan')).toBe(3);
    });

    it("writes each value cell as the report's cell", () => {
      const table = report.tables.activeDisclosure;
      if (table?.formatVersion !== '2021') throw new Error('report 000 has a 2021 table 二');
      for (const block of ACTIVE_DISCLOSURE_2021.blocks) {
        for (const key of block.rows) {
          const label = ACTIVE_DISCLOSURE_2021.rows.find((row) => row.key === key)?.label as string;
          const row = grid(table2).find((cells) => text(cells[0] as Element) === label) as Element[];
          const cells = [...new Set(row.slice(1))];
          const reportRow = table.rows[key] as unknown as Record<string, Cell>;
          expect(cells.map(text), label).toEqual(block.columns.map((column) => written(reportRow[column] as Cell)));
        }
      }
      expect(text(cellWith(table2, '4466.165'))).toBe(String(table.rows.fees?.amount.value));
    });

    it('writes a 2019-format table 二 as its own template', () => {
      const source = [
        '二、主动公开政府信息情况',
        '第二十条第（一）项',
        '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
        '规章\t0\t0\t3',
        '规范性文件\t2\t2\t40',
        '第二十条第（五）项',
        '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
        '行政许可\t12\t-2\t300',
        '第二十条第（九）项',
        '信息内容\t采购项目数量\t采购总金额',
        '政府集中采购\t5\t123.45',
      ].join('\n');
      const [table] = tablesOf(html(parseReport(source, { check: false }).report)) as [Element];
      const rows = grid(table);
      expect(new Set(rows.map((row) => row.length))).toEqual(new Set([4]));
      expect(rows.map((row) => [...new Set(row)].map(text))).toEqual([
        ['第二十条第（一）项'],
        ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
        ['规章', '0', '0', '3'],
        ['规范性文件', '2', '2', '40'],
        ['第二十条第（五）项'],
        ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        ['行政许可', '12', '-2', '300'],
        ['第二十条第（九）项'],
        ['信息内容', '采购项目数量', '采购总金额'],
        ['政府集中采购', '5', '123.45'],
      ]);
      expect(spanOf(cellWith(table, '采购总金额'), 'colspan')).toBe(2);
      expect(ACTIVE_DISCLOSURE_2019.blocks.at(-1)?.columns).toEqual(['items', 'amount']);
    });
  });

  it('writes a blank cell empty and a not-applicable one as the other layouts do', () => {
    const changed = parsed();
    const granted = changed.tables.applications?.rows.granted;
    const review = changed.tables.reviewLitigation?.rows.review;
    if (!granted || !review) throw new Error('report 000 has these rows');
    Object.assign(granted.research, { value: null, state: 'blank', raw: '' });
    Object.assign(review.pending, { value: null, state: 'notApplicable', raw: '/' });
    Object.assign(review.upheld, { value: null, state: 'notApplicable', raw: '—' });
    const [, three, four] = tablesOf(html(changed)) as [Element, Element, Element];
    const values = applicationsValues(three, applications.columns.length);
    expect(values.granted?.[applications.columns.indexOf('research')]).toBe('');
    expect(values).toEqual(expectedApplications(changed));
    const reviewCells = grid(four)[3]?.slice(0, 5).map(text);
    expect(reviewCells).toEqual(['/', '1', '0', '/', '1']);
    // The text layouts write the same.
    expect(renderReport(changed, { layout: 'tab' })).toContain('\n行政复议\t/\t1\t0\t/\t1\n');
  });

  it.each([1, 6])('puts a 法人或其他组织小计 column (at %i) under 法人或其他组织', (at) => {
    const changed = parsed();
    const table = changed.tables.applications;
    if (!table) throw new Error('report 000 has table 三');
    table.columns.splice(at, 0, 'legalSubtotal');
    for (const row of Object.values(table.rows)) {
      const organisations = APPLICATIONS.organisationColumns.reduce((sum, c) => sum + (row?.[c].value ?? 0), 0);
      Object.assign(row as object, { legalSubtotal: { ...(row?.total as Cell), value: organisations } });
    }
    const [, three] = tablesOf(html(changed)) as [Element, Element];
    expect(spanOf(cellWith(three, '申请人情况'), 'colspan')).toBe(8);
    expect(spanOf(cellWith(three, '法人或其他组织'), 'colspan')).toBe(6);
    expect(new Set(grid(three).map((row) => row.length))).toEqual(new Set([3 + 8]));
    expect(applicationsValues(three, 8)).toEqual(expectedApplications(changed));
  });

  it('writes a group given as one row across both label columns, and a group row above its items', () => {
    const changed = parsed();
    const rows = changed.tables.applications?.rows as Record<string, unknown>;
    // （四）无法提供 as one row; （三）不予公开 as a row of its own above its items.
    rows.unable = rows['unable.noInfo'];
    for (const key of Object.keys(rows)) if (key.startsWith('unable.')) delete rows[key];
    rows.denied = rows.granted;
    const [, three] = tablesOf(html(changed)) as [Element, Element];
    const spans = (label: string) => [spanOf(cellWith(three, label), 'colspan'), spanOf(cellWith(three, label), 'rowspan')];
    expect(spans('（四）无法提供')).toEqual([2, 1]);
    expect(spans('（三）不予公开')).toEqual([1, 9]);
    expect(spans('三、本年度办理结果')).toEqual([1, 22 - 3 + 1 + 1]);
    expect(new Set(grid(three).map((row) => row.length))).toEqual(new Set([3 + 7]));
    expect(applicationsValues(three, 7)).toEqual(expectedApplications(changed));
  });

  it('escapes &, <, >, " and \' in labels and text', () => {
    const changed = parsed();
    const hostile = `A&B <b>"x"</b> 'y'`;
    changed.meta.title = hostile;
    const overview = changed.sections.overview;
    if (!overview) throw new Error('report 000 has part 一');
    overview.text = `${hostile}\n<script>alert(1)</script>`;
    const row = APPLICATIONS.rows[0] as { label: string };
    const label = row.label;
    row.label = '一、<&>本年新收';
    try {
      const out = html(changed);
      expect(out).toContain('<h2>A&amp;B &lt;b&gt;&quot;x&quot;&lt;/b&gt; &#39;y&#39;</h2>');
      expect(out).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
      expect(out).toContain('<th colspan="3">一、&lt;&amp;&gt;本年新收</th>');
      expect(out).not.toContain('<script>');
      const document = parseDocument(out);
      expect(byName('h2', document.children as Element[]).map(text)).toEqual([hostile]);
      expect(byName('script', document.children as Element[])).toEqual([]);
      const [, three] = tablesOf(out) as [Element, Element];
      expect(spanOf(cellWith(three, '一、<&>本年新收'), 'colspan')).toBe(3);
    } finally {
      row.label = label;
    }
  });

  it('leaves out a table the report lacks, and writes the tables of another report of the corpus', () => {
    const bare = parseReport('一、总体情况\n本年无变化。', { check: false }).report;
    expect(html(bare)).not.toContain('<table>');
    expect(html(bare)).toContain('<h3>一、总体情况</h3>\n<p>本年无变化。</p>\n<h3>二、主动公开政府信息情况</h3>');
    const other = parseReport(readFileSync(new URL('fixtures/corpus/002_451407376180ac87.txt', import.meta.url), 'utf8'), { check: false }).report;
    for (const table of tablesOf(html(other))) expect(new Set(grid(table).map((row) => row.length)).size).toBe(1);
  });
});
