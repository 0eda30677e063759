import { APPLICATIONS } from '../../grammar/index';
import type { Report } from '../ast';
import type { CellRef, Diagnostic } from '../diagnostics';
import type { Messages } from '../messages/index';
import { cellRef, read, whyNoValue, type Reading, type TableViews } from './cells';
import { finding } from './codes';
import { expandIdentities, TOLERANCE, type Instance, type MissingRows } from './identities';
import { columnName, formatDifference, formatNumber, rowName, tableName } from '../messages/names';

const APPLICANT_COLUMNS: ReadonlySet<string> = new Set(APPLICATIONS.applicantColumns);
// Longer sums (the 22 outcome rows) are named by their first and last term.
const LISTED_TERMS = 6;

interface Evaluated {
  instance: Instance;
  sum: Reading[];
  equals: Reading[];
  left: number;
  right: number;
  difference: number;
}

type Result = Evaluated | { instance: Instance; unread: Reading[] } | MissingRows;

const holds = (evaluated: Evaluated) => Math.abs(evaluated.difference) <= TOLERANCE;
const total = (readings: readonly Reading[]) => readings.reduce((sum, reading) => sum + (reading.value as number), 0);

/** A term of an instance: a row of a column identity, a column of a row identity. */
function termName(instance: Instance, ref: CellRef): string {
  return instance.identity.each === 'column' ? rowName(ref.table, ref.row) : columnName(ref.table, ref.column);
}

/** Where an instance holds: `表三, column 自然人` or `表三, row （七）总计`. */
function place(instance: Instance, say: Messages): string {
  const table = instance.identity.table;
  return instance.identity.each === 'column'
    ? say.identityPlace({ table: tableName(table), column: columnName(table, instance.at) })
    : say.identityPlace({ table: tableName(table), row: rowName(table, instance.at) });
}

/** One side of an identity with its terms and their sum. */
function side(instance: Instance, readings: readonly Reading[], say: Messages): string {
  const terms = readings.map((r) => ({ name: termName(instance, r.ref), value: r.value === null ? '' : formatNumber(r.value) }));
  return say.side({ terms, sum: formatNumber(total(readings)), listed: LISTED_TERMS });
}

function evaluate(instance: Instance, report: Report, blankAsZero: boolean): Result {
  const sum = instance.sum.map((ref) => read(report, ref, blankAsZero));
  const equals = instance.equals.map((ref) => read(report, ref, blankAsZero));
  const unread = [...sum, ...equals].filter((reading) => reading.value === null);
  if (unread.length > 0) return { instance, unread };
  const left = total(sum);
  const right = total(equals);
  return { instance, sum, equals, left, right, difference: left - right };
}

/**
 * An application counted under the wrong applicant column shows as a column identity failing in
 * exactly two applicant columns by +d and −d while the 总计 column balances. Returns, for each of
 * the two, the other column.
 */
function wrongColumnPairs(results: readonly Result[]): Map<Evaluated, string> {
  const families = new Map<string, Evaluated[]>();
  for (const result of results) {
    if (!('difference' in result) || result.instance.identity.each !== 'column') continue;
    const family = `${result.instance.identity.id} ${result.instance.equals.map((ref) => ref.row).join()}`;
    families.set(family, [...(families.get(family) ?? []), result]);
  }
  const pairs = new Map<Evaluated, string>();
  for (const family of families.values()) {
    const failing = family.filter((evaluated) => !holds(evaluated));
    const [a, b] = failing;
    const balanced = family.find((evaluated) => evaluated.instance.at === 'total');
    if (failing.length !== 2 || !a || !b || !balanced || !holds(balanced)) continue;
    if (!APPLICANT_COLUMNS.has(a.instance.at) || !APPLICANT_COLUMNS.has(b.instance.at)) continue;
    if (Math.abs(a.difference + b.difference) > TOLERANCE) continue;
    pairs.set(a, b.instance.at);
    pairs.set(b, a.instance.at);
  }
  return pairs;
}

function failure(evaluated: Evaluated, otherColumn: string | undefined, say: Messages): Diagnostic {
  const { instance } = evaluated;
  const table = instance.identity.table;
  const assumed = [...evaluated.sum, ...evaluated.equals].filter((reading) => reading.assumedZero);
  const message = say.identityFails({
    place: place(instance, say),
    identity: instance.identity.name,
    left: side(instance, evaluated.sum, say),
    right: side(instance, evaluated.equals, say),
    difference: formatDifference(evaluated.difference),
    assumedZero: assumed.map((reading) => termName(instance, reading.ref)),
    ...(otherColumn
      ? { wrongColumn: { at: columnName(table, instance.at), other: columnName(table, otherColumn), total: columnName(table, 'total') } }
      : {}),
  });
  return finding(`arithmetic/${instance.identity.id}`, message, instance.position, [...instance.sum, ...instance.equals]);
}

const isBlank = (reading: Reading) => reading.cell?.state === 'blank';

/**
 * An instance that cannot be checked. When only blank cells stand in its way, it is evaluated
 * with them as 0 too, and the message says whether it would hold: a wrong 总计 beside blank
 * zeros must not pass for unknown.
 */
function unassessable(instance: Instance, unread: readonly Reading[], report: Report, say: Messages): Diagnostic {
  const zeros = unread.every(isBlank) ? (evaluate(instance, report, true) as Evaluated) : undefined;
  const message = say.identityUnchecked({
    place: place(instance, say),
    identity: instance.identity.name,
    unread: unread.map((reading) => ({ term: termName(instance, reading.ref), why: whyNoValue(reading.cell) })),
    ...(zeros && !holds(zeros)
      ? { withZeros: { left: side(instance, zeros.sum, say), right: side(instance, zeros.equals, say), difference: formatDifference(zeros.difference) } }
      : {}),
  });
  return finding('arithmetic/not-assessable', message, instance.position, unread.map((reading) => reading.ref));
}

/**
 * The instances of a table that only blank cells keep from being checked and that hold with them
 * as 0, as one finding: a table whose zeros were left blank would otherwise give one per row and
 * column, all saying the same.
 */
function blankButHolding(table: Instance['identity']['table'], instances: readonly { instance: Instance; unread: Reading[] }[], report: Report, say: Messages): Diagnostic {
  const cells = new Map<string, CellRef>();
  for (const { unread } of instances) for (const reading of unread) cells.set(`${reading.ref.row} ${reading.ref.column}`, reading.ref);
  const rows = [...new Set([...cells.values()].map((ref) => rowName(table, ref.row)))];
  const message = say.blanksHolding({
    table: tableName(table),
    identities: instances.length,
    cells: cells.size,
    rows: rows.slice(0, LISTED_TERMS),
    moreRows: Math.max(0, rows.length - LISTED_TERMS),
  });
  return finding(
    'arithmetic/not-assessable',
    message,
    report.tables[table]?.position,
    [...cells.values()],
  );
}

function rowsMissing(missing: MissingRows, report: Report, say: Messages): Diagnostic {
  const table = report.tables[missing.table];
  const rows = missing.rows.map((row) => {
    const setAside = table?.unassigned.find((entry) => entry.key === row);
    return { label: rowName(missing.table, row), ...(setAside ? { setAsideAs: setAside.reason } : {}) };
  });
  const cells = missing.rows.flatMap((row) => (table?.columns ?? []).map((column) => cellRef(missing.table, row, column)));
  return finding(
    'arithmetic/not-assessable',
    say.rowsMissing({ table: tableName(missing.table), identity: missing.identity.name, rows }),
    missing.position,
    cells,
  );
}

/**
 * Checks the identities of grammar/ (勾稽关系) on a report's tables: an error for each instance
 * that does not hold, a warning for each that cannot be checked (one per table for those that
 * blank cells alone keep unchecked and that hold with them as 0).
 */
export function checkIdentities(report: Report, blankAsZero: boolean, views: TableViews, say: Messages): Diagnostic[] {
  const results: Result[] = expandIdentities(report, blankAsZero, views).map((expanded) =>
    expanded.kind === 'missing' ? expanded : evaluate(expanded, report, blankAsZero),
  );
  const pairs = wrongColumnPairs(results);
  const diagnostics: Diagnostic[] = [];
  const holdingWithZeros = new Map<Instance['identity']['table'], { instance: Instance; unread: Reading[] }[]>();
  for (const result of results) {
    if ('kind' in result) diagnostics.push(rowsMissing(result, report, say));
    else if ('unread' in result) {
      const { instance, unread } = result;
      if (unread.every(isBlank) && holds(evaluate(instance, report, true) as Evaluated)) {
        const table = instance.identity.table;
        holdingWithZeros.set(table, [...(holdingWithZeros.get(table) ?? []), result]);
      } else diagnostics.push(unassessable(instance, unread, report, say));
    } else if (!holds(result)) diagnostics.push(failure(result, pairs.get(result), say));
  }
  for (const [table, instances] of holdingWithZeros) diagnostics.push(blankButHolding(table, instances, report, say));
  return diagnostics;
}
