import { IDENTITIES, NARRATIVE_CLAIMS, NARRATIVE_FACTS } from '../../grammar/index';
import type { Position } from '../ast';
import type { CellRef, Diagnostic, DiagnosticCode, ParseCode, Severity } from '../diagnostics';

/**
 * The code of each id under `prefix`, all of one severity. Typed by the ids, so that the object
 * of {@link CHECK_CODES} below must hold every code the checkers emit and no other.
 */
function codesOf<P extends string, I extends string>(prefix: P, entries: readonly { readonly id: I }[], severity: Severity): Record<`${P}/${I}`, Severity> {
  // Object.fromEntries types its keys as string: the template literal type is what the map makes.
  return Object.fromEntries(entries.map(({ id }) => [`${prefix}/${id}`, severity])) as Record<`${P}/${I}`, Severity>;
}

/**
 * Codes of what the checkers find, with their severity. Stable: tools may match on them.
 * Arithmetic and narrative codes follow the ids in grammar/; see docs/diagnostics.md for each.
 */
export const CHECK_CODES: Readonly<Record<Exclude<DiagnosticCode, ParseCode>, Severity>> = {
  ...codesOf('arithmetic', IDENTITIES, 'error'),
  'arithmetic/not-whole': 'error',
  'arithmetic/negative': 'error',
  'arithmetic/not-assessable': 'warning',
  ...codesOf('narrative', NARRATIVE_FACTS, 'warning'),
  'narrative/year-mismatch': 'warning',
  ...codesOf('narrative', NARRATIVE_CLAIMS, 'warning'),
  'narrative/fees-unreported': 'warning',
  'structure/misnumbered-section': 'warning',
  'structure/empty-problems': 'warning',
  'years/carried-over': 'error',
  'years/in-force': 'warning',
  'years/not-consecutive': 'warning',
  'years/different-agencies': 'warning',
  'hierarchy/sum': 'error',
  'hierarchy/not-assessable': 'warning',
  'hierarchy/different-years': 'warning',
};

/** Builds a checker diagnostic with the severity its code is registered with. */
export function finding(code: DiagnosticCode, message: string, position: Position | undefined, cells: CellRef[]): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: CHECK_CODES[code as Exclude<DiagnosticCode, ParseCode>] ?? 'error', message };
  if (position) diagnostic.position = position;
  if (cells.length > 0) diagnostic.cells = cells;
  return diagnostic;
}
