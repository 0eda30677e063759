import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cell, Report } from '../src/ast';
import type { CellRef, Diagnostic } from '../src/diagnostics';
import { checkReport, parseReport } from '../src/index';

// Report 001 is sound: every identity holds. Each test breaks one thing in a copy of it.
const SOUND = readFileSync(new URL('fixtures/corpus/001_b5fe446b3f679b76.txt', import.meta.url), 'utf8');
const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'other'] as const;
const ALL_COLUMNS = [...APPLICANTS, 'total'];
const DENIED = ['stateSecret', 'lawForbidden', 'threeSafety', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'queryMatter'].map((item) => `denied.${item}`);
const UNABLE = ['noInfo', 'needCreate', 'unclear'].map((item) => `unable.${item}`);
const NOT_PROCESSED = ['complaint', 'repeat', 'publication', 'massive', 'confirm'].map((item) => `notProcessed.${item}`);

function sound(): Report {
  return parseReport(SOUND, { check: false }).report;
}

function cell(report: Report, ref: CellRef): Cell {
  const rows = report.tables[ref.table]?.rows as Record<string, Record<string, Cell>> | undefined;
  const found = rows?.[ref.row]?.[ref.column];
  if (!found) throw new Error(`no cell ${ref.table} ${ref.row} ${ref.column}`);
  return found;
}

function set(report: Report, table: CellRef['table'], row: string, values: Record<string, number | null>): Report {
  for (const [column, value] of Object.entries(values)) {
    const target = cell(report, { table, row, column } as CellRef);
    target.value = value;
    target.state = value === null ? 'blank' : 'number';
  }
  return report;
}

const refs = (table: CellRef['table'], rows: readonly string[], columns: readonly string[]): CellRef[] =>
  rows.flatMap((row) => columns.map((column) => ({ table, row, column }) as CellRef));
const withCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('a sound report', () => {
  it('has no arithmetic findings at all', () => {
    expect(checkReport(sound()).filter((d) => d.code.startsWith('arithmetic/'))).toEqual([]);
  });
});

describe('arithmetic/applications-balance (一 + 二 = （七）总计 + 四, every column)', () => {
  it('names both sides, the difference and the four cells of each failing column', () => {
    const report = set(sound(), 'applications', 'newReceived', { naturalPerson: 8, total: 9 });
    const found = withCode(checkReport(report), 'arithmetic/applications-balance');
    expect(found).toHaveLength(2);
    const [naturalPerson, total] = found as [Diagnostic, Diagnostic];
    expect(naturalPerson).toEqual({
      code: 'arithmetic/applications-balance',
      severity: 'error',
      message:
        '表三, column 自然人: 第一项加第二项之和，等于第三项加第四项之和 does not hold: ' +
        '一、本年新收政府信息公开申请数量 8 + 二、上年结转政府信息公开申请数量 0 = 8, ' +
        'but （七）总计 6 + 四、结转下年度继续办理 0 = 6 (difference +2)',
      position: report.tables.applications?.position,
      cells: refs('applications', ['newReceived', 'carriedOver', 'total', 'carriedForward'], ['naturalPerson']),
    });
    expect(total.message).toContain('表三, column 总计');
    expect(total.message).toContain('(difference +2)');
  });

  it('says an application was likely filed under the wrong column when two columns fail by +d and −d', () => {
    // 6 自然人 and 1 社会公益组织 swapped: the row still adds up to 7.
    const report = set(sound(), 'applications', 'newReceived', { naturalPerson: 1, social: 6 });
    const found = withCode(checkReport(report), 'arithmetic/applications-balance');
    expect(found.map((d) => d.cells?.[0]?.column)).toEqual(['naturalPerson', 'social']);
    for (const diagnostic of found) {
      expect(diagnostic.message).toContain('while 总计 balances: an application was likely filed under the wrong column (');
    }
    expect(found[0]?.message).toContain('(difference -5); 社会公益组织 is off by the opposite amount');
    expect(found[1]?.message).toContain('(difference +5); 自然人 is off by the opposite amount');
    expect(withCode(checkReport(report), 'arithmetic/applications-row-total')).toEqual([]);
  });

  it('gives no wrong-column hint when the 总计 column fails too', () => {
    const report = set(sound(), 'applications', 'newReceived', { naturalPerson: 1, social: 5 });
    const found = withCode(checkReport(report), 'arithmetic/applications-balance');
    expect(found.map((d) => d.cells?.[0]?.column)).toEqual(['naturalPerson', 'social']);
    expect(found.every((d) => !d.message.includes('wrong column'))).toBe(true);
  });
});

describe('arithmetic/applications-outcomes (（一）至（六） = （七）总计, every column)', () => {
  it('sums every outcome row of the report, a group given as one row standing for its items', () => {
    const report = set(sound(), 'applications', 'granted', { naturalPerson: 5, total: 6 });
    const found = withCode(checkReport(report), 'arithmetic/applications-outcomes');
    expect(found.map((d) => d.cells?.[0]?.column)).toEqual(['naturalPerson', 'total']);
    // 001 gives （六）其他处理 as one row: the row counts, not its (absent) items.
    const outcomeRows = ['granted', 'partialGrant', ...DENIED, ...UNABLE, ...NOT_PROCESSED, 'other'];
    expect(found[0]).toEqual({
      code: 'arithmetic/applications-outcomes',
      severity: 'error',
      message:
        '表三, column 自然人: （一）至（六）各项办理结果之和等于（七）总计 does not hold: ' +
        'the 19 terms （一）予以公开 … （六）其他处理 = 5, but （七）总计 6 (difference -1)',
      position: report.tables.applications?.position,
      cells: refs('applications', [...outcomeRows, 'total'], ['naturalPerson']),
    });
  });
});

describe('arithmetic/applications-group (a group row = its items, where both are given)', () => {
  function withGroupRow(value: number): Report {
    const report = sound();
    const rows = report.tables.applications?.rows as Record<string, unknown>;
    // A local template's subtotal row for （三）不予公开, above its eight items (all 0 in 001).
    rows.denied = { ...structuredClone(rows['denied.stateSecret'] as object), key: 'denied', label: '（三）不予公开' };
    return set(report, 'applications', 'denied', { naturalPerson: value, total: value });
  }

  it('holds when the group row adds up, and the outcomes then count the items, not the group row twice', () => {
    expect(checkReport(withGroupRow(0)).filter((d) => d.code.startsWith('arithmetic/'))).toEqual([]);
  });

  it('fails in each column where the group row differs from its items', () => {
    const report = withGroupRow(2);
    const found = withCode(checkReport(report), 'arithmetic/applications-group');
    expect(found.map((d) => d.cells?.[0]?.column)).toEqual(['naturalPerson', 'total']);
    expect(found[0]?.message).toBe(
      '表三, column 自然人: 分组行等于其各分项之和 does not hold: ' +
        'the 8 terms （三）不予公开 1.属于国家秘密 … （三）不予公开 8.属于行政查询事项 = 0, but （三）不予公开 2 (difference -2)',
    );
    expect(found[0]?.cells).toEqual(refs('applications', [...DENIED, 'denied'], ['naturalPerson']));
    expect(found[0]?.position).toEqual(report.tables.applications?.position);
    expect(withCode(checkReport(report), 'arithmetic/applications-outcomes')).toEqual([]);
  });
});

describe('arithmetic/applications-row-total (总计 = the six applicant columns, every row)', () => {
  it('names the row, the six columns and the difference, at the row’s position', () => {
    const report = set(sound(), 'applications', 'carriedForward', { commercial: 2 });
    const found = withCode(checkReport(report), 'arithmetic/applications-row-total');
    expect(found).toEqual([
      {
        code: 'arithmetic/applications-row-total',
        severity: 'error',
        message:
          '表三, row 四、结转下年度继续办理: 总计等于各类申请人之和 does not hold: ' +
          '自然人 0 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2, but 总计 0 (difference +2)',
        position: report.tables.applications?.rows.carriedForward?.position,
        cells: refs('applications', ['carriedForward'], ALL_COLUMNS),
      },
    ]);
  });
});

describe('arithmetic/applications-legal-subtotal (法人或其他组织小计 = the five organisation columns)', () => {
  const table = (subtotal: number) =>
    [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t法人或其他组织小计\t总计',
      `一、本年新收政府信息公开申请数量\t1\t2\t0\t1\t0\t0\t${subtotal}\t4`,
    ].join('\n');

  it('is checked only where the table has the 小计 column', () => {
    const report = parseReport(table(3), { check: false }).report;
    expect(report.tables.applications?.columns).toContain('legalSubtotal');
    expect(withCode(checkReport(report), 'arithmetic/applications-legal-subtotal')).toEqual([]);
    expect(withCode(checkReport(sound()), 'arithmetic/applications-legal-subtotal')).toEqual([]);
  });

  it('fails where the subtotal differs', () => {
    const report = parseReport(table(2), { check: false }).report;
    expect(withCode(checkReport(report), 'arithmetic/applications-legal-subtotal')).toEqual([
      {
        code: 'arithmetic/applications-legal-subtotal',
        severity: 'error',
        message:
          '表三, row 一、本年新收政府信息公开申请数量: 法人或其他组织小计等于五类组织之和 does not hold: ' +
          '商业企业 2 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 0 + 其他 0 = 3, but 法人或其他组织小计 2 (difference +1)',
        position: report.tables.applications?.rows.newReceived?.position,
        cells: refs('applications', ['newReceived'], ['commercial', 'research', 'social', 'legal', 'other', 'legalSubtotal']),
      },
    ]);
  });
});

describe('arithmetic/review-litigation-row-total (维持 + 纠正 + 其他 + 尚未审结 = 总计, every row)', () => {
  it('names the row, the four columns and the total', () => {
    const report = set(sound(), 'reviewLitigation', 'litigationAfterReview', { pending: 1 });
    expect(withCode(checkReport(report), 'arithmetic/review-litigation-row-total')).toEqual([
      {
        code: 'arithmetic/review-litigation-row-total',
        severity: 'error',
        message:
          '表四, row 行政诉讼 · 复议后起诉: 结果维持、结果纠正、其他结果、尚未审结之和等于总计 does not hold: ' +
          '结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 1, but 总计 0 (difference +1)',
        position: report.tables.reviewLitigation?.rows.litigationAfterReview?.position,
        cells: refs('reviewLitigation', ['litigationAfterReview'], ['upheld', 'corrected', 'other', 'pending', 'total']),
      },
    ]);
  });
});

describe('arithmetic/not-whole and arithmetic/negative', () => {
  it('flags a count with decimals, but not an amount in 万元', () => {
    const report = set(sound(), 'activeDisclosure', 'licensing', { decisions: 9570.5 });
    set(report, 'activeDisclosure', 'fees', { amount: 1835.25 });
    expect(checkReport(report)).toEqual([
      {
        code: 'arithmetic/not-whole',
        severity: 'error',
        message: '表二, 行政许可 本年处理决定数量: 9570.5 is not a whole number; this column counts',
        position: cell(report, { table: 'activeDisclosure', row: 'licensing', column: 'decisions' }).position,
        cells: [{ table: 'activeDisclosure', row: 'licensing', column: 'decisions' }],
      },
      expect.objectContaining({ code: 'narrative/new-received' }),
    ]);
  });

  it('flags a negative count', () => {
    const report = set(sound(), 'activeDisclosure', 'punishment', { decisions: -3 });
    expect(withCode(checkReport(report), 'arithmetic/negative')).toEqual([
      {
        code: 'arithmetic/negative',
        severity: 'error',
        message: '表二, 行政处罚 本年处理决定数量: -3 is negative; counts and amounts cannot be',
        position: cell(report, { table: 'activeDisclosure', row: 'punishment', column: 'decisions' }).position,
        cells: [{ table: 'activeDisclosure', row: 'punishment', column: 'decisions' }],
      },
    ]);
  });

  it('lets the 2019 format’s 本年增/减 be negative', () => {
    const text = ['二、主动公开政府信息情况', '第二十条第（五）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量', '行政许可\t10\t-2\t5'].join('\n');
    const report = parseReport(text, { check: false }).report;
    expect(report.tables.activeDisclosure?.formatVersion).toBe('2019');
    expect(checkReport(report)).toEqual([]);
  });
});

describe('arithmetic/not-assessable', () => {
  it('is one warning per identity instance a blank cell is in, naming the cell, saying it would not hold with the blank as 0', () => {
    const report = set(sound(), 'applications', 'granted', { naturalPerson: null });
    const diagnostics = checkReport(report).filter((d) => d.code.startsWith('arithmetic/'));
    expect(diagnostics).toEqual([
      {
        code: 'arithmetic/not-assessable',
        severity: 'warning',
        message:
          '表三, column 自然人: （一）至（六）各项办理结果之和等于（七）总计 cannot be checked: （一）予以公开 is blank; ' +
          'with blank cells as 0 it does not hold: the 19 terms （一）予以公开 … （六）其他处理 = 0, but （七）总计 6 (difference -6)',
        position: report.tables.applications?.position,
        cells: [{ table: 'applications', row: 'granted', column: 'naturalPerson' }],
      },
      {
        code: 'arithmetic/not-assessable',
        severity: 'warning',
        message:
          '表三, row （一）予以公开: 总计等于各类申请人之和 cannot be checked: 自然人 is blank; with blank cells as 0 it does not hold: ' +
          '自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 0 + 其他 0 = 1, but 总计 7 (difference -6)',
        position: report.tables.applications?.rows.granted?.position,
        cells: [{ table: 'applications', row: 'granted', column: 'naturalPerson' }],
      },
    ]);
  });

  it('says what a not-applicable cell held', () => {
    const report = sound();
    const target = cell(report, { table: 'reviewLitigation', row: 'review', column: 'other' });
    Object.assign(target, { value: null, state: 'notApplicable', raw: '/' });
    expect(withCode(checkReport(report), 'arithmetic/not-assessable').map((d) => d.message)).toEqual([
      '表四, row 行政复议: 结果维持、结果纠正、其他结果、尚未审结之和等于总计 cannot be checked: 其他结果 is not applicable (`/`)',
    ]);
  });

  it('with blankAsZero, counts a blank cell as 0 and says so in the finding', () => {
    const report = set(sound(), 'applications', 'granted', { naturalPerson: null });
    const found = checkReport(report, { blankAsZero: true }).filter((d) => d.code.startsWith('arithmetic/'));
    expect(found.map((d) => d.code)).toEqual(['arithmetic/applications-outcomes', 'arithmetic/applications-row-total']);
    expect(found[0]?.message).toContain('(difference -6); blank cells counted as 0: （一）予以公开');
    expect(found[1]?.message).toContain('自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 1');
    expect(found[1]?.message).toContain('blank cells counted as 0: 自然人');
  });

  it('reads cells parsed with blankAsZero as 0, and says so', () => {
    // 001's （一）予以公开 row, its 社会公益组织 cell (1) left blank.
    const text = SOUND.replace('\t（一）予以公开\n\t6\n\t0\n\t0\n\t1\n', '\t（一）予以公开\n\t6\n\t0\n\t0\n\t\n');
    const { report, diagnostics } = parseReport(text, { blankAsZero: true });
    expect(report.tables.applications?.rows.granted?.social.assumedZero).toBe(true);
    expect(withCode(diagnostics, 'arithmetic/applications-outcomes')[0]?.message).toContain('blank cells counted as 0: （一）予以公开');
    expect(withCode(diagnostics, 'arithmetic/applications-row-total')[0]?.message).toContain('blank cells counted as 0: 社会公益组织');
  });
});
