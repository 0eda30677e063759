import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION, SECTIONS } from '../../grammar/index';
import { createMatcher, labelKey, OPENS_WITH_ORDINAL } from '../labels';
import type { Token } from '../tokens/token';
import { nameApplicationsRow } from './applications';

/** What an item's labels say about its row. */
export interface Naming {
  /** The one row the labels name. */
  key?: string;
  /** Rows named when the labels name more than one (they are then no evidence). */
  several?: string[];
  /**
   * Rows named on the values' own line before the row they belong to: labels with nothing after
   * them before the next label, rows left blank (`行政强制第二十条第（八）项…行政事业性收费0`).
   */
  blank?: string[];
  /** The item's own label is a label, but of no row of the table (its values are set aside). */
  unknown?: boolean;
}

// Ordinals that open a row label: 一、 （一） 1. 1、
const ORDINAL = /[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]/g;

/** Label text cut where an ordinal opens a new label. */
function segments(text: string): string[] {
  const starts: number[] = [];
  // An exec loop on a regexp of its own: matchAll costs several times more, on every label.
  const ordinal = new RegExp(ORDINAL);
  for (let match = ordinal.exec(text); match !== null; match = ordinal.exec(text)) starts.push(match.index);
  if (starts.length === 0) return [text];
  const parts: string[] = [];
  // Text before the first ordinal: a group label in a merged column (`其他处理\t(六)\t1.申请人…`).
  if ((starts[0] as number) > 0) parts.push(text.slice(0, starts[0]));
  for (let i = 0; i < starts.length; i++) parts.push(text.slice(starts[i], starts[i + 1] ?? text.length));
  return parts;
}

const COLUMN_PHRASES = APPLICATIONS.columns.flatMap((column) => column.phrases.map(labelKey));
const HEADING_PHRASES = SECTIONS.flatMap((section) => section.phrases.map(labelKey));

/**
 * A label that is no row's: the part's heading (`三、收到和处理政府信息公开申请情况`), or the
 * table's header, which names two columns or more (`申请人情况自然人法人或其他组织总计…`).
 */
function isHeader(key: string): boolean {
  if (HEADING_PHRASES.some((phrase) => key.includes(phrase))) return true;
  let columns = 0;
  for (const phrase of COLUMN_PHRASES) if (key.includes(phrase) && ++columns === 2) return true;
  return false;
}

function joined(tokens: readonly Token[]): string {
  return tokens.map((token) => token.text).join('');
}

/**
 * Names a table 三 item from its labels: each ordinal-opened label is named on its own (a group
 * or heading label carries its group to the items after it), and the item is pinned to a row only
 * when exactly one row is named. The item's own labels (on its line) are tried before the lines
 * above it.
 */
export function nameApplicationsItem(labels: readonly Token[], own: readonly Token[], context: { group: string | undefined }): Naming {
  let unnamed = false;
  // A group named above the row's own label (`（六）其他处理` / `1.申请人…`) is the row's group.
  if (own.length > 0) {
    for (const part of segments(joined(labels.filter((token) => !own.includes(token))))) {
      const key = labelKey(part);
      if (!isHeader(key)) context.group = nameApplicationsRow(key, context.group as never).group ?? context.group;
    }
  }
  for (const tokens of own.length > 0 ? [own, labels] : [labels]) {
    let group = context.group;
    const leaves: string[] = [];
    let groupRow: string | undefined;
    let strayItem = false;
    for (const part of segments(joined(tokens))) {
      const key = labelKey(part);
      if (isHeader(key)) continue;
      if (tokens === own && OPENS_WITH_ORDINAL.test(part) && key.length >= 3) unnamed = true;
      const name = nameApplicationsRow(key, group as never);
      // An item's own ordinal whose label names nothing (`1.属`, the rest wrapped away): the
      // labels then name the group above an item, not the group as one row.
      if (!name.key && ITEM_ORDINAL.test(part)) strayItem = true;
      if (name.group) group = name.group;
      if (name.key && name.key !== name.group) {
        if (!leaves.includes(name.key)) leaves.push(name.key);
      } else if (name.key) groupRow = name.key;
    }
    if (leaves.length === 0 && !groupRow) continue;
    context.group = group;
    if (leaves.length === 0 && strayItem) return { unknown: true };
    if (leaves.length === 1) return { key: leaves[0] as string };
    if (leaves.length > 1) return tokens === own ? { key: leaves[leaves.length - 1] as string, blank: leaves.slice(0, -1) } : { several: leaves };
    return { key: groupRow as string };
  }
  return unnamed ? { unknown: true } : {};
}

// An item's ordinal: `1.`, `2、`.
const ITEM_ORDINAL = /^\s*\d{1,2}[.．、]/;

const activeMatchers = { '2021': createMatcher(ACTIVE_DISCLOSURE_2021.rows), '2019': createMatcher(ACTIVE_DISCLOSURE_2019.rows) };
const reviewMatcher = createMatcher(REVIEW_LITIGATION.rows);

function nameWith(matcher: { all(key: string): { key: string; index: number }[] }, labels: readonly Token[], own: readonly Token[]): Naming {
  for (const tokens of own.length > 0 ? [own, labels] : [labels]) {
    const matches = [...matcher.all(labelKey(joined(tokens)))].sort((a, b) => a.index - b.index);
    const keys = [...new Set(matches.map((match) => match.key))];
    if (keys.length === 1) return { key: keys[0] as string };
    if (keys.length > 1) return tokens === own ? { key: keys[keys.length - 1] as string, blank: keys.slice(0, -1) } : { several: keys };
  }
  return {};
}

/** Names a table 二 item: the one row its labels name. */
export function nameActiveDisclosureItem(version: '2021' | '2019', labels: readonly Token[], own: readonly Token[]): Naming {
  return nameWith(activeMatchers[version], labels, own);
}

/** Names a table 四 item by its own labels only: the labels above its values are the table's headers. */
export function nameReviewLitigationItem(own: readonly Token[]): Naming {
  return own.length > 0 ? nameWith(reviewMatcher, own, []) : {};
}
