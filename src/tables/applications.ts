import { APPLICATIONS } from '../../grammar/index';
import type { ApplicationsRowKey, ApplicationsTable } from '../ast';
import { parseDiagnostic } from '../diagnostics';
import { createMatcher, labelKey } from '../labels';
import { Memo } from '../memo';
import type { Grid } from './grid';
import { placeRow, usualTrailing, type TableContext, type TableRows } from './rows';

type GroupKey = (typeof APPLICATIONS)['groups'][number]['key'];

const groupMatcher = createMatcher(APPLICATIONS.groups);
const headingMatcher = createMatcher(APPLICATIONS.headings.map((h) => ({ key: 'heading', phrases: h.phrases })));
const leafMatcher = createMatcher(APPLICATIONS.rows);
const leafByKey = new Map<string, { group?: string; onlyInGroup?: boolean }>(
  APPLICATIONS.rows.map((row) => [row.key, { group: 'group' in row ? row.group : undefined, onlyInGroup: 'onlyInGroup' in row }]),
);
const SUBTOTAL = APPLICATIONS.optionalColumns[0];

/** What a row's labels name. */
export interface RowName {
  key: ApplicationsRowKey | undefined;
  /** The group the labels name, which carries over to the rows below. */
  group: GroupKey | undefined;
}

/**
 * Names a table 三 row from its labels. Group and heading phrases are taken out first (they are
 * often fused into an item's label: `三、本年度办理结果 （三）不予公开 (一) 予以公开`), then the most
 * specific item phrase wins. A label naming only a group is the group given as one row. `key` is
 * the labels' comparison key (`GridRow.key`, see labels.ts).
 */
export function nameApplicationsRow(key: string, context: GroupKey | undefined): RowName {
  // Every report repeats the same labels in the same groups.
  let inContext = names.get(context);
  if (!inContext) names.set(context, (inContext = new Memo()));
  let name = inContext.lookup(key);
  if (!name) {
    name = nameRow(key, context);
    inContext.remember(key, name);
  }
  return name;
}

const names = new Map<GroupKey | undefined, Memo<RowName>>();

function nameRow(labelsKey: string, context: GroupKey | undefined): RowName {
  let key = labelsKey;
  const groups = groupMatcher.all(key);
  for (const match of [...groups, ...headingMatcher.all(key)]) key = key.split(match.phrase).join('');
  const group = groups[0]?.key;
  const inGroup = group ?? context;
  const leaf = leafMatcher
    .all(key)
    .find((match) => !leafByKey.get(match.key)?.onlyInGroup || inGroup === 'other');
  if (leaf) return { key: leaf.key, group };
  return { key: group, group };
}

/** Column keys of table 三, with `legalSubtotal` where a header names a 小计 column. */
function columnsOf(grid: Grid): string[] {
  const columns: string[] = APPLICATIONS.columns.map((c) => c.key);
  const header = grid.rows
    .filter((row) => row.values.length === 0)
    .map((row) => row.key)
    .join('');
  const subtotal = header.indexOf(labelKey(SUBTOTAL.phrases[0]));
  if (subtotal === -1) return columns;
  const firstOrganisation = header.indexOf(labelKey('企业'));
  columns.splice(firstOrganisation !== -1 && subtotal < firstOrganisation ? 1 : columns.length - 1, 0, SUBTOTAL.key);
  return columns;
}

/** Reads table 三 (收到和处理政府信息公开申请情况) from its grid. */
export function readApplications(context: TableContext, grid: Grid, start: number, end: number): ApplicationsTable {
  const columns = columnsOf(grid);
  const table: TableRows = { rows: {}, unassigned: [] };
  let group: GroupKey | undefined;
  const trailing = usualTrailing(grid.rows);

  for (const row of grid.rows) {
    const name = nameApplicationsRow(row.key, group);
    if (name.group) group = name.group;
    else if (name.key && !leafByKey.get(name.key)?.group) group = undefined;
    if (row.values.length > 0) placeRow(context, table, row, name.key, columns, trailing);
  }

  const { rows, unassigned } = table;
  const position = context.source.position(start, end);
  const given = (key: string) => key in rows || unassigned.some((u) => u.key === key);
  for (const leaf of APPLICATIONS.rows) {
    if (!given(leaf.key) && !('group' in leaf && given(leaf.group))) {
      context.diagnostics.push(
        parseDiagnostic('table/missing-row', `${context.name}: row ${leaf.key} (${leaf.label}) was not found`, position),
      );
    }
  }

  return {
    type: 'table',
    key: 'applications',
    layout: grid.layout,
    columns,
    rows: rows as ApplicationsTable['rows'],
    unassigned,
    position,
  };
}

