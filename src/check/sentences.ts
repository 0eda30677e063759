import type { Position, Report, Section } from '../ast';
import { createLineIndex, type LineIndex } from '../lines/line-index';
import { normalize, type Normalized } from '../normalize/index';

// A fact is stated within one sentence; line breaks end sentences too, since headings such as
// （二）依申请公开方面 carry no full stop.
const SENTENCE_BREAK = /[。；！？\n]/;

/** Splits section text into sentences, trimmed, empty ones left out. */
export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_BREAK)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
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
  let lines: LineIndex | undefined;
  const spans = new Map<string, Normalized>();
  return (section, pieces) => {
    if (input !== undefined && input.length >= report.position.end.offset) {
      const base = section.position.start.offset;
      // Conversion first: the parser converts by default. Unconverted text covers a report
      // parsed with `convertTraditional: false`.
      for (const convertTraditional of [true, false]) {
        const key = `${section.key} ${convertTraditional}`;
        let normalized = spans.get(key);
        if (!normalized) {
          normalized = normalize(input.slice(base, section.position.end.offset), { convertTraditional });
          spans.set(key, normalized);
        }
        for (const piece of pieces) {
          const at = piece === '' ? -1 : normalized.text.indexOf(piece);
          if (at === -1) continue;
          lines ??= createLineIndex(input);
          return {
            start: lines.point(base + normalized.toOriginalStart(at)),
            end: lines.point(base + normalized.toOriginalEnd(at + piece.length)),
          };
        }
      }
    }
    const first = pieces[0] ?? '';
    return section.subsections.find((subsection) => subsection.text.includes(first))?.position ?? section.position;
  };
}
