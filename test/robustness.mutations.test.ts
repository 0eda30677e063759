import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseReport, type Cell, type ParseResult } from '../src/index';
import { corpus, type CorpusReport } from './helpers/corpus';

/**
 * The corpus reports damaged the way copies get damaged: lines lost or doubled, digits changed,
 * cells shuffled, line endings mixed, the text cut off inside a table. Whatever the damage, the
 * parse returns, and every table row the damage did not touch is still read with the values
 * checked by hand in its `.expected.json`.
 *
 * A row is untouched when none of the lines it depends on was changed. It depends on its own
 * lines and on two kinds of context the format gives it:
 * - table 四 is read as 15 numbers in order (its rows are never labelled in the corpus), so each
 *   of its rows depends on every line of the table;
 * - row `other.other` (3.其他) is only recognised under its group (（六）其他处理), so it also
 *   depends on the line naming the group.
 */

const BUDGET_MS = 1000;

type Rows = Record<string, Record<string, Cell | unknown>>;
const rowsOf = (result: ParseResult, table: string): Rows =>
  ((result.report.tables as Record<string, { rows: Rows } | undefined>)[table]?.rows ?? {});

interface Subject {
  report: CorpusReport;
  lines: string[];
  /** 0-based original lines each expected row depends on, by `table.row`. */
  dependencies: Map<string, number[]>;
  /** 0-based lines inside the tables as the clean parse found them. */
  tableLines: number[];
  /** 0-based lines of the part headings 三 and 四, the only lines between the three tables. */
  partHeadings: number[];
}

const span = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

function subject(report: CorpusReport): Subject {
  const lines = report.text.split('\n');
  const clean = parseReport(report.text);
  const dependencies = new Map<string, number[]>();
  const tableLines: number[] = [];
  for (const [table, rows] of Object.entries(report.expected.tables)) {
    const found = (clean.report.tables as Record<string, { layout: string; position: { start: { line: number }; end: { line: number } } }>)[table];
    if (!found) throw new Error(`${report.name}: the clean parse has no ${table}; the golden test should fail too`);
    const whole = span(found.position.start.line - 1, found.position.end.line - 1);
    tableLines.push(...whole);
    const groupLines = whole.filter((i) => /其他(处|處)理/.test(lines[i] as string));
    for (const row of Object.keys(rows)) {
      const node = rowsOf(clean, table)[row] as { position: { start: { line: number }; end: { line: number } } } | undefined;
      if (!node) throw new Error(`${report.name}: the clean parse has no ${table}.${row}`);
      const own = span(node.position.start.line - 1, node.position.end.line - 1);
      if (found.layout === 'cell-per-line') {
        // A row of one cell per line ends at a blank line or where a label follows its values:
        // the lines up to the next value are its boundary, and losing them (the blank line and
        // the next label) runs two rows into one, which is then rightly left unassigned.
        const last = found.position.end.line - 1;
        for (let next = node.position.end.line; next <= last && !/^\s*[\d?？]/.test(lines[next] as string); next++) own.push(next);
      }
      const context = table === 'reviewLitigation' ? whole : row === 'other.other' ? groupLines : [];
      dependencies.set(`${table}.${row}`, [...own, ...context]);
    }
  }
  const partHeadings = [clean.report.sections.applications, clean.report.sections.reviewLitigation].map((section) => {
    if (!section) throw new Error(`${report.name}: the clean parse misses part 三 or 四`);
    return section.position.start.line - 1;
  });
  return { report, lines, dependencies, tableLines, partHeadings };
}

const subjects = corpus().map(subject);

/** A line of the damaged text: where it came from (null for an inserted copy) and its ending. */
interface DocumentLine {
  text: string;
  origin: number | null;
  ending: '\n' | '\r\n';
}

class Damage {
  readonly lines: DocumentLine[];
  /** Original lines that were changed, deleted or had a line inserted next to them. */
  readonly touched = new Set<number>();

  constructor(source: readonly string[]) {
    this.lines = source.map((text, origin) => ({ text, origin, ending: '\n' }));
  }

  private touch(...lines: (DocumentLine | undefined)[]) {
    for (const line of lines) if (line?.origin != null) this.touched.add(line.origin);
  }

  private at(index: number): number {
    return index % this.lines.length;
  }

  delete(index: number) {
    const i = this.at(index);
    this.touch(this.lines[i]);
    this.lines.splice(i, 1);
  }

  duplicate(index: number) {
    const i = this.at(index);
    const line = this.lines[i] as DocumentLine;
    this.touch(line, this.lines[i + 1]);
    this.lines.splice(i + 1, 0, { ...line, origin: null });
  }

  /** Every digit run of the line becomes another number. */
  changeDigits(index: number, seed: number) {
    const line = this.lines[this.at(index)] as DocumentLine;
    const random = generator(seed);
    const changed = line.text.replace(/\d+/g, () => String(Math.floor(random() * 100_000)));
    if (changed !== line.text) this.touch(line);
    line.text = changed;
  }

  /** Shuffles the cells of a tab or pipe row; a line without cells swaps with the next line. */
  shuffle(index: number, seed: number) {
    const i = this.at(index);
    const line = this.lines[i] as DocumentLine;
    const separator = line.text.includes('|') ? '|' : line.text.includes('\t') ? '\t' : undefined;
    if (separator) {
      const cells = line.text.split(separator);
      const random = generator(seed);
      for (let k = cells.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [cells[k], cells[j]] = [cells[j] as string, cells[k] as string];
      }
      const shuffled = cells.join(separator);
      if (shuffled !== line.text) this.touch(line);
      line.text = shuffled;
    } else if (i + 1 < this.lines.length) {
      const next = this.lines[i + 1] as DocumentLine;
      if (next.text !== line.text) this.touch(line, next);
      this.lines[i] = next;
      this.lines[i + 1] = line;
    }
  }

  /** CRLF touches nothing: line endings must not matter. */
  crlf(index: number) {
    (this.lines[this.at(index)] as DocumentLine).ending = '\r\n';
  }

  /** Cuts the text inside line `index`, after `fraction` of it; that line and all after are lost. */
  truncate(index: number, fraction: number) {
    const i = this.at(index);
    const line = this.lines[i] as DocumentLine;
    for (const lost of this.lines.slice(i)) this.touch(lost);
    line.text = line.text.slice(0, Math.floor(line.text.length * fraction));
    this.lines.length = i + 1;
    line.ending = '\n';
  }

  text(): string {
    return this.lines.map((line, i) => (i === this.lines.length - 1 ? line.text : line.text + line.ending)).join('');
  }
}

/** A small deterministic generator, so that a shrunk counterexample replays exactly. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Parses the damaged text and checks every untouched row; returns how many rows were checked. */
function expectIntactRowsRead(target: Subject, damage: Damage): number {
  const text = damage.text();
  const started = performance.now();
  const result = parseReport(text);
  const elapsed = performance.now() - started;
  expect(elapsed, `parse took ${elapsed.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
  let checked = 0;
  for (const [table, rows] of Object.entries(target.report.expected.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      const dependsOn = target.dependencies.get(`${table}.${row}`) as number[];
      if (dependsOn.some((line) => damage.touched.has(line))) continue;
      checked++;
      const read = rowsOf(result, table)[row];
      for (const [column, value] of Object.entries(columns)) {
        expect((read?.[column] as Cell | undefined)?.value, `${target.report.name} ${table}.${row}.${column}`).toBe(value);
      }
    }
  }
  return checked;
}

const numericCellsOf = new Map<Subject, { table: string; row: string; column: string; cell: Cell }[]>();

/** The cells of the clean parse written as plain digits, which a digit change keeps a number. */
function numericCells(target: Subject) {
  let cells = numericCellsOf.get(target);
  if (cells) return cells;
  cells = [];
  const clean = parseReport(target.report.text);
  for (const [table, rows] of Object.entries(target.report.expected.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const column of Object.keys(columns)) {
        const cell = rowsOf(clean, table)[row]?.[column] as Cell | undefined;
        if (cell && /^\d+$/.test(cell.raw)) cells.push({ table, row, column, cell });
      }
    }
  }
  numericCellsOf.set(target, cells);
  return cells;
}

const operation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('digits' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('crlf' as const), at: fc.nat() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(damage: Damage, op: Operation) {
  if (op.kind === 'delete') damage.delete(op.at);
  else if (op.kind === 'duplicate') damage.duplicate(op.at);
  else if (op.kind === 'digits') damage.changeDigits(op.at, op.seed);
  else if (op.kind === 'shuffle') damage.shuffle(op.at, op.seed);
  else damage.crlf(op.at);
}

describe('damaged corpus reports', () => {
  test.prop([
    fc.constantFrom(...subjects),
    fc.array(operation, { minLength: 1, maxLength: 8 }),
    fc.option(fc.record({ at: fc.nat(), fraction: fc.double({ min: 0, max: 1, noNaN: true }) })),
  ])('never throw, and rows the damage did not touch keep their values', (target, operations, cut) => {
    const damage = new Damage(target.lines);
    for (const op of operations) apply(damage, op);
    if (cut) {
      // Cut inside a table line that is still there, to leave a table half read.
      const inTables = damage.lines.map((line, i) => [line, i] as const).filter(([line]) => line.origin !== null && target.tableLines.includes(line.origin));
      const chosen = inTables[cut.at % Math.max(1, inTables.length)];
      if (chosen) damage.truncate(chosen[1], cut.fraction);
    }
    expectIntactRowsRead(target, damage);
  });

  it.each(subjects.map((s) => [s.report.name, s] as const))('%s: CRLF, CR and mixed line endings change no value', (_, target) => {
    for (const ending of ['\r\n', '\r']) {
      const result = parseReport(target.lines.join(ending));
      for (const [table, rows] of Object.entries(target.report.expected.tables)) {
        for (const [row, columns] of Object.entries(rows)) {
          for (const [column, value] of Object.entries(columns)) {
            expect((rowsOf(result, table)[row]?.[column] as Cell | undefined)?.value, `${JSON.stringify(ending)} ${table}.${row}.${column}`).toBe(value);
          }
        }
      }
    }
    const mixed = new Damage(target.lines);
    for (let i = 0; i < target.lines.length; i += 2) mixed.crlf(i);
    expect(expectIntactRowsRead(target, mixed)).toBe(target.dependencies.size);
  });

  it.each(subjects.map((s) => [s.report.name, s] as const))('%s: losing any one line loses no untouched row', (_, target) => {
    for (let i = 0; i < target.lines.length; i++) {
      const damage = new Damage(target.lines);
      damage.delete(i);
      expectIntactRowsRead(target, damage);
    }
  });

  it.each(subjects.map((s) => [s.report.name, s] as const))('%s: losing a part heading keeps both tables around it', (_, target) => {
    for (const heading of target.partHeadings) {
      const damage = new Damage(target.lines);
      damage.delete(heading);
      // Every row depends on table lines only, so a lost heading must leave all of them checked.
      expect(expectIntactRowsRead(target, damage)).toBe(target.dependencies.size);
    }
  });

  it.each(subjects.map((s) => [s.report.name, s] as const))('%s: losing a part heading and the last row above it keeps the tables around it', (_, target) => {
    // The table above may then end in header rows of its own (an article heading of table 二)
    // right before the announcing row of the next: those must stay with the table above.
    for (const heading of target.partHeadings) {
      let above = heading - 1;
      while (above >= 0 && !/\d\s*$/.test(target.lines[above] as string)) above--;
      const damage = new Damage(target.lines);
      damage.delete(heading);
      if (above >= 0) damage.delete(above);
      expect(expectIntactRowsRead(target, damage)).toBeGreaterThan(target.dependencies.size / 2);
    }
  });

  it.each(subjects.map((s) => [s.report.name, s] as const))('%s: a report cut off inside a table keeps the rows above the cut', (_, target) => {
    const first = Math.min(...target.tableLines);
    const last = Math.max(...target.tableLines);
    for (const fraction of [0.25, 0.5, 0.75]) {
      const damage = new Damage(target.lines);
      damage.truncate(Math.floor(first + (last - first) * fraction), 0.5);
      expect(expectIntactRowsRead(target, damage)).toBeGreaterThan(0);
    }
  });

  test.prop([fc.constantFrom(...subjects), fc.nat(), fc.nat({ max: 99_999 })])(
    'a changed number in one cell is read as the new number, and nothing else changes',
    (target, pick, replacement) => {
      const cells = numericCells(target);
      const chosen = cells[pick % cells.length];
      if (!chosen) throw new Error(`${target.report.name} has no plain numeric cell`);
      const { start, end } = chosen.cell.position;
      const text = target.report.text.slice(0, start.offset) + String(replacement) + target.report.text.slice(end.offset);
      const result = parseReport(text);
      for (const [table, rows] of Object.entries(target.report.expected.tables)) {
        for (const [row, columns] of Object.entries(rows)) {
          for (const [column, value] of Object.entries(columns)) {
            const expected = table === chosen.table && row === chosen.row && column === chosen.column ? replacement : value;
            expect((rowsOf(result, table)[row]?.[column] as Cell | undefined)?.value, `${table}.${row}.${column}`).toBe(expected);
          }
        }
      }
    },
  );
});
