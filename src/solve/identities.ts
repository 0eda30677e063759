import { APPLICATIONS, IDENTITIES } from '../../grammar/index';
import type { TableKey } from '../ast';

/**
 * The identities of grammar/ as constraints on values still being assigned: `undefined` is a
 * value not known (a blank or unreadable cell). An identity with every value known must hold; one
 * with exactly one unknown determines it, and holds only if that value can be a count (whole, not
 * negative); one with more unknowns says nothing.
 */

const EPSILON = 1e-9;

/** Row identities of a table, as column indexes into a row's cells. */
export interface RowIdentity {
  sum: number[];
  equals: number[];
}

/** The row identities that apply to a table with these columns (`legalSubtotal` only where it is). */
export function rowIdentities(table: TableKey, columns: readonly string[]): RowIdentity[] {
  const found: RowIdentity[] = [];
  for (const identity of IDENTITIES) {
    if (identity.table !== table || identity.each !== 'row') continue;
    const sum = (identity.sum as readonly string[]).map((column) => columns.indexOf(column));
    const equals = (identity.equals as readonly string[]).map((column) => columns.indexOf(column));
    if ([...sum, ...equals].some((index) => index === -1)) continue;
    found.push({ sum, equals });
  }
  return found;
}

/**
 * Checks one identity over `values`, filling the one unknown it determines. Returns false when it
 * fails; `fill` receives the index and value of a determined unknown.
 */
function holds(values: (number | undefined)[], sum: readonly number[], equals: readonly number[], fill?: (index: number, value: number) => void): boolean {
  let unknown = -1;
  let unknownSide = 0;
  let difference = 0;
  for (const [side, indexes] of [[1, sum], [-1, equals]] as const) {
    for (const index of indexes) {
      const value = values[index];
      if (value === undefined) {
        if (unknown !== -1) return true;
        unknown = index;
        unknownSide = side;
      } else difference += side * value;
    }
  }
  if (unknown === -1) return Math.abs(difference) < EPSILON;
  // unknownSide * x + difference = 0
  const value = -difference / unknownSide;
  if (value < -EPSILON || Math.abs(value - Math.round(value)) > EPSILON) return false;
  fill?.(unknown, Math.round(value) || 0); // never -0
  return true;
}

/**
 * Whether a row's values can satisfy its identities. `lost` marks the unknowns that may be
 * determined (cells the text lost); their determined values are written into `values`.
 */
export function rowHolds(values: (number | undefined)[], identities: readonly RowIdentity[], lost?: readonly boolean[]): boolean {
  for (let pass = 0; pass < identities.length; pass++) {
    let changed = false;
    for (const identity of identities) {
      const ok = holds(values, identity.sum, identity.equals, (index, value) => {
        if (lost?.[index]) {
          values[index] = value;
          changed = true;
        }
      });
      if (!ok) return false;
    }
    if (!changed) break;
  }
  return true;
}

const GROUP_ITEMS: ReadonlyMap<string, readonly string[]> = new Map(
  APPLICATIONS.groups.map((group) => [group.key, APPLICATIONS.rows.filter((row) => 'group' in row && row.group === group.key).map((row) => row.key)]),
);

/** The rows a row list of a column identity stands for, given the rows read. */
function resolve(keys: readonly string[], has: (row: string) => boolean): string[] | undefined {
  const rows: string[] = [];
  for (const key of keys) {
    const items = GROUP_ITEMS.get(key);
    if (items && items.some(has)) rows.push(...items);
    else rows.push(key);
  }
  return rows.every(has) ? rows : undefined;
}

/**
 * Whether table 三's column identities hold in every column where all their values are known.
 * `rows` maps row keys to their values by column.
 */
export function columnsHold(table: TableKey, rows: ReadonlyMap<string, readonly (number | undefined)[]>, width: number): boolean {
  const has = (row: string) => rows.has(row);
  for (const identity of IDENTITIES) {
    if (identity.table !== table || identity.each !== 'column') continue;
    const pairs: [string[], string[]][] = [];
    if (identity.sum === 'groupItems') {
      for (const [group, items] of GROUP_ITEMS) {
        if (has(group) && items.every(has)) pairs.push([[...items], [group]]);
      }
    } else {
      const sum = resolve(identity.sum, has);
      const equals = resolve(identity.equals, has);
      if (sum && equals) pairs.push([sum, equals]);
    }
    for (const [sum, equals] of pairs) {
      for (let column = 0; column < width; column++) {
        let difference = 0;
        let known = true;
        for (const [side, keys] of [[1, sum], [-1, equals]] as const) {
          for (const key of keys) {
            const value = (rows.get(key) as readonly (number | undefined)[])[column];
            if (value === undefined) known = false;
            else difference += side * value;
          }
        }
        if (known && Math.abs(difference) > EPSILON) return false;
      }
    }
  }
  return true;
}
