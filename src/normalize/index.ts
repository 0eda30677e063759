import { expectOptions, expectString } from '../arguments';
import { repairCommas } from './commas';
import { cleanInvisible } from './invisible';
import { OffsetChain } from './offset-map';
import { stripPinyin } from './pinyin';
import { convertTraditional, TRADITIONAL_SHARE } from './traditional';

export { hasTraditional } from './traditional';

export interface NormalizeOptions {
  /** Convert traditional characters to simplified (default true). */
  convertTraditional?: boolean;
}

export interface NormalizeCounts {
  /** CR/CRLF turned into LF. */
  lineBreaks: number;
  /** BOM / zero-width characters removed. */
  invisible: number;
  /** NBSP and other odd spaces turned into a plain space. */
  nbsp: number;
  /** Pinyin groups removed, e.g. 習(xí) -> 習. */
  pinyin: number;
  /** Comma artifacts repaired. */
  commas: number;
  /** Characters changed by the traditional->simplified conversion. */
  traditional: number;
}

export interface Normalized {
  /** The normalised text. */
  readonly text: string;
  readonly script: 'simplified' | 'traditional';
  readonly counts: NormalizeCounts;
  /** Original offset of the character at normalised offset n (0 <= n <= text.length). */
  toOriginalStart(n: number): number;
  /** Original exclusive end offset for a normalised exclusive end offset n. */
  toOriginalEnd(n: number): number;
  /**
   * True when no pass changed a length anywhere (only same-width replacements such as NBSP → space
   * or 數 → 数), so that every offset of `text` is the same offset in the input, and so is every
   * line start.
   */
  readonly aligned: boolean;
}


/**
 * Cleans the text a parser should see while keeping every offset traceable to the input.
 * The order matters: pinyin goes before the comma repair (so `習(xí),近` has Han on both sides of
 * its comma), and both before conversion (so it runs on the text that will be parsed).
 *
 * @throws {TypeError} When `input` is not a string, or `options` is neither undefined nor an object
 *   whose `convertTraditional` is a boolean (or undefined).
 */
export function normalize(input: string, options: NormalizeOptions = {}): Normalized {
  expectString('normalize', 'input', input);
  expectOptions('normalize', 'options', options, { convertTraditional: 'boolean' });
  const invisible = cleanInvisible(input);
  const pinyin = stripPinyin(invisible.text);
  const commas = repairCommas(pinyin.text);
  const script = convertTraditional(commas.text, options.convertTraditional ?? true);

  const chain = new OffsetChain([invisible.edits, pinyin.edits, commas.edits, script.edits]);
  const text = script.text;
  const clamp = (n: number): number => (n <= 0 ? 0 : n >= text.length ? text.length : Math.floor(n));

  return {
    text,
    script: script.traditional > 0 && script.traditional >= script.han * TRADITIONAL_SHARE ? 'traditional' : 'simplified',
    counts: {
      lineBreaks: invisible.lineBreaks,
      invisible: invisible.invisible,
      nbsp: invisible.nbsp,
      pinyin: pinyin.removed,
      commas: commas.repaired,
      traditional: script.changed,
    },
    aligned: chain.aligned,
    // Arrow functions, so the methods survive destructuring; where no pass changed a length,
    // offsets map to themselves (every position of a report is mapped through here).
    toOriginalStart: chain.aligned ? clamp : (n) => chain.start(clamp(n)),
    toOriginalEnd: chain.aligned ? clamp : (n) => chain.end(clamp(n)),
  };
}
