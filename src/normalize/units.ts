/**
 * Strings as UTF-16 code units in typed arrays, for the passes that read a report a code unit at a
 * time. Node's Buffer copies between the two natively (lone surrogates included), several times
 * faster than charCodeAt and fromCharCode; elsewhere, or on a big-endian machine, those are used
 * instead.
 */
export const NodeBuffer = typeof Buffer === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? Buffer : undefined;
const DECODE_CHUNK = 4096; // well under the engine's argument limit for fromCharCode.apply

/** Copies `text` into `units`, which holds at least text.length units. */
export function toUnits(text: string, units: Uint16Array): void {
  if (NodeBuffer) NodeBuffer.from(units.buffer, units.byteOffset, text.length * 2).write(text, 'utf16le');
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
}

/** The string of `units[0, length)`. */
export function fromUnits(units: Uint16Array, length: number): string {
  if (NodeBuffer) return NodeBuffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  let s = '';
  for (let at = 0; at < length; at += DECODE_CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(at, Math.min(at + DECODE_CHUNK, length)) as unknown as number[]);
  }
  return s;
}
