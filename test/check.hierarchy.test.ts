import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Cell, Report, TableKey } from '../src/ast';
import { checkHierarchy, parseReport, renderReport } from '../src/index';
import { corpusReport } from './helpers/corpus';
import { build, model, type Model } from './helpers/model';

/**
 * checkHierarchy(summary, parts): every cell of a summary report's tables (汇总) is the sum of the
 * parts' cells; a cell that is not is `hierarchy/sum`, one that cannot be summed is said to be
 * not assessable, never guessed.
 */

type Rows = Record<string, Record<string, unknown>>;
const TABLES: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];
const rowsOf = (report: Report, table: TableKey) => (report.tables[table]?.rows ?? {}) as Rows;
const cellAt = (report: Report, table: TableKey, row: string, column: string) => rowsOf(report, table)[row]?.[column] as Cell | undefined;

/**
 * A summary of the parts: the first part's AST with each cell the sum of the parts' same cell.
 * A cell some part does not have is left out of the summary (the parts' shapes differ at random:
 * a group row or its items, a 小计 column or none), so that every cell of the summary is one all
 * parts hold.
 */
function sumOf(parts: readonly Report[]): Report {
  const summary = structuredClone(parts[0]) as Report;
  summary.meta.agency = '某市';
  for (const table of TABLES) {
    for (const [row, cells] of Object.entries(rowsOf(summary, table))) {
      for (const [column, cell] of Object.entries(cells)) {
        if ((cell as Cell | undefined)?.type !== 'cell') continue;
        const values = parts.map((part) => cellAt(part, table, row, column)?.value);
        if (values.some((value) => typeof value !== 'number')) {
          delete cells[column];
          continue;
        }
        const sum = (values as number[]).reduce((a, b) => a + b, 0);
        (cell as Cell).value = sum;
        (cell as Cell).raw = String(sum);
      }
    }
  }
  return summary;
}

/** 2 to 5 consistent random reports of one year and one table 二 format (the first's). */
const parts = fc.array(model, { minLength: 2, maxLength: 5 }).map((models) => {
  const [first] = models as [Model, ...Model[]];
  return models.map((m) =>
    build({ ...m, year: first.year, activeDisclosure: m.activeDisclosure.formatVersion === first.activeDisclosure.formatVersion ? m.activeDisclosure : first.activeDisclosure }),
  );
});

/** The parts, their summary, one of the summary's cells, and a change of it (in the summary or in a part). */
const changed = parts.chain((reports) => {
  const summary = sumOf(reports);
  const cells = TABLES.flatMap((table) =>
    Object.entries(rowsOf(summary, table)).flatMap(([row, values]) =>
      Object.keys(values).filter((column) => (values[column] as Cell | undefined)?.type === 'cell').map((column) => ({ table, row, column })),
    ),
  );
  return fc.record({
    reports: fc.constant(reports),
    summary: fc.constant(summary),
    ref: fc.constantFrom(...cells),
    delta: fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0),
    inPart: fc.nat({ max: 4 }),
    which: fc.constantFrom('summary' as const, 'part' as const),
  });
});

describe('checkHierarchy: a summary of random consistent parts', () => {
  test.prop([parts])('the sum of 2 to 5 parts has no finding', (reports) => {
    expect(checkHierarchy(sumOf(reports), reports)).toEqual([]);
  });

  test.prop([changed])('one cell changed, in the summary or in a part, is one hierarchy/sum naming exactly that cell', (generated) => {
    // A copy: fast-check replays the same generated value while it shrinks.
    const { reports, summary, ref, delta, inPart, which } = structuredClone(generated);
    const target = which === 'summary' ? summary : (reports[inPart % reports.length] as Report);
    const cell = cellAt(target, ref.table, ref.row, ref.column) as Cell;
    cell.value = (cell.value as number) + delta;
    const findings = checkHierarchy(summary, reports);
    expect(findings.map((d) => [d.code, d.severity, d.cells])).toEqual([['hierarchy/sum', 'error', [ref]]]);
    const own = cellAt(summary, ref.table, ref.row, ref.column)?.value as number;
    const sum = reports.reduce((total, part) => total + (cellAt(part, ref.table, ref.row, ref.column)?.value as number), 0);
    expect(findings[0]?.message).toContain(`the summary has ${Number.isInteger(own) ? own : Math.round(own * 1e6) / 1e6}`);
    expect(Math.abs(own - sum)).toBeGreaterThan(0.01);
  });
});

describe('checkHierarchy on real reports', () => {
  // Two real 2022 reports as the parts; the summary written out as a tab report and read back.
  const part1 = parseReport(corpusReport('000').text).report;
  const part2 = parseReport(corpusReport('002').text).report;
  const summed = sumOf([part1, part2]);
  summed.meta.title = '某市2022年政府信息公开工作年度报告';
  for (const section of Object.values(summed.sections)) section.text = '';
  const text = renderReport(summed, { layout: 'tab' });
  const summary = parseReport(text).report;

  it('the sum of corpus 000 (渠县) and 002 (泸州市) has no finding', () => {
    expect(checkHierarchy(summary, [part1, part2])).toEqual([]);
  });

  it('one value of the summary\'s text changed: one finding at that cell, naming the parts that contributed', () => {
    const cell = cellAt(summary, 'applications', 'granted', 'naturalPerson') as Cell;
    expect(cell.value).toBe(17 + (cellAt(part2, 'applications', 'granted', 'naturalPerson')?.value as number));
    const damaged = `${text.slice(0, cell.position.start.offset)}${(cell.value as number) + 2}${text.slice(cell.position.end.offset)}`;
    const back = parseReport(damaged).report;
    const findings = checkHierarchy(back, [part1, part2]);
    expect(findings.map((d) => [d.code, d.cells])).toEqual([['hierarchy/sum', [{ table: 'applications', row: 'granted', column: 'naturalPerson' }]]]);
    const [finding] = findings;
    expect(damaged.slice(finding?.position?.start.offset, finding?.position?.end.offset)).toBe(String((cell.value as number) + 2));
    expect(finding?.message).toBe(
      `表三 （一）予以公开 自然人: the summary has ${(cell.value as number) + 2}, but its 2 parts sum to ${cell.value} ` +
        `(parts[0] (渠县) 17 + parts[1] (泸州市) ${(cell.value as number) - 17}) (difference +2)`,
    );
  });

  it('a part that gives （六）其他处理 as one row (corpus 001): its items are not assessable, the group row is', () => {
    const part3 = parseReport(corpusReport('001').text).report;
    expect(Object.keys(rowsOf(part3, 'applications'))).toContain('other');
    expect(Object.keys(rowsOf(part3, 'applications'))).not.toContain('other.other');
    const three = sumOf([part1, part2]);
    // The summary's items cannot be checked against 001's one row; everything else holds.
    for (const [row, cells] of Object.entries(rowsOf(three, 'applications'))) {
      for (const [column, cell] of Object.entries(cells)) {
        if ((cell as Cell | undefined)?.type === 'cell') {
          const extra = cellAt(part3, 'applications', row, column)?.value;
          if (typeof extra === 'number') (cell as Cell).value = ((cell as Cell).value as number) + extra;
        }
      }
    }
    for (const table of ['activeDisclosure', 'reviewLitigation'] as const) {
      for (const [row, cells] of Object.entries(rowsOf(three, table))) {
        for (const [column, cell] of Object.entries(cells)) {
          if ((cell as Cell | undefined)?.type === 'cell') (cell as Cell).value = ((cell as Cell).value as number) + (cellAt(part3, table, row, column)?.value as number);
        }
      }
    }
    const findings = checkHierarchy(three, [part1, part2, part3]);
    expect(findings.map((d) => d.code)).toEqual(['hierarchy/not-assessable']);
    const cells = findings[0]?.cells ?? [];
    expect(new Set(cells.map((c) => c.row))).toEqual(new Set(['other.overdueCorrection', 'other.overdueFee', 'other.other']));
    expect(findings[0]?.message).toMatch(/^表三: 21 cells of the summary cannot be checked against its parts: 表三 （六）其他处理 1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 自然人: parts\[2\] \(涞源县\) has no row/);
    // A summary giving the group as one row is summed from the items of the parts that give items.
    const grouped = structuredClone(three);
    const rows = grouped.tables.applications?.rows as Rows;
    const items = ['other.overdueCorrection', 'other.overdueFee', 'other.other'];
    rows.other = structuredClone(rows['other.other']) as Rows[string];
    for (const column of grouped.tables.applications?.columns ?? []) {
      const total = [part1, part2, part3].reduce((sum, part) => {
        const own = cellAt(part, 'applications', 'other', column)?.value;
        return sum + (typeof own === 'number' ? own : items.reduce((s, item) => s + (cellAt(part, 'applications', item, column)?.value as number), 0));
      }, 0);
      (rows.other[column] as Cell).value = total;
    }
    for (const item of items) delete rows[item];
    expect(checkHierarchy(grouped, [part1, part2, part3])).toEqual([]);
  });
});

describe('checkHierarchy: what cannot be summed is said, not guessed', () => {
  const one = () => parseReport(corpusReport('000').text).report;

  it('a blank cell of the summary or of a part: that cell is not assessable, the rest is checked', () => {
    const [a, b] = [one(), one()];
    const summary = sumOf([a, b]);
    const blank = (report: Report, row: string, column: string) => {
      const cell = cellAt(report, 'applications', row, column) as Cell;
      Object.assign(cell, { value: null, raw: '', state: 'blank' });
    };
    blank(summary, 'granted', 'research');
    blank(b, 'partialGrant', 'legal');
    (cellAt(summary, 'reviewLitigation', 'review', 'total') as Cell).value = 5;
    const findings = checkHierarchy(summary, [a, b]);
    expect(findings.map((d) => d.code)).toEqual(['hierarchy/not-assessable', 'hierarchy/sum']);
    expect(findings[0]?.cells).toEqual([
      { table: 'applications', row: 'granted', column: 'research' },
      { table: 'applications', row: 'partialGrant', column: 'legal' },
    ]);
    expect(findings[0]?.message).toBe(
      '表三: 2 cells of the summary cannot be checked against its parts: 表三 （一）予以公开 科研机构: the summary\'s cell is blank; ' +
        '表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） 法律服务机构: parts[1] (渠县) has （二）部分公开（区分处理的，只计这一情形，不计其他情形） 法律服务机构 blank',
    );
    expect(findings[1]?.message).toBe('表四 行政复议 总计: the summary has 5, but its 2 parts sum to 2 (parts[0] (渠县) 1 + parts[1] (渠县) 1) (difference +3)');
  });

  it('a part without a table, or with table 二 in the other format: that table is not assessable', () => {
    const [a, b] = [one(), one()];
    const summary = sumOf([a, b]);
    delete b.tables.reviewLitigation;
    const findings = checkHierarchy(summary, [a, b]);
    expect(findings.map((d) => [d.code, d.message])).toEqual([
      ['hierarchy/not-assessable', '表四: 15 cells of the summary cannot be checked against its parts: parts[1] (渠县) has no 表四'],
    ]);
    const c = one();
    (c.tables.activeDisclosure as { formatVersion: string }).formatVersion = '2019';
    expect(checkHierarchy(sumOf([a, a]), [a, c]).map((d) => d.message)).toEqual([
      '表二: 10 cells of the summary cannot be checked against its parts: parts[1] (渠县)\'s 表二 is in the 2019 format, the summary\'s in the 2021',
    ]);
  });

  it('a part of another year: one warning, nothing compared', () => {
    const [a, b] = [one(), one()];
    const summary = sumOf([a, b]);
    b.meta.year = 2021;
    expect(checkHierarchy(summary, [a, b]).map((d) => [d.code, d.severity, d.message])).toEqual([
      ['hierarchy/different-years', 'warning', 'The summary is for 2022, but parts[1] (渠县) 2021: reports of different years were not compared'],
    ]);
  });

  it('a part\'s 法人或其他组织小计 it has no column for is the sum of its five organisation columns', () => {
    const [a, b] = [one(), one()];
    const summary = sumOf([a, b]);
    const table = summary.tables.applications as NonNullable<Report['tables']['applications']>;
    table.columns = ['naturalPerson', 'legalSubtotal', ...table.columns.slice(1)];
    for (const cells of Object.values(table.rows as Rows)) {
      const sum = ['commercial', 'research', 'social', 'legal', 'other'].reduce((s, c) => s + ((cells[c] as Cell).value as number), 0);
      cells.legalSubtotal = { ...(cells.commercial as Cell), value: sum, raw: String(sum) };
    }
    expect(checkHierarchy(summary, [a, b])).toEqual([]);
    ((table.rows as Rows).newReceived?.legalSubtotal as Cell).value = 3;
    expect(checkHierarchy(summary, [a, b]).map((d) => d.cells)).toEqual([[{ table: 'applications', row: 'newReceived', column: 'legalSubtotal' }]]);
  });
});

describe('checkHierarchy: arguments', () => {
  const report = parseReport(corpusReport('000').text).report;
  it.each([
    ['a string summary', () => checkHierarchy('report' as unknown as Report, [report]), /^checkHierarchy: summary must be a Report/],
    ['parts not an array', () => checkHierarchy(report, report as unknown as Report[]), /^checkHierarchy: parts must be an array of Reports .*, got an object$/],
    ['no parts', () => checkHierarchy(report, []), /^checkHierarchy: parts must hold at least one Report, got an empty array$/],
    ['a part that is a parse result', () => checkHierarchy(report, [report, parseReport('') as unknown as Report]), /^checkHierarchy: parts\[1\] must be a Report .*parseReport's whole result/],
  ])('throws a TypeError for %s', (_, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });
});
