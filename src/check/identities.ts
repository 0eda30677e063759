import { APPLICATIONS, IDENTITIES } from '../../grammar/index';
import type { Position, Report, TableKey } from '../ast';
import type { CellRef } from '../diagnostics';
import type { RowCells } from '../tables/rows';
import { cellRef, valueOf, type TableViews } from './cells';

/** An identity as grammar/ declares it. */
export type Identity = (typeof IDENTITIES)[number];

/** One identity in one column (`each: 'column'`) or one row (`each: 'row'`): cells that must add up. */
export interface Instance {
  kind: 'instance';
  identity: Identity;
  /** The column or row it holds in. */
  at: string;
  sum: CellRef[];
  equals: CellRef[];
  /** The table's position for column identities, the row's for row identities. */
  position: Position;
}

/** A column identity that cannot be checked in any column: rows it needs were not read. */
export interface MissingRows {
  kind: 'missing';
  identity: Identity;
  table: TableKey;
  rows: string[];
  position: Position;
}

/** Items of each table 三 group, from grammar/. */
const GROUP_ITEMS: ReadonlyMap<string, readonly string[]> = new Map(
  APPLICATIONS.groups.map((group) => [
    group.key,
    APPLICATIONS.rows.filter((row) => 'group' in row && row.group === group.key).map((row) => row.key),
  ]),
);

interface Resolved {
  rows: string[];
  missing: string[];
}

/**
 * The rows a list of row keys stands for in this report. A group key stands for its items, or for
 * the group row where the report gives the group as one row.
 */
function resolveRows(keys: readonly string[], present: (row: string) => boolean): Resolved {
  const resolved: Resolved = { rows: [], missing: [] };
  for (const key of keys) {
    const items = GROUP_ITEMS.get(key);
    if (items && items.every(present)) resolved.rows.push(...items);
    else if (present(key)) resolved.rows.push(key);
    else if (items) resolved.missing.push(...items.filter((item) => !present(item)));
    else resolved.missing.push(key);
  }
  return resolved;
}

/** The rows of a column identity's two sides. */
interface Sides {
  sum: Resolved;
  equals: Resolved;
}

/** What a column identity adds up: its two row lists, or, for `groupItems`, those of each group. */
function columnSides(identity: Identity, present: (row: string) => boolean): Sides[] {
  if (identity.sum !== 'groupItems') {
    return [{ sum: resolveRows(identity.sum, present), equals: resolveRows(identity.equals, present) }];
  }
  // A group row is checked against its items only where both are given.
  const sides: Sides[] = [];
  for (const [group, items] of GROUP_ITEMS) {
    if (!present(group) || !items.some(present)) continue;
    sides.push({
      sum: { rows: items.filter(present), missing: items.filter((item) => !present(item)) },
      equals: { rows: [group], missing: [] },
    });
  }
  return sides;
}

/** Sides closer than this are equal: amounts in 万元 are compared to 0.01, counts are whole. */
export const TOLERANCE = 0.01;

/** A row's cells at `at` (indexes into its cells) added up, each read as {@link read} reads it; null when one has no value. */
function rowTotal(row: RowCells, at: readonly number[], blankAsZero: boolean): number | null {
  let sum = 0;
  for (let i = 0; i < at.length; i++) {
    const value = valueOf(row.cells[at[i] as number], blankAsZero);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** The cells of `rows` in the column at `at` added up, as {@link rowTotal} adds a row's. */
function columnTotal(rows: readonly RowCells[], at: number, blankAsZero: boolean): number | null {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = valueOf((rows[i] as RowCells).cells[at], blankAsZero);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/**
 * Whether one side's cells add up to the other's: false when one has no value. Summed from 0 in
 * order, as the findings sum, so that a sum near the tolerance is judged alike.
 */
function addsUp(sum: number | null, equals: number | null): boolean {
  return sum !== null && equals !== null && Math.abs(sum - equals) <= TOLERANCE;
}

/** Where each of `columns` is in `all`; undefined when one is not there. */
function indexesOf(columns: readonly string[], all: readonly string[]): number[] | undefined {
  const indexes: number[] = [];
  for (const column of columns) {
    const index = all.indexOf(column);
    if (index === -1) return undefined;
    indexes.push(index);
  }
  return indexes;
}

/**
 * Expands the identities of grammar/ over a report, in their order, into what the findings are
 * made of: the instances (one per column or row an identity holds in) that do not hold or cannot
 * be read, and, for a column identity that rows missing from the report leave unassessable, what
 * is missing. An instance that holds is left out, unless another instance of the same column
 * identity over the same rows does not: those come as a whole, since a failure is told apart from
 * a misfiled application by the columns that balance. A table the report lacks has no instances;
 * a row identity applies to the rows that were read.
 */
export function expandIdentities(report: Report, blankAsZero: boolean, views: TableViews): (Instance | MissingRows)[] {
  // Nearly every instance of a well-formed report holds: they are tested straight on the cells,
  // and only those a finding needs are built.
  const expanded: (Instance | MissingRows)[] = [];
  for (const identity of IDENTITIES) {
    const table = report.tables[identity.table];
    if (!table) continue;
    const view = views[identity.table];
    const present = (row: string) => view.byKey.has(row);
    const ref = (row: string, column: string) => cellRef(identity.table, row, column);

    if (identity.each === 'column') {
      for (const { sum, equals } of columnSides(identity, present)) {
        if (sum.missing.length > 0 || equals.missing.length > 0) {
          const absent = [...sum.missing, ...equals.missing];
          expanded.push({ kind: 'missing', identity, table: identity.table, rows: absent, position: table.position });
          continue;
        }
        const sumRows = sum.rows.map((row) => view.byKey.get(row) as RowCells);
        const equalsRows = equals.rows.map((row) => view.byKey.get(row) as RowCells);
        let allHold = true;
        for (let at = 0; at < view.columns.length; at++) {
          if (!addsUp(columnTotal(sumRows, at, blankAsZero), columnTotal(equalsRows, at, blankAsZero))) {
            allHold = false;
            break;
          }
        }
        if (allHold) continue;
        for (const column of view.columns) {
          expanded.push({
            kind: 'instance',
            identity,
            at: column,
            sum: sum.rows.map((row) => ref(row, column)),
            equals: equals.rows.map((row) => ref(row, column)),
            position: table.position,
          });
        }
      }
      continue;
    }

    const sumAt = indexesOf(identity.sum, view.columns);
    const equalsAt = indexesOf(identity.equals, view.columns);
    if (!sumAt || !equalsAt) continue;
    for (const row of view.rows) {
      if (addsUp(rowTotal(row, sumAt, blankAsZero), rowTotal(row, equalsAt, blankAsZero))) continue;
      expanded.push({
        kind: 'instance',
        identity,
        at: row.key,
        sum: identity.sum.map((column) => ref(row.key, column)),
        equals: identity.equals.map((column) => ref(row.key, column)),
        position: row.row.position,
      });
    }
  }
  return expanded;
}
