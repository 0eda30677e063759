import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics';
import { parseReport } from '../src/index';

const DIR = new URL('fixtures/corpus/', import.meta.url);
const corpus = Object.fromEntries(
  readdirSync(DIR)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [name.slice(0, 3), readFileSync(new URL(name, DIR), 'utf8')]),
);
const read = (id: string) => parseReport(corpus[id] as string);
const checked = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code.startsWith('arithmetic/') || d.code.startsWith('narrative/'));
const applicants = ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'other'];

describe('the corpus, checked', () => {
  it.each(['000', '002', '004'])('report %s: numbers and narrative agree', (id) => {
    expect(checked(read(id).diagnostics)).toEqual([]);
  });

  it('report 001: the tables agree; part 一 says 1 application was received where table 三 says 7', () => {
    const { report, diagnostics } = read('001');
    const input = corpus['001'] as string;
    expect(checked(diagnostics)).toEqual([
      {
        code: 'narrative/new-received',
        severity: 'warning',
        message: 'Part 一 states 1 (“接到依申请公开事项1项”), but 表三 一、本年新收政府信息公开申请数量 总计 is 7 (difference -6)',
        position: expect.any(Object),
        cells: [{ table: 'applications', row: 'newReceived', column: 'total' }],
      },
    ]);
    const position = checked(diagnostics)[0]?.position;
    expect(input.slice(position?.start.offset, position?.end.offset)).toBe(
      '2022年，接到依申请公开事项1项，并在第一时间严格按照有关规定和法律程序向申请人进行了合理答复',
    );
    expect(position?.start).toEqual({ line: 9, column: 81, offset: 767 });
    expect(report.tables.applications?.rows.newReceived?.total.value).toBe(7);
  });

  it('report 003: exactly the findings its numbers contain, with the cells named', () => {
    const { report, diagnostics } = read('003');
    const table = report.tables.applications;
    expect(checked(diagnostics)).toEqual([
      {
        code: 'arithmetic/not-assessable',
        severity: 'warning',
        message:
          '表三: 第一项加第二项之和，等于第三项加第四项之和 cannot be checked in any column: ' +
          '一、本年新收政府信息公开申请数量 (read but not assigned: table/too-many-values), ' +
          '二、上年结转政府信息公开申请数量 (read but not assigned: table/too-many-values)',
        position: table?.position,
        cells: ['newReceived', 'carriedOver'].flatMap((row) =>
          [...applicants, 'total'].map((column) => ({ table: 'applications', row, column })),
        ),
      },
      expect.objectContaining({
        code: 'arithmetic/applications-outcomes',
        severity: 'error',
        message:
          '表三, column 自然人: （一）至（六）各项办理结果之和等于（七）总计 does not hold: ' +
          'the 19 terms （一）予以公开 … （六）其他处理 = 0, but （七）总计 5 (difference -5)',
        position: table?.position,
      }),
      {
        code: 'arithmetic/applications-row-total',
        severity: 'error',
        message:
          '表三, row （七）总计: 总计等于各类申请人之和 does not hold: ' +
          '自然人 5 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 5, but 总计 0 (difference +5)',
        position: table?.rows.total?.position,
        cells: [...applicants, 'total'].map((column) => ({ table: 'applications', row: 'total', column })),
      },
    ]);
    const outcomes = checked(diagnostics)[1]?.cells ?? [];
    expect(outcomes).toHaveLength(20);
    expect(outcomes.every((cell) => cell.column === 'naturalPerson')).toBe(true);
    expect(outcomes.map((cell) => cell.row)).toContain('other');
    expect(outcomes[outcomes.length - 1]).toEqual({ table: 'applications', row: 'total', column: 'naturalPerson' });
    // The row really is 5,0,0,0,0,0,0 in the input.
    const row = table?.rows.total?.position;
    expect((corpus['003'] as string).slice(row?.start.offset, row?.end.offset)).toMatch(/^\(七\) 总计\t+5\t0\t0\t0\t0\t0\t0/);
  });

  it('report 003: the findings stand among the parse errors in input order', () => {
    const { report, diagnostics } = read('003');
    const codes = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual([
      'arithmetic/applications-outcomes',
      'table/too-many-values',
      'table/too-many-values',
      'arithmetic/applications-row-total',
    ]);
    // Table 四 (line 79) has 14 values for 15 cells, but its identities force every one: the
    // cells are inferred, with a warning there, rather than left unassigned with an error.
    const warnings = diagnostics
      .filter((d) => d.severity === 'warning')
      .map((d) => ({ code: d.code, line: d.position?.start.line, column: d.position?.start.column }));
    // The two unassigned rows leave an identity of table 三 (line 46) unchecked: a warning too.
    expect(warnings).toEqual([
      { code: 'arithmetic/not-assessable', line: 46, column: 1 },
      { code: 'cell/inferred', line: 79, column: 1 },
    ]);
    const review = report.tables.reviewLitigation;
    for (const row of ['review', 'litigationDirect', 'litigationAfterReview'] as const) {
      expect(review?.rows[row]?.total, row).toMatchObject({ state: 'number', value: 0, origin: 'inferred' });
    }
  });
});
