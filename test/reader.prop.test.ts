import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cell, Report } from '../src/ast';
import type { Diagnostic } from '../src/diagnostics';
import { parseReport, renderReport } from '../src/index';
import { build, model, valuesOf } from './helpers/model';

/**
 * A consistent random report, written the damaged ways real reports reach users, reads back to
 * its values or says where it could not: a value is either the report's, or missing with an
 * error or warning of the reader. Never a value the report does not hold.
 *
 * - glued: a crawler's text, every table row's cells run together (`规章000`, `…数量32000032`);
 * - flattened: every table on one line, cells set apart by single spaces;
 * - pdftotext-like: columns aligned with runs of spaces, a long label wrapped onto the next line,
 *   page numbers between rows;
 * - one cell per line with blank cells left as empty lines, cells separated by a blank line.
 */

/** Lines of a tab rendering that belong to the tables (they hold a tab). */
const isTableLine = (line: string) => line.includes('\t');

function glued(text: string): string {
  return text
    .split('\n')
    .map((line) => (isTableLine(line) ? line.replace(/\t/g, '') : line))
    .join('\n');
}

function flattened(text: string): string {
  const out: string[] = [];
  let run: string[] = [];
  for (const line of text.split('\n')) {
    if (isTableLine(line) || (run.length > 0 && /^第二十条/.test(line))) {
      run.push(line.replace(/\t+/g, ' ').trim());
      continue;
    }
    if (run.length > 0) out.push(run.join(' '));
    run = [];
    out.push(line);
  }
  if (run.length > 0) out.push(run.join(' '));
  return out.join('\n');
}

function pdftotextLike(text: string, picks: readonly number[]): string {
  let turn = 0;
  const pick = (range: number) => (picks[turn++ % picks.length] ?? 0) % range;
  const out: string[] = [];
  let page = 1;
  for (const line of text.split('\n')) {
    if (!isTableLine(line)) {
      out.push(line);
      continue;
    }
    const cells = line.split('\t');
    const label = cells[0] ?? '';
    // A long label wraps: its tail stands on a line of its own below the row.
    const wrap = label.length > 14 && pick(3) === 0;
    cells[0] = wrap ? label.slice(0, 10) : label;
    out.push(cells.map((cell) => cell.padEnd(cell.length + 2 + pick(4))).join('').trimEnd());
    if (wrap) out.push(`  ${label.slice(10)}`);
    if (pick(6) === 0) out.push('', `- ${page++} -`, '');
  }
  return out.join('\n');
}

/** One cell per line, each followed by a blank line; a blank cell is an empty line of its own. */
function cellPerLineBlanks(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) out.push(line.slice(1).trim(), '');
    else out.push(line);
  }
  return out.join('\n');
}

/** Blanks some table 三 cells of a report (the value null), as crawled tables often have. */
function withBlanks(report: Report, picks: readonly number[]): Report {
  const rows = report.tables.applications?.rows as Record<string, Record<string, Cell | unknown>> | undefined;
  let turn = 0;
  for (const row of Object.values(rows ?? {})) {
    for (const [column, cell] of Object.entries(row)) {
      if ((cell as Cell)?.type !== 'cell' || column === 'total' || (cell as Cell).value !== 0) continue;
      if ((picks[turn++ % picks.length] ?? 0) % 5 === 0) Object.assign(cell as Cell, { value: null, state: 'blank', raw: '' });
    }
  }
  return report;
}

const loud = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => (d.severity === 'error' || d.severity === 'warning') && /^(table|cell)\//.test(d.code));

/** Every value read is the report's; values not read are owned up to by the reader. */
function expectNoWrongValue(expected: Record<string, number | null>, text: string) {
  const { report, diagnostics } = parseReport(text);
  const got = valuesOf(report);
  const wrong = Object.entries(got).filter(([key, value]) => !(key in expected) || expected[key] !== value);
  expect(wrong.map(([key, value]) => `${key}: read ${value}, the report holds ${expected[key]}`)).toEqual([]);
  const missing = Object.keys(expected).filter((key) => !(key in got));
  if (missing.length > 0) expect(loud(diagnostics), `${missing.length} cells missing without an error or warning, e.g. ${missing[0]}`).toBe(true);
  return { read: Object.keys(got).length, of: Object.keys(expected).length };
}

const picks = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 });

describe('a consistent report written as damaged text', () => {
  // A glued report costs a hundred milliseconds or more (every row's digit runs are split against
  // the identities): half the runs of the others, and time to spare on a busy machine.
  const gluedRuns = Math.ceil(Number(process.env.FC_RUNS ?? 200) / 2);
  test.prop([model], { numRuns: gluedRuns })(
    'glued by a crawler: every value read is right, every one missing is reported',
    (m) => {
      const report = build(m);
      expectNoWrongValue(valuesOf(report), glued(renderReport(report, { layout: 'tab' })));
    },
    120_000,
  );

  test.prop([model])('flattened onto one line: every value read is right, every one missing is reported', (m) => {
    const report = build(m);
    expectNoWrongValue(valuesOf(report), flattened(renderReport(report, { layout: 'tab' })));
  });

  test.prop([model, picks])('as pdftotext lays it out: every value read is right, every one missing is reported', (m, p) => {
    const report = build(m);
    expectNoWrongValue(valuesOf(report), pdftotextLike(renderReport(report, { layout: 'tab' }), p));
  });

  test.prop([model, picks])('one cell per line with blank cells as empty lines: every value read is right, every one missing is reported', (m, p) => {
    const report = withBlanks(build(m), p);
    expectNoWrongValue(valuesOf(report), cellPerLineBlanks(renderReport(report, { layout: 'cell-per-line' })));
  });
});
