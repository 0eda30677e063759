import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION, SECTIONS, TABLES } from '../../grammar/index';
import type { TableKey } from '../ast';
import { labelKey } from '../labels';
import type { Token } from '../tokens/token';

/** Where a table's tokens are: `first` to `end` (exclusive) in the token list. */
export interface TableRegion {
  key: TableKey;
  first: number;
  end: number;
}

/** The parts after the tables: their headings end the last table's region. */
const AFTER_TABLES = SECTIONS.filter((section) => section.key === 'problems' || section.key === 'other').flatMap((section) => section.phrases);
// The phrases' first characters: a word without any of them names none of these parts, and its
// key is not made (most of a table's words).
const AFTER_TABLES_FIRST = new RegExp(`[${[...new Set(AFTER_TABLES.map((phrase) => phrase[0]))].join('')}]`);

/**
 * Phrases of each table's rows that no other table's rows or columns use: where a table has lost
 * both its part's heading and its anchors, a line opening with one of them still starts it (table
 * 三's `二、上年结转…` under table 二's last row), instead of the rows running on in the table above.
 */
const ROW_ANCHORS: Record<TableKey, readonly string[]> = (() => {
  const phrases: Record<TableKey, readonly string[]> = {
    activeDisclosure: [...ACTIVE_DISCLOSURE_2021.rows, ...ACTIVE_DISCLOSURE_2019.rows].flatMap((row) => row.phrases),
    applications: [...APPLICATIONS.rows, ...APPLICATIONS.groups].flatMap((row) => row.phrases),
    reviewLitigation: REVIEW_LITIGATION.rows.flatMap((row) => row.phrases),
  };
  const columns = [...ACTIVE_DISCLOSURE_2021.columns, ...ACTIVE_DISCLOSURE_2019.columns, ...APPLICATIONS.columns, ...REVIEW_LITIGATION.columns].flatMap((column) => column.phrases);
  const elsewhere = (key: TableKey, phrase: string) =>
    columns.some((other) => other.includes(phrase) || phrase.includes(other)) ||
    (Object.keys(phrases) as TableKey[]).some((other) => other !== key && phrases[other].some((p) => p.includes(phrase) || phrase.includes(p)));
  const own = (key: TableKey) => phrases[key].filter((phrase) => phrase.length >= 2 && !elsewhere(key, phrase));
  return { activeDisclosure: own('activeDisclosure'), applications: own('applications'), reviewLitigation: own('reviewLitigation') };
})();

/**
 * A word of prose: a sentence, never a cell or a label of a table. Length says nothing: a page
 * flattened without spaces makes one long word of a table's headers and labels.
 */
function isProse(token: Token): boolean {
  return token.kind === 'word' && token.text.includes('。');
}

/**
 * The part's heading of a table (`三、收到和处理政府信息公开申请情况`) at or after `from`: its token,
 * and the first token after it and the sentences that follow it. Undefined without a heading.
 */
function headingOf(tokens: readonly Token[], keyOf: (index: number) => string, section: string, from: number): { at: number; after: number } | undefined {
  const part = SECTIONS.find((entry) => entry.key === section) as (typeof SECTIONS)[number];
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    // The heading opens its line, maybe after markdown's `##`.
    const opensLine = token.lineStart || ((tokens[i - 1] as Token).lineStart && /^#+$/.test((tokens[i - 1] as Token).text));
    if (!opensLine || !token.text.startsWith(`${part.numeral}、`) || !part.phrases.some((phrase) => keyOf(i).includes(phrase))) continue;
    let after = i + 1;
    while (after < tokens.length && isProse(tokens[after] as Token)) after++;
    return { at: i, after };
  }
  return undefined;
}

/** The first word at or after `from` that opens its line with one of `phrases`, or -1. */
function firstRow(tokens: readonly Token[], keyOf: (index: number) => string, phrases: readonly string[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (isProse(token)) return -1;
    if (token.kind === 'word' && token.lineStart && phrases.some((phrase) => keyOf(i).includes(phrase))) return i;
  }
  return -1;
}

/**
 * Finds the three tables in the token stream, in the order the format puts them: each region
 * runs from its opening phrase to the next table's, and the last one to the first heading of the
 * parts after the tables or the first sentence of prose. Searching tokens, not lines, finds a
 * table inside a page that a crawler flattened onto one line.
 */
export function findTableRegions(tokens: readonly Token[]): TableRegion[] {
  // Label keys of the words, made as the search reaches them: the search stops early in a long text.
  const keys = new Map<number, string>();
  const keyOf = (i: number): string => {
    let key = keys.get(i);
    if (key === undefined) {
      const token = tokens[i] as Token;
      key = token.kind === 'word' && !isProse(token) ? labelKey(token.text) : '';
      keys.set(i, key);
    }
    return key;
  };
  const starts: { key: TableKey; first: number; boundary: number }[] = [];
  let from = 0;
  for (const table of TABLES) {
    const heading = headingOf(tokens, keyOf, table.section, from);
    const headingKey = labelKey(SECTIONS.find((entry) => entry.key === table.section)?.heading ?? '');
    // The heading's own words are no anchor (`四、政府信息公开行政复议、行政诉讼情况`); a heading
    // glued to the table's first cells is (`三、收到和处理…情况（本列数据的勾稽关系…`).
    const anchors = (i: number) => {
      const key = i === heading?.at ? keyOf(i).replace(headingKey, '') : keyOf(i);
      return key !== '' && table.anchors.some((phrase) => key.includes(phrase));
    };
    // After the part's heading where there is one: the prose before it holds no table.
    let anchor = -1;
    for (let i = heading?.at ?? from; i < tokens.length && anchor === -1; i++) if (anchors(i)) anchor = i;
    // The heading opens the table when nothing but table text stands between it and the anchor:
    // rows before the anchor's (`二、上年结转…` above `一、本年新收…`) are the table's too.
    let found = anchor;
    if (heading && heading.after < tokens.length && (anchor === -1 || (heading.at < anchor && !tokens.slice(heading.after, anchor).some(isProse)))) found = heading.after;
    // Neither heading nor anchor, after a table found: the first line opening with a row of this
    // table's own, within the text that follows.
    if (found === -1 && starts.length > 0) found = firstRow(tokens, keyOf, ROW_ANCHORS[table.key], from);
    if (found !== -1) {
      // The table before ends at this one's heading, which is neither's.
      starts.push({ key: table.key, first: found, boundary: heading && heading.at < found ? heading.at : found });
      from = found + 1;
    }
  }
  const regions: TableRegion[] = [];
  starts.forEach((start, index) => {
    const next = starts[index + 1]?.boundary ?? tokens.length;
    let end = next;
    for (let i = start.first + 1; i < next; i++) {
      const token = tokens[i] as Token;
      if (isProse(token) || (AFTER_TABLES_FIRST.test(token.text) && AFTER_TABLES.some((phrase) => keyOf(i).includes(phrase)))) {
        end = i;
        break;
      }
    }
    regions.push({ key: start.key, first: start.first, end });
  });
  return regions;
}
