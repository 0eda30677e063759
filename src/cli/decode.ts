import { CliError } from './problem';

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes a report file. With `encoding` given, decodes as that. Otherwise, in this order: a
 * byte-order mark decides (UTF-8, UTF-16 LE/BE); NUL bytes mean the file is not text; valid UTF-8
 * is UTF-8; what decodes as GB18030 is GB18030 (a superset of GBK and GB2312, the encodings of
 * most reports saved on Chinese Windows). Returns the text without its BOM.
 *
 * Throws {@link CliError} when the bytes are not text in any of these.
 */
export function decodeReport(bytes: Uint8Array, encoding?: string): string {
  if (encoding !== undefined) return decodeAs(bytes, encoding, `not valid ${encoding} text`);
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return decodeAs(bytes, bom.encoding, `not valid ${bom.encoding} text despite its byte-order mark`);
  // UTF-16 without a BOM is not guessed: telling it from binary is unreliable, and --encoding exists.
  if (bytes.includes(0)) throw new CliError('not text (it contains NUL bytes)');
  for (const candidate of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(candidate, { fatal: true }).decode(bytes);
    } catch {
      // Not this one: try the next.
    }
  }
  throw new CliError('not text (neither UTF-8 nor GB18030; try --encoding)');
}

function decodeAs(bytes: Uint8Array, encoding: string, problem: string): string {
  try {
    // ignoreBOM false (the default) drops a BOM that matches the encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(problem);
  }
}
