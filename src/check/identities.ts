import { APPLICATIONS, IDENTITIES } from '../../grammar/index';
import type { Position, Report, TableKey } from '../ast';
import type { CellRef } from '../diagnostics';
import { rowsOf } from './cells';

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

/**
 * Expands the identities of grammar/ over a report, in their order: one instance per column or
 * row they hold in, or, for a column identity that rows missing from the report leave
 * unassessable, what is missing. A table the report lacks has no instances; a row identity
 * applies to the rows that were read.
 */
export function expandIdentities(report: Report): (Instance | MissingRows)[] {
  const expanded: (Instance | MissingRows)[] = [];
  for (const identity of IDENTITIES) {
    const table = report.tables[identity.table];
    const rows = rowsOf(report, identity.table);
    if (!table || !rows) continue;
    const present = (row: string) => rows[row] !== undefined;
    const ref = (row: string, column: string): CellRef => ({ table: identity.table, row, column });

    if (identity.each === 'column') {
      for (const { sum, equals } of columnSides(identity, present)) {
        const absent = [...sum.missing, ...equals.missing];
        if (absent.length > 0) {
          expanded.push({ kind: 'missing', identity, table: identity.table, rows: absent, position: table.position });
          continue;
        }
        for (const column of table.columns) {
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

    const columns: readonly string[] = [...identity.sum, ...identity.equals];
    if (!columns.every((column) => table.columns.includes(column))) continue;
    for (const row of Object.values(rows)) {
      if (!row) continue;
      expanded.push({
        kind: 'instance',
        identity,
        at: row.key,
        sum: identity.sum.map((column) => ref(row.key, column)),
        equals: identity.equals.map((column) => ref(row.key, column)),
        position: row.position,
      });
    }
  }
  return expanded;
}
