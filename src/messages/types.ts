/**
 * What every diagnostic message says, as functions of what was found. The parser and the checks
 * decide what to report and gather the facts (labels from grammar/, numbers, the text quoted);
 * a catalog per language (en.ts, zh-CN.ts) writes the sentence. A catalog that lacks a message,
 * or takes other facts, does not compile.
 */

/** The languages diagnostic messages are written in. */
export type Locale = 'zh-CN' | 'en';

/** The values of {@link Locale}, for option checks. */
export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[];

/** A row or column named in a message: its key (the AST's, English) and its label on the form. */
export interface Named {
  key: string;
  label: string;
}

/**
 * The row a finding is about: the table's name (`表三（收到和处理申请）`) and the row's label as
 * the text writes it, or the rows read together when a run of values was read as several.
 */
export interface RowPlace {
  table: string;
  label?: string;
  rows?: readonly Named[];
}

/** Why a cell has no value to check. */
export type NoValue = { kind: 'missing' | 'blank' } | { kind: 'notApplicable' | 'unreadable'; raw: string };

/** The terms of one side of an identity, with their values where they are listed, and their sum. */
export interface Side {
  terms: readonly { name: string; value: string }[];
  sum: string;
}

/** How the text shows it was decoded with the wrong encoding (structure/input.ts). */
export type Misdecoding =
  | { kind: 'replacement'; replaced: number; characters: number }
  | { kind: 'latin1'; letters: number; sample: string }
  | { kind: 'noReportWords'; han: number };

/** What a text with nothing of a report looks like instead (structure/input.ts). */
export type NotAReport = 'empty' | 'pdf' | 'zip' | 'doc' | 'markup' | 'binary' | 'nothing' | 'misdecoded';

/** Why a part's cell cannot be summed into the summary's (checkHierarchy). */
export type PartTrouble =
  | { kind: 'noTable'; table: string }
  | { kind: 'otherFormat'; table: string; theirs: string; ours: string }
  | { kind: 'noRow'; row: string }
  | { kind: 'noColumn'; row: string; column: string }
  | { kind: 'noValue'; row: string; column: string; why: NoValue };

/** A report of checkHierarchy's parts, by its index in `parts` (or the name the caller gave it) and its agency where read. */
export interface PartName {
  index: number;
  name?: string;
  agency: string | null;
}

/** Where 信息处理费 are said to have been charged. */
export type FeesCharged =
  | { kind: 'sentence'; numeral: string; sentence: string }
  | { kind: 'notice'; table: string; row: string; column: string; value: string };

/**
 * Every message, by what it reports. Numbers of the checks arrive formatted as they are to be
 * shown (names.ts: no float noise, signed differences); labels come from grammar/.
 */
export interface Messages {
  /** A row of a table as findings about its cells name it. */
  where(place: RowPlace): string;
  /** Why a cell has no value, as a phrase after its name. */
  noValue(why: NoValue): string;

  // Table reading (src/tables/).
  missingRow(p: { table: string; row: Named }): string;
  ambiguousLabel(p: { table: string; label: string; rows: readonly Named[] }): string;
  duplicateRow(p: { table: string; row: Named; label: string }): string;
  outOfOrder(p: { table: string }): string;
  unknownRow(p: { table: string; label?: string }): string;
  strayValue(p: { table: string; width: number; beforeItsRow: boolean }): string;
  unplacedRows(p: { table: string; given: number; rows: readonly Named[] }): string;
  tooManyValues(p: { where: string; given: number; expected: number }): string;
  tooFewValues(p: { where: string; given: number; expected: number }): string;
  noSplit(p: { where: string; text: string; expected: number }): string;
  ambiguousValues(p: { where: string; text: string; expected: number; readings: readonly string[]; count: number; overflow: boolean }): string;

  // Cells (src/tables/assign.ts).
  blankCells(p: { table: string; row: Named; columns: readonly Named[]; blankAsZero: boolean }): string;
  settled(p: { where: string; text: string; readings: number; stated: readonly { column: Named; value: number }[]; line: number }): string;
  inferred(p: { where: string; text: string }): string;
  split(p: { where: string; text: string }): string;
  unitConverted(p: { where: string; raw: string; value: number }): string;
  unitMismatch(p: { where: string; raw: string; unit: string; amounts: boolean; value: number | null }): string;
  outOfRange(p: { where: string; raw: string; digits: number }): string;
  recovered(p: { where: string; raw: string; value: number | null }): string;
  unreadable(p: { where: string; raw: string }): string;

  // The text as a whole (src/parse.ts).
  severalReports(p: { more: number; line: string }): string;
  wrongEncoding(p: Misdecoding): string;
  traditionalConverted(p: { count: number }): string;
  notAReport(p: NotAReport): string;
  noTitle(): string;
  pre2019Format(): string;
  missingSection(p: { numeral: string; heading: string }): string;
  missingTable(p: { table: string }): string;

  // Arithmetic (src/check/arithmetic.ts, counts.ts).
  /** Where an identity is evaluated: a column of a column identity, a row of a row identity. */
  identityPlace(p: { table: string; column?: string; row?: string }): string;
  /** One side of an identity: its terms listed (up to `listed`), or its first and last. */
  side(p: Side & { listed: number }): string;
  identityFails(p: {
    place: string;
    identity: string;
    left: string;
    right: string;
    difference: string;
    assumedZero: readonly string[];
    wrongColumn?: { at: string; other: string; total: string };
  }): string;
  identityUnchecked(p: {
    place: string;
    identity: string;
    unread: readonly { term: string; why: NoValue }[];
    withZeros?: { left: string; right: string; difference: string };
  }): string;
  blanksHolding(p: { table: string; identities: number; cells: number; rows: readonly string[]; moreRows: number }): string;
  rowsMissing(p: { table: string; identity: string; rows: readonly { label: string; setAsideAs?: string }[] }): string;
  negative(p: { table: string; row: string; column: string; value: string }): string;
  notWhole(p: { table: string; row: string; column: string; value: string }): string;

  // What the text says against the tables (src/check/narrative.ts, claims.ts, structure.ts).
  statedCount(p: { stated: string; sum?: string; phrase: string; cell: string; value: string; difference: string }): string;
  titlePeriodYear(p: { year: number; title: string; start: string; end: string }): string;
  overviewYear(p: { year: number; sentence: string; more: number; own: readonly number[]; titleYear: number | null; periodYear: number | null }): string;
  allConcluded(p: { cases: boolean; numeral: string; phrase: string; sentence: string; table: string; cells: readonly string[] }): string;
  feesUnreported(p: { heading: string; charged: FeesCharged }): string;
  misnumberedSection(p: { numeral: string; heading: string; written: string; writtenHeading: string }): string;
  emptyProblems(p: { heading: string; text: string }): string;

  // Two years (src/check/years.ts).
  carriedOver(p: { table: string; row: string; column: string; thisYear: string; lastRow: string; lastYear: string; difference: string }): string;
  inForce(p: {
    table: string;
    row: string;
    inForce: string;
    thisYear: string;
    lastYear: string;
    issued: string;
    issuedValue: string;
    repealed: string;
    repealedValue: string;
    expected: string;
    difference: string;
  }): string;
  differentAgencies(p: { agencies: readonly [string, string] }): string;
  notConsecutive(p: { before: number; now: number }): string;

  // A summary against its parts (src/check/hierarchy.ts).
  part(p: PartName): string;
  partTrouble(p: { part: string; trouble: PartTrouble }): string;
  summarySum(p: { where: string; own: string; parts: number; sum: string; terms: readonly { part: string; value: string }[]; zeros: number; difference: string }): string;
  summaryCellNoValue(p: { where: string; why: NoValue }): string;
  partNoValue(p: { where: string; trouble: string }): string;
  summaryUnchecked(p: { table: string; cells: number; reasons: readonly string[]; more: number }): string;
  differentYears(p: { year: number | null; others: readonly { part: string; year: number }[] }): string;
}
