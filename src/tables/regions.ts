import { SECTIONS } from '../../grammar/index';
import type { TableKey } from '../ast';
import { labelKey } from '../labels';
import type { Token } from '../tokens/token';

/** Where a table's tokens are: `first` to `end` (exclusive) in the token list. */
export interface TableRegion {
  key: TableKey;
  first: number;
  end: number;
}

/**
 * Phrases that open each table's region, from the table's own words: table 二's article titles,
 * table 三's corner cell and first row, table 四's row and header labels. Prose never holds them
 * outside the tables' titles, and a region never starts inside prose.
 */
const OPENERS: Record<TableKey, readonly string[]> = {
  activeDisclosure: ['第二十条'],
  applications: ['申请人情况', '勾稽关系', '本年新收'],
  reviewLitigation: ['行政复议', '行政诉讼'],
};

/** The parts after the tables: their headings end the last table's region. */
const AFTER_TABLES = SECTIONS.filter((section) => section.key === 'problems' || section.key === 'other').flatMap((section) => section.phrases);

/**
 * A word of prose: a sentence, never a cell or a label of a table. Length says nothing: a page
 * flattened without spaces makes one long word of a table's headers and labels.
 */
function isProse(token: Token): boolean {
  return token.kind === 'word' && token.text.includes('。');
}

/**
 * Finds the three tables in the token stream, in the order the format puts them: each region
 * runs from its opening phrase to the next table's, and the last one to the first heading of the
 * parts after the tables or the first sentence of prose. Searching tokens, not lines, finds a
 * table inside a page that a crawler flattened onto one line.
 */
export function findTableRegions(tokens: readonly Token[]): TableRegion[] {
  const keys = tokens.map((token) => (token.kind === 'word' && !isProse(token) ? labelKey(token.text) : ''));
  const opens = (i: number, table: TableKey) => keys[i] !== '' && OPENERS[table].some((phrase) => (keys[i] as string).includes(phrase));
  const order: TableKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];
  const starts: { key: TableKey; first: number }[] = [];
  let from = 0;
  for (const key of order) {
    let found = -1;
    for (let i = from; i < tokens.length; i++) {
      if (opens(i, key)) {
        found = i;
        break;
      }
    }
    if (found !== -1) {
      starts.push({ key, first: found });
      from = found + 1;
    }
  }
  const regions: TableRegion[] = [];
  starts.forEach((start, index) => {
    const next = starts[index + 1]?.first ?? tokens.length;
    let end = next;
    for (let i = start.first + 1; i < next; i++) {
      const token = tokens[i] as Token;
      if (isProse(token) || (keys[i] !== '' && AFTER_TABLES.some((phrase) => (keys[i] as string).includes(phrase)))) {
        end = i;
        break;
      }
    }
    regions.push({ key: start.key, first: start.first, end });
  });
  return regions;
}
