import { TABLES } from '../../grammar/index';
import type { Cell, RowInfo, TableKey } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Messages } from '../messages/index';
import type { Source } from '../source';
import type { Hints } from './hints';

/** Options that change how cells are read. */
export interface CellOptions {
  blankAsZero?: boolean;
}

/** Each table's name in messages, e.g. `表三（收到和处理申请）`. */
export const TABLE_NAMES = Object.fromEntries(TABLES.map((table) => [table.key, table.name])) as Record<TableKey, string>;

/** Everything a table reader needs besides the table's items. */
export interface TableContext {
  source: Source;
  options: CellOptions;
  diagnostics: Diagnostic[];
  /** The table's name in messages, e.g. `表三`. */
  name: string;
  /** The messages, in the language asked for. */
  say: Messages;
  /** Where assigned rows are listed with their cells, for the checks (see {@link RowCells}). */
  assigned?: RowCells[];
  /** Cell values the text before the tables states, to choose among a glued run's readings. */
  hints?: Hints;
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
