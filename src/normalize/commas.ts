import { TextBuilder } from './builder';
import { codePointAt, codePointBefore, isHan } from './han';
import { EditLog } from './offset-map';

export interface CommaResult {
  text: string;
  edits: EditLog;
  repaired: number;
}

/** Punctuation that never follows a real comma: a `,` before it is a conversion leftover. */
const ABSORBING = new Set([0x3001, 0x3002, 0xff1b, 0xff1a, 0xff0c]); // 、 。 ； ： ，
const FULLWIDTH_COMMA = 0xff0c;
/** Characters that, next to a Han character, make a lone ASCII comma prose punctuation. */
const QUOTE_OR_PAREN = new Set([0x201c, 0x201d, 0xff08, 0x28]); // “ ” （ (

/** A lone `,` is a full-width comma lost in conversion only when prose surrounds it. */
function isProseComma(left: number, right: number): boolean {
  if (isHan(left)) return isHan(right) || QUOTE_OR_PAREN.has(right);
  return QUOTE_OR_PAREN.has(left) && isHan(right);
}

/**
 * Pass 3: repairs the ASCII commas that a bad encoding round trip leaves in Chinese prose
 * (`一,、總體`, `2022年,,我們`, `情形,不計`). Digit grouping (`1,234`) is left for the value
 * parser, which needs to see it.
 */
export function repairCommas(input: string): CommaResult {
  const edits = new EditLog();
  let repaired = 0;
  let shrink = 0;
  const out = new TextBuilder();
  let copied = 0;
  // indexOf rather than a regex: commas can be most of a damaged line, and a match object per
  // comma costs several times the scan.
  let at = input.indexOf(',');
  while (at >= 0) {
    let end = at + 1;
    while (input.charCodeAt(end) === 0x2c) end++;
    const run = end - at;
    const normAt = at - shrink;
    if (ABSORBING.has(input.charCodeAt(end))) {
      out.copy(input, copied, at);
      edits.push(normAt, normAt, at, end);
      shrink += run;
      copied = end;
      repaired++;
    } else if (run === 2) {
      out.copy(input, copied, at);
      out.unit(FULLWIDTH_COMMA);
      edits.push(normAt, normAt + 1, at, end);
      shrink += 1;
      copied = end;
      repaired++;
    } else if (run === 1 && isProseComma(codePointBefore(input, at), codePointAt(input, end))) {
      // Same length, so no log entry: the map is the identity here.
      out.copy(input, copied, at);
      out.unit(FULLWIDTH_COMMA);
      copied = end;
      repaired++;
    }
    at = input.indexOf(',', end);
  }
  if (copied === 0) return { text: input, edits, repaired };
  out.copy(input, copied, input.length);
  return { text: out.toString(), edits, repaired };
}
