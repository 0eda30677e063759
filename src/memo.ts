/**
 * What a pure function of a short string gave, remembered across reports: reports repeat the same
 * labels and table lines, in every part of a batch. Bounded: cleared when full, and keys longer
 * than `maxKeyLength` are never kept.
 *
 * Keys are kept as copies. A string cut from a report with `slice` points into the report in the
 * engine and keeps all of it alive, so a cache holding such keys would keep every report it had
 * seen a label of (a 20 MB report for one 20-character label).
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly maxKeyLength = 200,
    private readonly maxEntries = 4096,
  ) {}

  /** The remembered value; undefined when there is none, or when it is undefined (see {@link has}). */
  lookup(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  remember(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(detach(key), value);
  }
}

/**
 * A copy of `text` that shares nothing with the string it may have been cut from: a concatenation
 * is flattened into a new string before it is sliced.
 */
export function detach(text: string): string {
  return `${text} `.slice(0, -1);
}
