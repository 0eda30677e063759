import { Rewriter } from './builder';
import { codePointBefore, isHan } from './han';
import type { EditLog } from './offset-map';

export interface PinyinResult {
  text: string;
  edits: EditLog;
  removed: number;
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
// The text is not NFC'd, so a tone may also arrive as a combining mark after its vowel, and ü
// as u + U+0308.
const COMBINING_TONES = [0x300, 0x301, 0x302, 0x303, 0x304, 0x30c];
const DIAERESIS = 0x308;

const LETTER = 1;
const TONED_LETTER = 2;
const TONE_MARK = 3;
const DIAERESIS_MARK = 4;

/** Classes of the code units a syllable may hold; all of them lie below U+1E40 (ḿ is U+1E3F). */
const CLASS = (() => {
  const table = new Uint8Array(0x1e40);
  for (let c = 0x61; c <= 0x7a; c++) table[c] = LETTER;
  for (const ch of TONED) table[ch.charCodeAt(0)] = TONED_LETTER;
  for (const c of COMBINING_TONES) table[c] = TONE_MARK;
  table[DIAERESIS] = DIAERESIS_MARK;
  return table;
})();

/** Letters a tone mark may sit on: the vowels, ü (also as v), and syllabic n and m. */
const TONE_BASES = new Set([...'aeiouvnmü'].map((ch) => ch.charCodeAt(0)));
const U = 0x75;
const U_DIAERESIS = 0xfc;

/**
 * End (index of the `)`) of a tone-marked syllable of 1–7 letters starting at `from`, or -1.
 * This is the corpus-tested `\((?=[a-z…]*[toned])[a-z…]{1,7}\)` plus combining marks, written
 * as a scan that stops after at most 22 code units, so a line of a million `(` stays linear.
 */
function syllableEnd(text: string, from: number): number {
  let letters = 0;
  let toned = false;
  let previous = 0; // the letter a following mark would sit on; 0 right after a mark
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29) return toned && letters >= 1 ? i : -1;
    const kind = c < CLASS.length ? CLASS[c] : 0;
    if (kind === LETTER || kind === TONED_LETTER) {
      if (++letters > 7) return -1;
      if (kind === TONED_LETTER) toned = true;
      previous = c;
    } else if (kind === TONE_MARK && TONE_BASES.has(previous)) {
      toned = true;
      previous = 0;
    } else if (kind === DIAERESIS_MARK && previous === U) {
      toned = true; // as the precomposed ü, which TONED lists
      previous = U_DIAERESIS;
    } else {
      return -1;
    }
  }
  return -1;
}

/**
 * Pass 2: deletes pinyin annotation such as the `(xí)` in `習(xí)`. The tone mark is what tells
 * annotation from content: `(一)`, `(惠民惠企)` and the neutral-tone `(de)` all stay.
 */
export function stripPinyin(input: string): PinyinResult {
  const output = new Rewriter(input);
  let removed = 0;
  let at = input.indexOf('(');
  while (at >= 0) {
    const close = isHan(codePointBefore(input, at)) ? syllableEnd(input, at + 1) : -1;
    if (close < 0) {
      at = input.indexOf('(', at + 1);
      continue;
    }
    output.replace(at, close + 1);
    removed++;
    // The group is judged on the original text, so `習(xí)(xí)` keeps its second group, as the
    // lookbehind regex would.
    at = input.indexOf('(', close + 1);
  }
  return { text: output.text(), edits: output.edits, removed };
}
