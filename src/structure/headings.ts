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
// `一、总体情况`, `一,、總體情況` (after comma repair `一、`), `一. 总体情况`, `一总体情况`.
// `[\s…]*` and `(.+)$` overlap, so a failing `$` (a U+2028 in the line) backtracks quadratically:
// readHeading runs it only on lines of at most MAX_HEADING_LENGTH + 4 characters.
const NUMBERED = /^([一二三四五六七八九十]{1,3})[\s、,，.．:：]*(.+)$/;
// `[\s\S]*` rather than `.*$`: it cannot fail at a U+2028, so nothing backtracks on long lines.
const SUBSECTION = /^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）][\s、,，.．:：]*([\s\S]*)/;
const MAX_HEADING_LENGTH = 40;

/**
 * A line can only spell out a standard heading if it holds the heading's last character, or a
 * compatibility ideograph that NFKC folds into one (U+F900–U+FAFF, U+2F800–U+2FA1F, which start
 * with the high surrogate U+D87E): a test that spares most lines their label key.
 */
const HEADING_END = new RegExp(`[${[...new Set(SECTIONS.map((s) => s.heading.slice(-1)))].join('')}\\uF900-\\uFAFF\\uD87E]`);
const sectionMatcher = createMatcher(SECTIONS);
const pre2019Matcher = createMatcher(PRE_2019_HEADING_PHRASES.map((phrase) => ({ key: phrase, phrases: [phrase] })));
let standardKeys: Map<string, SectionKey> | undefined;

/**
 * Strips markdown decoration from a line: `## `, `> `, `**…**`, `__…__` and surrounding
 * whitespace. A scan from each end, since every line of a report passes here.
 */
export function stripMarkdown(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isLeadingDecoration(text.charCodeAt(from))) from++;
  while (to > from && isTrailingDecoration(text.charCodeAt(to - 1))) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

// `#` and `>` only lead a line; `*` and `_` close emphasis too. Whitespace as String#trim has it.
function isLeadingDecoration(code: number): boolean {
  return code === 35 || code === 62 || isTrailingDecoration(code);
}

function isTrailingDecoration(code: number): boolean {
  return code === 42 || code === 95 || code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a) || code === 0x1680 || code === 0x202f || code === 0x205f;
}

/**
 * Reads a line as a part heading. A heading names its part by a key phrase and carries the part's
 * numeral; without a numeral it must spell out the standard heading, since short phrases such as
 * 行政复议 also head table columns.
 */
export function readHeading(line: string): HeadingReading | undefined {
  const text = stripMarkdown(line);
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH + 4) return undefined;
  // Most lines start with no numeral: settled without running the expression.
  const numbered = NUMERALS.includes(text.charAt(0)) ? NUMBERED.exec(text) : null;
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
  if (!HEADING_END.test(text)) return undefined;
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

/** A numbered line whose words name a part that its numeral is not: see {@link readMisnumberedHeading}. */
export interface MisnumberedHeading {
  /** The part its words name, with the numeral as written (not the part's own). */
  section: SectionHeading;
  /** The length of the phrase that names the part: the longer, the surer. */
  strength: number;
  /** How many parts away the numeral is from the part's own (`一` for part 二: 1). */
  offset: number;
}

// `三、政府信息公开行政复议、行政诉讼情况`: a misnumbered heading still sets its numeral apart.
const MISNUMBERED = /^([一二三四五六])\s*[、,，.．]\s*(.+)$/;

/**
 * Reads a numbered line as the heading of a part it does not carry the numeral of: real reports
 * number their parts wrongly (`一、主动公开政府信息情况` after `二、工作机制保障`, the three tables'
 * parts numbered 一 to 三). The line must look as a heading does (a numeral 一 to 六 set apart by
 * `、`, at most 40 characters, no sentence in it), and its words must name a part by grammar/'s
 * phrases (SECTIONS); a line {@link readHeading} reads (a heading numbered right, a pre-2019
 * heading) is none. Whether the line is taken as the part's heading is the outline's decision
 * (outline.ts): only where the parts numbered right leave the part out, in order, and for the
 * parts with a table, where the table follows.
 */
export function readMisnumberedHeading(line: string): MisnumberedHeading | undefined {
  const text = stripMarkdown(line);
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH + 4 || !NUMERALS.includes(text.charAt(0))) return undefined;
  const numbered = MISNUMBERED.exec(text);
  if (!numbered) return undefined;
  const numeral = numbered[1] as string;
  const heading = (numbered[2] as string).replace(/[。.]$/, '');
  if (heading.length > MAX_HEADING_LENGTH || /[。；;]/.test(heading) || readHeading(text)) return undefined;
  const key = labelKey(heading);
  if (pre2019Matcher.best(key)) return undefined;
  const match = sectionMatcher.best(key);
  if (!match) return undefined;
  const rank = SECTIONS.findIndex((s) => s.key === match.key);
  const written = SECTIONS.findIndex((s) => s.numeral === numeral);
  if (rank === written) return undefined;
  return { section: { key: match.key, numeral, heading }, strength: match.length, offset: Math.abs(rank - written) };
}

/** Reads `（一）主动公开方面。…` as a subsection start: its numeral and the rest of the line. */
export function readSubsection(line: string): { numeral: string; rest: string } | undefined {
  const match = SUBSECTION.exec(stripMarkdown(line.trimStart()));
  if (!match) return undefined;
  return { numeral: match[1] as string, rest: (match[2] as string).replace(/^\*+/, '') };
}
