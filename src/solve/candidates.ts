import type { ItemCell } from '../tables/items';
import type { Token } from '../tokens/token';

/**
 * One way to read a row's cells. `token` cells come from a token whole (`read`) or from a part of
 * a digit run (`split`, `from`–`to` within the run's digits); `blank` cells are empty in the text
 * (an empty field, or an empty line of a cell-per-line table) or, with no token, a cell the text
 * lost (fewer digits than cells) whose place is not known.
 */
export type CandidateCell =
  | { kind: 'token'; token: Token; value: number | null }
  | { kind: 'split'; token: Token; from: number; to: number; value: number }
  | { kind: 'blank'; token?: Token };

export type Candidate = CandidateCell[];

/** Enumerating splits stops here: a run with more readings than this is reported, not read. */
export const MAX_CANDIDATES = 20000;

/**
 * Splits tried for one row at the most, accepted or not: the work is bounded whatever the text.
 * Real glued rows take a few dozen; a run of forty digits would take millions.
 */
const MAX_TRIED = 20000;

/** Cells the text may have lost in one row at the most: more would be a guess, not a reading. */
const MAX_LOST = 2;

/** Splits left to try in one row. */
interface Budget {
  left: number;
}

/** What the pieces of a row allow. */
export interface Candidates {
  candidates: Candidate[];
  /** True when enumeration stopped at {@link MAX_CANDIDATES}. */
  overflow: boolean;
  /** How many cells the row had beyond `count` when it has too many (no candidate then). */
  excess: number;
  /** True when the row has exactly `count` cells: its one candidate was not filtered. */
  asWritten?: boolean;
}

function tokenCell(cell: ItemCell): CandidateCell {
  const { token } = cell;
  if (token.kind === 'empty') return { kind: 'blank', token };
  return { kind: 'token', token, value: token.kind === 'number' ? (token.value as number) : null };
}

/**
 * The readings of a row's cells as `count` cells, with as few blank cells as the text allows
 * (fewest first: a level with no reading passing `accept` gives way to the next). A row with
 * exactly `count` cells has one reading, as written; `accept` is asked about it only when the
 * cells were put together from several pieces (`asWritten` false). A shorter row is filled from its empty
 * fields at either end, from the parts of its bare digit runs (`713000074` → 71|3|0|0|0|0|74;
 * no part but `0` itself starts with 0), and, where even all its digits are too few, with cells
 * the text lost, anywhere.
 */
export function rowCandidates(cells: readonly ItemCell[], count: number, asWritten: boolean, accept: (candidate: Candidate) => boolean): Candidates {
  const fixed = cells.filter((cell) => !cell.optional);
  if (fixed.length > count) {
    return { candidates: [], overflow: false, excess: fixed.length - count };
  }
  if (fixed.length === count && asWritten) {
    // The text gives every cell: that is the reading, whether or not it adds up (the checker
    // reports the arithmetic; identities only choose between readings, they never overrule text).
    return { candidates: [fixed.map(tokenCell)], overflow: false, excess: 0, asWritten: true };
  }
  if (fixed.length === count) {
    const only = fixed.map(tokenCell);
    return { candidates: accept(only) ? [only] : [], overflow: false, excess: 0 };
  }
  const leading: ItemCell[] = [];
  const trailing: ItemCell[] = [];
  let i = 0;
  while (i < cells.length && (cells[i] as ItemCell).optional) leading.push(cells[i++] as ItemCell);
  let j = cells.length - 1;
  while (j >= i && (cells[j] as ItemCell).optional) trailing.unshift(cells[j--] as ItemCell);
  const middle = cells.slice(i, j + 1).filter((cell) => !cell.optional);
  const splittable = middle.reduce((sum, cell) => sum + (splitRoom(cell) - 1), 0);
  const missing = count - middle.length;
  const found: Candidate[] = [];
  let overflow = false;
  const budget = { left: MAX_TRIED };
  const keep = (candidate: Candidate): boolean => {
    if (accept(candidate)) found.push(candidate);
    overflow = found.length >= MAX_CANDIDATES || budget.left <= 0;
    return !overflow;
  };
  for (let blanks = 0; blanks <= missing && found.length === 0 && !overflow; blanks++) {
    const splits = missing - blanks;
    if (splits > splittable) continue;
    // Blank cells come from the empty fields at the ends of the row.
    for (let lead = 0; lead <= Math.min(blanks, leading.length); lead++) {
      const trail = blanks - lead;
      if (trail > trailing.length) continue;
      const head = leading.slice(leading.length - lead).map(tokenCell);
      const tail = trailing.slice(0, trail).map(tokenCell);
      splitAll(middle, 0, splits, [], budget, (parts) => keep([...head, ...parts, ...tail]));
    }
  }
  const lost = missing - splittable;
  if (found.length === 0 && !overflow && lost > 0 && lost <= MAX_LOST) {
    // Too few digits even one to a cell: `lost` cells are missing from the text, anywhere.
    splitAll(middle, 0, splittable, [], budget, (parts) => insertLost(parts, lost, 0, keep));
  }
  // A walk the budget cut short may have missed readings: too many to tell, never "none".
  if (budget.left < 0) overflow = true;
  return { candidates: found, overflow, excess: 0 };
}

/**
 * How many cells a token can become: a bare digit run one per digit, anything else one. A tab or
 * pipe field, a number set apart by spaces among others, or a line of a cell-per-line table is
 * one cell whatever its digits
 * (`10` there is ten, never 1|0): only text without separators glues cells together.
 */
function splitRoom(cell: ItemCell): number {
  const { token } = cell;
  return token.kind === 'number' && token.digits !== undefined && !token.cell && !token.spaced && !cell.whole ? token.digits.length : 1;
}

/**
 * Calls `emit` with every way of splitting `cells[index…]` into cells with `extra` more cells
 * than tokens. Stops when `emit` returns false.
 */
function splitAll(cells: readonly ItemCell[], index: number, extra: number, done: CandidateCell[], budget: Budget, emit: (parts: CandidateCell[]) => boolean): boolean {
  if (index === cells.length) return extra === 0 ? emit(done) : true;
  const cell = cells[index] as ItemCell;
  const room = splitRoom(cell) - 1;
  if (room === 0 || extra === 0) {
    // Room left must fit in the cells after this one.
    return splitAll(cells, index + 1, extra, [...done, tokenCell(cell)], budget, emit);
  }
  const digits = cell.token.digits as string;
  for (let more = 0; more <= Math.min(room, extra); more++) {
    const ok = partitions(digits, more + 1, budget, (bounds) => {
      const parts: CandidateCell[] = [];
      for (let p = 0; p + 1 < bounds.length; p++) {
        const from = bounds[p] as number;
        const to = bounds[p + 1] as number;
        parts.push(more === 0 ? tokenCell(cell) : { kind: 'split', token: cell.token, from, to, value: (from === 0 && cell.token.negative ? -1 : 1) * Number(digits.slice(from, to)) });
      }
      return splitAll(cells, index + 1, extra - more, [...done, ...parts], budget, emit);
    });
    if (!ok) return false;
  }
  return true;
}

/**
 * Calls `emit` with the bounds of every split of `digits` into `parts` numbers, none with a
 * leading zero (but `0`). Stops when `emit` returns false.
 */
function partitions(digits: string, parts: number, budget: Budget, emit: (bounds: number[]) => boolean): boolean {
  const bounds = [0];
  const walk = (from: number, left: number): boolean => {
    if (left === 1) {
      // Every split reached counts, kept or not: the budget bounds the walk, not only the readings.
      if (--budget.left < 0) return false;
      if (digits.length - from > 1 && digits[from] === '0') return true;
      bounds.push(digits.length);
      const go = emit(bounds);
      bounds.pop();
      return go;
    }
    const longest = digits[from] === '0' ? 1 : digits.length - from - (left - 1);
    for (let length = 1; length <= longest; length++) {
      bounds.push(from + length);
      const go = walk(from + length, left - 1);
      bounds.pop();
      if (!go) return false;
    }
    return true;
  };
  return walk(0, parts);
}

/** Calls `emit` with every way of inserting `lost` blank cells into `cells`, at or after `from`. */
function insertLost(cells: readonly CandidateCell[], lost: number, from: number, emit: (candidate: Candidate) => boolean): boolean {
  if (lost === 0) return emit([...cells]);
  for (let at = from; at <= cells.length; at++) {
    const next = [...cells.slice(0, at), { kind: 'blank' } as CandidateCell, ...cells.slice(at)];
    // Each arrangement once: the next lost cell goes after this one.
    if (!insertLost(next, lost - 1, at + 1, emit)) return false;
  }
  return true;
}

/** The value each cell of a candidate holds: a number, or undefined for blank and unreadable cells. */
export function valuesOf(candidate: Candidate): (number | undefined)[] {
  return candidate.map((cell) => (cell.kind === 'blank' ? undefined : cell.value ?? undefined));
}
