import type { Point, Position, Report, Section } from '../ast';
import { createLineIndex, type LineIndex } from '../lines/line-index';
import { normalize, type Normalized } from '../normalize/index';

// A fact is stated within one sentence; line breaks end sentences too, since headings such as
// （二）依申请公开方面 carry no full stop.
const isBreak = (code: number) => code === 0x3002 || code === 0xff1b || code === 0xff01 || code === 0xff1f || code === 0x0a;

/** Where the trimmed sentence between two breaks (or the text's ends) stands, pushed onto `bounds` unless it is empty. */
function pushSentence(text: string, start: number, end: number, bounds: number[]): void {
  const raw = text.slice(start, end);
  const sentence = raw.trim();
  if (sentence === '') return;
  const from = start + raw.length - raw.trimStart().length;
  bounds.push(from, from + sentence.length);
}

/**
 * The sentences of section text that a search finds something in (all of them without a search),
 * in order, as offsets in `text`: start, end, start, end… A sentence is the text between two
 * breaks (。；！？ or a line break), trimmed; empty ones are left out. The search (a global
 * expression) runs once over the text, resuming after each sentence it finds something in, so
 * that the sentences it finds nothing in cost no more than its scan.
 */
export function sentencesWith(text: string, search: RegExp | undefined): number[] {
  const bounds: number[] = [];
  if (!search) {
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isBreak(text.charCodeAt(i))) continue;
      pushSentence(text, start, i, bounds);
      start = i + 1;
    }
    return bounds;
  }
  search.lastIndex = 0;
  for (let found = search.exec(text); found; found = search.exec(text)) {
    let start = found.index;
    while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
    let end = found.index;
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    pushSentence(text, start, end, bounds);
    search.lastIndex = end + 1;
  }
  return bounds;
}

/** Finds where a piece of a section's (normalised) text stands in the caller's original input. */
export type Locator = (section: Section, pieces: readonly string[]) => Position;

/**
 * Builds a {@link Locator}. Section text is normalised and has its markdown and blank lines
 * removed, so a piece is found by normalising the section's span of the input again and searching
 * it there; offsets map back through the normaliser. The first piece found wins. Without the input,
 * or when no piece is found (markdown inside the sentence), the subsection holding the first piece
 * is the position, else the section.
 */
export function createLocator(report: Report, input: string | undefined): Locator {
  const spans = new Map<string, { text: string; normalized: Normalized; lines?: LineIndex }>();
  return (section, pieces) => {
    if (input !== undefined && input.length >= report.position.end.offset) {
      const { start, end } = section.position;
      // Conversion first: the parser converts by default. Unconverted text covers a report
      // parsed with `convertTraditional: false`.
      for (const convertTraditional of [true, false]) {
        const key = `${section.key} ${convertTraditional}`;
        let span = spans.get(key);
        if (!span) {
          const text = input.slice(start.offset, end.offset);
          span = { text, normalized: normalize(text, { convertTraditional }) };
          spans.set(key, span);
        }
        const { normalized } = span;
        for (const piece of pieces) {
          const at = piece === '' ? -1 : normalized.text.indexOf(piece);
          if (at === -1) continue;
          // Points within the section's span, moved to where the span starts: the section starts
          // a line, so its first line's columns count from the section's own column.
          span.lines ??= createLineIndex(span.text);
          const within = span.lines;
          const toInput = (point: Point): Point => ({
            line: start.line + point.line - 1,
            column: point.line === 1 ? start.column + point.column - 1 : point.column,
            offset: start.offset + point.offset,
          });
          return {
            start: toInput(within.point(normalized.toOriginalStart(at))),
            end: toInput(within.point(normalized.toOriginalEnd(at + piece.length))),
          };
        }
      }
    }
    const first = pieces[0] ?? '';
    return section.subsections.find((subsection) => subsection.text.includes(first))?.position ?? section.position;
  };
}
