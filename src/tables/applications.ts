import { APPLICATIONS } from '../../grammar/index';
import type { ApplicationsRowKey, ApplicationsTable, UnassignedRow } from '../ast';
import { parseDiagnostic } from '../diagnostics';
import { createMatcher, labelKey } from '../labels';
import type { Grid } from './grid';
import { assign, countMessage, fitValues, labelText, setAside, unknownMessage, usualTrailing, type TableContext } from './rows';

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
 * specific item phrase wins. A label naming only a group is the group given as one row.
 */
export function nameApplicationsRow(label: string, context: GroupKey | undefined): RowName {
  // Every report repeats the same labels in the same groups.
  const cacheKey = `${context ?? ''}\u0000${label}`;
  let name = names.get(cacheKey);
  if (!name) {
    name = nameRow(label, context);
    if (names.size >= MAX_CACHED_NAMES) names.clear();
    if (label.length <= 200) names.set(cacheKey, name);
  }
  return name;
}

const names = new Map<string, RowName>();
const MAX_CACHED_NAMES = 4096;

function nameRow(label: string, context: GroupKey | undefined): RowName {
  let key = labelKey(label);
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
    .map((row) => labelKey(labelText(row)))
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
  const rows: Record<string, unknown> = {};
  const unassigned: UnassignedRow[] = [];
  const seen = new Set<string>();
  let group: GroupKey | undefined;
  const trailing = usualTrailing(grid.rows);

  for (const read of grid.rows) {
    const label = labelText(read);
    const row = fitValues(read, columns.length, trailing) ?? read;
    const name = nameApplicationsRow(label, group);
    if (name.group) group = name.group;
    else if (name.key && !leafByKey.get(name.key)?.group) group = undefined;
    if (row.values.length === 0) continue;
    if (!name.key) {
      setAside(context, unassigned, row, 'table/unknown-row', unknownMessage(context.name, label));
      continue;
    }
    if (row.values.length !== columns.length) {
      const code = row.values.length > columns.length ? 'table/too-many-values' : 'table/too-few-values';
      setAside(context, unassigned, row, code, countMessage(context.name, label, row.values.length, columns.length), name.key);
      continue;
    }
    if (seen.has(name.key)) {
      setAside(context, unassigned, row, 'table/duplicate-row', `${context.name}: row ${name.key} (${label}) appears again; the first one is kept`, name.key);
      continue;
    }
    seen.add(name.key);
    rows[name.key] = assign(context, row, name.key, label, columns);
  }

  for (const leaf of APPLICATIONS.rows) {
    const given = seen.has(leaf.key) || unassigned.some((u) => u.key === leaf.key);
    const leafGroup = 'group' in leaf ? leaf.group : undefined;
    const groupGiven = leafGroup !== undefined && (seen.has(leafGroup) || unassigned.some((u) => u.key === leafGroup));
    if (!given && !groupGiven) {
      context.diagnostics.push(
        parseDiagnostic('table/missing-row', `${context.name}: row ${leaf.key} (${leaf.label}) was not found`, context.source.position(start, end)),
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
    position: context.source.position(start, end),
  };
}

