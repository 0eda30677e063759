import { NOT_APPLICABLE, UNITS } from '../../grammar/index';
import { expectString } from '../arguments';
import type { Field, Token, TokenKind } from './token';

/**
 * Turns normalised text into tokens, once, for every layout a report arrives in: tab and pipe
 * rows (each field a cell, an empty field an `empty` token), space-aligned PDF text, one cell per
 * line, and text whose cells were glued together by a crawler (`规章000行政规范性文件8855698`).
 *
 * The lexer only says what each piece is and where it sits; which cells a digit run holds, which
 * row a label names and what an empty line means are decided by the table reader, which knows the
 * format. Two things are settled here because only the characters show them: a row ordinal glued
 * behind a digit run (`…00000002.其他法律…`) goes to the label it numbers, and a line that is page
 * furniture (`-2-`, `— 5 —`, `第 3 页`) is one `furniture` token.
 *
 * @throws {TypeError} When `text` is not a string.
 */
export function lex(text: string): Token[] {
  expectString('lex', 'text', text);
  const tokens: Token[] = [];
  const state: LineState = { tokens, previousLine: -1, blankLines: 0, lineTokens: 0 };
  let start = 0;
  let line = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lexLine(text, start, end, line, state);
    if (newline === -1) return tokens;
    start = newline + 1;
    line++;
  }
}

interface LineState {
  tokens: Token[];
  previousLine: number;
  /** Empty lines seen since the last token. */
  blankLines: number;
  /** Tokens of the line being lexed. */
  lineTokens: number;
  /** Where the line stopped being lexed, when it reached {@link MAX_LINE_TOKENS}. */
  cutAt?: number;
}

/**
 * Tokens of one line at the most. The widest table row a crawler makes (a whole page flattened)
 * has a few hundred; a line of a million pipes would cost a million tokens. The rest of a longer
 * line is one `unreadable` token, so nothing is dropped without a trace.
 */
export const MAX_LINE_TOKENS = 10_000;

const NOT_APPLICABLE_MARKS: ReadonlySet<string> = new Set(NOT_APPLICABLE);
// A run longer than every mark is none: prose runs are long, and hashing one to look it up costs its length.
const LONGEST_MARK = Math.max(...NOT_APPLICABLE.map((mark) => mark.length));
const isMark = (run: string) => run.length <= LONGEST_MARK && NOT_APPLICABLE_MARKS.has(run);
// Page numbers as PDF text shows them, alone on their line.
const FURNITURE = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
// A markdown table rule: pipes, dashes, colons, spaces, at least one dash.
const RULE = /^[|:\-\s]*-[|:\-\s]*$/;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 12 || code === 11 || code === 13;
}

function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

function digitValue(code: number): number {
  return code >= 0xff10 ? code - 0xff10 : code - 48;
}

/** Display width of a character: CJK and full-width forms take two columns. */
function width(code: number): number {
  return code >= 0x2e80 ? 2 : 1;
}

function lexLine(text: string, start: number, end: number, line: number, state: LineState): void {
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first)) && text.charCodeAt(first) !== 9) first++;
  let last = end;
  while (last > first && isSpace(text.charCodeAt(last - 1)) && text.charCodeAt(last - 1) !== 9) last--;
  const trimmed = text.slice(first, last);
  if (trimmed.trim() === '') {
    // A line of nothing but a tab is an empty cell of a tab-indented cell-per-line table.
    if (trimmed.includes('\t')) push(state, 'empty', '', first, first, line, 0, 'tab');
    else state.blankLines++;
    return;
  }
  const at = columns(text, start);
  state.lineTokens = 0;
  state.cutAt = undefined;
  const lineFirst = state.tokens.length;
  lexContent(text, first, last, trimmed, line, state, at);
  markSpaced(state.tokens, lineFirst);
  if (state.cutAt !== undefined) {
    let cut = state.cutAt;
    state.cutAt = undefined;
    while (cut < last && isSpace(text.charCodeAt(cut))) cut++;
    if (cut < last) push(state, 'unreadable', text.slice(cut, last), cut, last, line, at(cut), false);
  }
}

function lexContent(text: string, first: number, last: number, trimmed: string, line: number, state: LineState, at: (offset: number) => number): void {
  if (FURNITURE.test(trimmed)) {
    push(state, 'furniture', trimmed, first, last, line, at(first), false);
    return;
  }
  if (trimmed.includes('|')) {
    if (RULE.test(trimmed)) {
      push(state, 'rule', trimmed, first, last, line, at(first), false);
      return;
    }
    lexFields(text, first, last, '|', line, state, at, true);
    return;
  }
  if (trimmed.includes('\t')) {
    // Tabs only in front are indentation (one cell per line, tab-indented), not an empty field.
    let content = first;
    while (content < last && isSpace(text.charCodeAt(content))) content++;
    if (text.indexOf('\t', content) === -1 || text.indexOf('\t', content) >= last) lexRuns(text, content, last, line, state, at, 'tab');
    else lexFields(text, first, last, '\t', line, state, at, false);
    return;
  }
  lexRuns(text, first, last, line, state, at, false);
}

/**
 * Marks the numbers of a line that stand apart, by spaces, next to another number standing apart
 * (`10 2 0 0 0`): each is one cell as written. Only a digit run glued to its neighbours
 * (`规章000行政…`) or between words (`继续办理 0000000 四、…`, a run alone on its line) may hold
 * several cells.
 */
function markSpaced(tokens: Token[], from: number): void {
  const apart = (i: number) => {
    const token = tokens[i];
    return token !== undefined && i >= from && token.kind === 'number' && !token.glued && !tokens[i + 1]?.glued;
  };
  for (let i = from; i < tokens.length; i++) {
    if (apart(i) && (apart(i - 1) || apart(i + 1))) (tokens[i] as Token).spaced = true;
  }
}

/**
 * Display columns of offsets in the line starting at `lineStart`. Tokens are asked for in order,
 * so the count resumes from the last offset asked: a line costs its length once, not once per
 * token (a row of 500,000 values would otherwise be quadratic).
 */
function columns(text: string, lineStart: number): (offset: number) => number {
  let offset = lineStart;
  let x = 0;
  return (target: number) => {
    if (target < offset) {
      offset = lineStart;
      x = 0;
    }
    for (; offset < target; offset++) x += width(text.charCodeAt(offset));
    return x;
  };
}

/**
 * A tab or pipe row: every field is a cell. Outer pipes open and close the row, so the empty
 * text before the first and after the last pipe is no cell; between tabs every field counts.
 */
function lexFields(text: string, first: number, last: number, separator: string, line: number, state: LineState, at: (offset: number) => number, outer: boolean): void {
  let fieldStart = first;
  let index = 0;
  for (;;) {
    if (state.cutAt !== undefined) return;
    let fieldEnd = text.indexOf(separator, fieldStart);
    if (fieldEnd === -1 || fieldEnd > last) fieldEnd = last;
    const isLast = fieldEnd === last;
    const skipOuter = outer && ((index === 0 && fieldEnd === fieldStart) || (isLast && fieldEnd === fieldStart));
    if (!skipOuter) {
      let a = fieldStart;
      let b = fieldEnd;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      const field = separator === '|' ? 'pipe' : 'tab';
      // An empty field sits where the field begins, spaces or not.
      if (a === b) push(state, 'empty', '', fieldStart, fieldStart, line, at(fieldStart), field);
      else lexRuns(text, a, b, line, state, at, field);
    }
    if (isLast) return;
    fieldStart = fieldEnd + 1;
    index++;
  }
}

/** Space-separated runs of a line or a field; each run is lexed into glued pieces. */
function lexRuns(text: string, first: number, last: number, line: number, state: LineState, at: (offset: number) => number, cell: Field): void {
  let i = first;
  let firstRun = true;
  while (i < last && state.cutAt === undefined) {
    while (i < last && isSpace(text.charCodeAt(i))) i++;
    if (i >= last) return;
    let j = i;
    while (j < last && !isSpace(text.charCodeAt(j))) j++;
    let next = j;
    while (next < last && isSpace(text.charCodeAt(next))) next++;
    const labelFollows = next < last && text.charCodeAt(next) >= 0x2e80;
    if (labelFollows && (isOrdinalRun(text, i, j) || isWordMark(text, i, j))) {
      // `1. 属于国家秘密`: a row ordinal spaced from its label numbers it; `无 法提供`: a mark
      // written in characters, followed by more of them, is a word cut by a stray space.
      push(state, 'word', text.slice(i, j), i, j, line, at(i), firstRun ? cell : false);
    } else lexRun(text, i, j, line, state, at, firstRun ? cell : false);
    firstRun = false;
    i = j;
  }
}

/** A run that is a not-applicable mark written in characters (`无`, `不适用`), not in dashes. */
function isWordMark(text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  return isMark(run) && run.charCodeAt(0) >= 0x2e80 && !/^[—–－]+$/.test(run);
}

/** A run that is only a row ordinal: `1.`, `2、`, `3．`. */
function isOrdinalRun(text: string, start: number, end: number): boolean {
  if (end - start < 2 || end - start > 3) return false;
  const mark = text.charCodeAt(end - 1);
  if (mark !== 46 && mark !== 0xff0e && mark !== 0x3001) return false;
  for (let i = start; i < end - 1; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

const ASCII_LETTER = /[A-Za-z]/;
// Only digits and number punctuation, with a digit, yet not a number (readNumber failed on it).
const NOT_A_NUMBER = /^(?=.*[0-9０-９])[0-9０-９.,，．]+$/;
const NUMBER_PUNCTUATION: ReadonlySet<number> = new Set([...'.,，．'].map((mark) => mark.charCodeAt(0)));
// 年 月 日: digits before them are a date.
const DATE_UNITS: ReadonlySet<number> = new Set([0x5e74, 0x6708, 0x65e5]);
const FULL_STOP = 0x3002;

/** One run without spaces: a cell of its own, or glued pieces of labels and digit runs. */
function lexRun(text: string, start: number, end: number, line: number, state: LineState, at: (offset: number) => number, cell: Field): void {
  const run = text.slice(start, end);
  if (isMark(run)) {
    push(state, 'notApplicable', run, start, end, line, at(start), cell);
    return;
  }
  const whole = readNumber(text, start, end, true);
  if (whole && whole.end === end) {
    pushNumber(text, state, whole, start, line, at(start), cell, false);
    return;
  }
  // Digits mixed with Latin letters (`14O867`), or with separators no number has (`.54`, a
  // number whose first digits were lost; `1.2.3`): a number misread, not a label.
  const opening = run.charCodeAt(0);
  if ((isDigit(opening) && ASCII_LETTER.test(run) && !/[\u3400-\u9fff]/.test(run)) || ((isDigit(opening) || NUMBER_PUNCTUATION.has(opening)) && NOT_A_NUMBER.test(run))) {
    push(state, 'unreadable', run, start, end, line, at(start), cell);
    return;
  }
  let i = start;
  let piece = 0;
  let afterNumber = false;
  while (i < end && state.cutAt === undefined) {
    const glued = piece > 0;
    const isCell = piece === 0 ? cell : false;
    const code = text.charCodeAt(i);
    if (afterNumber && (code === 45 || code === 0xff0d) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
      // A minus between glued numbers signs the next one (`行政事业性收费10-1`: 10 and -1, the
      // 2019 format's 本年增/减). Its digits may still hold several cells (`41-11`: 41|-1|1 or
      // 4|1|-11), the first of them negative.
      const number = readNumber(text, i + 1, end, false) as NumberRead;
      pushNumber(text, state, { ...number, value: -number.value }, i, line, at(i), isCell, glued);
      (state.tokens[state.tokens.length - 1] as Token).negative = true;
      i = number.end;
      piece++;
      continue;
    }
    afterNumber = isDigit(code);
    if (isDigit(code)) {
      const number = readNumber(text, i, end, false) as NumberRead;
      const ordinal = ordinalAfter(text, number, end);
      if (DATE_UNITS.has(text.charCodeAt(number.end))) {
        // `2022年，…`, `1月1日`: a date in prose, never a cell.
        i = lexWord(text, i, end, line, state, at, isCell, glued, false, true);
      } else if (ordinal === 'all') {
        // `1.属于国家秘密`, `2、重复申请`: the digits number the label.
        i = lexWord(text, i, end, line, state, at, isCell, glued, true);
      } else {
        if (ordinal === 'last') {
          // `…00000002.其他`: the last digit numbers the next label, the rest is the value run.
          number.end--;
          number.digits = (number.digits as string).slice(0, -1);
          number.value = Number(number.digits);
        }
        pushNumber(text, state, number, i, line, at(i), isCell, glued, ordinal === 'last');
        i = number.end;
        if (ordinal === 'last') i = lexWord(text, i, end, line, state, at, false, true, true);
      }
    } else {
      i = lexWord(text, i, end, line, state, at, isCell, glued, false);
    }
    piece++;
  }
}

/** The digits from `start` to `end` as ASCII (full-width digits folded). */
function asciiDigits(text: string, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 57) ascii = false;
  if (ascii) return text.slice(start, end);
  let digits = '';
  for (let i = start; i < end; i++) digits += String(digitValue(text.charCodeAt(i)));
  return digits;
}

interface NumberRead {
  end: number;
  value: number;
  /** ASCII digits when the number is a bare run of digits (no separators, decimals, unit, sign). */
  digits?: string;
  unit?: string;
  recovered?: boolean;
}

const UNITS_GLUED: readonly string[] = UNITS.money;
const UNITS_WHOLE: readonly string[] = [...UNITS.money, ...UNITS.count];
const UNIT_OPENERS: ReadonlySet<number> = new Set(UNITS_WHOLE.map((unit) => unit.charCodeAt(0)));

/**
 * Reads a number at `start`: digits, thousands groups (`1,234`, `1，234`), decimals, a unit, a
 * `?` where a character was lost. With `whole`, a sign and the units that only a cell of its own
 * carries are allowed too. Undefined when no number starts there.
 */
function readNumber(text: string, start: number, end: number, whole: boolean): NumberRead | undefined {
  let i = start;
  let sign = 1;
  let recovered = false;
  if (whole) {
    const code = text.charCodeAt(i);
    if ((code === 45 || code === 43 || code === 0xff0d) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
      sign = code === 43 ? 1 : -1;
      i++;
    } else if ((code === 63 || code === 0xff1f) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
      recovered = true;
      i++;
    }
  }
  if (i >= end || !isDigit(text.charCodeAt(i))) return undefined;
  const digitsStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  let digits = asciiDigits(text, digitsStart, i);
  let bare = sign === 1 && !recovered;
  // Thousands groups: after at most three digits, a comma and exactly three digits, repeatedly.
  if (digits.length <= 3) {
    let grouped = digits;
    let j = i;
    for (;;) {
      const comma = text.charCodeAt(j);
      if ((comma !== 44 && comma !== 0xff0c) || j + 4 > end) break;
      let group = '';
      for (let k = j + 1; k < j + 4 && isDigit(text.charCodeAt(k)); k++) group += String(digitValue(text.charCodeAt(k)));
      if (group.length !== 3 || (j + 4 < end && isDigit(text.charCodeAt(j + 4)))) break;
      grouped += group;
      j += 4;
    }
    if (grouped !== digits) {
      digits = grouped;
      i = j;
      bare = false;
    }
  }
  let value = Number(digits);
  const dot = text.charCodeAt(i);
  if ((dot === 46 || dot === 0xff0e) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
    let decimals = '';
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) decimals += String(digitValue(text.charCodeAt(i++)));
    value = Number(`${digits}.${decimals}`);
    bare = false;
  }
  const read: NumberRead = { end: i, value: sign * value };
  if (i < end && (text.charCodeAt(i) === 63 || text.charCodeAt(i) === 0xff1f) && whole) {
    while (i < end && (text.charCodeAt(i) === 63 || text.charCodeAt(i) === 0xff1f)) i++;
    read.end = i;
    recovered = true;
  }
  if (recovered) {
    read.recovered = true;
    bare = false;
  }
  // Most numbers have no unit: the units' first characters rule them out without a comparison.
  for (const unit of UNIT_OPENERS.has(text.charCodeAt(read.end)) ? (whole ? UNITS_WHOLE : UNITS_GLUED) : []) {
    if (text.startsWith(unit, read.end) && (!whole || read.end + unit.length === end)) {
      if (!whole && !UNITS_GLUED.includes(unit)) continue;
      read.unit = unit;
      read.end += unit.length;
      bare = false;
      break;
    }
  }
  if (bare) read.digits = digits;
  if (digitsStart === read.end) return undefined;
  return read;
}

/**
 * Whether a digit run is a row ordinal: followed by `.`, `．` or `、` and then a label character.
 * `all`: the whole run numbers the label (a run of one digit); `last`: its last digit does, and the
 * rest is a value run glued in front (`00000002.其他`).
 */
function ordinalAfter(text: string, number: NumberRead, end: number): 'all' | 'last' | undefined {
  if (number.digits === undefined) return undefined;
  const mark = text.charCodeAt(number.end);
  if (mark !== 46 && mark !== 0xff0e && mark !== 0x3001) return undefined;
  if (number.end + 1 >= end) return undefined;
  const next = text.charCodeAt(number.end + 1);
  if (isDigit(next) || isSpace(next) || next < 0x2e80) return undefined;
  return number.digits.length === 1 ? 'all' : 'last';
}

/**
 * A word from `start` up to the next digit run that is not an ordinal inside the word. With
 * `numbered`, the word starts with its own ordinal (`2.`), which is kept in it; with `dated`, with
 * the digits of a date (`2022年`).
 */
function lexWord(text: string, start: number, end: number, line: number, state: LineState, at: (offset: number) => number, cell: Field, glued: boolean, numbered: boolean, dated = false): number {
  let i = start;
  if (dated) {
    while (i < end && isDigit(text.charCodeAt(i))) i++;
  } else if (numbered) {
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    i++; // the ordinal mark
  }
  // A sentence ends a word: in text without spaces, a table's first label follows prose directly.
  while (i < end && !isDigit(text.charCodeAt(i)) && text.charCodeAt(i) !== FULL_STOP) i++;
  if (i < end && text.charCodeAt(i) === FULL_STOP) i++;
  push(state, 'word', text.slice(start, i), start, i, line, at(start), cell, glued);
  return i;
}

function pushNumber(text: string, state: LineState, number: NumberRead, start: number, line: number, x: number, cell: Field, glued: boolean, ordinalTaken = false): void {
  const token = push(state, 'number', text.slice(start, number.end), start, number.end, line, x, cell, glued);
  token.value = number.value;
  if (number.digits !== undefined) token.digits = number.digits;
  if (number.unit) token.unit = number.unit;
  if (number.recovered) token.recovered = true;
  if (ordinalTaken) token.ordinalTaken = true;
}

function push(state: LineState, kind: TokenKind, text: string, start: number, end: number, line: number, x: number, cell: Field, glued = false): Token {
  const token: Token = {
    kind,
    text,
    start,
    end,
    line,
    x,
    blankLines: state.previousLine === line ? 0 : state.blankLines,
    lineStart: state.previousLine !== line,
    cell,
    glued,
  };
  state.tokens.push(token);
  state.previousLine = line;
  state.blankLines = 0;
  if (++state.lineTokens === MAX_LINE_TOKENS && state.cutAt === undefined) state.cutAt = end;
  return token;
}
