import { Rewriter } from './builder';
import { codePointAt, codePointBefore, isHan } from './han';
import type { EditLog } from './offset-map';

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
  const output = new Rewriter(input);
  let repaired = 0;
  // indexOf rather than a regex: commas can be most of a damaged line, and a match object per
  // comma costs several times the scan.
  let at = input.indexOf(',');
  while (at >= 0) {
    let end = at + 1;
    while (input.charCodeAt(end) === 0x2c) end++;
    const run = end - at;
    if (ABSORBING.has(input.charCodeAt(end))) {
      output.replace(at, end);
      repaired++;
    } else if (run === 2 || (run === 1 && isProseComma(codePointBefore(input, at), codePointAt(input, end)))) {
      output.replace(at, end, FULLWIDTH_COMMA);
      repaired++;
    }
    at = input.indexOf(',', end);
  }
  return { text: output.text(), edits: output.edits, repaired };
}
