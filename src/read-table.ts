import { TABLES } from '../grammar/index';
import { expectChoice, expectOptions, expectStringRows } from './arguments';
import { LOCALES, messagesFor } from './messages/index';
import type { TableKey, TableOfKey } from './ast';
import type { Diagnostic } from './diagnostics';
import { splitLines } from './lines/split';
import { normalize } from './normalize/index';
import type { ParseOptions } from './parse';
import { createSource } from './source';
import { assignTable } from './tables/assign';
import { readItems } from './tables/items';
import { TABLE_NAMES, type TableContext } from './tables/rows';
import { lex } from './tokens/lex';

const TABLE_KEYS: readonly TableKey[] = TABLES.map((table) => table.key);

/**
 * Interprets a table you already have as cells (from an HTML table, a spreadsheet, a PDF
 * extractor) against the standard format: rows named by their labels, values checked against
 * the columns, damage reported. Positions are into the rows joined by tabs and newlines: line
 * `n` is row `n`, columns count characters of the joined row.
 *
 * @param key - Which table the cells hold.
 * @param cells - The table's rows, each a list of cell texts (labels and values, gaps as `''`).
 * @param options - `blankAsZero` and `locale` as for {@link parseReport}.
 * @returns The typed table and what could not be read.
 * @throws {TypeError} When `key` is not a table key of grammar/ (`TABLES`: `activeDisclosure`,
 *   `applications`, `reviewLitigation`), `cells` is not an array of arrays of strings, or `options`
 *   is neither undefined nor an object whose `blankAsZero` is a boolean and `locale` is `en` or
 *   `zh-CN` (each or undefined).
 *
 * @example
 * ```ts
 * import { readTable } from 'xxgk-report';
 * const { table } = readTable('reviewLitigation', [['行政复议', '1', '0', '0', '0', '1']]);
 * ```
 */
export function readTable<K extends TableKey>(
  key: K,
  cells: readonly (readonly string[])[],
  options: Pick<ParseOptions, 'blankAsZero' | 'locale'> = {},
): { table: TableOfKey[K]; diagnostics: Diagnostic[] } {
  expectChoice('readTable', 'key', key, TABLE_KEYS);
  expectStringRows('readTable', 'cells', cells);
  expectOptions('readTable', 'options', options, { blankAsZero: 'boolean', locale: LOCALES });
  // Tabs, line breaks and pipes inside a cell would split it: they become spaces and ｜.
  const text = cells.map((row) => row.map((cell) => cell.replace(/[\t\r\n]/g, ' ').replace(/\|/g, '｜')).join('\t')).join('\n');
  const normalized = normalize(text);
  const lines = splitLines(normalized.text);
  const source = createSource(text, normalized, lines);
  // The cells are the table's region: the same reader as in a report, from tokens on.
  const tokens = lex(normalized.text);
  const { items, layout } = readItems(tokens, 0, tokens.length);
  const diagnostics: Diagnostic[] = [];
  const context: TableContext = { source, options, diagnostics, name: TABLE_NAMES[key], say: messagesFor(options.locale) };
  const table = assignTable(key, context, items, layout, tokens, 0, normalized.text.length, true) as TableOfKey[K];
  return { table, diagnostics };
}
