import type { Line } from '../lines/split';
import { SECTIONS, TABLES } from '../../grammar/index';
import { labelKey } from '../labels';
import { readHeading, readMisnumberedHeading, stripMarkdown, type MisnumberedHeading, type SectionHeading } from './headings';

const SECTION_ORDER: readonly string[] = SECTIONS.map((section) => section.key);

/** A span of lines, inclusive. */
export interface LineSpan {
  first: number;
  last: number;
}

/** A part heading found at a line. */
export interface HeadingAt extends LineSpan {
  section: SectionHeading;
}

/** The document's shape, read from the kinds of its lines. */
export interface Outline {
  /** Part headings in document order, each spanning to the line before the next. */
  sections: HeadingAt[];
  /** Lines of pre-2019 style part headings (收费及减免, a seventh part…). */
  pre2019Headings: number[];
  /**
   * Lines of part 一 headings that open another report: a text holding several (a page listing
   * two years, exports run together). `sections` are the first report's.
   */
  laterReports: number[];
}

/** Reads the part headings of the lines whose kinds are given (tables are read from tokens, see tables/regions.ts). */
export function readOutline(lines: readonly Line[], kinds: string): Outline {
  const sections: HeadingAt[] = [];
  const pre2019Headings: number[] = [];
  const candidates: { line: number; section: SectionHeading }[] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'H') continue;
    const reading = readHeading((lines[i] as Line).text.trim());
    if (reading?.kind === 'pre-2019') pre2019Headings.push(i);
    else if (reading) candidates.push({ line: i, section: reading.section });
  }
  const lastLineOf = new Map<string, number>();
  for (const { line, section } of candidates) lastLineOf.set(section.key, line);
  let order = -1;
  for (const { line, section } of candidates) {
    // A table of contents lists the headings one under the other; the same heading comes
    // again later, above its text. Keep that one.
    let next = line + 1;
    while (next < kinds.length && kinds[next] === 'B') next++;
    if (kinds[next] === 'H' && (lastLineOf.get(section.key) as number) > line) continue;
    // Parts only move forward: a later line naming an earlier part is text, not a heading.
    const rank = SECTION_ORDER.indexOf(section.key);
    if (rank <= order) continue;
    order = rank;
    sections.push({ first: line, last: line, section });
  }
  const laterReports = findLaterReports(candidates, kinds);
  const end = laterReports[0] ?? lines.length;
  const kept = sections.filter((heading) => heading.first < end);
  // Pre-2019 reports name and number their parts otherwise: nothing of theirs is misnumbered.
  if (pre2019Headings.length === 0) fillWithMisnumbered(kept, lines, kinds, end);
  for (let s = 0; s < kept.length; s++) {
    const next = kept[s + 1];
    (kept[s] as HeadingAt).last = next ? next.first - 1 : end - 1;
  }
  return { sections: kept, pre2019Headings, laterReports };
}

/**
 * Part 一 headings that open another report: each after the parts 一 to 四 of the report before
 * it and followed by a part 二. A heading listed in a table of contents (another part heading
 * right under it) neither opens a report nor counts as a part seen: a contents list before the
 * parts is no report of its own.
 */
function findLaterReports(candidates: readonly { line: number; section: SectionHeading }[], kinds: string): number[] {
  const starts: number[] = [];
  let seen = new Set<number>();
  let lastPartTwo = -1;
  for (let c = 0; c < candidates.length; c++) if ((candidates[c] as { section: SectionHeading }).section.key === SECTION_ORDER[1]) lastPartTwo = c;
  for (let c = 0; c < candidates.length; c++) {
    const { line, section } = candidates[c] as { line: number; section: SectionHeading };
    let next = line + 1;
    while (next < kinds.length && kinds[next] === 'B') next++;
    if (kinds[next] === 'H') continue;
    const rank = SECTION_ORDER.indexOf(section.key);
    const opensAnother = rank === 0 && c < lastPartTwo && [0, 1, 2, 3].every((part) => seen.has(part));
    if (opensAnother) {
      starts.push(line);
      seen = new Set();
    }
    seen.add(rank);
  }
  return starts;
}

// ---------------------------------------------------------------------------------------------
// Parts recognised by their words where their numeral is wrong.

/** A misnumbered heading found at a line. */
interface MisnumberedAt extends MisnumberedHeading {
  line: number;
  rank: number;
}

// A misnumbered heading is at most this many parts away from its own numeral (`一、` for part
// 二, `五、` for part 六): numbered points inside a part (`一、存在的主要问题` under part 五) are
// further off.
const MAX_OFFSET = 2;
// How far below a misnumbered heading of a part with a table the table's anchor may stand.
const TABLE_REACH = 12;
const TABLE_ANCHORS: ReadonlyMap<string, readonly string[]> = new Map(TABLES.map((table) => [table.section, table.anchors.map(labelKey)]));
const NUMERAL_OR_MARKDOWN = /^[#>*_\s]*[一二三四五六]/;

/**
 * Adds to `kept` (the headings numbered right, in order) the misnumbered headings that stand
 * where a part is missing: between the parts before and after it in the format's order, each
 * naming a part that lies between those two. Within such a gap the most headings in order are
 * taken, the surest first (the longer phrase, the nearer numeral); a heading of a part with a
 * table (二, 三, 四) only where an anchor of that table (grammar/'s TABLES) follows it before the
 * next heading, so that a point of part 一 (`三、主动公开工作情况`) is not taken for part 二.
 */
function fillWithMisnumbered(kept: HeadingAt[], lines: readonly Line[], kinds: string, end: number): void {
  const found: MisnumberedAt[] = [];
  for (let i = 0; i < end; i++) {
    if (kinds[i] !== 'L' && kinds[i] !== 'T') continue;
    const text = (lines[i] as Line).text;
    if (!NUMERAL_OR_MARKDOWN.test(text)) continue;
    const reading = readMisnumberedHeading(text.trim());
    if (!reading || reading.offset > MAX_OFFSET) continue;
    found.push({ ...reading, line: i, rank: SECTION_ORDER.indexOf(reading.section.key) });
  }
  if (found.length === 0) return;
  // Every heading line, in order: a table follows a heading only before the next one.
  const headingLines = [...new Set([...kept.map((heading) => heading.first), ...found.map((heading) => heading.line)])].sort((a, b) => a - b);
  const nextHeading = new Map(headingLines.map((line, i) => [line, headingLines[i + 1] ?? end]));
  const evidenced = found.filter((heading) => tableFollows(heading, lines, nextHeading.get(heading.line) ?? end));
  const added: HeadingAt[] = [];
  for (let gap = 0; gap <= kept.length; gap++) {
    const before = kept[gap - 1];
    const after = kept[gap];
    const low = before ? SECTION_ORDER.indexOf(before.section.key) : -1;
    const high = after ? SECTION_ORDER.indexOf(after.section.key) : SECTION_ORDER.length;
    const from = before ? before.first : -1;
    const to = after ? after.first : end;
    const inGap = evidenced.filter((h) => h.line > from && h.line < to && h.rank > low && h.rank < high);
    for (const heading of bestChain(inGap)) added.push({ first: heading.line, last: heading.line, section: heading.section });
  }
  if (added.length === 0) return;
  kept.push(...added);
  kept.sort((a, b) => a.first - b.first);
  for (let s = 0; s < kept.length; s++) {
    const next = kept[s + 1];
    (kept[s] as HeadingAt).last = next ? next.first - 1 : end - 1;
  }
}

/** Whether the table of a heading's part follows it before `next` (always, for a part without a table). */
function tableFollows(heading: MisnumberedAt, lines: readonly Line[], next: number): boolean {
  const anchors = TABLE_ANCHORS.get(heading.section.key);
  if (!anchors) return true;
  for (let i = heading.line + 1; i < Math.min(next, heading.line + 1 + TABLE_REACH, lines.length); i++) {
    const key = labelKey(stripMarkdown((lines[i] as Line).text.trim()));
    if (anchors.some((anchor) => key.includes(anchor))) return true;
  }
  return false;
}

/**
 * The chain of headings in document order whose parts strictly follow each other that holds the
 * most headings; among those, the surest (longest phrases, then nearest numerals), then the first.
 * Six parts: one pass keeping the best chain ending in each part.
 */
function bestChain(headings: readonly MisnumberedAt[]): MisnumberedAt[] {
  const weight = (h: MisnumberedAt) => 10_000 + h.strength * 10 - h.offset;
  const best: ({ score: number; chain: MisnumberedAt[] } | undefined)[] = SECTION_ORDER.map(() => undefined);
  for (const heading of headings) {
    let before: { score: number; chain: MisnumberedAt[] } | undefined;
    for (let rank = 0; rank < heading.rank; rank++) {
      const chain = best[rank];
      if (chain && (!before || chain.score > before.score)) before = chain;
    }
    const score = (before?.score ?? 0) + weight(heading);
    const current = best[heading.rank];
    if (!current || score > current.score) best[heading.rank] = { score, chain: [...(before?.chain ?? []), heading] };
  }
  let top: { score: number; chain: MisnumberedAt[] } | undefined;
  for (const chain of best) if (chain && (!top || chain.score > top.score)) top = chain;
  return top?.chain ?? [];
}
