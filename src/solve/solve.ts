import type { TableKey } from '../ast';
import { rowCandidates, valuesOf, type Candidate, MAX_CANDIDATES } from './candidates';
import { columnsHold, rowHolds, type RowIdentity } from './identities';
import type { ItemCell } from '../tables/items';

/**
 * Value assignment as a constraint problem. The grammar fixes how many cells each row has; the
 * identities of grammar/ (row totals here, column sums across rows below) filter the readings of
 * each row. A row is assigned when its readings agree on every value; when they do not, it is not
 * assigned and its readings are the candidates a diagnostic lists. Nothing is picked.
 */

/** A row to solve: its key, its cells as read, how many cells it must have. */
export interface RowProblem {
  key: string;
  cells: readonly ItemCell[];
  /** Cells per table row; a problem spanning several rows (`rows` > 1) has `width × rows` cells. */
  width: number;
  rows: number;
  identities: readonly RowIdentity[];
  /** True when the cells are one piece of text: read as written when their count is exact. */
  given: boolean;
}

/** A row's readings, each with its values completed where an identity determines a lost cell. */
export interface Reading {
  candidate: Candidate;
  values: (number | undefined)[];
}

export type RowSolution =
  | {
      status: 'solved';
      reading: Reading;
      /** True when several readings agreed on the values, which then come from the identities. */
      agreed: boolean;
      /** The readings that agreed (where they take each cell from may differ). */
      readings: Reading[];
    }
  | { status: 'ambiguous'; readings: Reading[]; overflow: boolean }
  | { status: 'none'; excess: number };

/** The readings of one row problem that its row identities allow. */
export function readRow(problem: RowProblem): Reading[] | { excess: number; overflow: boolean } {
  const { width, rows, identities } = problem;
  const readings: Reading[] = [];
  const result = rowCandidates(problem.cells, width * rows, problem.given, (candidate) => {
    const values = valuesOf(candidate);
    const lost = candidate.map((cell) => cell.kind === 'blank' && cell.token === undefined);
    for (let r = 0; r < rows; r++) {
      const slice = values.slice(r * width, (r + 1) * width);
      if (!rowHolds(slice, identities, lost.slice(r * width, (r + 1) * width))) return false;
      for (let c = 0; c < width; c++) values[r * width + c] = slice[c];
    }
    readings.push({ candidate, values });
    return true;
  });
  if (result.asWritten) return result.candidates.map((candidate) => ({ candidate, values: valuesOf(candidate) }));
  if (result.candidates.length === 0 || result.overflow) return { excess: result.excess, overflow: result.overflow };
  return readings;
}

function sameValues(a: readonly (number | undefined)[], b: readonly (number | undefined)[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Readings with distinct values (readings that differ only in where a cell came from are one). */
export function distinctReadings(readings: readonly Reading[]): Reading[] {
  const distinct: Reading[] = [];
  for (const reading of readings) if (!distinct.some((other) => sameValues(other.values, reading.values))) distinct.push(reading);
  return distinct;
}

/** Combinations of ambiguous rows tried against the column identities, at most. */
const MAX_COMBINATIONS = 100000;

/**
 * Solves the rows of one table. Rows whose readings all agree are solved at once; the others are
 * tried together against the table's column identities, with the solved rows' values, and are
 * solved where exactly one combination of their readings satisfies them.
 */
export function solveTable(table: TableKey, problems: readonly RowProblem[]): RowSolution[] {
  const solutions: RowSolution[] = [];
  const open: number[] = [];
  const options: Reading[][] = [];
  problems.forEach((problem, index) => {
    const read = readRow(problem);
    if (!Array.isArray(read)) {
      solutions[index] = read.overflow ? { status: 'ambiguous', readings: [], overflow: true } : { status: 'none', excess: read.excess };
      return;
    }
    const distinct = distinctReadings(read);
    if (distinct.length === 1) solutions[index] = { status: 'solved', reading: distinct[0] as Reading, agreed: read.length > 1, readings: read };
    else {
      solutions[index] = { status: 'ambiguous', readings: distinct, overflow: false };
      open.push(index);
      options.push(distinct);
    }
  });
  if (open.length === 0 || table !== 'applications') return solutions;
  let combinations = 1;
  for (const choices of options) combinations *= choices.length;
  if (combinations > MAX_COMBINATIONS || combinations > MAX_CANDIDATES * 5) return solutions;

  const values = new Map<string, (number | undefined)[]>();
  problems.forEach((problem, index) => {
    const solution = solutions[index] as RowSolution;
    if (solution.status === 'solved') values.set(problem.key, solution.reading.values);
  });
  const width = (problems[0] as RowProblem).width;
  const surviving: number[][] = [];
  const choice: number[] = new Array(open.length).fill(0);
  for (let n = 0; n < combinations; n++) {
    let rest = n;
    for (let i = 0; i < open.length; i++) {
      const count = (options[i] as Reading[]).length;
      choice[i] = rest % count;
      rest = Math.floor(rest / count);
      values.set((problems[open[i] as number] as RowProblem).key, ((options[i] as Reading[])[choice[i] as number] as Reading).values);
    }
    if (columnsHold(table, values, width)) surviving.push([...choice]);
  }
  open.forEach((index, i) => {
    const kept = new Set(surviving.map((combination) => combination[i] as number));
    const readings = (options[i] as Reading[]).filter((_, k) => kept.has(k));
    if (readings.length === 1) solutions[index] = { status: 'solved', reading: readings[0] as Reading, agreed: false, readings };
    else if (readings.length > 1) solutions[index] = { status: 'ambiguous', readings, overflow: false };
  });
  return solutions;
}
