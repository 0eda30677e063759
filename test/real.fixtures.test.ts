import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type Diagnostic, type ParseResult } from '../src/index';
import { expectedCells, valueOf, type Expected, type ExpectedCell } from './helpers/expected';

// The real reports in test/fixtures/real (see its README): every hand-checked cell must be read
// right, no value may differ from the source, lost cells must be flagged, and the source's own
// arithmetic errors must be reported (and only those).

/** Cells the reader is known to miss: file id → cell path (`t2.normativeDocuments.issued`) → reason. */
const h06 = 'the run `110000011` reads as 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11, and the column identities cannot choose: the source\'s 总计 row `20000011` does not add up (table/no-split)';
export const KNOWN_MISSES: Record<string, Record<string, string>> = {
  h06: Object.fromEntries(['naturalPerson', 'commercial', 'research', 'social', 'legal', 'other', 'total'].map((column) => [`t3.newReceived.${column}`, h06])),
};

const directory = new URL('./fixtures/real/', import.meta.url);
const ids = readdirSync(directory).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', '')).sort();

const isRight = (got: unknown, want: number | null) => typeof got === 'number' && want !== null && Math.abs(got - want) < 1e-9;
const isAbsent = (got: unknown) => got === undefined || got === null;
const isLoud = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';
const show = (d: Diagnostic) => `${d.severity} ${d.code}: ${d.message}`;

for (const id of ids) {
  describe(`real report ${id}`, () => {
    const want = JSON.parse(readFileSync(new URL(`${id}.expected.json`, directory), 'utf8')) as Expected;
    const text = readFileSync(new URL(`${id}.txt`, directory), 'utf8');
    const known = KNOWN_MISSES[id] ?? {};
    const cells = expectedCells(want);
    let parsed: ParseResult | undefined;
    const result = () => (parsed ??= parseReport(text));
    const got = (cell: ExpectedCell) => valueOf(result(), cell);
    const missing = () => cells.filter((c) => isAbsent(got(c)));

    it('reads the year', () => {
      expect(result().report.meta.year).toBe(want.year);
    });

    it('reports no value that differs from the source', () => {
      const wrong = cells.filter((c) => !isAbsent(got(c)) && !isRight(got(c), c.want));
      expect(wrong.map((c) => `WRONG ${c.path}=${String(got(c))} (want ${c.want})`)).toEqual([]);
    });

    it('reads every expected cell right, apart from known misses', () => {
      const unread = cells.filter((c) => !(c.path in known) && !isRight(got(c), c.want));
      expect(unread.map((c) => `${c.path}=${String(got(c))} (want ${c.want})`)).toEqual([]);
    });

    it('leaves known misses empty and flags them', () => {
      const paths = cells.map((c) => c.path);
      for (const path of Object.keys(known)) expect(paths, `known miss ${path} is not an expected cell`).toContain(path);
      const read = cells.filter((c) => c.path in known && !isAbsent(got(c)));
      expect(read.map((c) => `${c.path}=${String(got(c))} (want ${c.want}; remove it from KNOWN_MISSES if right)`)).toEqual([]);
      if (Object.keys(known).length > 0) {
        expect(result().diagnostics.some(isLoud), 'a known miss needs an error or warning').toBe(true);
      }
    });

    it('does not lose cells silently', () => {
      const lost = missing();
      if (lost.length === 0) return;
      const { diagnostics } = result();
      expect(diagnostics.some(isLoud), `missing ${lost.map((c) => c.path).join(', ')} without an error or warning`).toBe(true);
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
