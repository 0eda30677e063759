import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2019_MARKERS, ACTIVE_DISCLOSURE_2021 } from '../../grammar/index';
import type { ActiveDisclosureTable } from '../ast';
import { createMatcher } from '../labels';
import type { Grid } from './grid';
import { placeRow, usualTrailing, type TableContext, type TableRows } from './rows';

type Variant = typeof ACTIVE_DISCLOSURE_2021 | typeof ACTIVE_DISCLOSURE_2019;

const matchers = {
  '2021': createMatcher(ACTIVE_DISCLOSURE_2021.rows),
  '2019': createMatcher(ACTIVE_DISCLOSURE_2019.rows),
};
const markerMatcher = createMatcher(ACTIVE_DISCLOSURE_2019_MARKERS.map((m) => ({ key: m, phrases: [m] })));

/** Whether table 二's headers are those of the 2019 trial format. */
export function isActiveDisclosure2019(grid: Grid): boolean {
  return grid.rows.some((row) => markerMatcher.best(row.key) !== undefined);
}

/** Reads table 二 (主动公开政府信息情况): rows by label, columns from the block each row belongs to. */
export function readActiveDisclosure(context: TableContext, grid: Grid, start: number, end: number): ActiveDisclosureTable {
  const formatVersion = isActiveDisclosure2019(grid) ? '2019' : '2021';
  const variant: Variant = formatVersion === '2019' ? ACTIVE_DISCLOSURE_2019 : ACTIVE_DISCLOSURE_2021;
  const matcher = matchers[formatVersion];
  const table: TableRows = { rows: {}, unassigned: [] };
  const units = new Map<string, string | undefined>(variant.columns.map((c) => [c.key, 'unit' in c ? c.unit : undefined]));
  const columns: string[] = [];
  for (const block of variant.blocks) for (const column of block.columns) if (!columns.includes(column)) columns.push(column);

  const trailing = usualTrailing(grid.rows);
  for (const row of grid.rows) {
    if (row.values.length === 0) continue;
    const key = matcher.best(row.key)?.key;
    // Each row's columns are those of the block (article of the 条例) it belongs to.
    const block = key ? variant.blocks.find((b) => (b.rows as readonly string[]).includes(key)) : undefined;
    const blockColumns: readonly string[] = block?.columns ?? [];
    placeRow(context, table, row, key, blockColumns, trailing, blockColumns.map((c) => units.get(c)));
  }

  return {
    type: 'table',
    key: 'activeDisclosure',
    formatVersion,
    layout: grid.layout,
    columns,
    rows: table.rows as never,
    unassigned: table.unassigned,
    position: context.source.position(start, end),
  };
}
