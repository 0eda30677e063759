import type { Cell, Report, RowInfo, TableKey } from '../ast';
import type { CellRef } from '../diagnostics';
import type { NoValue } from '../messages/index';
import type { RowCells } from '../tables/rows';

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

/**
 * A reference to a cell by keys held as strings. The checks and the renderer walk grammar/'s rows
 * and columns and a report's own keys: they are the table's keys, only without their literal
 * types, and this is the one place that says so.
 */
export function cellRef(table: TableKey, row: string, column: string): CellRef {
  return { table, row, column } as CellRef;
}

/**
 * A table's assigned rows with their cells, in document order: what the checks read. Every row's
 * cells are in the order of the table's columns (undefined where the row has none).
 */
export interface TableView {
  /** The table's columns, as `Table.columns` lists them. */
  columns: readonly string[];
  rows: readonly RowCells[];
  byKey: ReadonlyMap<string, RowCells>;
}

/** The views of a report's three tables (empty for a table the report lacks). */
export type TableViews = Readonly<Record<TableKey, TableView>>;

/**
 * A table's view from rows listed as the reader assigned them. A row of table 二 has the columns
 * of its block only: its cells are spread over the table's.
 */
export function tableView(columns: readonly string[], assigned: readonly RowCells[]): TableView {
  const rows: RowCells[] = [];
  const byKey = new Map<string, RowCells>();
  for (const given of assigned) {
    const row = given.columns === columns ? given : { ...given, columns, cells: columns.map((column) => given.cells[given.columns.indexOf(column)]) };
    rows.push(row);
    byKey.set(row.key, row);
  }
  return { columns, rows, byKey };
}

/**
 * The views of a report's tables, read off the report: `parseReport` has them from the readers,
 * `checkReport` on a report from elsewhere (or changed since) reads them here.
 */
export function tableViews(report: Report): TableViews {
  return {
    activeDisclosure: readView(report, 'activeDisclosure'),
    applications: readView(report, 'applications'),
    reviewLitigation: readView(report, 'reviewLitigation'),
  };
}

function readView(report: Report, table: TableKey): TableView {
  const columns = report.tables[table]?.columns ?? [];
  const rows = rowsOf(report, table);
  const list: RowCells[] = [];
  // for…in with an own-property test visits what Object.values would, in its order; Object.values
  // is several times slower on the rows of table 三, which are many enough to be a dictionary.
  for (const key in rows) {
    const row = hasOwn.call(rows, key) ? rows[key] : undefined;
    if (!row) continue;
    const cells: (Cell | undefined)[] = [];
    for (const column of columns) {
      const cell = row[column];
      cells.push(isCell(cell) ? cell : undefined);
    }
    list.push({ row, key, columns, cells });
  }
  return tableView(columns, list);
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
 * The value {@link read} would give a cell, without building the reading: the checks read every
 * cell of a table on each report and need the reading only for a finding.
 */
export function valueOf(cell: Cell | undefined, blankAsZero: boolean): number | null {
  if (cell === undefined) return null;
  if (cell.value === null && cell.state === 'blank' && blankAsZero) return 0;
  return cell.value ?? null;
}

// A cell's text quoted in a message, up to this long (a 400-digit run is a line of its own).
const QUOTED = 24;
const shortened = (raw: string) => (raw.length > QUOTED ? `${raw.slice(0, QUOTED - 4)}…` : raw);

/** Why a cell (undefined: one the table lacks) has no value, for a message to say (messages/: `noValue`). */
export function whyNoValue(cell: Cell | undefined): NoValue {
  if (!cell) return { kind: 'missing' };
  if (cell.state === 'notApplicable') return { kind: 'notApplicable', raw: cell.raw };
  if (cell.state === 'unreadable') return { kind: 'unreadable', raw: shortened(cell.raw) };
  return { kind: 'blank' };
}
