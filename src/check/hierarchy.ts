import { APPLICATIONS, TABLES } from '../../grammar/index';
import { describe, expectOptions, expectReport } from '../arguments';
import type { Cell, Report, TableKey } from '../ast';
import type { CellRef, Diagnostic } from '../diagnostics';
import { LOCALES, messagesFor, type Locale, type Messages, type PartTrouble } from '../messages/index';
import { cellRef, isCell, rowsOf, valueOf, whyNoValue, type AnyRow } from './cells';
import { finding } from './codes';
import { TOLERANCE } from './identities';
import { columnName, formatDifference, formatNumber, rowName, tableName } from '../messages/names';

// Group rows of table 三, each with its items: a part that gives the items only still has the group's sum.
const GROUP_ITEMS: ReadonlyMap<string, readonly string[]> = new Map(
  APPLICATIONS.groups.map((group) => [group.key, APPLICATIONS.rows.filter((row) => 'group' in row && row.group === group.key).map((row) => row.key)]),
);
const ORGANISATIONS: readonly string[] = APPLICATIONS.organisationColumns;
// Cells a not-assessable message names before it says how many more there are.
const LISTED = 6;

/** A part's value for a cell of the summary, or why it has none. */
type PartValue = { value: number } | { trouble: PartTrouble };

/** The language of the messages, and the parts' names in them. */
interface Naming {
  say: Messages;
  names: readonly string[] | undefined;
}

/** How a report is named in a message: `parts[2] (渠县)`, or its given name with its agency. */
function partName({ say, names }: Naming, index: number, report: Report): string {
  const name = names?.[index];
  return say.part({ index, ...(name !== undefined ? { name } : {}), agency: report.meta.agency });
}

/** Options of {@link checkHierarchy}. */
export interface CheckHierarchyOptions {
  /** The language of the messages: `'en'` (the default) or `'zh-CN'`. */
  locale?: Locale;
  /** How the messages name each part (a file's path, say), one per part; by default `parts[i]`. */
  names?: readonly string[];
}

function cellOf(row: AnyRow | undefined, column: string): Cell | undefined {
  const cell = row?.[column];
  return isCell(cell) ? cell : undefined;
}


function sumOf(values: readonly PartValue[]): PartValue {
  let sum = 0;
  for (const value of values) {
    if ('trouble' in value) return value;
    sum += value.value;
  }
  return { value: sum };
}

/**
 * A part's value for `row` × `column`: its own cell; where it has none, for a group row of table
 * 三 the part gives as its items, the items' sum, and for 法人或其他组织小计 in a table without that
 * column, the sum of the five organisation columns. Nothing else is made up.
 */
function partValue(part: Report, table: TableKey, row: string, column: string): PartValue {
  const rows = rowsOf(part, table);
  if (!rows) return { trouble: { kind: 'noTable', table: tableName(table) } };
  const own = rows[row];
  const cell = cellOf(own, column);
  if (cell) {
    const value = valueOf(cell, false);
    return value === null ? { trouble: { kind: 'noValue', row: rowName(table, row), column: columnName(table, column), why: whyNoValue(cell) } } : { value };
  }
  const lacking = (): PartValue => ({
    trouble: own ? { kind: 'noColumn', row: rowName(table, row), column: columnName(table, column) } : { kind: 'noRow', row: rowName(table, row) },
  });
  if (table !== 'applications') return lacking();
  if (own && column === 'legalSubtotal') return sumOf(ORGANISATIONS.map((organisation) => partValue(part, table, row, organisation)));
  const items = GROUP_ITEMS.get(row);
  if (items && items.some((item) => rows[item])) return sumOf(items.map((item) => partValue(part, table, item, column)));
  return lacking();
}

/** What one table of the summary gives against its parts. */
function checkTable(summary: Report, parts: readonly Report[], table: TableKey, naming: Naming): Diagnostic[] {
  const { say } = naming;
  const node = summary.tables[table];
  const rows = rowsOf(summary, table);
  if (!node || !rows) return [];
  const diagnostics: Diagnostic[] = [];
  const unassessed: { ref: CellRef; why: string }[] = [];
  const format = 'formatVersion' in node ? node.formatVersion : undefined;
  // Parts that cannot be summed into this table at all: no such table, another format of table 二.
  const whole: string[] = [];
  parts.forEach((part, index) => {
    const theirs = part.tables[table];
    const name = partName(naming, index, part);
    if (!theirs) whole.push(say.partTrouble({ part: name, trouble: { kind: 'noTable', table: tableName(table) } }));
    else if ('formatVersion' in theirs && theirs.formatVersion !== format) {
      const trouble: PartTrouble = { kind: 'otherFormat', table: tableName(table), theirs: theirs.formatVersion, ours: String(format) };
      whole.push(say.partTrouble({ part: name, trouble }));
    }
  });
  for (const rowKey of Object.keys(rows)) {
    const row = rows[rowKey];
    if (!row) continue;
    for (const column of node.columns) {
      const cell = cellOf(row, column);
      if (!cell) continue;
      const ref = cellRef(table, rowKey, column);
      const where = `${tableName(table)} ${rowName(table, rowKey)} ${columnName(table, column, format)}`;
      if (whole.length > 0) {
        unassessed.push({ ref, why: '' });
        continue;
      }
      const own = valueOf(cell, false);
      if (own === null) {
        unassessed.push({ ref, why: say.summaryCellNoValue({ where, why: whyNoValue(cell) }) });
        continue;
      }
      const values = parts.map((part) => partValue(part, table, rowKey, column));
      const missing = values.findIndex((value) => 'trouble' in value);
      if (missing !== -1) {
        const trouble = say.partTrouble({ part: partName(naming, missing, parts[missing] as Report), trouble: (values[missing] as { trouble: PartTrouble }).trouble });
        unassessed.push({ ref, why: say.partNoValue({ where, trouble }) });
        continue;
      }
      const numbers = values.map((value) => (value as { value: number }).value);
      const sum = numbers.reduce((a, b) => a + b, 0);
      if (Math.abs(own - sum) <= TOLERANCE) continue;
      const terms = numbers.flatMap((value, index) => (value !== 0 ? [{ part: partName(naming, index, parts[index] as Report), value: formatNumber(value) }] : []));
      const message = say.summarySum({
        where,
        own: formatNumber(own),
        parts: parts.length,
        sum: formatNumber(sum),
        terms,
        zeros: numbers.length - terms.length,
        difference: formatDifference(own - sum),
      });
      diagnostics.push(
        finding(
          'hierarchy/sum',
          message,
          cell.position,
          [ref],
        ),
      );
    }
  }
  if (unassessed.length > 0) {
    const reasons = whole.length > 0 ? whole : unassessed.map((entry) => entry.why);
    const message = say.summaryUnchecked({
      table: tableName(table),
      cells: unassessed.length,
      reasons: reasons.slice(0, LISTED),
      more: Math.max(0, reasons.length - LISTED),
    });
    diagnostics.push(
      finding(
        'hierarchy/not-assessable',
        message,
        node.position,
        unassessed.map((entry) => entry.ref),
      ),
    );
  }
  return diagnostics;
}

/**
 * Checks a summary report (汇总, such as a city's over its departments' or its districts') against
 * the reports it sums: every cell of the summary's tables must equal the sum of the parts' cells.
 *
 * - A cell that differs is an error `hierarchy/sum` at the summary's cell, with the summary's value,
 *   the parts' sum, the parts that contributed (by index, and agency where known) and the
 *   difference. Amounts compare to 0.01 万元.
 * - A cell that cannot be summed, because the summary's cell or a part's is blank, not applicable
 *   or unreadable, or a part lacks the table, the row or the column, is not guessed: one warning
 *   `hierarchy/not-assessable` per table, naming the cells and why. A part's group row of table
 *   三 given only as its items is their sum; its 法人或其他组织小计 where it has no such column, the
 *   sum of the five organisation columns.
 * - Parts whose year is known and differs from the summary's are one warning
 *   `hierarchy/different-years` (on the whole summary), and nothing is compared.
 *
 * @param summary - The summary report.
 * @param parts - The reports it sums, at least one.
 * @param options - See {@link CheckHierarchyOptions}.
 * @returns The findings, in table order (表二, 表三, 表四), rows and columns in the summary's order.
 * @throws {TypeError} When `summary` is not a Report, `parts` is not a non-empty array of Reports,
 *   or `options` is neither undefined nor an object whose `locale` is `en` or `zh-CN` and `names`
 *   an array of one string per part (each or undefined).
 *
 * @example
 * ```ts
 * import { checkHierarchy, parseReport } from 'xxgk-report';
 * const report = (received: number) =>
 *   parseReport(`三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t${received}\t0\t0\t0\t0\t0\t${received}`).report;
 * const findings = checkHierarchy(report(10), [report(3), report(5)]);
 * findings.map((d) => `${d.code} ${d.cells?.[0]?.column}`); //=> ['hierarchy/sum naturalPerson', 'hierarchy/sum total']
 * ```
 */
export function checkHierarchy(summary: Report, parts: Report[], options: CheckHierarchyOptions = {}): Diagnostic[] {
  expectReport('checkHierarchy', 'summary', summary);
  if (!Array.isArray(parts)) {
    throw new TypeError(`checkHierarchy: parts must be an array of Reports (the reports of parseReport's results), got ${describe(parts)}`);
  }
  if (parts.length === 0) throw new TypeError('checkHierarchy: parts must hold at least one Report, got an empty array');
  parts.forEach((part, index) => expectReport('checkHierarchy', `parts[${index}]`, part));
  expectOptions('checkHierarchy', 'options', options, { locale: LOCALES });
  const names: unknown = options.names;
  if (names !== undefined && !(Array.isArray(names) && names.length === parts.length && names.every((name) => typeof name === 'string'))) {
    throw new TypeError(`checkHierarchy: options.names must be an array of ${parts.length} strings (one per part), got ${describe(names)}`);
  }
  const naming: Naming = { say: messagesFor(options.locale), names: options.names };
  const { say } = naming;
  const year = summary.meta.year;
  const others = parts.flatMap((part, index) =>
    year !== null && part.meta.year !== null && part.meta.year !== year ? [{ part: partName(naming, index, part), year: part.meta.year }] : [],
  );
  if (others.length > 0) {
    return [
      finding(
        'hierarchy/different-years',
        say.differentYears({ year, others }),
        summary.position,
        [],
      ),
    ];
  }
  return TABLES.flatMap((table) => checkTable(summary, parts, table.key, naming));
}
