// Characters with a meaning in a regular expression source (without the u or v flag).
const META = new Set('\\^$.|?*+()[]{}');
// What may follow an atom and make it optional or repeat it.
const QUANTIFIER = new Set('?*+{');

/** The literal text a source begins with, less a last character a quantifier makes optional. */
function literalPrefix(source: string): string {
  let end = 0;
  while (end < source.length && !META.has(source[end] as string)) end++;
  return QUANTIFIER.has(source[end] ?? '') ? source.slice(0, Math.max(0, end - 1)) : source.slice(0, end);
}

/**
 * Phrases one of which every match of a regular expression contains (without the i, u or v flag),
 * read off the start of its source: a literal (`行政复议…`) or a group of literal alternatives
 * (`(?:办结|答复)…`). Undefined when the source starts otherwise or alternates at its top level:
 * then nothing can be ruled out without running it.
 *
 * A sentence that holds none of the phrases cannot match, which is far cheaper to find out with
 * `indexOf` than with the expression.
 */
export function requiredPhrases(source: string): readonly string[] | undefined {
  // Top-level alternatives and the first group's, which ends where depth returns to 0.
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let groupStart = -1;
  let groupEnd = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      depth++;
      if (i === 0) groupStart = 3;
    } else if (c === ')') {
      depth--;
      if (depth === 0 && groupStart !== -1 && groupEnd === -1) {
        alternatives.push(source.slice(groupStart, i));
        groupEnd = i;
      }
    } else if (c === '|') {
      if (depth === 0) return undefined;
      if (depth === 1 && groupStart !== -1 && groupEnd === -1) {
        alternatives.push(source.slice(groupStart, i));
        groupStart = i + 1;
      }
    }
  }
  if (groupStart === -1) {
    const prefix = literalPrefix(source);
    return prefix === '' ? undefined : [prefix];
  }
  // Only a plain group `(?:…)` that is not itself optional or repeated.
  if (!source.startsWith('(?:') || groupEnd === -1 || QUANTIFIER.has(source[groupEnd + 1] ?? '')) return undefined;
  const phrases = alternatives.map(literalPrefix);
  return phrases.every((phrase) => phrase !== '') ? phrases : undefined;
}
