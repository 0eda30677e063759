import TSCharacters from 'opencc-js/dict/TSCharacters';
import { expectString } from '../arguments';
import { TextBuilder } from './builder';
import { isHan } from './han';
import { EditLog } from './offset-map';
import { NodeBuffer, toUnits } from './units';
import { createTwToCn } from './tw-to-cn';

/**
 * Share of Han characters that must be traditional-only for a text to count as traditional. One
 * stray 數 in a simplified report (corpus 003) is far below it; the traditional corpus report is
 * around 30%.
 */
export const TRADITIONAL_SHARE = 0.02;

/** `Detector.bmp` marks: a traditional-only character, and a high surrogate (look at the pair). */
const TRADITIONAL = 1;
const HIGH_SURROGATE = 2;

interface Detector {
  /** TRADITIONAL for each traditional-only BMP character, HIGH_SURROGATE for U+D800–U+DBFF. */
  bmp: Uint8Array;
  /** One bit per BMP code unit, set where `bmp` is not 0. */
  marked: Uint8Array;
  /** One bit per BMP code unit, set where `bmp` is TRADITIONAL. */
  traditionalBits: Uint8Array;
  astral: Set<number>;
  /** The simplified form of each traditional-only BMP character with a BMP one (0: none). */
  simple: Uint16Array;
}

let detector: Detector | undefined;
let converter: ((text: string) => string) | undefined;

/**
 * Characters that only occur in traditional text: single-character TSCharacters entries whose
 * simplified form differs. Built on first use so that importing the library stays cheap, and by
 * walking the dictionary string in place, since every process pays for it on its first report.
 */
function getDetector(): Detector {
  if (detector) return detector;
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  const simple = new Uint16Array(0x10000);
  const traditionalBits = new Uint8Array(0x2000);
  const dict = TSCharacters;
  let start = 0;
  while (start < dict.length) {
    let end = dict.indexOf('|', start);
    if (end === -1) end = dict.length;
    const cp = dict.codePointAt(start) as number;
    const after = start + (cp > 0xffff ? 2 : 1);
    // `key value…`: a single-character key, then its candidates; the first is opencc's choice
    // when no phrase decides.
    if (dict.charCodeAt(after) === 32) {
      const target = dict.codePointAt(after + 1) as number;
      if (target !== cp) {
        if (cp > 0xffff) astral.add(cp);
        else {
          bmp[cp] = TRADITIONAL;
          traditionalBits[cp >> 3] = (traditionalBits[cp >> 3] as number) | (1 << (cp & 7));
          if (target <= 0xffff) simple[cp] = target;
        }
      }
    }
    start = end + 1;
  }
  bmp.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
  // The bits as the entries set them, not from a pass over all 65,536 units: this runs once per
  // process, before the engine has optimised anything.
  const marked = traditionalBits.slice();
  marked.fill(0xff, 0xd800 >> 3, 0xdc00 >> 3);
  detector = { bmp, marked, traditionalBits, astral, simple };
  return detector;
}

/**
 * opencc-js's `tw` -> `cn` conversion (see tw-to-cn.ts). Building its tables takes a few
 * milliseconds, so it happens once and only when traditional text appears.
 */
function getConverter(): (text: string) => string {
  converter ??= createTwToCn();
  return converter;
}

/**
 * True when the text contains traditional-only characters (cheap; no dictionary build).
 *
 * @throws {TypeError} When `text` is not a string.
 */
export function hasTraditional(text: string): boolean {
  expectString('hasTraditional', 'text', text);
  const detector = getDetector();
  // Every report pays for this scan, most for nothing else here: where the engine can copy the
  // text into memory natively, it is read two code units to a 32-bit word, and a word is only
  // looked at closer when the bit set marks one of its units (a third faster than a table read
  // per code unit through charCodeAt).
  // Without Node's Buffer the copy would cost what reading words saves: the string is read itself.
  if (!NodeBuffer) return traditionalIn(text, 0, text.length, detector);
  for (let from = 0; from < text.length; from += WORDS_PER_SCAN * 2) {
    const to = Math.min(text.length, from + WORDS_PER_SCAN * 2);
    scanWords ??= new Uint32Array(WORDS_PER_SCAN);
    const count = (to - from + 1) >> 1;
    scanWords[count - 1] = 0;
    toUnits(from === 0 && to === text.length ? text : text.slice(from, to), new Uint16Array(scanWords.buffer, 0, to - from));
    const { marked } = detector;
    for (let w = 0; w < count; w++) {
      const pair = scanWords[w] as number;
      const low = pair & 0xffff;
      const high = pair >>> 16;
      if ((((marked[low >> 3] as number) >> (low & 7)) & 1) === 0 && (((marked[high >> 3] as number) >> (high & 7)) & 1) === 0) continue;
      const at = from + 2 * w;
      if (traditionalIn(text, at, Math.min(at + 2, to), detector)) return true;
    }
  }
  return false;
}

/** Words scanned at a time (two code units each): a report in one go, with a buffer of bounded size. */
const WORDS_PER_SCAN = 1 << 15;
let scanWords: Uint32Array | undefined;

/** Whether `text[from, to)` holds a traditional-only character (one starting there, for a pair). */
function traditionalIn(text: string, from: number, to: number, { bmp, astral }: Detector): boolean {
  for (let i = from; i < to; i++) {
    const mark = bmp[text.charCodeAt(i)];
    if (mark === 0) continue;
    if (mark === TRADITIONAL) return true;
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) {
      if (astral.has(cp)) return true;
      i++;
    }
  }
  return false;
}

export interface TraditionalResult {
  text: string;
  edits: EditLog;
  /** Code points the conversion changed. */
  changed: number;
  han: number;
  traditional: number;
}

/**
 * Lines apart that two lines to convert may be and still go to the converter in one call, which
 * saves its fixed cost per call (with opencc-js's own converter, line by line, that was about a
 * third of the conversion of a traditional report); the lines between are blank or numbers, or
 * converted the same either way.
 */
const MAX_GAP_LINES = 3;

/**
 * Pass 4: counts Han and traditional-only characters and, when `convert` is set, runs opencc-js's
 * tw -> cn conversion on each line holding a traditional-only character (neighbouring such lines
 * together). Lines are enough context because no dictionary key spans a newline, and leaving the
 * other lines alone keeps simplified reports with one stray 數 from paying for a full conversion.
 */
export function convertTraditional(input: string, convert: boolean): TraditionalResult {
  // Most reports are simplified: one scan for a traditional-only character settles them, with no
  // Han counting (the count only matters for the share of traditional characters).
  if (!hasTraditional(input)) return { text: input, edits: new EditLog(), changed: 0, han: 0, traditional: 0 };
  const stray = convert ? convertStray(input) : undefined;
  if (stray) return stray;
  const { han, traditional, blocks } = survey(input, convert);
  if (blocks.length === 0) return { text: input, edits: new EditLog(), changed: 0, han, traditional };
  const edits = new EditLog();
  const out = new TextBuilder();
  let copied = 0;
  let growth = 0;
  let changed = 0;
  for (let k = 0; k < blocks.length; k += 2) {
    const start = blocks[k] as number;
    const end = blocks[k + 1] as number;
    const block = input.slice(start, end);
    const converted = getConverter()(block);
    out.copy(input, copied, start);
    out.copy(converted, 0, converted.length);
    if (converted !== block) {
      changed += alignLine(block, converted, start, start + growth, edits);
      growth += converted.length - block.length;
    }
    copied = end;
  }
  out.copy(input, copied, input.length);
  return { text: out.toString(), edits, changed, han, traditional };
}

export interface Survey {
  han: number;
  traditional: number;
  /** The blocks of lines to convert, as start, end, start, end… offsets. */
  blocks: number[];
}

/**
 * Counts Han and traditional-only characters and, when `convert` is set, gathers the lines that
 * hold a traditional-only character into blocks (lines at most MAX_GAP_LINES apart together).
 * It visits every character of a traditional report, about a third of them traditional: the bit
 * of each unified ideograph is added to the counts rather than branched on, which the processor
 * cannot predict there, and a line joins the blocks at its end (half the time of a branch per
 * traditional character, timed inside a parse of report 002).
 */
export function survey(input: string, convert: boolean): Survey {
  const { traditionalBits, astral } = getDetector();
  const blocks: number[] = [];
  let han = 0;
  let traditional = 0;
  let line = 0;
  let lineStart = 0;
  let lineTraditional = 0;
  let blockLine = -1;
  const n = input.length;
  const closeLine = (lineEnd: number) => {
    if (!convert || lineTraditional === 0) return;
    if (blocks.length === 0 || line - blockLine > MAX_GAP_LINES) blocks.push(lineStart, lineEnd);
    else blocks[blocks.length - 1] = lineEnd;
    blockLine = line;
  };
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x0a) {
      closeLine(i);
      line++;
      lineStart = i + 1;
      lineTraditional = 0;
      continue;
    }
    if (c < 0x2e80) continue;
    const bit = ((traditionalBits[c >> 3] as number) >> (c & 7)) & 1;
    traditional += bit;
    lineTraditional |= bit;
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = input.codePointAt(i) as number;
      if (cp > 0xffff) {
        if (isHan(cp)) han++;
        if (astral.has(cp)) {
          traditional++;
          lineTraditional = 1;
        }
        i++;
        continue;
      }
    }
    if (isHan(c)) han++;
  }
  closeLine(n);
  return { han, traditional, blocks };
}

/**
 * A simplified text with a few stray traditional characters (corpus 003 has one 數) does not need
 * the phrase conversion, whose tables cost more to build than reading the whole report: each
 * stray character takes its usual simplified form. A few characters at most (MAX_STRAY): a
 * traditional passage quoted in a simplified report still gets opencc's phrases. Returns undefined
 * when the text is traditional enough for that, or holds a character this cannot map in place.
 */
const MAX_STRAY = 8;

function convertStray(input: string): TraditionalResult | undefined {
  const { bmp, astral, simple } = getDetector();
  let han = 0;
  const stray: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = input.codePointAt(i) as number;
      if (cp > 0xffff) {
        if (astral.has(cp)) return undefined;
        if (isHan(cp)) han++;
        i++;
        continue;
      }
    }
    if (isHan(c)) han++;
    if (bmp[c] === TRADITIONAL) {
      // Past MAX_STRAY the text is converted whole, however many Han characters follow.
      if (simple[c] === 0 || stray.length === MAX_STRAY) return undefined;
      stray.push(i);
    }
  }
  if (stray.length > MAX_STRAY || stray.length >= han * TRADITIONAL_SHARE) return undefined;
  let text = '';
  let from = 0;
  for (const at of stray) {
    text += input.slice(from, at) + String.fromCharCode(simple[input.charCodeAt(at)] as number);
    from = at + 1;
  }
  text += input.slice(from);
  return { text, edits: new EditLog(), changed: stray.length, han, traditional: stray.length };
}

/**
 * Logs where a converted block of lines' UTF-16 widths differ from the original and returns how many code
 * points changed. opencc's tw->cn chain never changes the code-point count, but a few entries
 * change width (astral characters, compatibility ideographs), so the two are walked in step.
 */
function alignLine(
  line: string,
  converted: string,
  origBase: number,
  normBase: number,
  edits: EditLog,
): number {
  let changed = 0;
  let a = 0;
  let b = 0;
  const local: number[] = [];
  while (a < line.length && b < converted.length) {
    const ua = line.charCodeAt(a);
    const ub = converted.charCodeAt(b);
    // Neither a high surrogate: one code unit each, the common case, without reading code points.
    // Counted without a branch (1 where the units differ), which about a third of the units of a
    // traditional report would take unpredictably.
    if ((ua < 0xd800 || ua > 0xdbff) && (ub < 0xd800 || ub > 0xdbff)) {
      changed += ((ua ^ ub) + 0xffff) >>> 16;
      a++;
      b++;
      continue;
    }
    const ca = line.codePointAt(a) as number;
    const cb = converted.codePointAt(b) as number;
    const wa = ca > 0xffff ? 2 : 1;
    const wb = cb > 0xffff ? 2 : 1;
    if (ca !== cb) changed++;
    if (wa !== wb) local.push(normBase + b, normBase + b + wb, origBase + a, origBase + a + wa);
    a += wa;
    b += wb;
  }
  if (a !== line.length || b !== converted.length) {
    // Not expected from the shipped dictionaries; if a future one breaks the one-to-one
    // correspondence, the whole block becomes a single replacement rather than a wrong map.
    edits.push(normBase, normBase + converted.length, origBase, origBase + line.length);
    return changed;
  }
  for (let k = 0; k < local.length; k += 4) {
    edits.push(local[k] as number, local[k + 1] as number, local[k + 2] as number, local[k + 3] as number);
  }
  return changed;
}
