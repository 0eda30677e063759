import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION, SECTIONS, TABLES } from '../../../grammar/index';
import type { Report, TableKey } from '../../index';
import type { Headers } from '../args';
import { countsOf } from './findings';
import { plain, type Format } from './format';

interface CellColumn {
  /** `table.row.column`, e.g. `applications.denied.stateSecret.total`. */
  name: string;
  /** The form's own name of the cell: `表三 （三）不予公开 1.属于国家秘密 总计`. */
  label: string;
  table: TableKey;
  row: string;
  column: string;
}

interface Labelled {
  readonly key: string;
  readonly label: string;
}

type Block = { readonly rows: readonly string[]; readonly columns: readonly string[] };

/** A table's labels in grammar/: its short name (`表三`, after its part's numeral), its rows', its columns'. */
interface Labels {
  table: string;
  rows: readonly Labelled[];
  columns: readonly Labelled[];
}

function labelsOf(table: TableKey, rows: readonly Labelled[], columns: readonly Labelled[]): Labels {
  const section = TABLES.find((t) => t.key === table)?.section;
  return { table: `表${SECTIONS.find((s) => s.key === section)?.numeral ?? ''}`, rows, columns };
}

function cellsOf(table: TableKey, blocks: readonly Block[], labels: Labels): CellColumn[] {
  const label = (list: readonly Labelled[], key: string) => list.find((entry) => entry.key === key)?.label ?? key;
  return blocks.flatMap((block) =>
    block.rows.flatMap((row) =>
      block.columns.map((column) => ({
        name: `${table}.${row}.${column}`,
        label: `${labels.table} ${label(labels.rows, row)} ${label(labels.columns, column)}`,
        table,
        row,
        column,
      })),
    ),
  );
}

/** Table 三's rows with their labels: a group's own, an item's after its group's (`（三）不予公开 1.属于国家秘密`). */
const APPLICATION_LABELS: readonly Labelled[] = [
  ...APPLICATIONS.groups,
  ...APPLICATIONS.rows.map((row) => {
    const group = 'group' in row ? APPLICATIONS.groups.find((g) => g.key === row.group) : undefined;
    return { key: row.key, label: group ? `${group.label} ${row.label}` : row.label };
  }),
];

/** Table 三's rows in the order of the form, each group's own row just before its first item. */
function applicationRows(): string[] {
  const rows: string[] = [];
  for (const row of APPLICATIONS.rows) {
    const group = 'group' in row ? row.group : undefined;
    if (group !== undefined && !rows.includes(group)) rows.push(group);
    rows.push(row.key);
  }
  return rows;
}

/**
 * One column per cell any report can have, read from the grammar so a cell added there appears
 * here: table 二 in the 2021 format and then the cells only the 2019 format has, table 三 with its
 * group rows and the optional 小计 column, table 四. A fixed set of columns keeps every row of a
 * batch aligned whatever each report holds.
 */
const CELL_COLUMNS: readonly CellColumn[] = (() => {
  const applicationColumns = [...APPLICATIONS.columns, ...APPLICATIONS.optionalColumns];
  const all = [
    // Each format's cells with that format's labels: 2019's 规范性文件 is 2021's 行政规范性文件.
    ...cellsOf('activeDisclosure', ACTIVE_DISCLOSURE_2021.blocks, labelsOf('activeDisclosure', ACTIVE_DISCLOSURE_2021.rows, ACTIVE_DISCLOSURE_2021.columns)),
    ...cellsOf('activeDisclosure', ACTIVE_DISCLOSURE_2019.blocks, labelsOf('activeDisclosure', ACTIVE_DISCLOSURE_2019.rows, ACTIVE_DISCLOSURE_2019.columns)),
    ...cellsOf(
      'applications',
      [{ rows: applicationRows(), columns: applicationColumns.map((c) => c.key) }],
      labelsOf('applications', APPLICATION_LABELS, applicationColumns),
    ),
    ...cellsOf(
      'reviewLitigation',
      [{ rows: REVIEW_LITIGATION.rows.map((r) => r.key), columns: REVIEW_LITIGATION.columns.map((c) => c.key) }],
      labelsOf('reviewLitigation', REVIEW_LITIGATION.rows, REVIEW_LITIGATION.columns),
    ),
  ];
  // A cell both formats have keeps the place and the label of its first, the 2021 format's.
  const seen = new Set<string>();
  return all.filter((cell) => !seen.has(cell.name) && seen.add(cell.name));
})();

/** The columns before the cells: the report's, then what its findings come to. */
const REPORT_COLUMNS = [
  { name: 'path', label: '文件' },
  { name: 'agency', label: '机关' },
  { name: 'year', label: '年度' },
  { name: 'formatVersion', label: '格式版本' },
  { name: 'status', label: '状态' },
  { name: 'errors', label: '错误数' },
  { name: 'warnings', label: '警告数' },
] as const;

const CSV_HEADERS: Record<Headers, readonly string[]> = {
  keys: [...REPORT_COLUMNS, ...CELL_COLUMNS].map((c) => c.name),
  zh: [...REPORT_COLUMNS, ...CELL_COLUMNS].map((c) => c.label),
};

/** A cell's value; undefined when the report lacks the table, the row or the cell. */
function cellValue(report: Report, { table, row, column }: CellColumn): number | null | undefined {
  // The row types differ per table and format; the grammar already says which keys exist.
  const rows = report.tables[table]?.rows as Record<string, Record<string, { value?: number | null }> | undefined> | undefined;
  return rows?.[row]?.[column]?.value;
}

/** A field quoted as RFC 4180 requires: only when it holds a comma, a quote or a line break. */
function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function record(fields: ReadonlyArray<string | number | null | undefined>): string {
  return `${fields.map(field).join(',')}\r\n`;
}

/**
 * CSV, one row per report: UTF-8 with a BOM (without it, Excel reads UTF-8 as the local code page
 * and garbles every Chinese character), CRLF line ends, blank for blank or absent cells. The
 * report's path, agency, year and format, its status (`errors` when it has an error, `warnings`
 * when it has a warning and no error, `ok`) with its counts of errors and warnings, then its cells.
 * `headers`: the columns named by key (`applications.granted.total`) or by the form's labels.
 */
export function csvFormat(headers: Headers = 'keys'): Format {
  return {
    render({ path, result: { report, diagnostics } }) {
      const { agency, year, formatVersion } = report.meta;
      const { errors, warnings } = countsOf(diagnostics);
      const status = errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'ok';
      const cells = CELL_COLUMNS.map((cell) => cellValue(report, cell));
      return plain(record([path, agency, year, formatVersion, status, errors, warnings, ...cells]));
    },
    printer() {
      // Printed before the first row, or alone when no report could be read.
      let header = `\uFEFF${record(CSV_HEADERS[headers])}`;
      const takeHeader = () => {
        const text = header;
        header = '';
        return text;
      };
      return { failed: false, item: ({ output }) => takeHeader() + output, end: takeHeader };
    },
  };
}
