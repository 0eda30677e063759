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
  for (let s = 0; s < sections.length; s++) {
    const next = sections[s + 1];
    (sections[s] as HeadingAt).last = next ? next.first - 1 : lines.length - 1;
  }
  return { sections, pre2019Headings };
}
