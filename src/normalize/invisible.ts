import { TextBuilder } from './builder';
import { EditLog } from './offset-map';

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
  const edits = new EditLog();
  const out = new TextBuilder();
  let lineBreaks = 0;
  let invisible = 0;
  let nbsp = 0;
  let copied = 0;
  let shrink = 0;
  SPECIAL.lastIndex = 0;
  while (SPECIAL.test(input)) {
    const i = SPECIAL.lastIndex - 1;
    const c = input.charCodeAt(i);
    out.copy(input, copied, i);
    copied = i + 1;
    if (c === 0x0d) {
      out.unit(0x0a);
      lineBreaks++;
      if (input.charCodeAt(i + 1) === 0x0a) {
        edits.push(i - shrink, i - shrink + 1, i, i + 2);
        shrink++;
        copied = i + 2;
        SPECIAL.lastIndex = copied;
      }
    } else if (c === 0xa0 || c === 0x2007 || c === 0x202f) {
      out.unit(0x20);
      nbsp++;
    } else {
      edits.push(i - shrink, i - shrink, i, i + 1);
      invisible++;
      shrink++;
    }
  }
  if (copied === 0) return { text: input, edits, lineBreaks, invisible, nbsp };
  out.copy(input, copied, input.length);
  return { text: out.toString(), edits, lineBreaks, invisible, nbsp };
}
