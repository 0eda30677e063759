import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { ConverterBuilder } from 'opencc-js/core';
import CJKCompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import fromTw from 'opencc-js/from/tw';
import toCn from 'opencc-js/to/cn';
import { describe, expect, it } from 'vitest';
import { createTwToCn } from '../src/normalize/tw-to-cn';

// Our converter must give exactly what opencc-js's own `tw` -> `cn` converter gives, for every
// string: the reference is opencc-js itself, built from the same dictionaries and config (`tw2s`
// of its `preset/t2cn`).
const preset = {
  from: { tw: fromTw },
  to: { cn: toCn },
  configs: {
    tw2s: {
      normalizationChain: [[CJKCompatibilityIdeographs]],
      segmentation: [TSPhrases],
      conversionChain: [
        [TWVariantsRevPhrases, TWVariantsRev],
        [TSPhrases, TSCharacters],
      ],
    },
  },
};
const reference = ConverterBuilder(preset)({ from: 'tw', to: 'cn' });
const convert = createTwToCn();

const DICTIONARIES = { CJKCompatibilityIdeographs, TSCharacters, TSPhrases, TWVariantsRev, TWVariantsRevPhrases };
const entries = Object.values(DICTIONARIES).flatMap((dict) => dict.split('|').map((entry) => entry.split(' ')));

const CORPUS = join(__dirname, 'fixtures', 'corpus');
const reports = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(CORPUS, f), 'utf8') }));

/** Runs per property: many, since each is a few microseconds; scaled with FC_RUNS like the rest. */
const RUNS = 50 * (fc.readConfigureGlobal().numRuns ?? 100);

/** Compares with opencc-js, with a message that shows the input when they differ. */
function same(input: string): void {
  const expected = reference(input);
  const actual = convert(input);
  if (actual !== expected) expect({ input, actual }).toEqual({ input, actual: expected });
}

describe('the dictionaries', () => {
  it('have what the converter relies on: a value for every key, and no key ending in a high surrogate', () => {
    // An entry without a space makes opencc-js throw; a key ending in a high surrogate would
    // match differently by code unit than by code point.
    expect(entries.filter(([, value]) => value === undefined)).toEqual([]);
    expect(entries.filter(([key]) => /[\uD800-\uDBFF]$/.test(key as string))).toEqual([]);
  });
});

describe('tw -> cn, against opencc-js', () => {
  it.each([
    // The Taiwan variant table first turns 著 into 着; TSCharacters alone would keep 著.
    ['將著重做好', '将着重做好'],
    // tw, not twp: no vocabulary rewrite (資訊 would become 信息).
    ['資訊', '资讯'],
    ['數據', '数据'],
    ['行政規範性文件', '行政规范性文件'],
    // A TSPhrases phrase decides where a character alone would go elsewhere.
    ['乾淨', '干净'],
    ['瞭解', '了解'],
    // Compatibility ideographs are normalised first: U+F900 is 豈, then 岂.
    ['\uF900', '岂'],
    // Width changes: 𡻕 (astral) -> 岁, 㗲 -> 𠵾 (astral).
    ['𡻕', '岁'],
    ['㗲', '𠵾'],
    // Inside an ideographic description sequence nothing is converted; 會 outside it is.
    ['會⿰糸會', '会⿰糸會'],
    // An unfinished sequence is no sequence: only its operator is stepped over.
    ['⿰會', '⿰会'],
    ['會⿰', '会⿰'],
    ['', ''],
    ['\uD842', '\uD842'],
    ['\uDFB7會\uD842', '\uDFB7会\uD842'],
  ])('%s -> %s', (input, expected) => {
    expect(reference(input)).toBe(expected);
    expect(convert(input)).toBe(expected);
  });

  it('converts every corpus report, whole and line by line, as opencc-js does', () => {
    for (const { text } of reports) {
      same(text);
      for (const line of text.split('\n')) same(line);
    }
  });

  it('converts a long text (output flushed many times, scratch buffers dropped after)', () => {
    const all = reports.map((r) => r.text).join('\n');
    same(all.repeat(3));
    same(all);
  });

  // Keys and values of all five dictionaries, their prefixes and inner pieces (longest-match edge
  // cases: a phrase cut short, or two phrases overlapping), and debris around them.
  const codePoints = (s: string) => [...s];
  const key = fc.constantFrom(...entries.flat().filter((s) => s !== ''));
  const piece = fc.oneof(
    { weight: 6, arbitrary: key },
    {
      weight: 3,
      arbitrary: fc.tuple(key, fc.nat(), fc.nat()).map(([k, a, b]) => {
        const cps = codePoints(k);
        const from = a % (cps.length + 1);
        return cps.slice(from, from + (b % (cps.length - from + 1))).join('');
      }),
    },
    { weight: 2, arbitrary: fc.constantFrom('\n', ' ', 'a', 'Z', '1', '，', '。', '(', ')', '\r\n', '\t') },
    { weight: 2, arbitrary: fc.integer({ min: 0x2ff0, max: 0x2fff }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2fa1f }).map((c) => String.fromCodePoint(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...reports), fc.nat(), fc.nat({ max: 40 })).map(([r, at, n]) => {
        const from = at % r.text.length;
        return r.text.slice(from, from + n);
      }),
    },
  );
  const mixed = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

  // Where one trie's key overlaps another's, so that which one matches depends on the stage order,
  // the segment boundaries and how far each trie looks ahead: two phrases of the text sharing
  // characters; a characters phrase starting or ending inside what a variants key outputs; a
  // characters phrase written with the variants a variants key turns into its characters.
  const phrases = entries.filter(([k]) => codePoints(k as string).length > 1);
  const variants = [...TWVariantsRevPhrases.split('|'), ...TWVariantsRev.split('|')].map((e) => e.split(' ') as [string, string]);
  const overlaps = new Set<string>();
  const overlap = (left: string, right: string, build: (cut: number) => string) => {
    const a = codePoints(left);
    const b = codePoints(right);
    for (let s = 1; s < b.length && s <= a.length; s++) {
      if (a.slice(a.length - s).join('') === b.slice(0, s).join('')) overlaps.add(build(s));
    }
  };
  for (const [k1] of phrases) for (const [k2] of phrases) overlap(k1 as string, k2 as string, (s) => k1 + codePoints(k2 as string).slice(s).join(''));
  for (const [key, value] of variants) {
    for (const phrase of TSPhrases.split('|').map((e) => e.split(' ')[0] as string)) {
      overlap(value, phrase, (s) => key + codePoints(phrase).slice(s).join(''));
      overlap(phrase, value, (s) => codePoints(phrase).slice(0, -s).join('') + key);
      if (value !== key && phrase.includes(value)) overlaps.add(phrase.replace(value, key));
    }
  }
  it('converts every such overlap as opencc-js does, alone and amid other text', () => {
    expect(overlaps.size).toBeGreaterThan(1000);
    const filler = reports[2]?.text.slice(100, 140) as string;
    for (const o of overlaps) {
      same(o);
      same(filler + o + filler);
    }
  });

  const crossing = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...overlaps) }, { weight: 2, arbitrary: piece }), {
    maxLength: 30,
  });

  test.prop([crossing.map((parts) => parts.join(''))], { numRuns: RUNS })('keys of different tries overlapping', (input) => {
    same(input);
  });

  test.prop([mixed], { numRuns: RUNS })('dictionary keys, their pieces and debris', (input) => {
    same(input);
  });

  test.prop([fc.array(key, { minLength: 2, maxLength: 12 }).map((keys) => keys.join(''))], { numRuns: RUNS })(
    'dictionary keys run together',
    (input) => {
      same(input);
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })], { numRuns: RUNS })('arbitrary Unicode', (input) => {
    same(input);
  });

  test.prop(
    [fc.string({ unit: fc.integer({ min: 0x2e80, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 200 })],
    { numRuns: RUNS },
  )('arbitrary CJK text', (input) => {
    same(input);
  });

  it('converts text after description sequences of any depth, up to where the sequence ends', () => {
    const text = reports[2]?.text.slice(0, 200) as string;
    for (let n = 1; n <= 24; n++) {
      for (const op of ['⿰', '⿲', '⿻']) {
        same(op.repeat(n) + text);
        same(`會${op.repeat(n)}會${text}`);
      }
    }
  });

  it('stays linear on long runs of description characters, where opencc-js takes exponential time', () => {
    // Up to a few dozen, opencc-js still answers, and so must we, the same way.
    for (const n of [1, 2, 3, 7, 20]) {
      same(`${'⿰'.repeat(n)}會${'⿱'.repeat(n)}會會`);
      same(`會${'⿲會'.repeat(n)}`);
    }
    const started = performance.now();
    const long = `${'⿰'.repeat(200_000)}會`;
    expect(convert(long)).toBe(long);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
