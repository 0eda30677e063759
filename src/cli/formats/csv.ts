import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION } from '../../../grammar/index';
import type { Report, TableKey } from '../../index';
import { plain, type Format } from './format';

interface CellColumn {
  /** `table.row.column`, e.g. `applications.denied.stateSecret.total`. */
  name: string;
  table: TableKey;
  row: string;
  column: string;
}

type Block = { readonly rows: readonly string[]; readonly columns: readonly string[] };

function cellsOf(table: TableKey, blocks: readonly Block[]): CellColumn[] {
  return blocks.flatMap((block) =>
    block.rows.flatMap((row) => block.columns.map((column) => ({ name: `${table}.${row}.${column}`, table, row, column }))),
  );
}

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
  const all = [
    ...cellsOf('activeDisclosure', ACTIVE_DISCLOSURE_2021.blocks),
    ...cellsOf('activeDisclosure', ACTIVE_DISCLOSURE_2019.blocks),
    ...cellsOf('applications', [
      { rows: applicationRows(), columns: [...APPLICATIONS.columns, ...APPLICATIONS.optionalColumns].map((c) => c.key) },
    ]),
    ...cellsOf('reviewLitigation', [
      { rows: REVIEW_LITIGATION.rows.map((r) => r.key), columns: REVIEW_LITIGATION.columns.map((c) => c.key) },
    ]),
  ];
  return [...new Map(all.map((cell) => [cell.name, cell])).values()];
})();

const CSV_HEADER: readonly string[] = ['path', 'agency', 'year', 'formatVersion', ...CELL_COLUMNS.map((c) => c.name)];

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
 * and garbles every Chinese character), CRLF line ends, blank for blank or absent cells.
 */
export function csvFormat(): Format {
  return {
    render({ path, result: { report } }) {
      const { agency, year, formatVersion } = report.meta;
      const cells = CELL_COLUMNS.map((cell) => cellValue(report, cell));
      return plain(record([path, agency, year, formatVersion, ...cells]));
    },
    printer() {
      // Printed before the first row, or alone when no report could be read.
      let header = `\uFEFF${record(CSV_HEADER)}`;
      const takeHeader = () => {
        const text = header;
        header = '';
        return text;
      };
      return { failed: false, item: ({ output }) => takeHeader() + output, end: takeHeader };
    },
  };
}
