import { expectString } from '../arguments';

/** One line of the normalised text. Offsets are into the normalised text; `end` excludes `\n`. */
export interface Line {
  /** 0-based index of the line. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Splits normalised text (line breaks already `\n`) into lines.
 *
 * @throws {TypeError} When `text` is not a string.
 */
export function splitLines(text: string): Line[] {
  expectString('splitLines', 'text', text);
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ index: index++, start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}
