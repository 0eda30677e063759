import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2019_MARKERS, ACTIVE_DISCLOSURE_2021 } from '../../grammar/index';
import type { ActiveDisclosureTable, UnassignedRow } from '../ast';
import { createMatcher, labelKey } from '../labels';
import type { Grid } from './grid';
import { assign, countMessage, fitValues, labelText, setAside, unknownMessage, usualTrailing, type TableContext } from './rows';

type Variant = typeof ACTIVE_DISCLOSURE_2021 | typeof ACTIVE_DISCLOSURE_2019;

const matchers = {
  '2021': createMatcher(ACTIVE_DISCLOSURE_2021.rows),
  '2019': createMatcher(ACTIVE_DISCLOSURE_2019.rows),
};
const markerMatcher = createMatcher(ACTIVE_DISCLOSURE_2019_MARKERS.map((m) => ({ key: m, phrases: [m] })));

/** Whether table 二's headers are those of the 2019 trial format. */
export function isActiveDisclosure2019(grid: Grid): boolean {
  return grid.rows.some((row) => markerMatcher.best(labelKey(labelText(row))) !== undefined);
}

/** Reads table 二 (主动公开政府信息情况): rows by label, columns from the block each row belongs to. */
export function readActiveDisclosure(context: TableContext, grid: Grid, start: number, end: number): ActiveDisclosureTable {
  const formatVersion = isActiveDisclosure2019(grid) ? '2019' : '2021';
  const variant: Variant = formatVersion === '2019' ? ACTIVE_DISCLOSURE_2019 : ACTIVE_DISCLOSURE_2021;
  const matcher = matchers[formatVersion];
  const rows: Record<string, unknown> = {};
  const unassigned: UnassignedRow[] = [];
  const units = new Map<string, string | undefined>(variant.columns.map((c) => [c.key, 'unit' in c ? c.unit : undefined]));
  const columns: string[] = [];
  for (const block of variant.blocks) for (const column of block.columns) if (!columns.includes(column)) columns.push(column);

  const trailing = usualTrailing(grid.rows);
  for (const read of grid.rows) {
    if (read.values.length === 0) continue;
    const label = labelText(read);
    const key = matcher.best(labelKey(label))?.key;
    if (!key) {
      setAside(context, unassigned, read, 'table/unknown-row', unknownMessage(context.name, label));
      continue;
    }
    const block = variant.blocks.find((b) => (b.rows as readonly string[]).includes(key));
    const blockColumns: readonly string[] = block?.columns ?? [];
    const row = fitValues(read, blockColumns.length, trailing) ?? read;
    if (row.values.length !== blockColumns.length) {
      const code = row.values.length > blockColumns.length ? 'table/too-many-values' : 'table/too-few-values';
      setAside(context, unassigned, row, code, countMessage(context.name, label, row.values.length, blockColumns.length), key);
      continue;
    }
    if (rows[key]) {
      setAside(context, unassigned, row, 'table/duplicate-row', `${context.name}: row ${key} (${label}) appears again; the first one is kept`, key);
      continue;
    }
    rows[key] = assign(context, row, key, label, blockColumns, blockColumns.map((c) => units.get(c)));
  }

  return {
    type: 'table',
    key: 'activeDisclosure',
    formatVersion,
    layout: grid.layout,
    columns,
    rows: rows as never,
    unassigned,
    position: context.source.position(start, end),
  };
}
