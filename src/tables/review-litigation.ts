import { REVIEW_LITIGATION } from '../../grammar/index';
import type { ReviewLitigationTable, UnassignedRow } from '../ast';
import { createMatcher } from '../labels';
import type { Grid, GridCell, GridRow } from './grid';
import { assign, countMessage, fitValues, setAside, usualTrailing, type TableContext } from './rows';

const rowMatcher = createMatcher(REVIEW_LITIGATION.rows);
const COLUMNS: readonly string[] = REVIEW_LITIGATION.columns.map((c) => c.key);
const ROWS: readonly string[] = REVIEW_LITIGATION.rows.map((r) => r.key);
const EXPECTED = ROWS.length * COLUMNS.length;

/**
 * Reads table 四 (行政复议、行政诉讼). Its headers are usually mangled (`结 果 维 持`, stacked,
 * truncated), so when the rows are not labelled one per line, the 15 numbers in order are the
 * only reliable signal: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5.
 */
export function readReviewLitigation(context: TableContext, grid: Grid, start: number, end: number): ReviewLitigationTable {
  const rows: Record<string, unknown> = {};
  const unassigned: UnassignedRow[] = [];
  // The table's own copy, which its rows are assigned with too.
  const columns = [...COLUMNS];
  const read = grid.rows.filter((row) => row.values.length > 0);
  // One line of numbers may have left its first or last cell blank.
  const valueRows = read.length === 1 ? [fitValues(read[0] as GridRow, EXPECTED, usualTrailing(grid.rows)) ?? (read[0] as GridRow)] : read;
  const labelled = valueRows.map((row) => rowMatcher.best(row.key)?.key);

  if (valueRows.length === ROWS.length && labelled.every((key, i) => key === ROWS[i]) && valueRows.every((row) => row.values.length === COLUMNS.length)) {
    valueRows.forEach((row, i) => {
      rows[ROWS[i] as string] = assign(context, row, ROWS[i] as string, row.label, columns);
    });
  } else {
    const values: GridCell[] = [];
    for (const row of valueRows) for (const cell of row.values) values.push(cell);
    if (values.length === EXPECTED) {
      for (let r = 0; r < ROWS.length; r++) {
        const slice = values.slice(r * COLUMNS.length, (r + 1) * COLUMNS.length);
        const first = slice[0] as GridRow['values'][number];
        const last = slice[slice.length - 1] as GridRow['values'][number];
        const row: GridRow = { firstLine: -1, lastLine: -1, start: first.start, end: last.end, labels: [], label: '', key: '', values: slice, leading: [], trailing: [] };
        rows[ROWS[r] as string] = assign(context, row, ROWS[r] as string, '', columns);
      }
    } else if (values.length > 0) {
      const code = values.length > EXPECTED ? 'table/too-many-values' : 'table/too-few-values';
      const message = `${countMessage(context.name, '', values.length, EXPECTED)} (3 rows × 5 columns)`;
      for (const row of valueRows) setAside(context, unassigned, row, code, message);
    }
  }

  return {
    type: 'table',
    key: 'reviewLitigation',
    layout: grid.layout,
    columns,
    rows: rows as ReviewLitigationTable['rows'],
    unassigned,
    position: context.source.position(start, end),
  };
}
