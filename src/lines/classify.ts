import { expectLines, expectString } from '../arguments';
import { holdsValue, readCell } from '../tables/cell';
import { readHeading, stripMarkdown } from '../structure/headings';
import type { Line } from './split';

/**
 * One character per line, so the document's structure can be parsed as a short string:
 * - `H` part heading, `A` article title of table 二 (第二十条第（一）项)
 * - `R` row with tab or pipe separated cells, `S` label followed by space separated values
 * - `N` a single value (one cell per line), `E` an empty cell (whitespace with a tab)
 * - `L` a short line without sentence punctuation (label, header, title)
 * - `T` prose, `B` blank, `-` a markdown separator or rule
 */
export type LineKind = 'H' | 'A' | 'R' | 'S' | 'N' | 'E' | 'L' | 'T' | 'B' | '-';

const MAX_LABEL_LENGTH = 60;
const ARTICLE = /^第二十条第[(（]\s*[一二三四五六七八九十]\s*[)）]项/;
const SEPARATOR_ROW = /^[\s|:\-—=*]+$/;
// One token of a space separated row: a number (maybe with a lost character) or not-applicable.
const VALUE_TOKEN = /^(?:[\d０-９][\d０-９,，.．]*[?？]?|[?？][\d０-９]+|[/—-])$/;

// Values are short: longer lines are never read as one.
const MAX_VALUE_LENGTH = 24;
const MAX_HEADING_LINE = 48;

// First and last characters that the expressions above can match at all, tested before them: most
// lines are labels and prose, which these settle without running an expression.
const SEPARATOR_START = new Set([...':-—=*'].map((c) => c.charCodeAt(0)));
const MARKDOWN_START = new Set([...'#>*_'].map((c) => c.charCodeAt(0)));
const ARTICLE_START = '第'.charCodeAt(0);

/** Whether a line ends as a value does: a digit, a lost character (`?`) or not-applicable. */
function endsLikeValue(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19) || code === 63 || code === 0xff1f || code === 47 || code === 0x2014 || code === 45;
}

/**
 * The kind of one line. Cheap tests first: most lines are prose.
 *
 * @throws {TypeError} When `text` is not a string.
 */
export function classifyLine(text: string): LineKind {
  expectString('classifyLine', 'text', text);
  const trimmed = text.trim();
  if (trimmed === '') return text.includes('\t') ? 'E' : 'B';
  if (trimmed.includes('|')) return SEPARATOR_ROW.test(trimmed) ? '-' : 'R';
  if (trimmed.includes('\t')) {
    // A heading or label between empty merged cells is still one cell.
    const only = onlyFilledCell(trimmed);
    if (only === undefined) return 'R';
    return ARTICLE.test(stripMarkdown(trimmed)) ? 'A' : classifyLine(only);
  }
  if (trimmed.length <= MAX_VALUE_LENGTH) {
    if (holdsValue(readCell(trimmed))) return 'N';
  }
  const first = trimmed.charCodeAt(0);
  if (SEPARATOR_START.has(first) && SEPARATOR_ROW.test(trimmed)) return '-';
  const bare = MARKDOWN_START.has(first) ? stripMarkdown(trimmed) : trimmed;
  if (bare.charCodeAt(0) === ARTICLE_START && ARTICLE.test(bare)) return 'A';
  if (trimmed.length <= MAX_HEADING_LINE && readHeading(trimmed)) return 'H';
  const prose = trimmed.includes('。');
  if (!prose && endsLikeValue(trimmed) && spacedValues(trimmed)) return 'S';
  if (prose || trimmed.length > MAX_LABEL_LENGTH || trimmed.includes('；') || trimmed.includes(';')) return 'T';
  return 'L';
}

/** The one tab-separated cell of a line that has text, or undefined when several have. */
function onlyFilledCell(text: string): string | undefined {
  let found: string | undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\t', start);
    if (end === -1) end = text.length;
    for (let i = start; i < end; i++) {
      if (!isBlankCode(text.charCodeAt(i))) {
        if (found !== undefined) return undefined;
        found = text.slice(start, end);
        break;
      }
    }
    start = end + 1;
  }
  return found;
}

/** Whitespace within a line, as String#trim sees the common cases (tab, space, NBSP, U+3000). */
export function isBlankCode(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 0xa0 || (code >= 9 && code <= 13);
}

/**
 * Finds where the trailing run of space separated values of a row starts. A line that is only
 * values needs five of them (table 四 flattened), a labelled one two, so that prose such as
 * `2022 年` never reads as a row. Walks back from the end over the values only.
 */
export function spacedValues(text: string): { label: string; valuesStart: number } | undefined {
  let count = 0;
  let valuesStart = text.length;
  let end = text.length;
  while (end > 0) {
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    if (start === end || !VALUE_TOKEN.test(text.slice(start, end))) break;
    count++;
    valuesStart = start;
    end = start;
  }
  if (count === 0) return undefined;
  const label = text.slice(0, valuesStart).trim();
  if (count < (label === '' ? 5 : 2) || label.includes('。')) return undefined;
  return { label, valuesStart };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 9;
}

const COUNT = 'N'.charCodeAt(0);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether a line is one count of at most 15 digits and padding (`\t0`, `12`), the whitespace that
 * String#trim removes: its kind is N, as classifyLine would find, without its regular expressions.
 * Such lines are most of a table written one cell per line.
 */
function isCountLine(text: string): boolean {
  let from = 0;
  while (from < text.length && isBlankCode(text.charCodeAt(from))) from++;
  let to = from;
  while (to < text.length && isDigit(text.charCodeAt(to))) to++;
  if (to === from || to - from > 15) return false;
  for (let i = to; i < text.length; i++) if (!isBlankCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Kinds of all lines, as a string with one character per line.
 *
 * @throws {TypeError} When `lines` is not an array of lines (objects with a `text` string).
 */
export function classifyLines(lines: readonly Line[]): string {
  expectLines('classifyLines', 'lines', lines);
  // As code units, turned into a string a chunk at a time: a string grown a character at a time
  // is a chain of as many pieces, and joining an array of them is slower still.
  const codes = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    codes[i] = isCountLine(text) ? COUNT : classifyLine(text).charCodeAt(0);
  }
  let kinds = '';
  for (let from = 0; from < lines.length; from += KIND_CHUNK) {
    kinds += String.fromCharCode.apply(null, codes.subarray(from, Math.min(from + KIND_CHUNK, lines.length)) as unknown as number[]);
  }
  return kinds;
}

/** Well under the engine's limit on the arguments of one call. */
const KIND_CHUNK = 8192;
