import { describe, expectOptions } from '../arguments';

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Options of {@link decodeReport}. */
export interface DecodeOptions {
  /**
   * Decode as this encoding (any label `TextDecoder` knows: `'gbk'`, `'big5'`, `'utf-16le'`…)
   * instead of detecting one. Absent: detect.
   */
  encoding?: string;
}

/** A decoded report, and how it was decoded. */
export interface DecodedReport {
  /** The text, without its byte-order mark. */
  text: string;
  /** The WHATWG name of the encoding it was read as (`'utf-8'`, `'gb18030'`, `'big5'`…). */
  encoding: string;
  /**
   * Set when the detected encoding may be wrong: the encoding the bytes may be in instead. Only
   * `'big5'`, for bytes read as GB18030 whose reading holds no word of a report and many unlikely
   * characters; decode them again with `{ encoding: 'big5' }` if the text looks garbled.
   */
  alternative?: 'big5';
}

/** Why bytes could not be decoded: see {@link DecodeError.reason}. */
export type DecodeFailure = 'binary' | 'invalid' | 'undetected';

/**
 * Bytes that are not text in the encoding given, or in any {@link decodeReport} detects. Its
 * message says which, in a few words (`not valid utf-8 text`, `not text (it contains NUL bytes)`).
 */
export class DecodeError extends Error {
  override name = 'DecodeError';

  /**
   * `binary`: NUL bytes, no encoding given; `invalid`: not valid in the encoding given or its
   * byte-order mark names; `undetected`: neither UTF-8, GB18030 nor Big5.
   */
  readonly reason: DecodeFailure;

  constructor(reason: DecodeFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Decodes the bytes of a report file into its text. With `options.encoding`, decodes as that.
 * Otherwise, in this order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); NUL bytes mean the
 * file is not text; a web page is read in the charset it declares ({@link declaredCharset}), when
 * its bytes are valid in it; valid UTF-8 is UTF-8; what decodes as GB18030 (a superset of GBK and
 * GB2312, the encodings of most reports saved on Chinese Windows) is GB18030, unless it is Big5 by
 * {@link chooseChinese}. UTF-16 without a byte-order mark is not guessed: name it.
 *
 * @throws {TypeError} When `bytes` is not a Uint8Array (a Node Buffer is one), or
 *   `options.encoding` is not a label `TextDecoder` knows.
 * @throws {DecodeError} When the bytes are not text in any of these.
 */
export function decodeReport(bytes: Uint8Array, options?: DecodeOptions): DecodedReport {
  expectBytes(bytes);
  const encoding = expectEncoding(options);
  if (encoding !== undefined) return decodeAs(bytes, encoding, `not valid ${encoding} text`);
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return decodeAs(bytes, bom.encoding, `not valid ${bom.encoding} text despite its byte-order mark`);
  // UTF-16 without a BOM is not guessed: telling it from binary is unreliable, and the option exists.
  if (bytes.includes(0)) throw new DecodeError('binary', 'not text (it contains NUL bytes)');
  const utf8 = attempt(bytes, 'utf-8');
  const declared = declaredCharset(bytes);
  // A page saved by a tool that re-encoded it as UTF-8 keeps its old declaration (charset=gb2312):
  // its bytes, valid UTF-8 beyond ASCII, say more than the declaration does. GBK text is never
  // valid UTF-8 by chance: its common characters start with bytes UTF-8 only uses after a lead byte.
  if (declared !== undefined && !(utf8 !== undefined && hasNonAscii(bytes))) {
    // Not valid in what it declares (a page saying UTF-8 that is GBK): detected like any file.
    const text = declared === 'utf-8' ? utf8 : attempt(bytes, declared);
    if (text !== undefined) return { text, encoding: declared };
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb18030 = attempt(bytes, 'gb18030');
  const big5 = attempt(bytes, 'big5');
  if (gb18030 !== undefined) return big5 === undefined ? { text: gb18030, encoding: 'gb18030' } : chooseChinese(bytes, gb18030, big5);
  if (big5 !== undefined) return { text: big5, encoding: 'big5' };
  throw new DecodeError('undetected', 'not text (neither UTF-8, GB18030 nor Big5)');
}

function expectBytes(bytes: unknown): asserts bytes is Uint8Array {
  if (bytes instanceof Uint8Array) return;
  // describe() would tell a caller with binary data to decode it first: this is where they do.
  const got =
    bytes instanceof ArrayBuffer
      ? 'an ArrayBuffer (wrap it: new Uint8Array(buffer))'
      : ArrayBuffer.isView(bytes)
        ? 'a view of binary data other than a Uint8Array'
        : describe(bytes);
  throw new TypeError(`decodeReport: bytes must be a Uint8Array (a Buffer is one), got ${got}`);
}

/** The encoding `options` names, checked: undefined when it names none. */
function expectEncoding(options: DecodeOptions | undefined): string | undefined {
  expectOptions('decodeReport', 'options', options, { encoding: 'string' });
  const encoding = options?.encoding;
  if (encoding === undefined) return undefined;
  try {
    new TextDecoder(encoding);
  } catch {
    const shown = encoding.length > 40 ? `${encoding.slice(0, 40)}…` : encoding;
    throw new TypeError(`decodeReport: options.encoding must be an encoding label TextDecoder knows ('utf-8', 'gb18030', 'big5', 'utf-16le'…), got ${JSON.stringify(shown)}`);
  }
  return encoding;
}

/**
 * Words nearly every report holds many times over, in simplified and traditional characters. Read
 * in the wrong one of GB18030 and Big5, a text is a run of unrelated characters that practically
 * never forms them (a Big5 report read as GB18030 holds none of its two hundred).
 */
const REPORT_WORDS = /政府|信息|資訊|公開|公开|年度|報告|报告|申請|申请|辦理|办理|行政/g;
/** Report words the Big5 reading needs to win: one could be luck. */
const MIN_WORDS = 2;
/**
 * Above this share of unlikely characters (see {@link unlikelyShare}) a GB18030 reading without
 * report words looks wrong. GB2312 text has next to none; traditional text saved as GBK about a
 * third (its traditional characters are GBK extensions); Big5 text read as GB18030 three quarters.
 */
const UNLIKELY_SHARE = 0.5;

/**
 * GB18030 or Big5, for bytes valid in both (Big5's byte ranges lie within GBK's, so Big5 text
 * nearly always decodes as GB18030 too, as garbage; GB2312 text often decodes as Big5). Big5 when
 * its reading holds at least {@link MIN_WORDS} report words and more than twice as many as the
 * GB18030 reading. Otherwise GB18030, the far more common encoding of reports, with Big5 as its
 * `alternative` when that reading looks wrong too: no report word, and unlikely characters above
 * {@link UNLIKELY_SHARE}.
 */
function chooseChinese(bytes: Uint8Array, gb18030: string, big5: string): DecodedReport {
  const inGb18030 = countWords(gb18030);
  const inBig5 = countWords(big5);
  if (inBig5 >= MIN_WORDS && inBig5 > 2 * inGb18030) return { text: big5, encoding: 'big5' };
  if (inGb18030 === 0 && unlikelyShare(bytes) > UNLIKELY_SHARE) return { text: gb18030, encoding: 'gb18030', alternative: 'big5' };
  return { text: gb18030, encoding: 'gb18030' };
}

function countWords(text: string): number {
  let count = 0;
  for (REPORT_WORDS.lastIndex = 0; REPORT_WORDS.exec(text) !== null; ) count++;
  return count;
}

/**
 * Of the characters above ASCII in the bytes read as GB18030, the share outside GB2312's
 * punctuation and hanzi (two bytes from 0xA1A1 to 0xA3FE and from 0xB0A1 to 0xF7FE): kana, Greek,
 * Cyrillic, box drawing, user-defined codes, GBK's extension characters (mostly rare or
 * traditional ones) and four-byte codes. Measured on the bytes because that is where GB2312's
 * common characters are told from the rest.
 */
function unlikelyShare(bytes: Uint8Array): number {
  let all = 0;
  let unlikely = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0x80) continue;
    all++;
    const next = bytes[i + 1] ?? 0;
    if (lead === 0x80) {
      // GB18030's one-byte euro sign.
      unlikely++;
    } else if (next >= 0x30 && next <= 0x39) {
      unlikely++;
      i += 3;
    } else {
      const gb2312 = next >= 0xa1 && next <= 0xfe && ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7));
      if (!gb2312) unlikely++;
      i++;
    }
  }
  return all === 0 ? 0 : unlikely / all;
}

/** How far into a file a web page's charset declaration is looked for. */
const SNIFFED_BYTES = 2048;
// A page starts, after blank space, with one of these; or it declares a charset early on.
const PAGE_START = /^(?:\xef\xbb\xbf)?[\t\n\f\r ]*(?:<!doctype|<\?xml|<(?:html|head|meta)[\t\n\f\r />])/i;
const META_CHARSET = /<meta[^>]*charset/i;
const COMMENT = /<!--[^]*?(?:-->|$)/g;
const META = /<meta(?=[\t\n\f\r /])([^>]*)/gi;
const ATTRIBUTE = /([^\t\n\f\r />="']+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+)))?/g;
const CONTENT_CHARSET = /charset[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r ;"']+))/i;

/**
 * The encoding a web page declares in its first {@link SNIFFED_BYTES} bytes, as the WHATWG name
 * to decode it with, or undefined when the file does not look like a page (it starts with
 * `<!doctype`, `<html`, `<?xml`, `<head` or `<meta`, or has a `<meta … charset` early on) or
 * declares nothing TextDecoder knows. The first `<meta charset="…">` or `<meta
 * http-equiv="Content-Type" content="…; charset=…">` outside comments that names a known
 * encoding counts, as the HTML standard's prescan takes it. GB2312 and GBK (WHATWG's `gbk`) are read as GB18030, their superset; a page cannot
 * declare UTF-16 in bytes that can be read for the declaration, so UTF-16 means UTF-8, as the
 * HTML standard says.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps one character per byte: the markup is ASCII whatever the page's encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFFED_BYTES));
  if (!PAGE_START.test(head) && !META_CHARSET.test(head)) return undefined;
  for (const [, attributes = ''] of head.replace(COMMENT, '').matchAll(META)) {
    const values = new Map<string, string>();
    for (const [, name = '', ...value] of attributes.matchAll(ATTRIBUTE)) {
      const key = name.toLowerCase();
      if (!values.has(key)) values.set(key, value.find((v) => v !== undefined) ?? '');
    }
    let label = values.get('charset');
    if (label === undefined && values.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const found = CONTENT_CHARSET.exec(values.get('content') ?? '');
      label = found?.slice(1).find((v) => v !== undefined);
    }
    // One naming no encoding TextDecoder knows is passed over, as browsers pass it over.
    const encoding = label === undefined ? undefined : encodingOf(label);
    if (encoding !== undefined) return encoding;
  }
  return undefined;
}

function encodingOf(label: string): string | undefined {
  let encoding: string;
  try {
    // x-user-defined, which TextDecoder does not take, is windows-1252 to the HTML standard.
    encoding = label.trim().toLowerCase() === 'x-user-defined' ? 'windows-1252' : new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
  if (encoding === 'gbk') return 'gb18030';
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  return encoding;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function attempt(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, encoding: string, problem: string): DecodedReport {
  try {
    // ignoreBOM false (the default) drops a BOM that matches the encoding.
    const decoder = new TextDecoder(encoding, { fatal: true });
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    throw new DecodeError('invalid', problem);
  }
}
