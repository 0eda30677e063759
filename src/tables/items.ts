import { OPENS_WITH_ORDINAL } from '../labels';
import { isCellToken, type Token } from '../tokens/token';

/**
 * A piece of a table row as the text gives it: the label words before it and its cells.
 * `optional` cells are empty fields at either end of a tab or pipe row: merged-cell gaps as often
 * as blank cells, so they count only where a row is short of cells.
 */
export interface Item {
  /** Words since the item before (labels, wrapped label lines, rotated characters, headers). */
  labels: Token[];
  /**
   * The row's own label: the labels on the line of the first cell or, one cell per line, on the
   * last line of labels before it.
   */
  ownLabels: Token[];
  cells: ItemCell[];
  /** Indexes of cells that follow a break the blank lines may show (one cell per line). */
  breaks?: number[];
}

export interface ItemCell {
  token: Token;
  /** An empty cell seen only from the layout, which may be a gap rather than a cell. */
  optional: boolean;
  /** An empty cell that blank lines show (one cell per line), not a token of the text. */
  synthetic?: boolean;
  /** A number that is one cell whatever its digits: a line of its own in a cell-per-line table. */
  whole?: boolean;
}

/** The layout a region's cells show. */
export type ItemLayout = 'tab' | 'pipe' | 'cell-per-line' | 'space' | 'glued';

/**
 * Groups a table region's tokens into items. Cells on one line belong together; in a table of
 * one cell per line, cells on consecutive lines do, until a word. Page furniture and markdown
 * rules are skipped. In a cell-per-line table whose cells are separated by blank lines, an empty
 * cell shows only as more blank lines than usual: each one is turned into an empty cell here.
 */
export function readItems(tokens: readonly Token[], first: number, end: number, separatorBefore?: number): { items: Item[]; layout: ItemLayout; separator: number } {
  const region: Token[] = [];
  for (let i = first; i < end; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'furniture' && token.kind !== 'rule') region.push(token);
  }
  const layout = layoutOf(region);
  const headers = headerLines(region);
  const spans = valueSpans(region);
  const lastWord = new Map<number, number>();
  for (const token of region) if (token.kind === 'word') lastWord.set(token.line, token.start);
  // An empty field before a label on its line is a gap of the merged label columns
  // (`（四）无法提供\t\t2. 没有现成信息…`), not a cell.
  const isLabelGap = (token: Token) => token.kind === 'empty' && token.cell && (headers.has(token.line) || (lastWord.get(token.line) ?? -1) > token.start);
  // A table of few values (table 四, mostly blank) shows its separator too rarely to tell: then
  // the one the table before it showed holds, since one page writes its tables alike.
  const seen = layout === 'cell-per-line' ? cellSeparator(region) : { separator: 0, pairs: 0 };
  const separator = seen.pairs < MIN_SEPARATOR_PAIRS && separatorBefore !== undefined ? separatorBefore : seen.separator;
  const items: Item[] = [];
  let labels: Token[] = [];
  let current: Item | undefined;
  let currentLineCells = 0;
  // The line of the current item's last cell: a cell on it continues the item (label gaps
  // before it on its line are dropped, so it need not start its line's tokens).
  let currentLine = -1;
  let previous: Token | undefined;
  const close = () => {
    current = undefined;
    currentLineCells = 0;
  };
  for (const given of region) {
    // Text in a field after a row's values is a cell that holds no number (`5\t0\t见附件\t0`).
    const token: Token = given.kind === 'word' && given.cell && current && current.cells.some((cell) => cell.token.line === given.line && cell.token.kind !== 'empty') ? { ...given, kind: 'unreadable' } : given;
    const blanks = separator > 0 && previous && token.lineStart ? blanksIn(token.blankLines, separator) : 0;
    if (token.kind === 'word') {
      if (current && blanks > 0) for (let b = 0; b < blanks; b++) current.cells.push(emptyAfter(previous as Token, true));
      else if (!current && blanks > 0 && labels.length > 0) {
        // A label followed by nothing but empty cells: a row left blank.
        const blank: Item = { labels, ownLabels: [], cells: [] };
        for (let b = 0; b < blanks; b++) blank.cells.push(emptyAfter(previous as Token));
        items.push(blank);
        labels = [];
      }
      if (current && layout === 'cell-per-line') trailingOptional(current);
      close();
      labels.push(token);
    } else if (isCellToken(token) && !isLabelGap(token)) {
      const continues =
        current !== undefined &&
        (token.line === currentLine || (layout === 'cell-per-line' && currentLineCells === 1));
      if (!continues) {
        // A row's own label: on the line of its first cell, or, one cell per line, the line of
        // the last label before it (`\t行政处罚` / `\t2546`), not the headers above that.
        const labelLine = layout === 'cell-per-line' && token.lineStart ? labels[labels.length - 1]?.line : token.line;
        const ownLabels = labels.filter((label) => label.line === labelLine);
        current = { labels, ownLabels, cells: [] };
        items.push(current);
        labels = [];
        currentLineCells = 0;
      }
      const item = current as Item;
      // Blank lines after a label may also be the space under a header: those cells are optional.
      const leading = !continues;
      // More blank lines than cells account for may be a row break (a row whose label was lost).
      const breaks = continues && layout === 'cell-per-line' && token.lineStart && token.blankLines > separator && (separator === 0 || token.blankLines - separator - blanks * (separator + 1) > 0);
      if (breaks) item.breaks = [...(item.breaks ?? []), item.cells.length];
      for (let b = 0; b < blanks; b++) item.cells.push(emptyAfter(previous as Token, leading));
      if (token.line !== currentLine) currentLineCells = 0;
      currentLineCells++;
      currentLine = token.line;
      // Empty lines between a label and the first value of a cell-per-line row may be the blank
      // cells of the merged label columns (`\t一、本年新收…` / `\t` / `\t` / `\t32`).
      const beforeValues = layout === 'cell-per-line' && item.cells.every((cell) => cell.token.kind === 'empty');
      const cell: ItemCell = { token, optional: token.kind === 'empty' && (beforeValues || ((layout === 'tab' || layout === 'pipe') && isEdge(spans, token))) };
      if (layout === 'cell-per-line' && token.lineStart) cell.whole = true;
      item.cells.push(cell);
    }
    previous = token;
  }
  if (current && layout === 'cell-per-line') trailingOptional(current);
  return { items, layout, separator };
}

/**
 * Empty lines at the end of a cell-per-line row, before a label or the table's end, may be the
 * blank label cells of a merged column (`\t` / `\t（二）部分公开…`) as well as blank values: they
 * count only if the row is short.
 */
function trailingOptional(item: Item): void {
  for (let c = item.cells.length - 1; c >= 0 && (item.cells[c] as ItemCell).token.kind === 'empty'; c--) (item.cells[c] as ItemCell).optional = true;
}

/**
 * An empty cell synthesised right after `token`. Between two cells of a row it is a cell; before a
 * row's first cell or after its last it is `optional`: the blank lines that end a table or follow
 * a header run longer than those between rows.
 */
function emptyAfter(token: Token, optional = false): ItemCell {
  return { token: { ...token, kind: 'empty', text: '', start: token.end, end: token.end }, optional, synthetic: true };
}

/** Where each line's values begin and end: the offsets of its first and last non-empty cell. */
function valueSpans(region: readonly Token[]): Map<number, { first: number; last: number }> {
  const spans = new Map<number, { first: number; last: number }>();
  for (const token of region) {
    if (!isCellToken(token) || token.kind === 'empty') continue;
    const span = spans.get(token.line);
    if (span) span.last = token.start;
    else spans.set(token.line, { first: token.start, last: token.start });
  }
  return spans;
}

/** Whether an empty field is at either end of its row's cells (no value before it, or none after). */
function isEdge(spans: ReadonlyMap<number, { first: number; last: number }>, token: Token): boolean {
  const span = spans.get(token.line);
  return span === undefined || token.start <= span.first || token.start > span.last;
}

/**
 * Lines of a tab or pipe table that hold two words or more and no value: the header rows
 * (`（本列数据的勾稽关系为…）\t\t申请人情况\t…\t总计`). Their empty fields are the gaps of merged
 * header cells, not cells, and their words label no row of their own. A line whose last word
 * opens with a row ordinal is a row left blank under its group's label
 * (`\t（三）不予公开\t1.属于国家秘密\t\t…`): its empty fields are its cells.
 */
function headerLines(region: readonly Token[]): Set<number> {
  const words = new Map<number, number>();
  const lastWord = new Map<number, Token>();
  const valued = new Set<number>();
  for (const token of region) {
    if (token.kind === 'word') {
      words.set(token.line, (words.get(token.line) ?? 0) + 1);
      lastWord.set(token.line, token);
    } else if (isCellToken(token) && token.kind !== 'empty') valued.add(token.line);
  }
  const lines = new Set<number>();
  for (const [line, count] of words) {
    if (count >= 2 && !valued.has(line) && !OPENS_WITH_ORDINAL.test((lastWord.get(line) as Token).text)) lines.add(line);
  }
  return lines;
}

/** The layout most of a region's cells show. */
function layoutOf(region: readonly Token[]): ItemLayout {
  const cellsOnLine = new Map<number, number>();
  const wordsOnLine = new Set<number>();
  let separated = 0;
  let pipe = 0;
  let glued = 0;
  let cells = 0;
  for (const token of region) {
    if (token.kind === 'word') wordsOnLine.add(token.line);
    if (!isCellToken(token)) continue;
    cells++;
    cellsOnLine.set(token.line, (cellsOnLine.get(token.line) ?? 0) + 1);
    if (token.cell) separated++;
    if (token.cell === 'pipe') pipe++;
    if (token.glued) glued++;
  }
  if (cells === 0) return 'space';
  let alone = 0;
  for (const [line, count] of cellsOnLine) if (count === 1 && !wordsOnLine.has(line)) alone++;
  if (alone >= cellsOnLine.size * 0.6 && cellsOnLine.size >= 3) return 'cell-per-line';
  if (separated >= cells * 0.5) {
    return pipe >= separated * 0.5 ? 'pipe' : 'tab';
  }
  if (glued >= cells * 0.3) return 'glued';
  return 'space';
}

/**
 * The blank lines between two cells of one row in a cell-per-line table: the most common count
 * before a cell that follows another cell on an earlier line. 0 when cells are not separated by
 * blank lines (then a blank cell cannot be seen).
 */
function cellSeparator(region: readonly Token[]): { separator: number; pairs: number } {
  const counts = new Map<number, number>();
  let pairs = 0;
  for (let i = 1; i < region.length; i++) {
    const token = region[i] as Token;
    if (isCellToken(token) && token.lineStart && isCellToken(region[i - 1] as Token)) {
      counts.set(token.blankLines, (counts.get(token.blankLines) ?? 0) + 1);
      pairs++;
    }
  }
  let separator = 0;
  let most = 0;
  for (const [blankLines, count] of counts) if (count > most) [separator, most] = [blankLines, count];
  return { separator, pairs };
}

/** Consecutive cells a region needs to show its own separator. */
const MIN_SEPARATOR_PAIRS = 10;

/**
 * Empty cells hidden in a run of blank lines. Each cell is its line followed by `separator` blank
 * lines; an empty cell's line is itself blank, so each adds `separator + 1`. A row break adds
 * between one and `separator` more lines, never a whole cell's worth, so it is the remainder.
 */
function blanksIn(blankLines: number, separator: number): number {
  if (blankLines <= separator) return 0;
  return Math.floor((blankLines - separator) / (separator + 1));
}
