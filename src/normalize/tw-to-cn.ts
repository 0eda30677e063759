import CJKCompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { fromUnits, toUnits } from './units';

/**
 * Taiwan traditional -> mainland simplified: exactly what opencc-js 1.4.2's
 * `ConverterBuilder(preset)({ from: 'tw', to: 'cn' })` (config `tw2s`) gives, over the same
 * dictionary strings, several times faster. opencc-js walks a trie of Maps per character,
 * allocates an object per match and joins arrays of slices per segment per dictionary, which was
 * most of the parse of a traditional report. Here each dictionary group is a flat table by first
 * code unit, so a character that starts no key, or only a one-character key, costs one
 * typed-array read, and the text moves through the stages as UTF-16 code units.
 *
 * The algorithm is opencc-js's step for step, because its quirks decide the output:
 * - normalise compatibility ideographs over the whole text;
 * - cut the result into segments: each longest TSPhrases match, and the runs between;
 * - convert every segment on its own, first with TWVariantsRevPhrases + TWVariantsRev, then the
 *   result with TSPhrases + TSCharacters, so no match crosses a segment boundary;
 * - at each position take the longest key; where none matches, step one code point, or over a
 *   whole ideographic description sequence (U+2FF0–U+2FFF and its operands), whose characters
 *   are then left alone.
 * `tw` rather than `t` or `hk`, because only the Taiwan variant tables turn 著重 into 着重; and
 * never the phrase locales (`twp`), which rewrite vocabulary such as 文件 -> 文档 and would break
 * table labels.
 *
 * Building the tables takes a few milliseconds, so callers build once and only when needed.
 */
export function createTwToCn(): (text: string) => string {
  const tables: Tables = {
    normalization: buildTable([CJKCompatibilityIdeographs]),
    segmentation: buildTable([TSPhrases]),
    variants: buildTable([TWVariantsRevPhrases, TWVariantsRev]),
    characters: buildTable([TSPhrases, TSCharacters]),
    attention: new Uint8Array(0x10000),
    fast: new Uint16Array(0x10000),
    alone: new Uint16Array(0x10000),
    pairs: new Uint8Array(0x2000),
    window: 0,
  };
  // What the segmentation loop must do at each code unit: see `segmentAndConvert`.
  const { attention, normalization, segmentation, variants, characters, fast, alone, pairs } = tables;
  const [sCode, sAlone, vCode, vAlone, cCode, cAlone] = [segmentation.code, segmentation.alone, variants.code, variants.alone, characters.code, characters.alone];
  for (const c of segmentation.units) attention[c] = sCode[c] === PAIR && sAlone[c] === 0 ? PAIR : SLOW;
  // Normalisation: units with a one-unit key or a root node, high surrogates of astral keys.
  for (const c of normalization.units) attention[c] = (attention[c] as number) | NORMALIZE;
  for (const cp of normalization.roots.keys()) {
    const c = cp > 0xffff ? 0xd7c0 + (cp >> 10) : cp;
    attention[c] = (attention[c] as number) | NORMALIZE;
  }
  tables.window = Math.max(segmentation.longest - 1, variants.longest + characters.longest - 2);
  const words = [pairs, segmentation.pairs, variants.pairs, characters.pairs].map((bits) => new Int32Array(bits.buffer));
  for (let w = 0; w < 0x800; w++) (words[0] as Int32Array)[w] = (words[1] as Int32Array)[w]! | (words[2] as Int32Array)[w]! | (words[3] as Int32Array)[w]!;
  const compose = (c: number): void => {
    const s = attention[c] as number;
    const v = vCode[c] as number;
    // What variants, then characters, make of the unit on its own.
    const a = v === PLAIN || v === PAIR ? c : v;
    const k = cCode[a] as number;
    const b = k === PLAIN ? a : k > PAIR ? k : k === PAIR ? (cAlone[a] as number) || a : 0;
    // The pair test (`convertAll`) needs variants to leave a unit it may continue unchanged.
    if ((s !== PLAIN && s !== PAIR) || v === SLOW || (v === PAIR && vAlone[c] !== 0) || b <= PAIR) {
      fast[c] = SLOW;
    } else if (s === PAIR || v === PAIR || k === PAIR) {
      fast[c] = k === PAIR && a !== c ? SLOW : PAIR;
      alone[c] = b;
    } else {
      fast[c] = b;
    }
  };
  // Where only characters has keys, `fast` is its `code` and `alone`; compose the rest.
  fast.set(cCode);
  alone.set(cAlone);
  for (const t of [normalization, segmentation, variants]) for (const c of t.units) compose(c);
  // High surrogates and description characters.
  for (let c = 0x2ff0; c < 0xdc00; c = c === 0x2fff ? 0xd800 : c + 1) {
    fast[c] = SLOW;
    attention[c] = (attention[c] as number) | SLOW;
  }
  const scratch = newScratch();
  return (text) => convert(text, tables, scratch);
}

// `Table.code` and `attention`: below 3, what to do; from 3 up, a one-unit value (see `Table`).
/** No key starts with this code unit: copy it and step on. */
const PLAIN = 0;
/** Look up the longest key, and step as opencc-js does when there is none. */
const SLOW = 1;
/**
 * Longer keys start with this code unit, but where the next unit is not the second of one of
 * them (`pairs`), the unit alone decides: its one-unit value `alone`, or itself.
 */
const PAIR = 2;
/** `attention` flag: the unit may start a normalisation key (a high surrogate: an astral one). */
const NORMALIZE = 4;

interface Tables {
  normalization: Table;
  segmentation: Table;
  variants: Table;
  characters: Table;
  attention: Uint8Array;
  /**
   * All of `tw2s` at once where no key longer than one unit can start: per BMP code unit, PLAIN
   * (nothing changes it), SLOW (see `window`), PAIR (the same unless a key starts with the unit
   * and the next one, `pairs`; else `alone` is the result, 0 for the unit itself), or from 3 up
   * the result.
   */
  fast: Uint16Array;
  alone: Uint16Array;
  /** The pair bits of all three tries. */
  pairs: Uint8Array;
  /**
   * How many units in a row that no trie can start a key at bring all three back to rest: a key
   * that began before reaches at most `longest - 1` units into them, and a characters key may
   * begin at the end of the output of a variants key that began before, so
   * max(segmentation.longest - 1, variants.longest + characters.longest - 2).
   */
  window: number;
}

/**
 * One opencc-js trie (a dictionary group), flattened for the common cases. A traditional report
 * has a key starting at about every third character (TSCharacters' one-to-one entries, which
 * `code` holds inline) and a longer key starting at about every sixth, of which about one in a
 * hundred matches (TWVariantsRevPhrases; `pairs` rules out most of the rest). Only the remaining
 * positions walk the trie: a root node per first code point, and an edge per further code unit.
 */
interface Table {
  /**
   * Per BMP code unit: PLAIN, SLOW, PAIR, or from 3 up the value of the unit's only key, itself
   * (one code unit). High surrogates and description characters are always SLOW: a high
   * surrogate may begin an astral code point, and both step differently when unmatched.
   */
  code: Uint16Array;
  /** For PAIR units: the one-unit value of the unit alone, or 0 when it has none. */
  alone: Uint16Array;
  /** Bit set of `pairHash(first, second)` over the keys of two or more units. */
  pairs: Uint8Array;
  /** The node of each first code point not stored inline in `code`. */
  roots: Map<number, number>;
  /** Per node: the value of its one-code-point key, if any. */
  value: (string | undefined)[];
  /**
   * Per node: its last longer key in `keys` and `values`, and from each key the one before it
   * with the same first code point (-1: none). Only the few positions the pair bits let through
   * read these, so building them, once per process, matters more than walking them.
   */
  last: number[];
  prior: number[];
  keys: string[];
  values: string[];
  /** No value has more code units than `growth` times its key, so output <= growth * input. */
  growth: number;
  /** Code units in the longest key. */
  longest: number;
  /** The BMP units whose `code` is not PLAIN, other than the always SLOW ones. */
  units: number[];
}

/**
 * Loads a dictionary group the way opencc-js's `Trie.loadDictGroup` does: dictionaries in reverse
 * order, each entry overwriting an equal key, so the first dictionary of the group and the last
 * entry within a dictionary win. An entry is `key value[ more…]` and only the first value counts
 * (`line.split(' ')[1]`). This runs once per process, mostly before the engine optimises it, so
 * it touches each entry once and the common one (one unit to one) without making a string.
 */
function buildTable(group: readonly string[]): Table {
  const code = new Uint16Array(0x10000);
  const alone = new Uint16Array(0x10000);
  const pairs = new Uint8Array(0x2000);
  const roots = new Map<number, number>();
  const value: (string | undefined)[] = [undefined];
  const last: number[] = [-1];
  const prior: number[] = [];
  const keys: string[] = [];
  const values: string[] = [];
  const units: number[] = [];
  for (let c = 0x2ff0; c < 0xdc00; c = c === 0x2fff ? 0xd800 : c + 1) code[c] = SLOW;
  let growth = 1;
  let longest = 1;
  const rootOf = (cp: number): number => {
    let node = roots.get(cp);
    if (node === undefined) {
      roots.set(cp, (node = value.length));
      last.push(-1);
      // An inline value moves to the node.
      const moved = cp > 0xffff ? PLAIN : (code[cp] as number);
      value.push(moved > PAIR ? String.fromCharCode(moved) : undefined);
      if (cp <= 0xffff) {
        if (moved === PLAIN) units.push(cp);
        code[cp] = SLOW;
      }
    }
    return node;
  };
  for (let d = group.length - 1; d >= 0; d--) {
    const dict = group[d] as string;
    const n = dict.length;
    let begin = 0;
    while (begin <= n) {
      const v = dict.charCodeAt(begin + 2);
      if (dict.charCodeAt(begin + 1) === 0x20 && v !== 0x20 && v !== 0x7c && (begin + 3 === n || dict.charCodeAt(begin + 3) === 0x7c)) {
        // `k v`: one unit to one.
        const k = dict.charCodeAt(begin);
        if (v > PAIR && code[k] !== SLOW) {
          if (code[k] === PLAIN) units.push(k);
          code[k] = v;
        } else {
          value[rootOf(k)] = String.fromCharCode(v);
        }
        begin += 4;
        continue;
      }
      let end = dict.indexOf('|', begin);
      if (end === -1) end = n;
      // (opencc-js throws on an entry without a space; the test checks there is none.)
      const space = dict.indexOf(' ', begin);
      let valueEnd = dict.indexOf(' ', space + 1);
      if (valueEnd === -1 || valueEnd > end) valueEnd = end;
      const keyLength = space - begin;
      const valueLength = valueEnd - space - 1;
      if (valueLength > keyLength) growth = Math.max(growth, Math.ceil(valueLength / Math.max(keyLength, 1)));
      longest = Math.max(longest, keyLength);
      const first = dict.codePointAt(begin) as number;
      // (An empty key lands on opencc-js's trie root, which it never reads.)
      const node = keyLength === 0 ? 0 : rootOf(first);
      if (keyLength > (first > 0xffff ? 2 : 1)) {
        // Keys are compared by code unit, which equals opencc-js's walk by code point unless a
        // key ends in a high surrogate that the text follows with a low one (the test checks
        // that none does).
        const h = pairHash(dict.charCodeAt(begin), dict.charCodeAt(begin + 1));
        pairs[h >> 3] = (pairs[h >> 3] as number) | (1 << (h & 7));
        prior.push(last[node] as number);
        last[node] = keys.length;
        keys.push(dict.slice(begin, space));
        values.push(dict.slice(space + 1, valueEnd));
      } else if (node !== 0) {
        value[node] = dict.slice(space + 1, valueEnd);
      }
      begin = end + 1;
    }
  }

  // Units with longer keys take the pair test first when they convert simply on their own.
  for (const c of units) {
    const node = roots.get(c) ?? 0;
    const v = value[node];
    if (last[node] !== -1 && (v === undefined || (v.length === 1 && v.charCodeAt(0) !== 0))) {
      code[c] = PAIR;
      alone[c] = v === undefined ? 0 : v.charCodeAt(0);
    }
  }
  return { code, alone, pairs, roots, value, last, prior, keys, values, growth, longest, units };
}

/** A 16-bit hash of two code units, for `Table.pairs`. */
function pairHash(first: number, second: number): number {
  return Math.imul(first * 0x10000 + second, 0x9e3779b1) >>> 16;
}

/** Whether the pair bit of `first, second` is set: whether a key may start with the two. */
function paired(bits: Uint8Array, first: number, second: number): boolean {
  const h = pairHash(first, second);
  return ((bits[h >> 3] as number) & (1 << (h & 7))) !== 0;
}

/**
 * Buffers kept between calls of one converter and grown on demand; a call that needed a large one
 * drops it afterwards. Output is moved to `result` whenever the next segment might not fit in
 * `out`, so `out` stays small.
 */
interface Scratch {
  source: Uint16Array;
  normalized: Uint16Array;
  middle: Uint16Array;
  out: Uint16Array;
  used: number;
  result: string;
  /** Value of the key `longestMatch` found last. */
  value: string;
  /** Output position after the last `step`. */
  at: number;
  /**
   * Ends of ideographic description sequences by position (`sequenceEnd`): in the text for
   * segmentation, and in the range `convertRange` works on.
   */
  segmentIds: Map<number, number>;
  ids: Map<number, number>;
}

const OUT_CAPACITY = 8192;
/** After a text longer than this (in code units), the grown buffers are dropped, not kept. */
const KEEP = 1 << 16;

function newScratch(): Scratch {
  return {
    source: new Uint16Array(1024),
    normalized: new Uint16Array(0),
    middle: new Uint16Array(1024),
    out: new Uint16Array(OUT_CAPACITY),
    used: 0,
    result: '',
    value: '',
    at: 0,
    segmentIds: new Map(),
    ids: new Map(),
  };
}

function convert(text: string, tables: Tables, st: Scratch): string {
  const n = text.length;
  if (st.source.length < n) st.source = new Uint16Array(n);
  toUnits(text, st.source);
  if (!convertAll(tables, st.source, n, st, true)) {
    // A compatibility ideograph: normalise the whole text and start again.
    const t = tables.normalization;
    if (st.normalized.length < n * t.growth) st.normalized = new Uint16Array(n * t.growth);
    const length = convertRange(t, st.source, 0, n, st.normalized, 0, st);
    convertAll(tables, st.normalized, length, st, false);
  }
  const result = st.result + fromUnits(st.out, st.used);
  st.result = '';
  // Buffers grown for a long text are not kept.
  if (n > KEEP) Object.assign(st, newScratch());
  return result;
}

/**
 * Converts `src[0, length)` into `st`: unit by unit through `fast` where no trie can start a key,
 * and with the three tries proper from each other unit to the end of the next `window` units that
 * none can start a key at. Returns false, as `segmentAndConvert` does, to ask for normalisation.
 */
function convertAll(tables: Tables, src: Uint16Array, length: number, st: Scratch, checkNormal: boolean): boolean {
  const { fast, alone, pairs, variants } = tables;
  // Whether the unit at i, PAIR in `fast`, is not followed by a unit that could continue a key:
  // as it is in the text for segmentation and variants, and as variants outputs it for characters.
  const simple = (i: number): boolean => {
    if (i + 1 >= length) return true;
    const c = src[i] as number;
    const d = src[i + 1] as number;
    if (paired(pairs, c, d)) return false;
    const v = variants.code[d] as number;
    if (v === PLAIN) return true;
    if (v > PAIR) return !paired(pairs, c, v);
    if (v === SLOW || (i + 2 < length && paired(variants.pairs, d, src[i + 2] as number))) return false;
    return !paired(pairs, c, (variants.alone[d] as number) || d);
  };
  st.used = 0;
  st.result = '';
  let i = 0;
  while (i < length) {
    reserve(st, 1);
    const out = st.out;
    let used = st.used;
    const limit = Math.min(length, i + out.length - used);
    for (; i < limit; i++) {
      const c = src[i] as number;
      const f = fast[c] as number;
      if (f > PAIR) out[used++] = f;
      else if (f === PLAIN) out[used++] = c;
      else if (f === PAIR && simple(i)) out[used++] = (alone[c] as number) || c;
      else break;
    }
    st.used = used;
    if (i === limit) continue;
    // From i, where all tries are at rest, to where they surely are again.
    let end = length;
    for (let j = i, quiet = 0; j < length; j++) {
      const c = src[j] as number;
      const f = fast[c] as number;
      if (f !== SLOW && (f !== PAIR || simple(j))) {
        if (++quiet >= tables.window) {
          end = j + 1;
          break;
        }
      } else if (c >= 0x2ff0 && c <= 0x2fff) {
        // A description sequence can reach any distance.
        break;
      } else quiet = 0;
    }
    if (!segmentAndConvert(tables, src, i, end, st, checkNormal)) return false;
    i = end;
  }
  return true;
}

/**
 * opencc-js's `Trie.segment` of `src[from, to)`, with segments as index ranges, converting each
 * segment as it is found. When `checkNormal` is set, stops and returns false at the first code
 * unit that may start a normalisation key: the caller then normalises and starts again. Saves a
 * separate pass for a normalisation that almost never changes anything.
 */
function segmentAndConvert(tables: Tables, src: Uint16Array, from: number, to: number, st: Scratch, checkNormal: boolean): boolean {
  const { attention, segmentation } = tables;
  const stop = checkNormal ? 0xff : 0xff ^ NORMALIZE;
  if (st.segmentIds.size > 0) st.segmentIds.clear();
  let runStart = from;
  let i = from;
  while (i < to) {
    const c = src[i] as number;
    const a = (attention[c] as number) & stop;
    if (a === PLAIN) {
      i++;
      continue;
    }
    if (a & NORMALIZE) return false;
    if (a === PAIR && !(i + 1 < to && paired(segmentation.pairs, c, src[i + 1] as number))) {
      i++;
      continue;
    }
    const end = longestMatch(segmentation, src, i, to, st);
    if (end < 0) {
      i += unmatchedLength(src, i, to, st.segmentIds);
      continue;
    }
    if (i > runStart) convertSegment(tables, src, runStart, i, st);
    convertSegment(tables, src, i, end, st);
    i = end;
    runStart = end;
  }
  if (to > runStart) convertSegment(tables, src, runStart, to, st);
  return true;
}

/** Makes room for `units` more code units of output, moving what is there to `st.result`. */
function reserve(st: Scratch, units: number): void {
  if (st.used + units > st.out.length) {
    st.result += fromUnits(st.out, st.used);
    st.used = 0;
    if (units > st.out.length) st.out = new Uint16Array(units);
  }
}

/** The two conversion tries of `tw2s`, one after the other, on one segment. */
function convertSegment(tables: Tables, src: Uint16Array, from: number, to: number, st: Scratch): void {
  const { variants, characters } = tables;
  if (st.middle.length < (to - from) * variants.growth) st.middle = new Uint16Array((to - from) * variants.growth);
  const middle = convertRange(variants, src, from, to, st.middle, 0, st);
  reserve(st, middle * characters.growth);
  st.used = convertRange(characters, st.middle, 0, middle, st.out, st.used, st);
}

/**
 * opencc-js's `Trie.convert` of `src[start, end)`, written to `dst` from `at`; returns the end of
 * the output. `dst` must have room for `(end - start) * t.growth` more code units.
 */
function convertRange(t: Table, src: Uint16Array, start: number, end: number, dst: Uint16Array, at: number, st: Scratch): number {
  const { code, alone, pairs } = t;
  if (st.ids.size > 0) st.ids.clear();
  let i = start;
  while (i < end) {
    const c = src[i] as number;
    const k = code[c] as number;
    if (k > PAIR) {
      // The common case: a character whose only key is itself, with a one-unit value.
      dst[at++] = k;
      i++;
      continue;
    }
    if (k === PLAIN) {
      dst[at++] = c;
      i++;
      continue;
    }
    if (k === PAIR && !(i + 1 < end && paired(pairs, c, src[i + 1] as number))) {
      dst[at++] = (alone[c] as number) || c;
      i++;
      continue;
    }
    i = step(t, src, i, end, dst, at, st);
    at = st.at;
  }
  return at;
}

/**
 * The rest of a step of opencc-js's `Trie.convert` at i: the longest key, or else one code point
 * or a description sequence unchanged. Writes to `dst` from `at`, sets `st.at` after the output,
 * and returns the next position.
 */
function step(t: Table, src: Uint16Array, i: number, end: number, dst: Uint16Array, at: number, st: Scratch): number {
  const next = longestMatch(t, src, i, end, st);
  if (next >= 0) {
    const v = st.value;
    for (let j = 0; j < v.length; j++) dst[at++] = v.charCodeAt(j);
    st.at = at;
    return next;
  }
  const skip = unmatchedLength(src, i, end, st.ids);
  for (let j = 0; j < skip; j++) dst[at++] = src[i + j] as number;
  st.at = at;
  return i + skip;
}

/**
 * opencc-js's `Trie.matchPrefix` on `src[i, end)`: the end of the longest key starting at i, its
 * value in `st.value`; or -1.
 */
function longestMatch(t: Table, src: Uint16Array, i: number, end: number, st: Scratch): number {
  const c = src[i] as number;
  let cp = c;
  let j = i + 1;
  if ((c & 0xfc00) === 0xd800 && j < end && ((src[j] as number) & 0xfc00) === 0xdc00) {
    cp = (c - 0xd800) * 0x400 + (src[j] as number) - 0xdc00 + 0x10000;
    j++;
  } else {
    const k = t.code[c] as number;
    if (k > PAIR) {
      st.value = String.fromCharCode(k);
      return j;
    }
  }
  const node = t.roots.get(cp);
  if (node === undefined) return -1;
  const v = t.value[node];
  let found = -1;
  if (v !== undefined) {
    st.value = v;
    found = j;
  }
  // Every longer key; among equal ones the first met, which was loaded last, wins.
  for (let p = t.last[node] as number; p !== -1; p = t.prior[p] as number) {
    const key = t.keys[p] as string;
    const stop = i + key.length;
    if (stop > end || stop <= found) continue;
    let k = j - i;
    while (k < key.length && src[i + k] === key.charCodeAt(k)) k++;
    if (k === key.length) {
      st.value = t.values[p] as string;
      found = stop;
    }
  }
  return found;
}

/** Width of the code point at j in `src[…, end)`, as `codePointAt` on the slice sees it. */
function widthAt(src: Uint16Array, j: number, end: number): number {
  const c = src[j] as number;
  return (c & 0xfc00) === 0xd800 && j + 1 < end && ((src[j + 1] as number) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** opencc-js's getIdeographicDescriptionArity. */
function idsArity(c: number): number {
  if (c < 0x2ff0 || c > 0x2fff) return 0;
  return c === 0x2ff2 || c === 0x2ff3 ? 3 : 2;
}

/** opencc-js's getUnmatchedLength on `src[…, end)`. */
function unmatchedLength(src: Uint16Array, i: number, end: number, ids: Map<number, number>): number {
  const idsEnd = idsArity(src[i] as number) === 0 ? 0 : sequenceEnd(src, i, end, ids);
  return idsEnd > i ? idsEnd - i : widthAt(src, i, end);
}

/**
 * opencc-js's getIdeographicDescriptionSequenceEnd: the end of the sequence the operator at i
 * heads, or 0 when the text ends first, in which case a nested operator counts as a plain
 * operand of its parent. opencc-js recurses once per nested operator and re-reads a run of
 * operators from each of its positions; here the answers for every operator from i to the end
 * are worked out once, from the end backwards (each needs only those after it), and kept in
 * `ids` for the rest of the range. That gives opencc-js's answer in linear time at any depth,
 * where opencc-js overflows the call stack.
 */
function sequenceEnd(src: Uint16Array, i: number, end: number, ids: Map<number, number>): number {
  for (let p = end - 1; !ids.has(i) && p >= i; p--) {
    const arity = idsArity(src[p] as number);
    if (arity === 0 || ids.has(p)) continue;
    let e = p + 1;
    for (let n = 0; n < arity && e !== 0; n++) {
      e = e >= end ? 0 : ids.get(e) || e + widthAt(src, e, end);
    }
    ids.set(p, e);
  }
  return ids.get(i) as number;
}
