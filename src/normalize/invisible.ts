import { Rewriter } from './builder';
import type { EditLog } from './offset-map';

export interface InvisibleResult {
  text: string;
  edits: EditLog;
  lineBreaks: number;
  invisible: number;
  nbsp: number;
}

// One character at a time with `test`: the regex engine skips ordinary text several times
// faster than a charCodeAt loop, and `test` allocates no match object per hit.
const SPECIAL = /[\r\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Pass 1: drops BOM and zero-width characters, turns CRLF and lone CR into LF, and turns the
 * odd fixed-width spaces into a plain space. CRLF is logged as a two-to-one replacement, so the
 * LF spans the whole line ending while the character before it keeps its own span.
 * U+3000 and tabs are left alone: both carry layout in tables and indented cells.
 */
export function cleanInvisible(input: string): InvisibleResult {
  const output = new Rewriter(input);
  let lineBreaks = 0;
  let invisible = 0;
  let nbsp = 0;
  SPECIAL.lastIndex = 0;
  while (SPECIAL.test(input)) {
    const i = SPECIAL.lastIndex - 1;
    const c = input.charCodeAt(i);
    if (c === 0x0d) {
      const crlf = input.charCodeAt(i + 1) === 0x0a;
      output.replace(i, crlf ? i + 2 : i + 1, 0x0a);
      if (crlf) SPECIAL.lastIndex = i + 2;
      lineBreaks++;
    } else if (c === 0xa0 || c === 0x2007 || c === 0x202f) {
      output.replace(i, i + 1, 0x20);
      nbsp++;
    } else {
      output.replace(i, i + 1);
      invisible++;
    }
  }
  return { text: output.text(), edits: output.edits, lineBreaks, invisible, nbsp };
}
