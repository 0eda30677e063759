import { TABLES } from '../../grammar/index';
import type { Cell, Position, RowInfo, TableKey, UnassignedRow } from '../ast';
import { parseDiagnostic, type Diagnostic } from '../diagnostics';
import type { Source } from '../source';
import { toCell, type CellOptions } from './cells';
import type { GridCell, GridRow } from './grid';

/** Each table's name in messages, e.g. `表三（收到和处理申请）`. */
export const TABLE_NAMES = Object.fromEntries(TABLES.map((table) => [table.key, table.name])) as Record<TableKey, string>;

/** Everything a table reader needs besides the grid. */
export interface TableContext {
  source: Source;
  options: CellOptions;
  diagnostics: Diagnostic[];
  /** The table's name in messages, e.g. `表三`. */
  name: string;
  /** Where assigned rows are listed with their cells, for the checks (see {@link RowCells}). */
  assigned?: RowCells[];
}

/**
 * An assigned row with its cells in the order of its columns: what the checks read. The readers
 * have the cells in that order anyway, and a cell looked up in the row by column name costs the
 * engine several times an array index.
 */
export interface RowCells {
  /** The row node, as its table's `rows` holds it under `key`. */
  row: RowInfo & { readonly [column: string]: unknown };
  key: string;
  columns: readonly string[];
  /** The row's cells, one per column (undefined where the row has no cell for it). */
  cells: readonly (Cell | undefined)[];
}

/** The position of a grid row (its lines). */
export function rowPosition(context: TableContext, row: GridRow): Position {
  return context.source.position(row.start, row.end);
}

/** Reads a row's value cells into nodes. */
export function rowCells(context: TableContext, row: GridRow, where: string, units?: readonly (string | undefined)[]): Cell[] {
  const { source, options, diagnostics } = context;
  const cells: Cell[] = [];
  for (let i = 0; i < row.values.length; i++) {
    cells.push(toCell(source, row.values[i] as GridCell, where, options, diagnostics, units?.[i]));
  }
  return cells;
}

/**
 * Sets a row aside with a diagnostic: its values are kept as cells but belong to no column, since
 * nothing may be guessed.
 */
export function setAside(
  context: TableContext,
  unassigned: UnassignedRow[],
  row: GridRow,
  code: 'table/unknown-row' | 'table/duplicate-row' | 'table/too-many-values' | 'table/too-few-values',
  message: string,
  key?: string,
): void {
  const position = rowPosition(context, row);
  context.diagnostics.push(parseDiagnostic(code, message, position));
  const entry: UnassignedRow = {
    type: 'unassignedRow',
    label: row.label,
    reason: code,
    values: rowCells(context, row, `${context.name} ${row.label || '(no label)'}`),
    position,
  };
  if (key) entry.key = key;
  unassigned.push(entry);
}

/** How many empty cells the rows of a table usually have after their last value. */
export function usualTrailing(rows: readonly GridRow[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.values.length > 0) counts.set(row.trailing.length, (counts.get(row.trailing.length) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [trailing, count] of counts) {
    if (count > most) {
      usual = trailing;
      most = count;
    }
  }
  return usual;
}

/**
 * A row short of `expected` values whose first or last values were left blank: blanks between
 * values are already values, so the missing ones can only be empty cells at either end. They are
 * taken where that is unambiguous: after the values when the row has more empty cells there than
 * the table's rows usually do (a trailing tab), else before them. Otherwise undefined.
 */
export function fitValues(row: GridRow, expected: number, trailing: number): GridRow | undefined {
  const missing = expected - row.values.length;
  if (missing <= 0 || row.values.length === 0) return undefined;
  const extraTrailing = row.trailing.length - trailing;
  if (extraTrailing >= missing) return { ...row, values: [...row.values, ...row.trailing.slice(0, missing)] };
  if (extraTrailing <= 0 && row.leading.length >= missing) return { ...row, values: [...row.leading.slice(-missing), ...row.values] };
  return undefined;
}

/** The rows a table has read so far, and the ones it set aside. */
export interface TableRows {
  rows: Record<string, unknown>;
  unassigned: UnassignedRow[];
}

/**
 * Puts a named row in its table: assigned when its values fit `columns` (a blank first or last
 * value allowed, see fitValues) and its key is new; set aside with a diagnostic otherwise.
 * `trailing` is the table's usual count of empty cells after the values.
 */
export function placeRow(
  context: TableContext,
  table: TableRows,
  read: GridRow,
  key: string | undefined,
  columns: readonly string[],
  trailing: number,
  units?: readonly (string | undefined)[],
): void {
  const label = read.label;
  if (!key) {
    setAside(context, table.unassigned, read, 'table/unknown-row', unknownMessage(context.name, label));
    return;
  }
  const row = fitValues(read, columns.length, trailing) ?? read;
  if (row.values.length !== columns.length) {
    const code = row.values.length > columns.length ? 'table/too-many-values' : 'table/too-few-values';
    setAside(context, table.unassigned, row, code, countMessage(context.name, label, row.values.length, columns.length), key);
    return;
  }
  if (key in table.rows) {
    setAside(context, table.unassigned, row, 'table/duplicate-row', `${context.name}: row ${key} (${label}) appears again; the first one is kept`, key);
    return;
  }
  table.rows[key] = assign(context, row, key, label, columns, units);
}

/** The message for a row whose label names no row of the table. */
function unknownMessage(name: string, label: string): string {
  return `${name}: ${label === '' ? 'a row without a label' : `row label ${label}`} names no row of the table; its values are left unassigned`;
}

/** The message for a row whose value count does not fit its columns. */
export function countMessage(name: string, label: string, found: number, expected: number): string {
  const what = label === '' ? 'A row' : `Row ${label}`;
  return `${name}: ${what} has ${found} value${found === 1 ? '' : 's'} for ${expected} column${expected === 1 ? '' : 's'}; its values are left unassigned`;
}

/** Builds an assigned row, noting blank cells once per row. */
export function assign(context: TableContext, row: GridRow, key: string, label: string, columns: readonly string[], units?: readonly (string | undefined)[]) {
  const cells = rowCells(context, row, `${context.name} ${label || key}`, units);
  const node: Record<string, unknown> = { type: 'row', key, label, position: rowPosition(context, row) };
  let blanks: string[] | undefined;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as string;
    const cell = cells[i] as Cell;
    node[column] = cell;
    if (cell.state === 'blank') (blanks ??= []).push(column);
  }
  context.assigned?.push({ row: node as RowCells['row'], key, columns, cells });
  if (blanks) {
    const assumed = context.options.blankAsZero ? ' (read as 0 because of blankAsZero)' : ' (value null, not 0)';
    context.diagnostics.push(
      parseDiagnostic('cell/blank', `${context.name} ${label || key}: blank cell${blanks.length > 1 ? 's' : ''} in ${blanks.join(', ')}${assumed}`, node.position as never),
    );
  }
  return node;
}
