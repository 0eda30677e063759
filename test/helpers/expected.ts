import type { ParseResult } from '../../src/ast';

/**
 * The hand-checked values of a real report (`NNN.expected.json` of test/fixtures/real, and of
 * the html and pdf fixtures that hold the same reports), as its README describes them.
 */
export interface Expected {
  year: number;
  table2?: { format?: string } & Record<string, unknown>;
  table3?: Record<string, (number | null)[]>;
  table4?: (number | null)[];
  arithmeticIssuesInSource?: string[];
  blankCellsInSource?: string | string[];
}

/** One expected cell with its place in the AST; `want: null` is a blank cell. */
export interface ExpectedCell {
  path: string;
  table: string;
  row: string;
  column: string;
  want: number | null;
}

// The expected files' keys to the AST's: table 二's made/repealed/valid, its one-value rows,
// table 三's seven columns, table 四's fifteen values in order.
const T2_THREE = { made: 'issued', repealed: 'repealed', valid: 'inForce' } as const;
const T2_ONE = { licensing: ['licensing', 'decisions'], punishment: ['punishment', 'decisions'], coercion: ['enforcement', 'decisions'], fees: ['fees', 'amount'] } as const;
const T3_COLS = ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const T4_ROWS = ['review', 'litigationDirect', 'litigationAfterReview'];
const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const PREFIX: Record<string, string> = { activeDisclosure: 't2', applications: 't3', reviewLitigation: 't4' };

/**
 * The expected cells of a file, with their AST table, row and column: its numbers, and with
 * `blanks` its blank cells too (`want: null`).
 */
export function expectedCells(want: Expected, { blanks = false } = {}): ExpectedCell[] {
  const cells: ExpectedCell[] = [];
  const add = (table: string, row: string, column: string, value: unknown) => {
    if (typeof value === 'number' || (blanks && value === null)) cells.push({ path: `${PREFIX[table]}.${row}.${column}`, table, row, column, want: value });
  };
  if (want.table2 && !want.table2.format) {
    for (const row of ['regulations', 'normativeDocuments']) {
      const values = (want.table2[row] ?? {}) as Record<string, unknown>;
      for (const [key, column] of Object.entries(T2_THREE)) add('activeDisclosure', row, column, values[key]);
    }
    for (const [key, [row, column]] of Object.entries(T2_ONE)) add('activeDisclosure', row, column, want.table2[key]);
  }
  for (const [row, values] of Object.entries(want.table3 ?? {})) {
    T3_COLS.forEach((column, i) => add('applications', row === 'other.total' ? 'other' : row, column, values[i]));
  }
  T4_ROWS.forEach((row, r) => T4_COLS.forEach((column, c) => add('reviewLitigation', row, column, want.table4?.[r * 5 + c])));
  return cells;
}

/** The value the reader reported for a cell, or undefined when it has none. */
export function valueOf({ report }: Pick<ParseResult, 'report'>, { table, row, column }: { table: string; row: string; column: string }): unknown {
  const tables = report.tables as Record<string, { rows?: Record<string, Record<string, unknown> | undefined> } | undefined>;
  const cell = tables[table]?.rows?.[row]?.[column];
  return cell && typeof cell === 'object' && 'value' in cell ? cell.value : cell;
}
