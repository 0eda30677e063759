import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021 } from '../../grammar/index';
import type { Cell, TableKey } from '../ast';
import type { CellRef, Diagnostic } from '../diagnostics';
import type { Messages } from '../messages/index';
import { cellRef, type TableViews } from './cells';
import { finding } from './codes';
import { columnName, formatNumber, rowName, tableName } from '../messages/names';

// Columns grammar/ gives a unit (万元) hold amounts, which may have decimals; every other cell is a count.
const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(
  [...ACTIVE_DISCLOSURE_2021.columns, ...ACTIVE_DISCLOSURE_2019.columns].filter((c) => 'unit' in c).map((c) => c.key),
);
// The 2019 table 二's 本年增/减 is a change, and may be negative.
const SIGNED_COLUMNS: ReadonlySet<string> = new Set(['change']);
const NONE: ReadonlySet<string> = new Set();
const TABLE_KEYS: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

// Nearly every cell is fine: the message and the cell list are only worth building for one that is not.
function cellFindings(table: TableKey, rowKey: string, column: string, cell: Cell, negative: boolean, fractional: boolean, say: Messages): Diagnostic[] {
  const named = { table: tableName(table), row: rowName(table, rowKey), column: columnName(table, column), value: formatNumber(cell.value as number) };
  const cells: CellRef[] = [cellRef(table, rowKey, column)];
  const found: Diagnostic[] = [];
  if (negative) {
    found.push(finding('arithmetic/negative', say.negative(named), cell.position, cells));
  }
  if (fractional) {
    found.push(finding('arithmetic/not-whole', say.notWhole(named), cell.position, cells));
  }
  return found;
}

/** Every count whole and non-negative: one error per cell that is not. */
export function checkCounts(views: TableViews, say: Messages): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const table of TABLE_KEYS) {
    const amounts = table === 'activeDisclosure' ? AMOUNT_COLUMNS : NONE;
    const signed = table === 'activeDisclosure' ? SIGNED_COLUMNS : NONE;
    const { columns, rows } = views[table];
    for (const { key, cells } of rows) {
      for (let at = 0; at < cells.length; at++) {
        const cell = cells[at];
        const value = cell?.value;
        if (value === null || value === undefined) continue;
        const column = columns[at] as string;
        const negative = value < 0 && !signed.has(column);
        const fractional = !Number.isInteger(value) && !amounts.has(column);
        if (negative || fractional) diagnostics.push(...cellFindings(table, key, column, cell as Cell, negative, fractional, say));
      }
    }
  }
  return diagnostics;
}
