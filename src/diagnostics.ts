import type { IDENTITIES, NARRATIVE_CLAIMS, NARRATIVE_FACTS } from '../grammar/index';
import type { Position, TableColumnKeys, TableKey, TableRowKeys } from './ast';

/** How serious a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Codes of what the parser could not read. Stable: tools may match on them.
 * See docs/diagnostics.md for each code's meaning and what to do.
 */
export const PARSE_CODES = {
  'structure/missing-section': 'warning',
  'structure/missing-table': 'error',
  'structure/pre-2019-format': 'warning',
  'structure/no-title': 'info',
  'structure/not-a-report': 'error',
  'structure/several-reports': 'warning',
  'table/unknown-row': 'warning',
  'table/duplicate-row': 'warning',
  'table/too-many-values': 'error',
  'table/too-few-values': 'error',
  'table/missing-row': 'warning',
  'table/ambiguous-label': 'warning',
  'table/ambiguous-values': 'error',
  'table/no-split': 'error',
  'table/unplaced-values': 'error',
  'table/stray-value': 'warning',
  'cell/unreadable': 'error',
  'cell/recovered': 'warning',
  'cell/blank': 'info',
  'cell/split': 'info',
  'cell/inferred': 'warning',
  'cell/settled': 'warning',
  'cell/unit-converted': 'info',
  'cell/unit-mismatch': 'warning',
  'cell/out-of-range': 'error',
  'text/traditional-converted': 'info',
  'pdf/no-text': 'error',
  'pdf/unreadable': 'error',
  'text/wrong-encoding': 'error',
} as const satisfies Record<string, Severity>;

/** A code the parser emits. */
export type ParseCode = keyof typeof PARSE_CODES;

/** A code the arithmetic checker emits: `arithmetic/` and the identity's id in grammar/. */
export type ArithmeticCode =
  | `arithmetic/${(typeof IDENTITIES)[number]['id']}`
  | 'arithmetic/not-whole'
  | 'arithmetic/negative'
  | 'arithmetic/not-assessable';

/**
 * A code the narrative and cross-year checks emit: the facts and claims of grammar/ by their ids,
 * and the checks of the text's years and fees. A literal union, so a typo fails to compile.
 */
export type NarrativeCode =
  | `narrative/${(typeof NARRATIVE_FACTS)[number]['id']}`
  | `narrative/${(typeof NARRATIVE_CLAIMS)[number]['id']}`
  | 'narrative/year-mismatch'
  | 'narrative/fees-unreported'
  | 'years/carried-over'
  | 'years/in-force'
  | 'years/not-consecutive'
  | 'years/different-agencies';

/**
 * A code the checker emits about the parts as read (a part numbered wrongly, an empty part 五),
 * and the codes of `checkHierarchy` (a summary report against its parts).
 */
export type CheckCode = 'structure/misnumbered-section' | 'structure/empty-problems' | 'hierarchy/sum' | 'hierarchy/not-assessable' | 'hierarchy/different-years';

/** Every diagnostic code. */
export type DiagnosticCode = ParseCode | ArithmeticCode | NarrativeCode | CheckCode;

/**
 * A cell a finding involves: one member per table, so that `row` and `column` are that table's
 * keys (`{ table: 'applications', row: 'nope' }` does not compile) and checking `table` narrows
 * them.
 */
export type CellRef = {
  [K in TableKey]: { table: K; row: TableRowKeys[K]; column: TableColumnKeys[K] };
}[TableKey];

/** Something the parser or checker wants the caller to know. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  position?: Position;
  cells?: CellRef[];
}

/** Builds a parse diagnostic with the severity its code is registered with. */
export function parseDiagnostic(code: ParseCode, message: string, position?: Position): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: PARSE_CODES[code], message };
  if (position) diagnostic.position = position;
  return diagnostic;
}
