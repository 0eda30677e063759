import { PRE_2019_HEADING_PHRASES, SECTIONS } from '../../grammar/index';
import type { SectionKey } from '../ast';
import { createMatcher, labelKey } from '../labels';

/** A recognised part heading. */
export interface SectionHeading {
  key: SectionKey;
  numeral: string;
  /** Heading text without numeral and markdown. */
  heading: string;
}

/** What a numbered top-level heading line says. */
export type HeadingReading =
  | { kind: 'section'; section: SectionHeading }
  | { kind: 'pre-2019'; numeral: string; heading: string };

const NUMERALS = '一二三四五六七八九十';
// Markdown decoration around a heading: `## `, `**…**`, `__…__`. The lookbehind lets the trailing
// run start only where a run starts; without it a run of spaces inside a line is rescanned to its
// end from each of its positions, quadratic in the run.
const MARKDOWN = /^[\s#>*_]+|(?<![\s*_])[\s*_]+$/g;
// `一、总体情况`, `一,、總體情況` (after comma repair `一、`), `一. 总体情况`, `一总体情况`.
// `[\s…]*` and `(.+)$` overlap, so a failing `$` (a U+2028 in the line) backtracks quadratically:
// readHeading runs it only on lines of at most MAX_HEADING_LENGTH + 4 characters.
const NUMBERED = /^([一二三四五六七八九十]{1,3})[\s、,，.．:：]*(.+)$/;
// `[\s\S]*` rather than `.*$`: it cannot fail at a U+2028, so nothing backtracks on long lines.
const SUBSECTION = /^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）][\s、,，.．:：]*([\s\S]*)/;
const MAX_HEADING_LENGTH = 40;

const sectionMatcher = createMatcher(SECTIONS);
const pre2019Matcher = createMatcher(PRE_2019_HEADING_PHRASES.map((phrase) => ({ key: phrase, phrases: [phrase] })));
let standardKeys: Map<string, SectionKey> | undefined;

/** Strips markdown decoration from a line. */
export function stripMarkdown(text: string): string {
  return text.replace(MARKDOWN, '');
}

/**
 * Reads a line as a part heading. A heading names its part by a key phrase and carries the part's
 * numeral; without a numeral it must spell out the standard heading, since short phrases such as
 * 行政复议 also head table columns.
 */
export function readHeading(line: string): HeadingReading | undefined {
  const text = stripMarkdown(line);
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH + 4) return undefined;
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const numeral = numbered[1] as string;
    const heading = (numbered[2] as string).replace(/[。.]$/, '');
    if (heading.length > MAX_HEADING_LENGTH || /[。；]/.test(heading)) return undefined;
    const key = labelKey(heading);
    if (pre2019Matcher.best(key) || (NUMERALS.indexOf(numeral) >= 6 && sectionMatcher.best(key))) {
      return { kind: 'pre-2019', numeral, heading };
    }
    const match = sectionMatcher.all(key).find((m) => SECTIONS.find((s) => s.key === m.key)?.numeral === numeral);
    if (match) return { kind: 'section', section: { key: match.key, numeral, heading } };
    return undefined;
  }
  standardKeys ??= new Map(SECTIONS.map((s) => [labelKey(s.heading), s.key]));
  const key = labelKey(text);
  for (const [standard, section] of standardKeys) {
    if (key.includes(standard) && key.length <= standard.length + 6) {
      const numeral = SECTIONS.find((s) => s.key === section)?.numeral ?? '';
      return { kind: 'section', section: { key: section, numeral, heading: text } };
    }
  }
  return undefined;
}

/** Reads `（一）主动公开方面。…` as a subsection start: its numeral and the rest of the line. */
export function readSubsection(line: string): { numeral: string; rest: string } | undefined {
  const match = SUBSECTION.exec(stripMarkdown(line.trimStart()));
  if (!match) return undefined;
  return { numeral: match[1] as string, rest: (match[2] as string).replace(/^\*+/, '') };
}
