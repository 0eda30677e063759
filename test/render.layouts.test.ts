import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../grammar/index';
import type { Cell, Report } from '../src/ast';
import { parseReport, renderReport, type RenderLayout } from '../src/index';

const LAYOUTS: RenderLayout[] = ['tab', 'pipe', 'cell-per-line'];
const DIR = new URL('fixtures/corpus/', import.meta.url);
const corpus = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => [name.slice(0, 3), readFileSync(new URL(name, DIR), 'utf8')] as const);

/** Every cell of every table as `table row column → value (state)`. */
function cells(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, node] of Object.entries(report.tables)) {
    for (const [row, cellsOfRow] of Object.entries(node.rows as Record<string, Record<string, unknown>>)) {
      for (const [column, cell] of Object.entries(cellsOfRow)) {
        if ((cell as Cell | undefined)?.type === 'cell') out[`${table} ${row} ${column}`] = `${(cell as Cell).value} (${(cell as Cell).state === 'recovered' ? 'number' : (cell as Cell).state})`;
      }
    }
  }
  return out;
}

describe('renderReport', () => {
  describe.each(LAYOUTS)('layout %s', (layout) => {
    it.each(corpus)('writes report %s so that parseReport reads back the same tables and metadata', (_, text) => {
      const { report } = parseReport(text, { check: false });
      const back = parseReport(renderReport(report, { layout }), { check: false });
      // 003's table 四 has no row to write (its 14 values could not be assigned), so the table is
      // not written, and `cells` has nothing of it either way.
      expect(cells(back.report)).toEqual(cells(report));
      expect(back.report.tables.applications?.layout).toBe(layout);
      expect(back.report.meta).toEqual({ ...report.meta, script: 'simplified' });
      // Everything written is read: no row or cell the parser could not place.
      expect(back.diagnostics.filter((d) => d.severity === 'error' && /^(table|cell)\//.test(d.code))).toEqual([]);
    });

    it('writes a blank cell as an empty cell and a not-applicable one as /', () => {
      const { report } = parseReport(corpus[0]?.[1] as string, { check: false });
      const granted = report.tables.applications?.rows.granted;
      const review = report.tables.reviewLitigation?.rows.review;
      if (!granted || !review) throw new Error('report 000 has these rows');
      Object.assign(granted.research, { value: null, state: 'blank' });
      Object.assign(review.pending, { value: null, state: 'notApplicable' });
      Object.assign(review.upheld, { value: null, state: 'notApplicable' });
      const back = parseReport(renderReport(report, { layout }), { check: false }).report;
      expect(back.tables.applications?.rows.granted?.research).toMatchObject({ value: null, state: 'blank', raw: '' });
      expect(back.tables.reviewLitigation?.rows.review?.pending).toMatchObject({ value: null, state: 'notApplicable', raw: '/' });
      expect(back.tables.reviewLitigation?.rows.review?.upheld).toMatchObject({ value: null, state: 'notApplicable', raw: '/' });
    });
  });

  it('uses the standard headings of grammar/, in order', () => {
    const { report } = parseReport(corpus[3]?.[1] as string, { check: false });
    const headings = renderReport(report)
      .split('\n')
      .filter((line) => /^[一二三四五六]、[^\t]*$/.test(line));
    expect(headings).toEqual(SECTIONS.map((section) => `${section.numeral}、${section.heading}`));
  });

  it('writes the metadata the parser reads: document number, title, period, issuer and date', () => {
    const { report } = parseReport(corpus[3]?.[1] as string, { check: false });
    const lines = renderReport(report).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '刚政办〔2023〕5号',
      '刚察县人民政府办公室2022年度政府信息公开工作年度报告',
      '',
      '本报告中所列数据统计期限自2022年1月1日起至2022年12月28日止。',
    ]);
    expect(lines.slice(-3)).toEqual(['刚察县人民政府办公室', '2023年2月6日', '']);
  });

  it('writes markdown tables: a header, a separator row and rows of equal width', () => {
    const { report } = parseReport(corpus[2]?.[1] as string, { check: false });
    const rows = renderReport(report, { layout: 'pipe' })
      .split('\n')
      .filter((line) => line.startsWith('|'));
    const table3 = rows.filter((line) => line.split('|').length === 12);
    expect(table3).toHaveLength(2 + 25);
    expect(table3[0]).toBe(
      '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    );
    expect(table3[1]).toBe(`|${' --- |'.repeat(10)}`);
    expect(table3[2]).toBe('| 一、本年新收政府信息公开申请数量 |  |  | 954 | 9 | 0 | 2 | 0 | 0 | 965 |');
    expect(table3).toContain('|  | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(table3).toContain('|  |  | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(rows).toContain('| 行政诉讼 · 复议后起诉 | 3 | 0 | 0 | 1 | 4 |');
    expect(rows).toContain('| 行政事业性收费 | 49177 |');
  });

  it.each([1, 6])('writes a 法人或其他组织小计 column where the table has one (at %i)', (at) => {
    const { report } = parseReport(corpus[0]?.[1] as string, { check: false });
    const table = report.tables.applications;
    if (!table) throw new Error('report 000 has table 三');
    table.columns.splice(at, 0, 'legalSubtotal');
    for (const row of Object.values(table.rows)) {
      const organisations = (['commercial', 'research', 'social', 'legal', 'other'] as const).reduce((sum, c) => sum + (row?.[c].value ?? 0), 0);
      Object.assign(row as object, { legalSubtotal: { ...(row?.total as Cell), value: organisations } });
    }
    for (const layout of LAYOUTS) {
      const back = parseReport(renderReport(report, { layout }));
      expect(back.report.tables.applications?.columns).toEqual(table.columns);
      expect(cells(back.report)).toEqual(cells(report));
      expect(back.diagnostics.filter((d) => d.code.startsWith('arithmetic/'))).toEqual([]);
    }
  });

  it('writes a 2019-format table 二 with its own blocks and headers', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t3',
      '规范性文件\t2\t2\t40',
      '第二十条第（五）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t12\t-2\t300',
      '其他对外管理服务事项\t4\t0\t10',
      '第二十条第（九）项',
      '信息内容\t采购项目数量\t采购总金额',
      '政府集中采购\t5\t123.45',
    ].join('\n');
    const { report } = parseReport(text, { check: false });
    for (const layout of LAYOUTS) {
      const back = parseReport(renderReport(report, { layout }), { check: false }).report;
      expect(back.tables.activeDisclosure?.formatVersion).toBe('2019');
      expect(cells(back)).toEqual(cells(report));
    }
  });
});
