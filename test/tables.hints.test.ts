import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index';

const table = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件8855698'];

describe('sentences before the tables choosing among a glued run’s readings', () => {
  it('takes the one reading that agrees with what part 一 states, flagged and warned', () => {
    const text = ['一、总体情况', '集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。', ...table].join('\n');
    const { report, diagnostics } = parseReport(text);
    const active = report.tables.activeDisclosure;
    if (active?.formatVersion !== '2021') throw new Error('expected the 2021 table 二');
    const row = active.rows.normativeDocuments;
    expect([row?.issued.value, row?.repealed.value, row?.inForce.value]).toEqual([88, 55, 698]);
    expect(row?.repealed.origin).toBe('inferred');
    expect(diagnostics.find((d) => d.code === 'cell/settled')).toMatchObject({ severity: 'warning', position: { start: { line: 5 } } });
    expect(diagnostics.some((d) => d.code === 'table/ambiguous-values')).toBe(false);
  });

  it('chooses nothing where the text states a value no reading has, or two values for one cell', () => {
    for (const said of ['现行有效行政规范性文件699件，本年制发规范性文件88件。', '现行有效行政规范性文件698件，后保留规范性文件690件。']) {
      const { report, diagnostics } = parseReport(['一、总体情况', said, ...table].join('\n'));
      expect(report.tables.activeDisclosure?.rows.normativeDocuments, said).toBeUndefined();
      expect(diagnostics.some((d) => d.code === 'table/ambiguous-values'), said).toBe(true);
      expect(diagnostics.some((d) => d.code === 'cell/settled'), said).toBe(false);
    }
  });
});
