import { IDENTITIES, NARRATIVE_CLAIMS, NARRATIVE_FACTS } from '../../grammar/index';
import type { Position } from '../ast';
import type { CellRef, Diagnostic, DiagnosticCode, ParseCode, Severity } from '../diagnostics';

/**
 * Codes of what the checkers find, with their severity. Stable: tools may match on them.
 * Arithmetic and narrative codes follow the ids in grammar/; see docs/diagnostics.md for each.
 */
export const CHECK_CODES: Readonly<Record<Exclude<DiagnosticCode, ParseCode>, Severity>> = {
  ...Object.fromEntries(IDENTITIES.map((identity) => [`arithmetic/${identity.id}`, 'error'])),
  'arithmetic/not-whole': 'error',
  'arithmetic/negative': 'error',
  'arithmetic/not-assessable': 'warning',
  ...Object.fromEntries(NARRATIVE_FACTS.map((fact) => [`narrative/${fact.id}`, 'warning'])),
  'narrative/year-mismatch': 'warning',
  ...Object.fromEntries(NARRATIVE_CLAIMS.map((claim) => [`narrative/${claim.id}`, 'warning'])),
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
} as Record<Exclude<DiagnosticCode, ParseCode>, Severity>;

/** Builds a checker diagnostic with the severity its code is registered with. */
export function finding(code: DiagnosticCode, message: string, position: Position | undefined, cells: CellRef[]): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: CHECK_CODES[code as Exclude<DiagnosticCode, ParseCode>] ?? 'error', message };
  if (position) diagnostic.position = position;
  if (cells.length > 0) diagnostic.cells = cells;
  return diagnostic;
}
