import { APPLICATIONS } from '../../grammar/index';
import type { ApplicationsRowKey } from '../ast';
import { createMatcher } from '../labels';
import { Memo } from '../memo';

type GroupKey = (typeof APPLICATIONS)['groups'][number]['key'];

const groupMatcher = createMatcher(APPLICATIONS.groups);
const headingMatcher = createMatcher(APPLICATIONS.headings.map((h) => ({ key: 'heading', phrases: h.phrases })));
const leafMatcher = createMatcher(APPLICATIONS.rows);
const leafByKey = new Map<string, { group?: string; onlyInGroup?: boolean }>(
  APPLICATIONS.rows.map((row) => [row.key, { group: 'group' in row ? row.group : undefined, onlyInGroup: 'onlyInGroup' in row }]),
);

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
 * the labels' comparison key (see labels.ts).
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
