import { describe, expect, it } from 'vitest';
import { compareReports, parseReport } from '../src/index';

function report(year: number, carriedOver: number[], carriedForward: number[], documents: [number, number, number]) {
  const row = (label: string, values: number[]) => `${label}\t${values.join('\t')}\t${values.reduce((a, b) => a + b, 0)}`;
  const text = [
    `${year}年某县政府信息公开工作年度报告`,
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    `行政规范性文件\t${documents.join('\t')}`,
    '三、收到和处理政府信息公开申请情况',
    row('二、上年结转政府信息公开申请数量', carriedOver),
    row('四、结转下年度继续办理', carriedForward),
  ].join('\n');
  return parseReport(text).report;
}

describe('compareReports', () => {
  const previous = report(2021, [0, 0, 0, 0, 0, 0], [3, 1, 0, 0, 0, 0], [2, 1, 40]);

  it('finds nothing when this year carries over what last year carried forward and documents roll forward', () => {
    const current = report(2022, [3, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [3, 1, 42]);
    expect(compareReports(previous, current)).toEqual([]);
  });

  it('is an error per column where 上年结转 differs from last year’s 结转下年度', () => {
    const current = report(2022, [1, 3, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [3, 1, 42]);
    expect(compareReports(previous, current)).toEqual(
      ['naturalPerson', 'commercial'].map((column, i) => ({
        code: 'years/carried-over',
        severity: 'error',
        message: [
          "表三, 二、上年结转政府信息公开申请数量 自然人: 1, but last year's 四、结转下年度继续办理 was 3 (difference -2)",
          "表三, 二、上年结转政府信息公开申请数量 商业企业: 3, but last year's 四、结转下年度继续办理 was 1 (difference +2)",
        ][i],
        position: current.tables.applications?.rows.carriedOver?.position,
        cells: [
          { table: 'applications', row: 'carriedOver', column },
          { table: 'applications', row: 'carriedForward', column },
        ],
      })),
    );
  });

  it('warns where 现行有效 is not last year’s plus 制发 minus 废止', () => {
    const current = report(2022, [3, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [3, 1, 40]);
    expect(compareReports(previous, current)).toEqual([
      {
        code: 'years/in-force',
        severity: 'warning',
        message:
          "表二, 行政规范性文件: 现行有效件数 40, but last year's 40 + 本年制发件数 3 − 本年废止件数 1 = 42 " +
          '(difference -2; documents that lapse without repeal also explain a shortfall)',
        position: current.tables.activeDisclosure?.rows.normativeDocuments?.position,
        cells: ['inForce', 'issued', 'repealed'].map((column) => ({ table: 'activeDisclosure', row: 'normativeDocuments', column })),
      },
    ]);
  });

  it('does not compare reports of years that do not follow each other', () => {
    const later = report(2023, [9, 9, 9, 9, 9, 9], [0, 0, 0, 0, 0, 0], [0, 0, 0]);
    expect(compareReports(previous, later)).toEqual([
      {
        code: 'years/not-consecutive',
        severity: 'warning',
        message: 'The reports are for 2021 and 2023, not for consecutive years; they were not compared',
      },
    ]);
  });
});
