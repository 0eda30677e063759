import {
  ACTIVE_DISCLOSURE_2019,
  ACTIVE_DISCLOSURE_2021,
  APPLICATIONS,
  REVIEW_LITIGATION,
  SECTIONS,
  TABLES,
} from '../../grammar/index';
import type { TableKey } from '../ast';

interface Labelled {
  readonly key: string;
  readonly label: string;
}

const byKey = (entries: readonly Labelled[]) => new Map(entries.map((entry) => [entry.key, entry.label]));

const GROUP_LABELS = byKey(APPLICATIONS.groups);
// Where both formats of table 二 have a key (`normativeDocuments`, `amount`), the 2021 label wins.
const ROW_LABELS: Record<TableKey, Map<string, string>> = {
  activeDisclosure: byKey([...ACTIVE_DISCLOSURE_2019.rows, ...ACTIVE_DISCLOSURE_2021.rows]),
  applications: new Map([
    ...GROUP_LABELS,
    // An item reads as its group and its own label: `（三）不予公开 1.属于国家秘密`.
    ...APPLICATIONS.rows.map((row): [string, string] => [
      row.key,
      'group' in row ? `${GROUP_LABELS.get(row.group)} ${row.label}` : row.label,
    ]),
  ]),
  reviewLitigation: byKey(REVIEW_LITIGATION.rows),
};
const COLUMN_LABELS: Record<TableKey, Map<string, string>> = {
  activeDisclosure: byKey([...ACTIVE_DISCLOSURE_2019.columns, ...ACTIVE_DISCLOSURE_2021.columns]),
  applications: byKey([...APPLICATIONS.columns, ...APPLICATIONS.optionalColumns]),
  reviewLitigation: byKey(REVIEW_LITIGATION.columns),
};

/** A table's short name, `表三`, from the numeral of the part that holds it. */
export function tableName(table: TableKey): string {
  const section = TABLES.find((t) => t.key === table)?.section;
  return `表${SECTIONS.find((s) => s.key === section)?.numeral ?? ''}`;
}

/** A row's label from grammar/ (an item with its group), or its key when grammar/ has none. */
export function rowName(table: TableKey, row: string): string {
  return ROW_LABELS[table].get(row) ?? row;
}

const COLUMN_LABELS_2019 = byKey(ACTIVE_DISCLOSURE_2019.columns);

/**
 * A column's label from grammar/, or its key when grammar/ has none. Table 二's labels are the
 * 2021 format's unless `format` says 2019 (its `amount` is 采购总金额, not 本年收费金额).
 */
export function columnName(table: TableKey, column: string, format?: string): string {
  if (table === 'activeDisclosure' && format === '2019') return COLUMN_LABELS_2019.get(column) ?? column;
  return COLUMN_LABELS[table].get(column) ?? column;
}

/** A number as a message shows it: whole numbers plainly, others without float noise. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** A signed difference: `+2`, `-1`, `0`. */
export function formatDifference(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}
