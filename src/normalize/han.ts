/**
 * `\p{Script=Han}` as a table lookup. The comma and detector passes ask this once per character
 * of the whole text, and a regex call per character would dominate a 20 MB run.
 */

const HAN_SINGLE = /^\p{Script=Han}$/u;

const UNKNOWN = 0;
const HAN = 1;
const NOT_HAN = 2;
/**
 * Filled in as code points are met: building the whole BMP table up front runs the regex 50,000
 * times (about 10 ms), which every process would pay on its first report, while a report holds a
 * few hundred distinct characters outside the unified block.
 */
let bmpTable: Uint8Array | undefined;

/** Whether the code point is in the Han script. */
export function isHan(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x10000) {
    bmpTable ??= new Uint8Array(0x10000);
    let known = bmpTable[cp] as number;
    if (known === UNKNOWN) {
      known = HAN_SINGLE.test(String.fromCharCode(cp)) ? HAN : NOT_HAN;
      bmpTable[cp] = known;
    }
    return known === HAN;
  }
  return HAN_SINGLE.test(String.fromCodePoint(cp));
}

/** Code point ending right before `index` (a whole surrogate pair when there is one). */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Code point starting at `index`, or -1 past the end. */
export function codePointAt(text: string, index: number): number {
  return index < text.length ? (text.codePointAt(index) as number) : -1;
}
