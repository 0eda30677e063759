import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, IDENTITIES, REVIEW_LITIGATION } from '../../grammar/index';
import type { ActiveDisclosureTable, ApplicationsTable, Cell, ReviewLitigationTable } from '../ast';
import { cellRef, type AnyRow } from '../check/cells';
import type { CellRef } from '../diagnostics';

/** A table as text cells, before a layout writes it: blocks of header rows and body rows. */
export interface CellBlock {
  /** A line above the block, such as 第二十条第（一）项. */
  title?: string;
  header: string[];
  rows: string[][];
  /** The row key of each row of `rows`, and the column keys of its values (table 二). */
  keys?: { rows: string[]; columns: readonly string[] };
}

const label = (entries: readonly { readonly key: string; readonly label: string }[], key: string) =>
  entries.find((entry) => entry.key === key)?.label ?? key;

/** A cell's text: its value as a plain number, `/` when not applicable, empty when blank. */
function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.value !== null) return String(cell.value);
  return cell.state === 'notApplicable' ? '/' : '';
}

const rowsIn = (table: { rows: object }) => table.rows as Readonly<Record<string, AnyRow | undefined>>;

function valuesOf(row: AnyRow, columns: readonly string[]): string[] {
  return columns.map((column) => cellText(row[column] as Cell | undefined));
}

/** Table 二: one block per article of the 条例, as the format has it. */
export function activeDisclosureBlocks(table: ActiveDisclosureTable): CellBlock[] {
  const variant = table.formatVersion === '2019' ? ACTIVE_DISCLOSURE_2019 : ACTIVE_DISCLOSURE_2021;
  const rows = rowsIn(table);
  const blocks: CellBlock[] = [];
  for (const block of variant.blocks) {
    const keys = block.rows.filter((key) => rows[key]);
    if (keys.length === 0) continue;
    blocks.push({
      title: `第二十条第${block.article}项`,
      header: ['信息内容', ...block.columns.map((column) => label(variant.columns, column))],
      rows: keys.map((key) => [label(variant.rows, key), ...valuesOf(rows[key] as AnyRow, block.columns)]),
      keys: { rows: keys, columns: block.columns },
    });
  }
  return blocks;
}

const BALANCE = IDENTITIES.find((identity) => identity.id === 'applications-balance');
const LABEL_COLUMNS = 3;
// Rows numbered as parts of the table (一、 二、 四、) stand in the first label column; the
// outcomes of 三、本年度办理结果 in the second, their items in the third.
const PART = /^[一二三四五六七八九十]、/;

type ApplicationsGroup = (typeof APPLICATIONS.groups)[number];

/** A row of table 三 the report has, with what stands in its label columns. */
type ApplicationsLine =
  /** 一、 二、 四、: the parts of the table. */
  | { kind: 'part'; key: string; label: string; values: string[] }
  /** An outcome of 三、本年度办理结果 that is no group: （一） （二） （七）. */
  | { kind: 'outcome'; key: string; label: string; values: string[] }
  /** A group given as a row of its own: （三）不予公开 with its values. */
  | { kind: 'group'; key: string; group: ApplicationsGroup; values: string[] }
  /** An item of a group: 1.属于国家秘密. */
  | { kind: 'item'; key: string; group: ApplicationsGroup; label: string; values: string[] };

/** The rows of table 三 the report has, in the order of grammar/. */
function applicationsLines(table: ApplicationsTable): ApplicationsLine[] {
  const rows = rowsIn(table);
  const lines: ApplicationsLine[] = [];
  const groupsSeen = new Set<string>();
  for (const spec of APPLICATIONS.rows) {
    const group = 'group' in spec ? APPLICATIONS.groups.find((g) => g.key === spec.group) : undefined;
    if (group && !groupsSeen.has(group.key)) {
      groupsSeen.add(group.key);
      const groupRow = rows[group.key];
      if (groupRow) lines.push({ kind: 'group', key: group.key, group, values: valuesOf(groupRow, table.columns) });
    }
    const row = rows[spec.key];
    if (!row) continue;
    const values = valuesOf(row, table.columns);
    if (group) lines.push({ kind: 'item', key: spec.key, group, label: spec.label, values });
    else lines.push({ kind: PART.test(spec.label) ? 'part' : 'outcome', key: spec.key, label: spec.label, values });
  }
  return lines;
}

const inGroup = (line: ApplicationsLine | undefined, group: ApplicationsGroup) =>
  (line?.kind === 'group' || line?.kind === 'item') && line.group === group;

/**
 * Table 三 as the format lays it out: three label columns (part, outcome, item) before the values,
 * the outcome heading on the first outcome row, a group's label on its own row or else on its
 * first item.
 */
export function applicationsBlock(table: ApplicationsTable): CellBlock {
  let heading: string | undefined = APPLICATIONS.headings[0].label;
  const lines = applicationsLines(table);
  const body = lines.map((line, i) => {
    const labels =
      line.kind === 'part'
        ? [line.label, '', '']
        : line.kind === 'outcome'
          ? ['', line.label, '']
          : line.kind === 'group'
            ? ['', line.group.label, '']
            : ['', inGroup(lines[i - 1], line.group) ? '' : line.group.label, line.label];
    if (labels[0] === '' && heading) {
      labels[0] = heading;
      heading = undefined;
    }
    return [...labels, ...line.values];
  });
  const header = [applicationsCorner(), ...Array<string>(LABEL_COLUMNS - 1).fill(''), ...table.columns.map(headerLabel)];
  return { header, rows: body };
}

const applicationsCorner = () => `（本列数据的勾稽关系为：${BALANCE?.name ?? ''}）`;

function headerLabel(column: string): string {
  return label([...APPLICATIONS.columns, ...APPLICATIONS.optionalColumns], column);
}

/** Table 四: one labelled row per kind of case, five columns each. */
export function reviewLitigationBlock(table: ReviewLitigationTable): CellBlock {
  const rows = rowsIn(table);
  const columns = REVIEW_LITIGATION.columns.map((column) => column.key);
  return {
    header: ['', ...REVIEW_LITIGATION.columns.map((column) => column.label)],
    rows: REVIEW_LITIGATION.rows.flatMap((spec) => {
      const row = rows[spec.key];
      return row ? [[spec.label, ...valuesOf(row, columns)]] : [];
    }),
  };
}

/** A cell of a table with merged cells: its text, and the grid columns and rows it spans. */
export interface SpanCell {
  text: string;
  /** A label (column or row header) rather than a value. */
  header: boolean;
  /** Grid columns it covers; absent for one. */
  colspan?: number;
  /** Grid rows it covers; absent for one. */
  rowspan?: number;
  /** The cell of the report a value stands for (absent on labels). */
  ref?: CellRef;
}

/**
 * A table as the national template draws it, with its merged cells: header rows, then groups of
 * body rows (table 二 has one per article of the 条例, each with its own title and header rows).
 */
export interface SpanTable {
  head: SpanCell[][];
  bodies: SpanCell[][][];
}

function span(text: string, header: boolean, colspan = 1, rowspan = 1, ref?: CellRef): SpanCell {
  return { text, header, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}), ...(ref ? { ref } : {}) };
}

/**
 * Table 二 as one grid, as the template has it: each block (the blocks of
 * {@link activeDisclosureBlocks}) under its title across the full width, with its own header row;
 * a block with fewer columns than the widest one widens its last column to fill the row
 * (第二十条第（五）项's 本年处理决定数量 across the three columns of 第二十条第（一）项).
 */
export function activeDisclosureSpans(table: ActiveDisclosureTable): SpanTable {
  const blocks = activeDisclosureBlocks(table);
  const width = Math.max(0, ...blocks.flatMap((block) => [block.header, ...block.rows].map((cells) => cells.length)));
  const row = (cells: readonly string[], header: boolean, refOf?: (i: number) => CellRef | undefined) =>
    cells.map((text, i) => span(text, header || i === 0, i === cells.length - 1 ? width - cells.length + 1 : 1, 1, refOf?.(i)));
  return {
    head: [],
    bodies: blocks.map((block) => [
      ...(block.title ? [[span(block.title, true, width)]] : []),
      row(block.header, true),
      ...block.rows.map((cells, r) =>
        row(cells, false, (i) => {
          const key = block.keys?.rows[r];
          const column = block.keys?.columns[i - 1];
          return i > 0 && key !== undefined && column !== undefined ? cellRef('activeDisclosure', key, column) : undefined;
        }),
      ),
    ]),
  };
}

// Header cells of table 三 the template has over its columns, which grammar/ names no column.
const APPLICANTS_HEADING = '申请人情况';
const ORGANISATIONS_HEADING = '法人或其他组织';
const ORGANISATION_COLUMNS: ReadonlySet<string> = new Set([
  ...APPLICATIONS.organisationColumns,
  ...APPLICATIONS.optionalColumns.map((column) => column.key),
]);

/**
 * Table 三 with the template's merged cells. Header: the corner cell across the label columns and
 * all header rows, 申请人情况 across the value columns, 法人或其他组织 across the organisation
 * columns (and a 小计 column beside them), the other columns (自然人, 总计) down the rows below
 * 申请人情况. Body: 三、本年度办理结果 down all its outcome rows, a group's label down its items,
 * a row's label across the label columns it does not share with such a cell.
 */
export function applicationsSpans(table: ApplicationsTable): SpanTable {
  // Runs of adjacent columns: organisation columns together under 法人或其他组织.
  const runs: { organisations: boolean; columns: string[] }[] = [];
  for (const column of table.columns) {
    const organisations = ORGANISATION_COLUMNS.has(column);
    const last = runs[runs.length - 1];
    if (last && organisations && last.organisations) last.columns.push(column);
    else runs.push({ organisations, columns: [column] });
  }
  // A 小计 column alone is no group of organisation columns.
  for (const run of runs) {
    if (run.organisations && !run.columns.some((column) => APPLICATIONS.organisationColumns.some((key) => key === column))) {
      run.organisations = false;
    }
  }
  const grouped = runs.some((run) => run.organisations);
  const depth = table.columns.length === 0 ? 1 : grouped ? 3 : 2;
  const head: SpanCell[][] = [[span(applicationsCorner(), true, LABEL_COLUMNS, depth)]];
  if (table.columns.length > 0) {
    head[0]?.push(span(APPLICANTS_HEADING, true, table.columns.length));
    head.push(
      runs.flatMap((run) =>
        run.organisations
          ? [span(ORGANISATIONS_HEADING, true, run.columns.length)]
          : run.columns.map((column) => span(headerLabel(column), true, 1, depth - 1)),
      ),
    );
    if (grouped) {
      head.push(runs.flatMap((run) => (run.organisations ? run.columns.map((column) => span(headerLabel(column), true)) : [])));
    }
  }

  const lines = applicationsLines(table);
  const values = (line: ApplicationsLine) =>
    line.values.map((text, i) => span(text, false, 1, 1, cellRef('applications', line.key, table.columns[i] as string)));
  /** How many lines from `from` on satisfy `test`, one after the other. */
  const runLength = (from: number, test: (line: ApplicationsLine) => boolean) => {
    let end = from;
    while (end < lines.length && test(lines[end] as ApplicationsLine)) end++;
    return end - from;
  };
  const body = lines.map((line, i) => {
    if (line.kind === 'part') return [span(line.label, true, LABEL_COLUMNS), ...values(line)];
    const cells: SpanCell[] = [];
    if (lines[i - 1]?.kind === 'part' || i === 0) {
      cells.push(span(APPLICATIONS.headings[0].label, true, 1, runLength(i, (next) => next.kind !== 'part')));
    }
    if (line.kind === 'outcome') cells.push(span(line.label, true, LABEL_COLUMNS - 1));
    else {
      const first = !inGroup(lines[i - 1], line.group);
      const size = first ? runLength(i, (next) => inGroup(next, line.group)) : 0;
      if (line.kind === 'group') {
        // A group given as one row is a label across both columns; with its items below, its
        // label heads them too and its own row has no item label.
        cells.push(...(size === 1 ? [span(line.group.label, true, LABEL_COLUMNS - 1)] : [span(line.group.label, true, 1, size), span('', true)]));
      } else {
        if (first) cells.push(span(line.group.label, true, 1, size));
        cells.push(span(line.label, true));
      }
    }
    return [...cells, ...values(line)];
  });
  return { head, bodies: body.length > 0 ? [body] : [] };
}

// grammar/ labels a kind of lawsuit `行政诉讼 · 未经复议直接起诉`: the heading it stands under, then its own.
const UNDER = ' · ';

/**
 * Table 四 with the template's merged cells: a heading per kind of case across its five columns
 * (行政诉讼 across the two kinds of lawsuit, each of them across its five), the result labels
 * below, and the 15 values in one row. Only the kinds the report has are written (all, with no
 * value row, when it has none).
 */
export function reviewLitigationSpans(table: ReviewLitigationTable): SpanTable {
  const rows = rowsIn(table);
  const columns = REVIEW_LITIGATION.columns.map((column) => column.key);
  const width = columns.length;
  const present = REVIEW_LITIGATION.rows.filter((spec) => rows[spec.key]);
  const kinds = (present.length > 0 ? present : REVIEW_LITIGATION.rows).map((spec) => {
    const at = spec.label.indexOf(UNDER);
    return at < 0 ? { under: undefined, label: spec.label } : { under: spec.label.slice(0, at), label: spec.label.slice(at + UNDER.length) };
  });
  const nested = kinds.some((kind) => kind.under !== undefined);
  const top: SpanCell[] = [];
  for (let i = 0; i < kinds.length; ) {
    const { under, label } = kinds[i] as (typeof kinds)[number];
    let end = i + 1;
    if (under === undefined) top.push(span(label, true, width, nested ? 2 : 1));
    else {
      while (end < kinds.length && kinds[end]?.under === under) end++;
      top.push(span(under, true, width * (end - i)));
    }
    i = end;
  }
  const head = [top];
  if (nested) head.push(kinds.flatMap((kind) => (kind.under === undefined ? [] : [span(kind.label, true, width)])));
  head.push(kinds.flatMap(() => REVIEW_LITIGATION.columns.map((column) => span(column.label, true))));
  const values = present.flatMap((spec) =>
    valuesOf(rows[spec.key] as AnyRow, columns).map((text, i) =>
      span(text, false, 1, 1, cellRef('reviewLitigation', spec.key, columns[i] as string)),
    ),
  );
  return { head, bodies: values.length > 0 ? [[values]] : [] };
}
