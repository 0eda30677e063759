import { expectString } from '../arguments';
import { ACTIVE_DISCLOSURE_2021 } from '../../grammar/index';
import type { Report } from '../ast';
import type { CellRef, Diagnostic } from '../diagnostics';
import type { Messages } from '../messages/index';
import { cellRef, read, rowsOf } from './cells';
import { finding } from './codes';
import { TOLERANCE } from './identities';
import { columnName, formatDifference, formatNumber, rowName, tableName } from '../messages/names';

// The rows of table 二 that count documents in force: those of the block with a 现行有效 column.
const IN_FORCE_ROWS: readonly string[] = ACTIVE_DISCLOSURE_2021.blocks
  .filter((block) => (block.columns as readonly string[]).includes('inForce'))
  .flatMap((block) => block.rows);

const value = (report: Report, ref: CellRef) => read(report, ref, false).value;

/** This year's 二、上年结转 against last year's 四、结转下年度继续办理, per column. */
function carriedOver(previous: Report, current: Report, say: Messages): Diagnostic[] {
  const before = previous.tables.applications;
  const now = current.tables.applications;
  const row = rowsOf(current, 'applications')?.carriedOver;
  if (!before || !now || !row) return [];
  const diagnostics: Diagnostic[] = [];
  for (const column of now.columns.filter((c) => before.columns.includes(c))) {
    const over: CellRef = { table: 'applications', row: 'carriedOver', column };
    const forward: CellRef = { table: 'applications', row: 'carriedForward', column };
    const thisYear = value(current, over);
    const lastYear = value(previous, forward);
    if (thisYear === null || lastYear === null || Math.abs(thisYear - lastYear) <= TOLERANCE) continue;
    diagnostics.push(
      finding(
        'years/carried-over',
        say.carriedOver({
          table: tableName('applications'),
          row: rowName('applications', 'carriedOver'),
          column: columnName('applications', column),
          thisYear: formatNumber(thisYear),
          lastRow: rowName('applications', 'carriedForward'),
          lastYear: formatNumber(lastYear),
          difference: formatDifference(thisYear - lastYear),
        }),
        row.position,
        [over, forward],
      ),
    );
  }
  return diagnostics;
}

/** 现行有效 rolls forward: last year's, plus this year's 制发, minus this year's 废止. */
function inForce(previous: Report, current: Report, say: Messages): Diagnostic[] {
  if (previous.tables.activeDisclosure?.formatVersion !== '2021' || current.tables.activeDisclosure?.formatVersion !== '2021') {
    return [];
  }
  const diagnostics: Diagnostic[] = [];
  for (const row of IN_FORCE_ROWS) {
    const ref = (column: string) => cellRef('activeDisclosure', row, column);
    const lastYear = value(previous, ref('inForce'));
    const issued = value(current, ref('issued'));
    const repealed = value(current, ref('repealed'));
    const thisYear = value(current, ref('inForce'));
    if (lastYear === null || issued === null || repealed === null || thisYear === null) continue;
    const expected = lastYear + issued - repealed;
    if (Math.abs(thisYear - expected) <= TOLERANCE) continue;
    const name = (column: string) => columnName('activeDisclosure', column);
    diagnostics.push(
      finding(
        'years/in-force',
        say.inForce({
          table: tableName('activeDisclosure'),
          row: rowName('activeDisclosure', row),
          inForce: name('inForce'),
          thisYear: formatNumber(thisYear),
          lastYear: formatNumber(lastYear),
          issued: name('issued'),
          issuedValue: formatNumber(issued),
          repealed: name('repealed'),
          repealedValue: formatNumber(repealed),
          expected: formatNumber(expected),
          difference: formatDifference(thisYear - expected),
        }),
        rowsOf(current, 'activeDisclosure')?.[row]?.position,
        [ref('inForce'), ref('issued'), ref('repealed')],
      ),
    );
  }
  return diagnostics;
}

// What an agency's name may carry one year and not the next: spaces.
const squeeze = (name: string) => name.replace(/[\s\u3000]+/g, '');

/**
 * Whether two agency names (`meta.agency`) name one agency: both read, and one holding the other
 * once spaces are squeezed out (`渠县` and `渠县人民政府` are one agency, `渠县` and `泸州市` two).
 * `compareReports` compares only such reports; the CLI's `compare` pairs reports by it.
 */
export function sameAgency(a: string, b: string): boolean {
  expectString('sameAgency', 'a', a);
  expectString('sameAgency', 'b', b);
  const [x, y] = [squeeze(a), squeeze(b)];
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
}

/**
 * Compares last year's report with this year's: the agencies first, then the years, then the
 * cells that carry over. `compareReports` in check/index.ts documents it and checks its arguments.
 */
export function compareYears(previous: Report, current: Report, say: Messages): Diagnostic[] {
  const a = previous.meta.agency;
  const b = current.meta.agency;
  if (a && b && !sameAgency(a, b)) {
    return [
      finding(
        'years/different-agencies',
        say.differentAgencies({ agencies: [a, b] }),
        undefined,
        [],
      ),
    ];
  }
  const before = previous.meta.year;
  const now = current.meta.year;
  if (before !== null && now !== null && now !== before + 1) {
    return [
      finding(
        'years/not-consecutive',
        say.notConsecutive({ before, now }),
        undefined,
        [],
      ),
    ];
  }
  return [...carriedOver(previous, current, say), ...inForce(previous, current, say)];
}
