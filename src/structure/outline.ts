import type { Line } from '../lines/split';
import { SECTIONS } from '../../grammar/index';
import { readHeading, type SectionHeading } from './headings';

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
