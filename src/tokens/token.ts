/**
 * What the lexer learned about a piece of text, kept so that no later stage reads the raw text
 * again. Offsets are into the normalised text (see normalize/); positions in the caller's input
 * come from them through the offset map.
 */

/**
 * - `word`: label or prose text, with a row ordinal glued to its start kept in it (`2.重复申请`).
 * - `number`: a number as written: digits, maybe thousands groups, decimals, a unit, a lost `?`.
 * - `notApplicable`: one of grammar/'s not-applicable marks standing as a cell of its own.
 * - `empty`: an empty cell that the layout shows: between two tabs or pipes, or an empty line
 *   where a cell-per-line table has a cell.
 * - `unreadable`: a cell-like piece that is neither (`14O867`, `1 064` is two numbers).
 * - `furniture`: page furniture (`-2-`, `— 5 —`, `第 3 页`).
 * - `rule`: a markdown table rule (`|---|---|`).
 */
export type TokenKind = 'word' | 'number' | 'notApplicable' | 'empty' | 'unreadable' | 'furniture' | 'rule';

/** How a token is set off as a cell: by a tab, by a pipe, or not at all. */
export type Field = false | 'tab' | 'pipe';

export interface Token {
  kind: TokenKind;
  /** The token's text (normalised). */
  text: string;
  /** Start and exclusive end in the normalised text. */
  start: number;
  end: number;
  /** 0-based index of the token's line. */
  line: number;
  /** Where the token starts in its line, in display columns (a CJK character is two). */
  x: number;
  /** Empty lines between the previous token's line and this one (0 on the same or the next line). */
  blankLines: number;
  /** True when this token starts a new line. */
  lineStart: boolean;
  /** The separator that starts it as a cell of its own (a tab or pipe field), false for none. */
  cell: Field;
  /** True when nothing at all separates it from the token before (glued text). */
  glued: boolean;
  /** For numbers: the value. */
  value?: number;
  /** For numbers: the digits when the number is a bare run of digits, which may hold several cells. */
  digits?: string;
  /** For numbers: a unit written with it (`元`, `万元`). */
  unit?: string;
  /**
   * For numbers: true when it stands apart by spaces among other numbers of its line: one cell,
   * never a glued run of several.
   */
  spaced?: boolean;
  /**
   * For numbers: a minus glued between digit runs signs it (`10-1`); `digits` then holds the run
   * after the sign, and a split of it makes only its first part negative.
   */
  negative?: boolean;
  /** For numbers: a character next to it was lost (`0?`). */
  recovered?: boolean;
  /**
   * For numbers: true when the run's last digit was taken as the ordinal of the label that follows
   * (`…00000002.其他法律…`: the run is `0000000`, the label `2.其他法律…`).
   */
  ordinalTaken?: boolean;
}

/** True for tokens that stand for a table cell: a number, a not-applicable mark, an empty or unreadable cell. */
export function isCellToken(token: Token): boolean {
  return token.kind === 'number' || token.kind === 'notApplicable' || token.kind === 'empty' || token.kind === 'unreadable';
}
