import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, IDENTITIES, REVIEW_LITIGATION } from '../../grammar/index';
import type { ActiveDisclosureTable, ApplicationsTable, Cell, ReviewLitigationTable } from '../ast';
import type { AnyRow } from '../check/cells';

/** A table as text cells, before a layout writes it: blocks of header rows and body rows. */
export interface CellBlock {
  /** A line above the block, such as 第二十条第（一）项. */
  title?: string;
  header: string[];
  rows: string[][];
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
    const present = block.rows.flatMap((key) => {
      const row = rows[key];
      return row ? [[label(variant.rows, key), ...valuesOf(row, block.columns)]] : [];
    });
    if (present.length === 0) continue;
    blocks.push({
      title: `第二十条第${block.article}项`,
      header: ['信息内容', ...block.columns.map((column) => label(variant.columns, column))],
      rows: present,
    });
  }
  return blocks;
}

const BALANCE = IDENTITIES.find((identity) => identity.id === 'applications-balance');
const LABEL_COLUMNS = 3;
// Rows numbered as parts of the table (一、 二、 四、) stand in the first label column; the
// outcomes of 三、本年度办理结果 in the second, their items in the third.
const PART = /^[一二三四五六七八九十]、/;

/**
 * Table 三 as the format lays it out: three label columns (part, outcome, item) before the values,
 * the outcome heading on the first outcome row, a group's label on its own row or else on its
 * first item.
 */
export function applicationsBlock(table: ApplicationsTable): CellBlock {
  const rows = rowsIn(table);
  const body: string[][] = [];
  let heading: string | undefined = APPLICATIONS.headings[0].label;
  const push = (row: AnyRow, labels: string[]) => {
    if (labels[0] === '' && heading) {
      labels[0] = heading;
      heading = undefined;
    }
    body.push([...labels, ...valuesOf(row, table.columns)]);
  };

  const groupsSeen = new Set<string>();
  let pendingGroupLabel: string | undefined;
  for (const spec of APPLICATIONS.rows) {
    const group = 'group' in spec ? APPLICATIONS.groups.find((g) => g.key === spec.group) : undefined;
    if (group && !groupsSeen.has(group.key)) {
      groupsSeen.add(group.key);
      const groupRow = rows[group.key];
      if (groupRow) push(groupRow, ['', group.label, '']);
      pendingGroupLabel = groupRow ? undefined : group.label;
    }
    const row = rows[spec.key];
    if (!row) continue;
    if (group) {
      push(row, ['', pendingGroupLabel ?? '', spec.label]);
      pendingGroupLabel = undefined;
    } else {
      push(row, PART.test(spec.label) ? [spec.label, '', ''] : ['', spec.label, '']);
    }
  }
  const corner = `（本列数据的勾稽关系为：${BALANCE?.name ?? ''}）`;
  const header = [corner, ...Array<string>(LABEL_COLUMNS - 1).fill(''), ...table.columns.map(headerLabel)];
  return { header, rows: body };
}

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
