import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021 } from '../../grammar/index';
import type { Report, TableKey } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { cellsOfRow, rowsOf } from './cells';
import { finding } from './codes';
import { columnName, formatNumber, rowName, tableName } from './names';

// Columns grammar/ gives a unit (万元) hold amounts, which may have decimals; every other cell is a count.
const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(
  [...ACTIVE_DISCLOSURE_2021.columns, ...ACTIVE_DISCLOSURE_2019.columns].filter((c) => 'unit' in c).map((c) => c.key),
);
// The 2019 table 二's 本年增/减 is a change, and may be negative.
const SIGNED_COLUMNS: ReadonlySet<string> = new Set(['change']);
const TABLE_KEYS: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

/** Every count whole and non-negative: one error per cell that is not. */
export function checkCounts(report: Report): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const table of TABLE_KEYS) {
    const amounts = table === 'activeDisclosure' ? AMOUNT_COLUMNS : new Set<string>();
    const signed = table === 'activeDisclosure' ? SIGNED_COLUMNS : new Set<string>();
    for (const row of Object.values(rowsOf(report, table) ?? {})) {
      if (!row) continue;
      for (const [column, cell] of cellsOfRow(row)) {
        if (cell.value === null) continue;
        const where = `${tableName(table)}, ${rowName(table, row.key)} ${columnName(table, column)}`;
        const cells = [{ table, row: row.key, column }];
        if (cell.value < 0 && !signed.has(column)) {
          diagnostics.push(finding('arithmetic/negative', `${where}: ${formatNumber(cell.value)} is negative; counts and amounts cannot be`, cell.position, cells));
        }
        if (!Number.isInteger(cell.value) && !amounts.has(column)) {
          diagnostics.push(finding('arithmetic/not-whole', `${where}: ${formatNumber(cell.value)} is not a whole number; this column counts`, cell.position, cells));
        }
      }
    }
  }
  return diagnostics;
}
