import { TABLE_HINTS } from '../../grammar/index';

/** A cell value a sentence before the tables states, and where the sentence says it. */
export interface Hint {
  value: number;
  /** Offsets of the stated count in the normalised text. */
  start: number;
  end: number;
}

/** Hints by cell, keyed `table.row.column`. */
export type Hints = ReadonlyMap<string, Hint>;

const HINTS = TABLE_HINTS.map((hint) => ({ ...hint, pattern: new RegExp(hint.pattern, 'g') }));

/**
 * The cell values that the text before the tables states (TABLE_HINTS in grammar/). A cell stated
 * twice with two values has no hint: the text does not settle it either.
 */
export function readHints(text: string): Hints {
  const hints = new Map<string, Hint>();
  const conflicting = new Set<string>();
  for (const hint of HINTS) {
    const key = `${hint.table}.${hint.row}.${hint.column}`;
    for (const match of text.matchAll(hint.pattern)) {
      const count = match[1] as string;
      const end = (match.index as number) + match[0].lastIndexOf(count) + count.length;
      const found: Hint = { value: Number(count.replace(/,/g, '')), start: end - count.length, end };
      const known = hints.get(key);
      if (known && known.value !== found.value) conflicting.add(key);
      else hints.set(key, found);
    }
  }
  for (const key of conflicting) hints.delete(key);
  return hints;
}
