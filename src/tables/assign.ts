import {
  ACTIVE_DISCLOSURE_2019,
  ACTIVE_DISCLOSURE_2019_MARKERS,
  ACTIVE_DISCLOSURE_2021,
  APPLICATIONS,
  REVIEW_LITIGATION,
  UNITS,
} from '../../grammar/index';
import type { Cell, Position, TableKey, TableLayout, TableOfKey, UnassignedReason, UnassignedRow } from '../ast';
import { parseDiagnostic } from '../diagnostics';
import { labelKey } from '../labels';
import type { Named } from '../messages/index';
import { columnName } from '../messages/names';
import { rowIdentities } from '../solve/identities';
import { solveTable, type Reading, type RowProblem, type RowSolution } from '../solve/solve';
import type { CandidateCell } from '../solve/candidates';
import type { Token } from '../tokens/token';
import type { Item, ItemCell, ItemLayout } from './items';
import { formGrammar, readForm, type FormSymbol } from './form';
import type { Hint } from './hints';
import { alignEdges, splitAtBreaks } from './shape';
import { nameActiveDisclosureItem, nameApplicationsItem, nameReviewLitigationItem, type Naming } from './naming';
import type { RowCells, TableContext } from './rows';

/** A row of the form: its key, its columns, and where it stands in the form's order. */
interface Slot {
  key: string;
  columns: readonly string[];
  /** Position in the form's order; group rows stand just before their first item. */
  order: number;
  /** Rows that unlabelled values may be placed in by order (not group rows, not table 二's). */
  byOrder: boolean;
  group?: string;
}

/** An item placed in one or more consecutive slots. */
interface Placement {
  slots: Slot[];
  items: Item[];
  cells: ItemCell[];
  by: 'label' | 'order';
}

const TABLE_LAYOUT: Record<ItemLayout, TableLayout> = { tab: 'tab', pipe: 'pipe', 'cell-per-line': 'cell-per-line', space: 'space', glued: 'glued' };

/**
 * Takes out lone values that stand between a label and its row's cells (a page number the text
 * kept: `…其政府信息公开申请` / `1` / `| 0 | 0 | … |`): the labels go to the row after them.
 */
function withoutStrays(context: TableContext, items: readonly Item[], width: number, unassigned: UnassignedRow[]): Item[] {
  const kept: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const next = items[i + 1];
    const fixed = (candidate: Item) => candidate.cells.filter((cell) => !cell.optional).length;
    if (width > 1 && next && fixed(item) === 1 && item.labels.length > 0 && next.labels.length === 0 && fixed(next) === width) {
      setAside(context, unassigned, [{ ...item, labels: [], ownLabels: [] }], 'table/stray-value', context.say.strayValue({ table: context.name, width, beforeItsRow: true }));
      items = [...items.slice(0, i + 1), { ...next, labels: item.labels }, ...items.slice(i + 2)];
      continue;
    }
    kept.push(item);
  }
  return kept;
}

const GLUED_ROW_DIGITS = 4;

/**
 * Reads one table from the items of its region; undefined when the region holds no table row,
 * unless `known` says the items are the table's whatever they hold (readTable's cells).
 */
export function assignTable<K extends TableKey>(key: K, context: TableContext, given: readonly Item[], layout: ItemLayout, region: readonly Token[], start: number, end: number, known = false): TableOfKey[K] | undefined {
  const position = context.source.position(start, end);
  const unassigned: UnassignedRow[] = [];
  const width = key === 'applications' ? APPLICATIONS.columns.length : key === 'reviewLitigation' ? REVIEW_LITIGATION.columns.length : 1;
  const items = alignEdges(splitAtBreaks(withoutStrays(context, given, width, unassigned), width), width, layout);
  const rows: Record<string, unknown> = {};
  let slots: Slot[];
  let columns: string[];
  let namings: Naming[];
  let formatVersion: '2021' | '2019' = '2021';

  if (key === 'activeDisclosure') {
    // The words joined: a header cut by stray spaces (`本年新制 作数量`) still shows its marker.
    const words = labelKey(region.filter((token) => token.kind === 'word').map((token) => token.text).join(''));
    formatVersion = ACTIVE_DISCLOSURE_2019_MARKERS.some((marker) => words.includes(marker)) ? '2019' : '2021';
    const variant = formatVersion === '2019' ? ACTIVE_DISCLOSURE_2019 : ACTIVE_DISCLOSURE_2021;
    columns = [];
    for (const block of variant.blocks) for (const column of block.columns) if (!columns.includes(column)) columns.push(column);
    slots = variant.rows.map((row, order) => ({
      key: row.key,
      columns: (variant.blocks.find((block) => (block.rows as readonly string[]).includes(row.key)) as { columns: readonly string[] }).columns,
      order,
      byOrder: false,
    }));
    namings = items.map((item) => nameActiveDisclosureItem(formatVersion, item.labels, item.ownLabels));
  } else if (key === 'applications') {
    columns = APPLICATIONS.columns.map((column) => column.key);
    const header = region.filter((token) => token.kind === 'word').map((token) => labelKey(token.text)).join('');
    const subtotal = header.indexOf(APPLICATIONS.optionalColumns[0].phrases[0]);
    if (subtotal !== -1) {
      const firstOrganisation = header.indexOf('企业');
      columns.splice(firstOrganisation !== -1 && subtotal < firstOrganisation ? 1 : columns.length - 1, 0, APPLICATIONS.optionalColumns[0].key);
    }
    slots = [];
    for (const row of APPLICATIONS.rows) {
      const group = 'group' in row ? row.group : undefined;
      if (group && !slots.some((slot) => slot.key === group)) slots.push({ key: group, columns, order: slots.length, byOrder: false });
      slots.push({ key: row.key, columns, order: slots.length, byOrder: true, ...(group ? { group } : {}) });
    }
    const naming = { group: undefined as string | undefined };
    namings = items.map((item) => nameApplicationsItem(item.labels, item.ownLabels, naming));
  } else {
    columns = REVIEW_LITIGATION.columns.map((column) => column.key);
    slots = REVIEW_LITIGATION.rows.map((row, order) => ({ key: row.key, columns, order, byOrder: true }));
    namings = items.map((item) => (item.cells.length === columns.length ? nameReviewLitigationItem(item.ownLabels) : {}));
  }

  // Numbers in text that names no row and has no row of several cells are prose, not a table
  // (`2022 年，全县共收到申请 32 件，办结 28 件` under the part's heading). A run of more digits
  // than a year has is glued cells.
  const values = (item: Item) => item.cells.filter((cell) => cell.token.kind !== 'empty');
  const rowLike = (item: Item) => values(item).length >= 2 || values(item).some((cell) => (cell.token.digits?.length ?? 0) > GLUED_ROW_DIGITS);
  if (!known && !namings.some((naming) => naming.key || naming.several) && !items.some(rowLike)) return undefined;

  const placements = place(context, key, slots, items, namings, unassigned);
  const problems: RowProblem[] = placements.map((placement) => ({
    key: placement.slots.map((slot) => slot.key).join('+'),
    cells: placement.cells,
    width: (placement.slots[0] as Slot).columns.length,
    rows: placement.slots.length,
    identities: rowIdentities(key, (placement.slots[0] as Slot).columns),
    // Cells of one item are one row (or rows flattened) as the text gives them; cells of several
    // items were put together by order, and must then satisfy the identities to be read at all.
    given: placement.items.length === 1,
  }));
  const solutions = solveTable(key, problems);
  placements.forEach((placement, index) => {
    build(context, key, placement, solutions[index] as RowSolution, rows, unassigned);
  });

  for (const slot of slots) {
    if (slot.key in rows || !slot.byOrder && key === 'applications') continue;
    // An item is not expected where its group is given as one row: the group row, none of its items.
    const group = slot.group;
    if (group && group in rows && !slots.some((other) => other.group === group && other.key in rows)) continue;
    if (unassigned.some((row) => row.key === slot.key)) continue;
    context.diagnostics.push(parseDiagnostic('table/missing-row', context.say.missingRow({ table: context.name, row: named(key, slot.key) }), position));
  }

  const table = { type: 'table', key, layout: TABLE_LAYOUT[layout], columns, rows, unassigned, position } as Record<string, unknown>;
  if (key === 'activeDisclosure') table.formatVersion = formatVersion;
  return table as unknown as TableOfKey[K];
}

function labelOf(table: TableKey, key: string): string {
  const all: readonly { key: string; label: string }[] =
    table === 'applications' ? [...APPLICATIONS.rows, ...APPLICATIONS.groups] : table === 'reviewLitigation' ? REVIEW_LITIGATION.rows : [...ACTIVE_DISCLOSURE_2021.rows, ...ACTIVE_DISCLOSURE_2019.rows];
  return all.find((row) => row.key === key)?.label ?? key;
}

/** A row as messages name it: its key and its label on the form. */
function named(table: TableKey, key: string): Named {
  return { key, label: labelOf(table, key) };
}

function itemPosition(context: TableContext, items: readonly Item[]): Position {
  const first = items[0] as Item;
  const last = items[items.length - 1] as Item;
  const head = first.ownLabels[0] ?? (first.cells[0] as ItemCell).token;
  const tail = (last.cells[last.cells.length - 1] as ItemCell).token;
  return context.source.position(head.start, Math.max(head.start, tail.end));
}

function hasValues(item: Item): boolean {
  return item.cells.some((cell) => cell.token.kind !== 'empty');
}

/** An item's label as written: words on one line keep a space between them, lines join without. */
function itemLabel(item: Item): string {
  const tokens = item.ownLabels.length > 0 ? item.ownLabels : item.labels;
  let label = '';
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    label += (before && before.line === token.line && !token.glued ? ' ' : '') + token.text;
  });
  return label.trim();
}

/** A cell as written, for a row that is set aside. */
function plainCell(context: TableContext, cell: ItemCell): Cell {
  const token = cell.token;
  return cellNode(context, token.kind === 'empty' ? { kind: 'blank', token } : { kind: 'token', token, value: token.kind === 'number' ? (token.value as number) : null }, undefined, 'read');
}

function setAside(context: TableContext, unassigned: UnassignedRow[], items: readonly Item[], code: UnassignedReason, message: string, key?: string): void {
  const position = itemPosition(context, items);
  context.diagnostics.push(parseDiagnostic(code, message, position));
  const row: UnassignedRow = {
    type: 'unassignedRow',
    label: items.map(itemLabel).join(' ').trim(),
    reason: code,
    values: items.flatMap((item) => item.cells.filter((cell) => !cell.synthetic && !cell.optional).map((cell) => plainCell(context, cell))),
    position,
  };
  // Slots are made from grammar/'s rows: their keys are the table's, held as strings.
  if (key) row.key = key as UnassignedRow['key'];
  unassigned.push(row);
}

/**
 * Places items in the form's rows. An item whose labels name one row goes there (a second item
 * for the same row is set aside). Items without a usable label go by order, between the rows
 * placed by label around them: where as many are given as rows are free there, one to a row;
 * else all their cells are read together as the free rows (glued or flattened rows). Values with
 * nowhere to go are set aside with an error.
 */
function place(context: TableContext, table: TableKey, slots: readonly Slot[], items: readonly Item[], namings: readonly Naming[], unassigned: UnassignedRow[]): Placement[] {
  const placements: Placement[] = [];
  const taken = new Set<string>();
  const slotOf = new Map(slots.map((slot) => [slot.key, slot]));
  // Items whose own label is of no row: placed by order where they fit (a damaged label), named in the error where not.
  const unknown = new Set(items.filter((_, i) => (namings[i] as Naming).unknown));
  const blankRows: { item: Item; slot: Slot }[] = [];
  const pinned: (Slot | undefined)[] = items.map((item, i) => {
    const naming = namings[i] as Naming;
    const slot = naming.key ? slotOf.get(naming.key) : undefined;
    if (!slot) {
      if (naming.several) {
        const rows = naming.several.map((row) => named(table, row));
        context.diagnostics.push(parseDiagnostic('table/ambiguous-label', context.say.ambiguousLabel({ table: context.name, label: itemLabel(item), rows }), itemPosition(context, [item])));
      }
      return undefined;
    }
    // A label over only empty cells is a header as often as a blank row (`总计` over the
    // columns, `复议后起诉` over table 四's): it is a blank row where no values claim the row.
    if (!hasValues(item)) {
      blankRows.push({ item, slot });
      return undefined;
    }
    if (taken.has(slot.key)) {
      setAside(context, unassigned, [item], 'table/duplicate-row', context.say.duplicateRow({ table: context.name, row: named(table, slot.key), label: itemLabel(item) }), slot.key);
      return null as never;
    }
    taken.add(slot.key);
    placements.push({ slots: [slot], items: [item], cells: item.cells, by: 'label' });
    for (const blank of naming.blank ?? []) {
      const row = slotOf.get(blank);
      if (!row || taken.has(row.key)) continue;
      taken.add(row.key);
      const label = (item.ownLabels[0] ?? item.labels[0]) as Token;
      const empty: ItemCell = { token: { ...label, kind: 'empty', text: '', start: label.end, end: label.end }, optional: false, synthetic: true };
      placements.push({ slots: [row], items: [{ labels: [], ownLabels: [label], cells: [empty] }], cells: row.columns.map(() => empty), by: 'label' });
    }
    return slot;
  });
  // Groups given as one row: their items are not expected.
  const groupRows = new Set(slots.filter((slot) => !slot.byOrder && taken.has(slot.key)).map((slot) => slot.key));
  const oneRowGroups = new Set([...groupRows].filter((group) => !slots.some((slot) => slot.group === group && taken.has(slot.key))));

  // The items as the form's grammar sees them: named rows and runs of unnamed values between
  // them (items set aside, and unnamed ones with nothing but empty cells, are not in it).
  const sequence: Item[] = [];
  const symbols: FormSymbol[] = [];
  items.forEach((item, k) => {
    const slot = pinned[k];
    if (slot === null) return;
    if (slot === undefined && !hasValues(item)) return;
    sequence.push(item);
    symbols.push(slot?.order);
  });
  const gaps = readForm(formGrammar(slots.length), symbols);
  if (!gaps) {
    const unnamed = sequence.filter((_, k) => symbols[k] === undefined);
    if (unnamed.length > 0) setAside(context, unassigned, unnamed, 'table/unplaced-values', context.say.outOfOrder({ table: context.name }));
  }
  for (const gap of gaps ?? []) {
    const free = slots.filter((slot) => slot.byOrder && slot.order > gap.after && slot.order < gap.before && !taken.has(slot.key) && !(slot.group && oneRowGroups.has(slot.group)));
    placeGap(context, table, gap.items.map((k) => sequence[k] as Item), free, placements, unassigned, unknown);
    for (const slot of free) taken.add(slot.key);
  }
  for (const { item, slot } of blankRows) {
    if (taken.has(slot.key)) continue;
    taken.add(slot.key);
    placements.push({ slots: [slot], items: [item], cells: item.cells, by: 'label' });
  }
  placements.sort((a, b) => (a.slots[0] as Slot).order - (b.slots[0] as Slot).order);
  return placements;
}

function placeGap(context: TableContext, table: TableKey, gap: Item[], free: readonly Slot[], placements: Placement[], unassigned: UnassignedRow[], unknown: ReadonlySet<Item>): void {
  const unknownLabel = gap.length === 1 && unknown.has(gap[0] as Item) ? itemLabel(gap[0] as Item) : undefined;
  if (free.length === 0) {
    const code = table === 'activeDisclosure' || unknownLabel ? 'table/unknown-row' : 'table/unplaced-values';
    const label = gap.length === 1 ? itemLabel(gap[0] as Item) : '';
    setAside(context, unassigned, gap, code, context.say.unknownRow({ table: context.name, ...(label ? { label } : {}) }));
    return;
  }
  const width = (free[0] as Slot).columns.length;
  let items = gap;
  if (items.length > free.length && width > 1) {
    // A lone value between rows of many cells (a page number the text kept) is no row.
    const lone = items.filter((item) => item.cells.filter((cell) => !cell.optional).length === 1);
    if (items.length - lone.length === free.length) {
      for (const item of lone) setAside(context, unassigned, [item], 'table/stray-value', context.say.strayValue({ table: context.name, width, beforeItsRow: false }));
      items = items.filter((item) => !lone.includes(item));
    }
  }
  if (items.length === free.length) {
    items.forEach((item, k) => placements.push({ slots: [free[k] as Slot], items: [item], cells: item.cells, by: 'order' }));
    return;
  }
  // Fewer pieces than rows: rows glued into one run or flattened onto one line, read together as
  // all the free rows (the solver says whether the cells fit, and how).
  if (items.length < free.length && free.length <= MAX_ROWS_TOGETHER) {
    placements.push({ slots: [...free], items, cells: items.flatMap((item) => item.cells), by: 'order' });
    return;
  }
  if (unknownLabel) {
    setAside(context, unassigned, items, 'table/unknown-row', context.say.unknownRow({ table: context.name, label: unknownLabel }));
    return;
  }
  setAside(context, unassigned, items, 'table/unplaced-values', context.say.unplacedRows({ table: context.name, given: items.length, rows: free.map((slot) => named(table, slot.key)) }));
}

/** Rows read together as one run at the most (table 四 flattened is three). */
const MAX_ROWS_TOGETHER = 3;

/** Turns a solved placement into row nodes, or sets it aside with the reason. */
function build(context: TableContext, table: TableKey, placement: Placement, given: RowSolution, rows: Record<string, unknown>, unassigned: UnassignedRow[]): void {
  const keys = placement.slots.map((slot) => slot.key);
  const label = placement.items.map(itemLabel).join(' ').trim();
  const where = context.say.where(keys.length === 1 ? { table: context.name, label: label || labelOf(table, keys[0] as string) } : { table: context.name, rows: keys.map((row) => named(table, row)) });
  const text = placement.cells.map((cell) => cell.token.text).join(' ');
  const settled = given.status === 'ambiguous' && !given.overflow && placement.slots.length === 1 ? settle(context, table, placement.slots[0] as Slot, given.readings) : undefined;
  const solution: RowSolution = settled ? { status: 'solved', reading: settled.reading, agreed: false, readings: [settled.reading] } : given;
  if (solution.status !== 'solved') {
    const width = (placement.slots[0] as Slot).columns.length;
    const expected = width * placement.slots.length;
    const given = placement.cells.filter((cell) => !cell.optional).length;
    if (solution.status === 'none' && solution.excess > 0) {
      setAside(context, unassigned, placement.items, 'table/too-many-values', context.say.tooManyValues({ where, given, expected }), keys[0]);
    } else if (solution.status === 'none') {
      const code = placement.cells.some((cell) => cell.token.digits !== undefined && cell.token.digits.length > 1) ? 'table/no-split' : 'table/too-few-values';
      setAside(context, unassigned, placement.items, code, code === 'table/no-split' ? context.say.noSplit({ where, text, expected }) : context.say.tooFewValues({ where, given, expected }), keys[0]);
    } else {
      const readings = solution.readings.slice(0, 5).map((reading) => describe(reading));
      const message = context.say.ambiguousValues({ where, text, expected, readings, count: solution.readings.length, overflow: solution.overflow });
      setAside(context, unassigned, placement.items, 'table/ambiguous-values', message, keys[0]);
    }
    return;
  }
  const { reading, agreed, readings } = solution;
  const width = (placement.slots[0] as Slot).columns.length;
  const position = itemPosition(context, placement.items);
  let split = false;
  let inferred = false;
  placement.slots.forEach((slot, r) => {
    const node: Record<string, unknown> = { type: 'row', key: slot.key, label: placement.slots.length === 1 ? label : '', position };
    if (placement.by === 'order') node.placedBy = 'order';
    const cells: Cell[] = [];
    const blanks: Named[] = [];
    slot.columns.forEach((column, c) => {
      const index = r * width + c;
      const value = reading.values[index];
      // Readings that agree on the values may take a cell from different text: then the text
      // says nothing about where the cell is, and it points at the row (`0 0 … 0`, 14 for 15).
      const same = !agreed || readings.every((other) => sameSource(other.candidate[index] as CandidateCell, reading.candidate[index] as CandidateCell));
      const candidate: CandidateCell = same ? (reading.candidate[index] as CandidateCell) : { kind: 'blank' };
      const origin = !same || (settled && candidate.kind === 'split') ? 'inferred' : candidate.kind === 'split' ? 'split' : candidate.kind === 'blank' && value !== undefined ? 'inferred' : 'read';
      if (origin === 'split') split = true;
      if (origin === 'inferred') inferred = true;
      const cell = cellNode(context, candidate, origin === 'inferred' ? value : undefined, origin, where, unitOf(table, column), placement);
      if (cell.state === 'blank') blanks.push({ key: column, label: columnName(table, column) });
      node[column] = cell;
      cells.push(cell);
    });
    rows[slot.key] = node;
    context.assigned?.push({ row: node as RowCells['row'], key: slot.key, columns: slot.columns, cells });
    if (blanks.length > 0) {
      const message = context.say.blankCells({ table: context.name, row: named(table, slot.key), columns: blanks, blankAsZero: Boolean(context.options.blankAsZero) });
      context.diagnostics.push(parseDiagnostic('cell/blank', message, position));
    }
  });
  if (settled) {
    const stated = settled.hints.map((hint) => ({ column: { key: hint.column, label: columnName(table, hint.column) }, value: hint.value }));
    const line = context.source.position(settled.hints[0]?.start ?? 0, settled.hints[0]?.end ?? 0).start.line;
    const readings = given.status === 'ambiguous' ? given.readings.length : 0;
    context.diagnostics.push(parseDiagnostic('cell/settled', context.say.settled({ where, text, readings, stated, line }), position));
  } else if (inferred) {
    context.diagnostics.push(parseDiagnostic('cell/inferred', context.say.inferred({ where, text }), position));
  } else if (split) {
    context.diagnostics.push(parseDiagnostic('cell/split', context.say.split({ where, text }), position));
  }
}

/**
 * The one reading of an ambiguous row that agrees with every value the text before the tables
 * states of the row's cells (TABLE_HINTS): a sentence may choose among readings, never overrule
 * one. Undefined where the text states nothing of the row, or leaves more than one reading.
 */
function settle(context: TableContext, table: TableKey, slot: Slot, readings: readonly Reading[]): { reading: Reading; hints: (Hint & { column: string })[] } | undefined {
  const hints = slot.columns.map((column) => {
    const hint = context.hints?.get(`${table}.${slot.key}.${column}`);
    return hint && { ...hint, column };
  });
  if (!hints.some(Boolean)) return undefined;
  const fits = readings.filter((reading) => hints.every((hint, c) => !hint || reading.values[c] === hint.value));
  return fits.length === 1 ? { reading: fits[0] as Reading, hints: hints.filter((hint): hint is Hint & { column: string } => hint !== undefined) } : undefined;
}

/** Whether two candidate cells come from the same text. */
function sameSource(a: CandidateCell, b: CandidateCell): boolean {
  if (a.kind !== b.kind || a.token !== b.token) return false;
  return a.kind !== 'split' || (a.from === (b as typeof a).from && a.to === (b as typeof a).to);
}

function describe(reading: Reading): string {
  return reading.values.map((value) => (value === undefined ? '_' : String(value))).join('|');
}

const MONEY_UNITS: ReadonlySet<string> = new Set(UNITS.money);

function unitOf(table: TableKey, column: string): string | undefined {
  if (table !== 'activeDisclosure') return undefined;
  const found = [...ACTIVE_DISCLOSURE_2021.columns, ...ACTIVE_DISCLOSURE_2019.columns].find((entry) => entry.key === column);
  return found && 'unit' in found ? found.unit : undefined;
}

/** A cell node from one cell of a reading. */
function cellNode(context: TableContext, candidate: CandidateCell, inferred: number | undefined, origin: 'read' | 'split' | 'inferred', where = context.name, columnUnit?: string, placement?: Placement): Cell {
  const { source, options, diagnostics, say } = context;
  if (candidate.kind === 'blank' && candidate.token === undefined) {
    // A cell the text lost, or one whose text the readings do not agree on: where it is is not
    // known, so it is an empty position where the row's cells begin (`raw` is then '').
    const first = ((placement as Placement).cells[0] as ItemCell).token;
    const position = source.position(first.start, first.start);
    const node: Cell = { type: 'cell', value: inferred ?? null, raw: '', state: inferred === undefined ? 'blank' : 'number', origin, position };
    return node;
  }
  const token = candidate.token as Token;
  // A negative run's digits start after its sign; its first part keeps the sign.
  const sign = token.negative ? 1 : 0;
  const start = candidate.kind === 'split' && candidate.from > 0 ? token.start + sign + candidate.from : token.start;
  const end = candidate.kind === 'split' ? token.start + sign + candidate.to : token.end;
  const position = source.position(start, end);
  const raw = source.input.slice(position.start.offset, position.end.offset);
  if (candidate.kind === 'blank') {
    const node: Cell = { type: 'cell', value: null, raw, state: 'blank', origin: 'read', position };
    if (options.blankAsZero) {
      node.value = 0;
      node.assumedZero = true;
    }
    return node;
  }
  const value = candidate.kind === 'split' ? candidate.value : inferred ?? candidate.value;
  // A number past 2^53 is held only approximately (…993 becomes …992; 400 digits, Infinity): no
  // value at all is better than a rounded one.
  const exact = value === undefined || value === null || Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  const state = token.kind === 'number' && exact ? (token.recovered ? 'recovered' : 'number') : token.kind === 'notApplicable' ? 'notApplicable' : 'unreadable';
  const node: Cell = { type: 'cell', value: state === 'unreadable' ? null : value, raw, state, origin, position };
  if (token.unit) {
    node.unit = token.unit;
    if (columnUnit === '万元' && token.unit === '元' && node.value !== null) {
      node.value = node.value / 10000;
      diagnostics.push(parseDiagnostic('cell/unit-converted', say.unitConverted({ where, raw, value: node.value }), position));
    } else if ((columnUnit === '万元') !== MONEY_UNITS.has(token.unit)) {
      const message = say.unitMismatch({ where, raw, unit: token.unit, amounts: columnUnit === '万元', value: node.value });
      diagnostics.push(parseDiagnostic('cell/unit-mismatch', message, position));
    }
  }
  if (!exact && token.kind === 'number') {
    const digits = raw.replace(/\D/g, '').length;
    diagnostics.push(parseDiagnostic('cell/out-of-range', say.outOfRange({ where, raw: digits > 24 ? `${raw.slice(0, 12)}…` : raw, digits }), position));
    return node;
  }
  if (state === 'recovered') diagnostics.push(parseDiagnostic('cell/recovered', say.recovered({ where, raw, value: node.value }), position));
  if (state === 'unreadable') diagnostics.push(parseDiagnostic('cell/unreadable', say.unreadable({ where, raw }), position));
  return node;
}
