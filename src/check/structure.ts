import { NOTHING_TO_REPORT, SECTIONS } from '../../grammar/index';
import type { Position, Report, Section } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Messages } from '../messages/index';
import { labelKey } from '../labels';
import { finding } from './codes';

/**
 * Where a part's heading stands in the input: its line, from the part's start to the line's end
 * (in a page, to the markup after the heading's text). The whole part without the input.
 */
export function headingPosition(section: Section, input: string | undefined): Position {
  const { start, end } = section.position;
  if (input === undefined || input.length < end.offset) return section.position;
  let stop = start.offset;
  while (stop < end.offset) {
    const code = input.charCodeAt(stop);
    if (code === 10 || code === 13 || code === 60 /* < */) break;
    stop++;
  }
  while (stop > start.offset && /\s/.test(input.charAt(stop - 1))) stop--;
  if (stop === start.offset) return section.position;
  return { start, end: { line: start.line, column: start.column + (stop - start.offset), offset: stop } };
}

/**
 * Parts whose heading carries another part's numeral (`三、政府信息公开行政复议、行政诉讼情况`):
 * the outline recognised them by their words (structure/outline.ts), and `Section.numeral` is the
 * numeral as written. One warning per such part, at its heading.
 */
function misnumbered(report: Report, input: string | undefined, say: Messages): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const spec of SECTIONS) {
    const section = report.sections[spec.key];
    // A report built by hand may hold anything where the parser writes a numeral.
    const numeral: unknown = section?.numeral;
    if (!section || typeof numeral !== 'string' || numeral === '' || numeral === spec.numeral) continue;
    const heading = typeof section.heading === 'string' ? section.heading : spec.heading;
    diagnostics.push(
      finding(
        'structure/misnumbered-section',
        say.misnumberedSection({ numeral: spec.numeral, heading: spec.heading, written: numeral, writtenHeading: heading }),
        headingPosition(section, input),
        [],
      ),
    );
  }
  return diagnostics;
}

const ORDINALS = /[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]/g;
// The heading phrases of part 五 and its usual subsection titles, longest first.
const PROBLEM_WORDS = [...SECTIONS.find((s) => s.key === 'problems')?.phrases ?? [], '问题', '改进', '措施', '情况', '方面']
  .map(labelKey)
  .sort((a, b) => b.length - a.length);
const PROBLEMS_HEADING = SECTIONS.find((s) => s.key === 'problems')?.heading ?? '';
const NOTHING = new RegExp(`^(?:${[...NOTHING_TO_REPORT].sort((a, b) => b.length - a.length).join('|')}|及|和|与)*$`);

/** Whether part 五's text reports nothing: empty, or 无 once its numbers, headings and punctuation are out. */
export function reportsNothing(text: string): boolean {
  let key = labelKey(text.replace(ORDINALS, ''));
  for (const word of PROBLEM_WORDS) key = key.split(word).join('');
  return NOTHING.test(key);
}

/** Part 五 present but empty, or saying only 无: the format asks for the problems and what is done about them. */
function emptyProblems(report: Report, say: Messages): Diagnostic[] {
  const section = report.sections.problems;
  if (!section || !reportsNothing(section.text)) return [];
  const heading = typeof section.heading === 'string' ? section.heading : PROBLEMS_HEADING;
  return [
    finding(
      'structure/empty-problems',
      say.emptyProblems({ heading, text: section.text.trim().slice(0, 40) }),
      section.position,
      [],
    ),
  ];
}

/** The checks of the parts as read: misnumbered headings, an empty part 五. None for a pre-2019 report. */
export function checkStructure(report: Report, input: string | undefined, say: Messages): Diagnostic[] {
  if (report.meta.formatVersion === 'pre-2019') return [];
  return [...misnumbered(report, input, say), ...emptyProblems(report, say)];
}
