/**
 * Offset bookkeeping for the normalisation passes.
 *
 * Each pass logs only the places where output and input stop lining up one to one: deletions
 * (empty output span) and replacements whose UTF-16 length differs. Everything between two
 * records is an identity run, so the log stays proportional to the number of edits rather than
 * to the size of the input. A replacement that keeps the length (NBSP -> space, 數 -> 数) needs no
 * record at all.
 */

const EMPTY = new Int32Array(0);
const INITIAL_CAPACITY = 1024;

/** One pass's edits as sorted (normStart, normEnd, origStart, origEnd) quadruples. */
export class EditLog {
  // Allocated on the first edit: most passes over most reports log none.
  private data = EMPTY;
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** Records that `input[origStart, origEnd)` became `output[normStart, normEnd)`. */
  push(normStart: number, normEnd: number, origStart: number, origEnd: number): void {
    const d = this.data;
    const last = (this.size - 1) * 4;
    // Consecutive deletions are one gap; merging keeps the log small for runs of debris.
    // A deletion is never merged into a preceding replacement: deleted text between two kept
    // characters must not widen either neighbour's span.
    if (
      normStart === normEnd &&
      last >= 0 &&
      d[last] === d[last + 1] &&
      d[last + 1] === normStart &&
      d[last + 3] === origStart
    ) {
      d[last + 3] = origEnd;
      return;
    }
    if ((this.size + 1) * 4 > d.length) {
      // Typed arrays are slow to allocate: one of 4 KB holds the edits of most reports.
      const grown = new Int32Array(Math.max(INITIAL_CAPACITY, d.length * 2));
      grown.set(d);
      this.data = grown;
    }
    const at = this.size * 4;
    this.data[at] = normStart;
    this.data[at + 1] = normEnd;
    this.data[at + 2] = origStart;
    this.data[at + 3] = origEnd;
    this.size += 1;
  }

  /** Freezes the log into a lookup structure (a big growth buffer trimmed, so that it is released). */
  toMap(): EditMap {
    const used = this.size * 4;
    return new EditMap(this.data.length > INITIAL_CAPACITY ? this.data.slice(0, used) : this.data, this.size);
  }
}

/** Maps one pass's output offsets back to its input offsets. */
export class EditMap {
  constructor(
    private readonly data: Int32Array,
    private readonly size: number,
  ) {}

  // Offsets are mapped mostly in document order, so the answer of the previous query is tried
  // before a binary search.
  private hint = 0;

  /** Index of the first record whose normalised end lies after `m` (ends never decrease). */
  private locate(m: number): number {
    const d = this.data;
    const h = this.hint;
    if ((h === this.size || (d[h * 4 + 1] as number) > m) && (h === 0 || (d[h * 4 - 3] as number) <= m)) return h;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((d[mid * 4 + 1] as number) > m) hi = mid;
      else lo = mid + 1;
    }
    this.hint = lo;
    return lo;
  }

  /** Input offset of the output code unit at `n`; deletions right before `n` are skipped over. */
  start(n: number): number {
    const d = this.data;
    const i = this.locate(n);
    if (i < this.size && (d[i * 4] as number) <= n) return d[i * 4 + 2] as number;
    if (i === 0) return n;
    const p = (i - 1) * 4;
    return (d[p + 3] as number) + (n - (d[p + 1] as number));
  }

  /** Input exclusive end for the output exclusive end `n`: the end of output unit `n - 1`. */
  end(n: number): number {
    if (n <= 0) return 0;
    const d = this.data;
    const m = n - 1;
    const i = this.locate(m);
    if (i < this.size && (d[i * 4] as number) <= m) return d[i * 4 + 3] as number;
    if (i === 0) return n;
    const p = (i - 1) * 4;
    return (d[p + 3] as number) + (m - (d[p + 1] as number)) + 1;
  }
}

/** The composition of the passes' maps, outermost (last pass) first when querying. */
export class OffsetChain {
  private readonly maps: EditMap[];

  /** `logs` in pass order; passes that changed no lengths contribute nothing. */
  constructor(logs: readonly EditLog[]) {
    this.maps = logs.filter((log) => log.count > 0).map((log) => log.toMap());
  }

  /** True when no pass changed a length: offsets map to themselves. */
  get aligned(): boolean {
    return this.maps.length === 0;
  }

  start(n: number): number {
    let x = n;
    for (let k = this.maps.length - 1; k >= 0; k--) x = (this.maps[k] as EditMap).start(x);
    return x;
  }

  end(n: number): number {
    let x = n;
    for (let k = this.maps.length - 1; k >= 0; k--) x = (this.maps[k] as EditMap).end(x);
    return x;
  }
}
