/**
 * Label matching against the closed vocabulary of grammar/. Labels arrive shortened, reordered,
 * fused with their neighbours and punctuated every which way, so they are compared as keys:
 * NFKC (full-width forms folded), with whitespace, punctuation and symbols removed.
 */

import { detach, Memo } from './memo';

// One class, one quantifier: linear on any input.
const NOT_KEY = /[\s\p{P}\p{S}]+/gu;

// Reports repeat the same few hundred labels; NFKC is the costly part of a key.
const keys = new Memo<string>();

/** A label of the form's own shape opens with its row ordinal: `3.其他`, `（八）其他`, `四、结转…`. */
export const OPENS_WITH_ORDINAL = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])/;

/** The comparison key of a label. */
export function labelKey(text: string): string {
  let key = keys.lookup(text);
  if (key === undefined) {
    // A copy: the key is remembered, and may be the label itself, a slice of its report.
    key = detach(text.normalize('NFKC').replace(NOT_KEY, ''));
    keys.remember(text, key);
  }
  return key;
}

/** Something a label can name: a row, a column, a group, a section. */
export interface Vocabulary<K extends string> {
  readonly key: K;
  readonly phrases: readonly string[];
}

/** A match of a phrase inside a label key. */
export interface PhraseMatch<K extends string> {
  key: K;
  /** Length of the matched phrase: the longer, the more specific. */
  length: number;
  /** Where the phrase starts in the label key. */
  index: number;
  phrase: string;
}

/** A vocabulary with its phrases turned into keys once. */
export interface Matcher<K extends string> {
  /** The most specific entry whose phrase occurs in `key`. */
  best(key: string): PhraseMatch<K> | undefined;
  /** Every entry with a phrase in `key`, most specific first, one match per entry (do not mutate). */
  all(key: string): PhraseMatch<K>[];
}

/** Builds a matcher; phrase keys are computed on first use, not at import. */
export function createMatcher<K extends string>(entries: readonly Vocabulary<K>[]): Matcher<K> {
  let compiled: { key: K; phrases: string[] }[] | undefined;
  // The same labels come back in every report: remember what each key matched.
  const seen = new Memo<PhraseMatch<K>[]>();
  const all = (key: string): PhraseMatch<K>[] => {
    const known = seen.lookup(key);
    if (known) return known;
    compiled ??= entries.map((entry) => ({ key: entry.key, phrases: entry.phrases.map(labelKey) }));
    const found: PhraseMatch<K>[] = [];
    for (const entry of compiled) {
      let best: PhraseMatch<K> | undefined;
      for (const phrase of entry.phrases) {
        const index = key.indexOf(phrase);
        if (index !== -1 && (!best || phrase.length > best.length)) {
          best = { key: entry.key, length: phrase.length, index, phrase };
        }
      }
      if (best) found.push(best);
    }
    if (found.length > 1) found.sort((a, b) => b.length - a.length || a.index - b.index);
    seen.remember(key, found);
    return found;
  };
  return { all, best: (key) => all(key)[0] };
}
