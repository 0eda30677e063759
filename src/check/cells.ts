import type { Cell, Report, RowInfo, TableKey } from '../ast';
import type { CellRef } from '../diagnostics';

/** A row of any table: its cells keyed by column, next to {@link RowInfo}. */
export type AnyRow = RowInfo & { readonly [column: string]: unknown };

/** A cell reference with what the report holds there. */
export interface Reading {
  ref: CellRef;
  /** Absent when the report has no such row or column. */
  cell: Cell | undefined;
  /** The value the checker counts with: null when there is none to count. */
  value: number | null;
  /** A blank cell counted as 0 (parsed with `blankAsZero`, or checked with it). */
  assumedZero: boolean;
}

/** The rows of a table, keyed by row; undefined when the report lacks the table. */
export function rowsOf(report: Report, table: TableKey): Readonly<Record<string, AnyRow | undefined>> | undefined {
  return report.tables[table]?.rows as Readonly<Record<string, AnyRow | undefined>> | undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The rows of each table in order, listed once for all the checks of a report. */
export type RowLists = Readonly<Record<TableKey, readonly AnyRow[]>>;

export function rowLists(report: Report): RowLists {
  return {
    activeDisclosure: rowList(report, 'activeDisclosure'),
    applications: rowList(report, 'applications'),
    reviewLitigation: rowList(report, 'reviewLitigation'),
  };
}

/** The rows of a table in order, as Object.values gives them; empty when the report lacks the table. */
function rowList(report: Report, table: TableKey): AnyRow[] {
  const rows = rowsOf(report, table);
  const list: AnyRow[] = [];
  // for…in with an own-property test visits what Object.values would, in its order; Object.values
  // is several times slower on the rows of table 三, which are many enough to be a dictionary.
  for (const key in rows) {
    const row = hasOwn.call(rows, key) ? rows[key] : undefined;
    if (row) list.push(row);
  }
  return list;
}

export function isCell(value: unknown): value is Cell {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'cell';
}

/** The cell a reference names, if the report has it. */
function cellAt(report: Report, ref: CellRef): Cell | undefined {
  const cell = rowsOf(report, ref.table)?.[ref.row]?.[ref.column];
  return isCell(cell) ? cell : undefined;
}

/** Reads a cell for counting. A blank cell counts as 0 only when `blankAsZero` says so. */
export function read(report: Report, ref: CellRef, blankAsZero: boolean): Reading {
  const cell = cellAt(report, ref);
  if (cell && cell.value === null && cell.state === 'blank' && blankAsZero) {
    return { ref, cell, value: 0, assumedZero: true };
  }
  return { ref, cell, value: cell?.value ?? null, assumedZero: cell?.assumedZero === true };
}

/**
 * The value {@link read} would give a row's cell, without building the reading: the checks read
 * every cell of a table on each report and need the reading only for a finding.
 */
export function valueOf(row: AnyRow | undefined, column: string, blankAsZero: boolean): number | null {
  const cell = row?.[column];
  if (!isCell(cell)) return null;
  if (cell.value === null && cell.state === 'blank' && blankAsZero) return 0;
  return cell.value ?? null;
}

/** Why a reading has no value, in the words of a message. */
export function whyNoValue(reading: Reading): string {
  if (!reading.cell) return 'missing';
  if (reading.cell.state === 'notApplicable') return `not applicable (\`${reading.cell.raw}\`)`;
  if (reading.cell.state === 'unreadable') return `unreadable (\`${reading.cell.raw}\`)`;
  return 'blank';
}
