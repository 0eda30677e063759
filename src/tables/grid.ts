import type { TableLayout } from '../ast';
import { isBlankCode, rememberedFacts, spacedValues, type LineFacts } from '../lines/classify';
import type { Line } from '../lines/split';
import type { LineSpan } from '../structure/outline';
import { labelKey } from '../labels';
import { detach } from '../memo';
import { holdsValue, readCell, type CellReading } from './cell';

/** A cell's text, trimmed, with its offsets in the normalised text. */
export interface GridCell {
  text: string;
  start: number;
  end: number;
  /** What the text says as a cell, read once. */
  reading: CellReading;
  /** Whether the text reads as a value (number, recovered number or not-applicable). */
  isValue: boolean;
}

/**
 * One logical row of a table: the labels before its first value, and its values from the first
 * to the last (empty cells between values are blank values, text between them unreadable ones).
 * Empty cells at either end are kept apart, in `leading` and `trailing`.
 */
export interface GridRow {
  /** Index of the row's first and last line. */
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  labels: GridCell[];
  /** The label cells' text joined by spaces. */
  label: string;
  /**
   * The label as it is compared with the format's row names: NFKC, without whitespace,
   * punctuation and symbols (`（一）不予公开` → `一不予公开`).
   */
  key: string;
  values: GridCell[];
  /**
   * Empty cells between the labels and the first value, and after the last value: merged-cell
   * gaps or blank values; only the count of values a row lacks can tell (see fitValues).
   */
  leading: GridCell[];
  trailing: GridCell[];
}

/** A table region read into rows. */
export interface Grid {
  layout: TableLayout;
  rows: GridRow[];
}

function gridCell(text: string, start: number, end: number): GridCell {
  const reading = readCell(text);
  return { text, start, end, reading, isValue: holdsValue(reading) };
}

/** The cell `text[from, to)` trimmed, with offsets true to the line starting at `lineStart`. */
function cellOf(text: string, cellStart: number, cellEnd: number, lineStart: number): GridCell {
  let from = cellStart;
  let to = cellEnd;
  while (from < to && isBlankCode(text.charCodeAt(from))) from++;
  while (to > from && isBlankCode(text.charCodeAt(to - 1))) to--;
  // An empty cell sits where the cell begins.
  if (from === to) return gridCell('', lineStart + cellStart, lineStart + cellStart);
  return gridCell(from === 0 && to === text.length ? text : text.slice(from, to), lineStart + from, lineStart + to);
}

/** Trims a cell, keeping its offsets true. */
function trimCell(text: string, start: number): GridCell {
  return cellOf(text, 0, text.length, start);
}

/**
 * A line as one trimmed cell. A short line is read once and remembered with its kind
 * (see classifyLines), with offsets from the line's start and a copy of its text, since a slice
 * would keep the whole report alive.
 */
function lineAsCell(line: Line, facts: LineFacts | undefined): GridCell {
  if (!facts) return trimCell(line.text, line.start);
  facts.cell ??= remembered(trimCell(line.text, line.start), line.start);
  return moved(facts.cell, line.start);
}

/**
 * A cell of the line at `lineStart` to remember across reports: its offsets from the line's start,
 * its text copied, so as not to keep its report alive.
 */
function remembered(cell: GridCell, lineStart: number): GridCell {
  return { text: detach(cell.text), start: cell.start - lineStart, end: cell.end - lineStart, reading: cell.reading, isValue: cell.isValue };
}

/** A remembered cell, its offsets from its line's start moved to the line at `lineStart`. */
function moved(cell: GridCell, lineStart: number): GridCell {
  return { text: cell.text, start: lineStart + cell.start, end: lineStart + cell.end, reading: cell.reading, isValue: cell.isValue };
}

/**
 * A tab or pipe row's cells (see splitRow). A short row is split once and remembered with its
 * kind, like a line read as one cell: rows of zeros and label rows recur from report to report.
 */
function rowCellsOf(line: Line, facts: LineFacts | undefined): GridCell[] {
  let known = facts?.cells;
  if (known === undefined) {
    const split = splitRow(line.text, line.start);
    // Rows of the format have at most 16 cells: a line of many separators is not worth its memory.
    if (!facts || split.length > MAX_REMEMBERED_CELLS) return split;
    // The row is read from the copies even now: its label, remembered with its shape, must not be
    // a slice of the report.
    known = facts.cells = split.map((cell) => remembered(cell, line.start));
  }
  const cells: GridCell[] = new Array(known.length);
  for (let i = 0; i < known.length; i++) cells[i] = moved(known[i] as GridCell, line.start);
  return cells;
}

const MAX_REMEMBERED_CELLS = 32;

/**
 * Splits one tab or pipe row, starting at `lineStart`, into trimmed cells (outer pipes do not
 * make cells). A plain split: cell text never contains its separator, and a combinator per cell
 * costs ten times as much.
 */
export function splitRow(text: string, lineStart: number): GridCell[] {
  const pipe = text.includes('|');
  const separator = pipe ? '|' : '\t';
  const cells: GridCell[] = [];
  let from = 0;
  for (;;) {
    const found = text.indexOf(separator, from);
    const to = found === -1 ? text.length : found;
    cells.push(cellOf(text, from, to, lineStart));
    if (found === -1) break;
    from = found + 1;
  }
  if (pipe) {
    // An empty first or last cell has only blanks before the first pipe or after the last.
    if (cells.length > 1 && cells[0]?.text === '') cells.shift();
    if (cells.length > 1 && cells[cells.length - 1]?.text === '') cells.pop();
  }
  return cells;
}

/**
 * How a row's cells sort into labels and values, by index; a remembered line keeps its row's
 * (see LineFacts), so that its label is joined and keyed once.
 */
export interface RowShape {
  /** The non-empty cells before the first value (all of them in a row without values). */
  labels: readonly number[];
  label: string;
  key: string;
  /** The first and last value, -1 in a row without values. */
  firstValue: number;
  lastValue: number;
  /** Where the empty cells before the first value start, and those after the last value end. */
  leadingStart: number;
  trailingEnd: number;
}

/** Sorts a row's cells into labels and values. */
function shapeOf(cells: readonly GridCell[]): RowShape {
  let firstValue = -1;
  let lastValue = -1;
  for (let i = 0; i < cells.length; i++) {
    if ((cells[i] as GridCell).isValue) {
      if (firstValue === -1) firstValue = i;
      lastValue = i;
    }
  }
  const labelsEnd = firstValue === -1 ? cells.length : firstValue;
  const labels: number[] = [];
  for (let i = 0; i < labelsEnd; i++) if ((cells[i] as GridCell).text !== '') labels.push(i);
  // One flat string: the row's key is looked up by it, and a string built piece by piece would
  // be flattened there first.
  const label = labels.length === 1 ? (cells[labels[0] as number] as GridCell).text : labels.map((i) => (cells[i] as GridCell).text).join(' ');
  let leadingStart = labelsEnd;
  let trailingEnd = lastValue + 1;
  if (firstValue !== -1) {
    while (leadingStart > 0 && (cells[leadingStart - 1] as GridCell).text === '') leadingStart--;
    while (trailingEnd < cells.length && (cells[trailingEnd] as GridCell).text === '') trailingEnd++;
  }
  return { labels, label, key: labelKey(label), firstValue, lastValue, leadingStart, trailingEnd };
}

/** `cells[from, to)`: the row's own array when that is all of it (each row has its own). */
function slice(cells: GridCell[], from: number, to: number): GridCell[] {
  return from === 0 && to === cells.length ? cells : cells.slice(from, to);
}

/** A row of `cells`, sorted as `shape` says. */
function toRow(cells: GridCell[], shape: RowShape, firstLine: number, lastLine: number, start: number, end: number): GridRow {
  const labels: GridCell[] = new Array(shape.labels.length);
  for (let i = 0; i < labels.length; i++) labels[i] = cells[shape.labels[i] as number] as GridCell;
  const { label, key, firstValue, lastValue } = shape;
  if (firstValue === -1) return { firstLine, lastLine, start, end, labels, label, key, values: [], leading: [], trailing: [] };
  return {
    firstLine,
    lastLine,
    start,
    end,
    labels,
    label,
    key,
    values: slice(cells, firstValue, lastValue + 1),
    leading: slice(cells, shape.leadingStart, firstValue),
    trailing: slice(cells, lastValue + 1, shape.trailingEnd),
  };
}

/** The row of one line's cells, sorted once for a remembered line. */
function lineRow(cells: GridCell[], known: LineFacts | undefined, index: number, line: Line): GridRow {
  const shape = known && (known.cell || known.cells) ? (known.shape ??= shapeOf(cells)) : shapeOf(cells);
  return toRow(cells, shape, index, index, line.start, line.end);
}

/** Which layout the lines of a region use, by what most of them look like. */
export function detectLayout(lines: readonly Line[], kinds: string, span: LineSpan): TableLayout {
  let pipe = 0;
  let tab = 0;
  let single = 0;
  let spaced = 0;
  for (let i = span.first; i <= span.last; i++) {
    const kind = kinds[i];
    if (kind === 'R') {
      if ((lines[i] as Line).text.includes('|')) pipe++;
      else tab++;
    } else if (kind === 'N') single++;
    else if (kind === 'S') spaced++;
  }
  const best = Math.max(pipe, tab, single, spaced);
  if (best === pipe && pipe > 0) return 'pipe';
  if (best === tab && tab > 0) return 'tab';
  if (best === single && single > 0) return 'cell-per-line';
  return 'space';
}

/** Reads a table region into rows. */
export function readGrid(lines: readonly Line[], kinds: string, span: LineSpan): Grid {
  const layout = detectLayout(lines, kinds, span);
  return { layout, rows: layout === 'cell-per-line' ? cellPerLine(lines, kinds, span) : lineRows(lines, kinds, span) };
}

/** Tab, pipe and space layouts: one line, one row. */
function lineRows(lines: readonly Line[], kinds: string, span: LineSpan): GridRow[] {
  const facts = rememberedFacts(lines);
  const rows: GridRow[] = [];
  for (let i = span.first; i <= span.last; i++) {
    const line = lines[i] as Line;
    const kind = kinds[i];
    if (kind === 'B' || kind === 'E' || kind === '-') continue;
    if (kind === 'S') {
      rows.push(lineRow(spacedCells(line), undefined, i, line));
      continue;
    }
    const known = facts?.[i];
    rows.push(lineRow(kind === 'R' ? rowCellsOf(line, known) : [lineAsCell(line, known)], known, i, line));
  }
  return rows;
}

/** A space separated row: its label as one cell, then one cell per value token. */
function spacedCells(line: Line): GridCell[] {
  const split = spacedValues(line.text);
  if (!split) return [trimCell(line.text, line.start)];
  const cells: GridCell[] = [];
  if (split.label !== '') cells.push(trimCell(line.text.slice(0, split.valuesStart), line.start));
  const token = /[^ \u3000]+/g;
  token.lastIndex = split.valuesStart;
  for (let match = token.exec(line.text); match; match = token.exec(line.text)) {
    cells.push(gridCell(match[0], line.start + match.index, line.start + match.index + match[0].length));
  }
  return cells;
}

function startsIndented(text: string): boolean {
  const code = text.charCodeAt(0);
  return code === 9 || code === 32;
}

/**
 * One cell per line. A row ends at a blank line, or where a label follows values. In tables whose
 * cells are indented, a line without indent continues the cell above it (`商业` / `企业`).
 */
function cellPerLine(lines: readonly Line[], kinds: string, span: LineSpan): GridRow[] {
  let indented = 0;
  let filled = 0;
  for (let i = span.first; i <= span.last; i++) {
    if (kinds[i] === 'B' || kinds[i] === '-') continue;
    filled++;
    if (startsIndented((lines[i] as Line).text)) indented++;
  }
  const continues = indented * 2 >= filled;
  const facts = rememberedFacts(lines);

  const rows: GridRow[] = [];
  let cells: GridCell[] = [];
  let first = -1;
  let last = -1;
  let seenValue = false;
  for (let i = span.first; i <= span.last; i++) {
    const kind = kinds[i];
    if (kind === '-') continue;
    const line = lines[i] as Line;
    let cell: GridCell | undefined;
    if (kind !== 'B' && kind !== 'R') {
      cell = lineAsCell(line, facts?.[i]);
      const previous = cells.length === 0 ? undefined : (cells[cells.length - 1] as GridCell);
      if (continues && !cell.isValue && kind !== 'E' && previous && previous.text !== '' && !previous.isValue && !startsIndented(line.text)) {
        // The line break between the two parts belongs to neither: the text joins them without
        // it, the span covers both lines.
        Object.assign(previous, gridCell(previous.text + cell.text, previous.start, cell.end));
        last = i;
        continue;
      }
    }
    // A row ends at a blank line, at a line that is a row of its own, and where a label follows values.
    if (cell === undefined || (seenValue && !cell.isValue && kind !== 'E')) {
      if (first !== -1) rows.push(cellsRow(lines, cells, first, last));
      cells = [];
      first = -1;
      seenValue = false;
    }
    if (kind === 'R') rows.push(lineRow(rowCellsOf(line, facts?.[i]), facts?.[i], i, line));
    if (cell === undefined) continue;
    if (first === -1) first = i;
    last = i;
    cells.push(cell);
    if (cell.isValue) seenValue = true;
  }
  if (first !== -1) rows.push(cellsRow(lines, cells, first, last));
  return rows;
}

/** The row of the cells of lines `first` to `last`. */
function cellsRow(lines: readonly Line[], cells: GridCell[], first: number, last: number): GridRow {
  return toRow(cells, shapeOf(cells), first, last, (lines[first] as Line).start, (lines[last] as Line).end);
}
