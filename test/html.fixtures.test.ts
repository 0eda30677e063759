import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, readCell, type Diagnostic, type ParseResult } from '../src/index';
import { expectedCells as expectedOf, valueOf, type Expected, type ExpectedCell } from './helpers/expected';
import { cells, pointsOf } from './helpers/nodes';

const expectedCells = (want: Expected) => expectedOf(want, { blanks: true });

// The saved web pages in test/fixtures/html (see its README): real reports' hand-checked values,
// in the markup sites publish them in. Each page is given to parseReport as it is, and read as
// test/real.fixtures.test.ts reads the texts of test/fixtures/real: every cell right, no value
// that differs, the source's own arithmetic errors reported and no false ones. A page's cells
// are plain to read, so there are no known misses; on top of that every cell's position points
// into the page, and no part or table is said to be missing.

const directory = new URL('./fixtures/html/', import.meta.url);
const names = readdirSync(directory).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', '')).sort();

const isRight = (got: unknown, want: number) => typeof got === 'number' && Math.abs(got - want) < 1e-9;
const isAbsent = (got: unknown) => got === undefined || got === null;
const show = (d: Diagnostic) => `${d.severity} ${d.code}: ${d.message}`;
/** What says a part or a table is not there. */
const MISSING = new Set(['structure/missing-section', 'structure/missing-table', 'structure/not-a-report']);

describe('the fixture pages', () => {
  it('are there: six shapes at least, each page with its expected values', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) expect(() => readFileSync(new URL(`${name}.html`, directory)), `${name}.html`).not.toThrow();
  });
});

for (const name of names) {
  describe(`web page ${name}`, () => {
    const want = JSON.parse(readFileSync(new URL(`${name}.expected.json`, directory), 'utf8')) as Expected;
    const html = readFileSync(new URL(`${name}.html`, directory), 'utf8');
    const all = expectedCells(want);
    const numbers = all.filter((c): c is ExpectedCell & { want: number } => c.want !== null);
    const blanks = all.filter((c) => c.want === null);
    let parsed: ParseResult | undefined;
    const result = () => (parsed ??= parseReport(html));
    const got = (cell: ExpectedCell) => valueOf(result(), cell);

    it('reads the year', () => {
      expect(result().report.meta.year).toBe(want.year);
    });

    it('reports no value that differs from the source', () => {
      const wrong = numbers.filter((c) => !isAbsent(got(c)) && !isRight(got(c), c.want));
      expect(wrong.map((c) => `WRONG ${c.path}=${String(got(c))} (want ${c.want})`)).toEqual([]);
    });

    it('reads every expected cell right', () => {
      const unread = numbers.filter((c) => !isRight(got(c), c.want));
      expect(unread.map((c) => `${c.path}=${String(got(c))} (want ${c.want})`)).toEqual([]);
    });

    it('leaves the blank cells of the source blank', () => {
      const filled = blanks.filter((c) => !isAbsent(got(c)));
      expect(filled.map((c) => `${c.path}=${String(got(c))} (blank in the source)`)).toEqual([]);
    });

    it('gives every cell a position in the page whose text is its raw', () => {
      const read = cells(result());
      expect(read.length).toBeGreaterThanOrEqual(numbers.length);
      const pointAt = pointsOf(html);
      for (const { path, cell } of read) {
        const { start, end } = cell.position;
        expect(end.offset, path).toBeGreaterThanOrEqual(start.offset);
        expect(end.offset, path).toBeLessThanOrEqual(html.length);
        expect(html.slice(start.offset, end.offset), path).toBe(cell.raw);
        expect({ line: start.line, column: start.column }, path).toEqual(pointAt(start.offset));
        expect({ line: end.line, column: end.column }, path).toEqual(pointAt(end.offset));
        // The slice is the cell's own text, not a neighbour's or a label's.
        if (cell.state === 'number' && !cell.unit && cell.origin !== 'inferred') expect(readCell(cell.raw).value, path).toBe(cell.value);
      }
    });

    it('says no part or table is missing', () => {
      expect(result().diagnostics.filter((d) => MISSING.has(d.code)).map(show)).toEqual([]);
    });

    it('reports the source\'s own arithmetic errors, and no false ones', () => {
      const { diagnostics } = result();
      if ((want.arithmeticIssuesInSource ?? []).length > 0) {
        expect(diagnostics.some((d) => d.severity === 'error'), `source errors: ${want.arithmeticIssuesInSource?.join('; ')}`).toBe(true);
      } else if ((want.blankCellsInSource ?? []).length === 0) {
        const falseErrors = diagnostics.filter((d) => String(d.code).startsWith('arithmetic/') && d.severity === 'error');
        expect(falseErrors.map(show)).toEqual([]);
      }
    });
  });
}

describe('a page with no report in it (a site\'s home page)', () => {
  const html = readFileSync(new URL('home-no-report.html', directory), 'utf8');

  it('is one structure/not-a-report error, and no part or table is said to be missing', () => {
    const { diagnostics } = parseReport(html);
    const structural = diagnostics.filter((d) => String(d.code).startsWith('structure/'));
    expect(structural.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['structure/not-a-report']);
    expect(structural.filter((d) => d.code !== 'structure/not-a-report' && MISSING.has(d.code)).map(show)).toEqual([]);
  });
});
