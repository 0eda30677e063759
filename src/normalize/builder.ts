import { EditLog } from './offset-map';

/**
 * Assembles a pass's output. Pushing a small string per edit and joining them costs several
 * hundred nanoseconds per piece in V8, which made a line of a million repaired commas take the
 * better part of a second. Past the first few thousand pieces, short runs and replacements are
 * collected as code units in a small fixed buffer instead; long unchanged runs are still taken as
 * slices, which cost nothing until the final join. Memory stays bounded by the buffer, not by the
 * input.
 */

const CAPACITY = 4096; // well under the engine's argument limit for fromCharCode.apply
/**
 * Pieces that are sliced whatever their length. A report's few hundred edits cost less as slices
 * than as code units turned back into strings (pinyin repair on corpus report 002, with 229
 * groups, took about a third less time); the buffer is for the inputs with many thousands.
 */
const SLICED_PIECES = 2048;
/**
 * Past SLICED_PIECES, unchanged runs longer than this are still sliced rather than copied unit by
 * unit: a code unit copied and turned back into a string costs a few nanoseconds, so a run of a
 * dozen already costs about what a piece does, and a million one-character runs between repairs
 * go through the buffer.
 */
const SLICE_THRESHOLD = 8;

/**
 * One buffer for all builders: a fresh 8 KB buffer per pass that edits something was a measurable
 * share of reading a report. A builder takes it while it holds unflushed units and gives it back
 * when it is done; a second builder at work meanwhile gets a buffer of its own.
 */
let spare: Uint16Array | undefined;

export class TextBuilder {
  private buffer: Uint16Array | undefined;
  private used = 0;
  private readonly parts: string[] = [];

  /** Appends `source[from, to)`. */
  copy(source: string, from: number, to: number): void {
    if (to - from > SLICE_THRESHOLD || (to > from && this.parts.length < SLICED_PIECES)) {
      this.flush();
      this.parts.push(source.slice(from, to));
      return;
    }
    const buffer = this.buffer ?? this.take();
    let used = this.used;
    for (let i = from; i < to; i++) {
      if (used === CAPACITY) {
        this.used = used;
        this.flush();
        used = 0;
      }
      buffer[used++] = source.charCodeAt(i);
    }
    this.used = used;
  }

  /** Appends one UTF-16 code unit. */
  unit(code: number): void {
    if (this.used === CAPACITY) this.flush();
    const buffer = this.buffer ?? this.take();
    buffer[this.used++] = code;
  }

  toString(): string {
    this.flush();
    if (this.buffer) {
      spare = this.buffer;
      this.buffer = undefined;
    }
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
  }

  private take(): Uint16Array {
    const buffer = spare ?? new Uint16Array(CAPACITY);
    spare = undefined;
    this.buffer = buffer;
    return buffer;
  }

  private flush(): void {
    if (this.used === 0 || !this.buffer) return;
    // fromCharCode keeps lone surrogates as they are, where a UTF-16 TextDecoder would not. One
    // unit, the usual piece between two long runs (a repaired comma), skips the array call.
    if (this.used === 1) this.parts.push(String.fromCharCode(this.buffer[0] as number));
    else this.parts.push(String.fromCharCode.apply(null, this.buffer.subarray(0, this.used) as unknown as number[]));
    this.used = 0;
  }
}

/**
 * A pass's output as its input with spans replaced, left to right, by one code unit or nothing,
 * and the edit log that maps the output back: a replacement is logged only where it changes the
 * length, since everything else maps one to one. The passes say where; this keeps the books.
 */
export class Rewriter {
  readonly edits = new EditLog();
  private readonly out = new TextBuilder();
  private copied = 0;
  /** Output length minus input length so far. */
  private shift = 0;
  private changed = false;

  constructor(private readonly input: string) {}

  /** Replaces `input[from, to)` by the code unit `unit`, or deletes it; `from` is past the previous span. */
  replace(from: number, to: number, unit?: number): void {
    this.out.copy(this.input, this.copied, from);
    const length = unit === undefined ? 0 : 1;
    if (unit !== undefined) this.out.unit(unit);
    const at = from + this.shift;
    if (length !== to - from) this.edits.push(at, at + length, from, to);
    this.shift += length - (to - from);
    this.copied = to;
    this.changed = true;
  }

  /** The output: the input itself when nothing was replaced. */
  text(): string {
    if (!this.changed) return this.input;
    this.out.copy(this.input, this.copied, this.input.length);
    return this.out.toString();
  }
}

