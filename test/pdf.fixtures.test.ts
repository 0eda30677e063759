import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell, Report } from '../src/ast';
import type { Diagnostic } from '../src/diagnostics';
import { parsePdf, type PdfParseResult } from '../src/pdf/index';
import { expectedCells, type Expected, type ExpectedCell } from './helpers/expected';

// The real PDFs in test/fixtures/pdf (the originals behind test/fixtures/real/002 and 003, whose
// texts there are their pdftotext output): parsePdf must read every hand-checked cell right from
// the PDF itself, with no value that differs from the source, every cell's raw text where its
// position says, and a box for every cell on its page.

/** The cell the reader reported at a place, or undefined when it has none. */
function cellAt(report: Report, { table, row, column }: { table: string; row: string; column: string }): Cell | undefined {
  const tables = report.tables as Record<string, { rows?: Record<string, Record<string, unknown> | undefined> } | undefined>;
  const cell = tables[table]?.rows?.[row]?.[column];
  return cell && typeof cell === 'object' && (cell as Cell).type === 'cell' ? (cell as Cell) : undefined;
}

/** Every cell of the report's tables (rows and unassigned lines), with its path. */
function allCells(report: Report): { path: string; cell: Cell }[] {
  const cells: { path: string; cell: Cell }[] = [];
  for (const [key, table] of Object.entries(report.tables)) {
    if (!table) continue;
    for (const [rowKey, row] of Object.entries(table.rows as Record<string, Record<string, unknown> | undefined>)) {
      for (const [column, value] of Object.entries(row ?? {})) {
        if (value && typeof value === 'object' && (value as Cell).type === 'cell') cells.push({ path: `${key}.${rowKey}.${column}`, cell: value as Cell });
      }
    }
    table.unassigned.forEach((entry, i) => entry.values.forEach((cell, j) => cells.push({ path: `${key}.unassigned[${i}][${j}]`, cell })));
  }
  return cells;
}

const show = (d: Diagnostic) => `${d.severity} ${d.code}: ${d.message}`;
const directory = new URL('./fixtures/pdf/', import.meta.url);
const ids = readdirSync(directory).filter((f) => f.endsWith('.pdf')).map((f) => f.replace('.pdf', '')).sort();

it('has the two PDF fixtures', () => {
  expect(ids).toEqual(['002', '003']);
});

for (const id of ids) {
  describe(`PDF ${id}`, () => {
    const want = JSON.parse(readFileSync(new URL(`${id}.expected.json`, directory), 'utf8')) as Expected;
    const cells = expectedCells(want);
    let result: PdfParseResult;
    beforeAll(async () => {
      result = await parsePdf(readFileSync(new URL(`${id}.pdf`, directory)));
    });

    it('reads the year', () => {
      expect(result.report.meta.year).toBe(want.year);
    });

    it('reads every expected cell right (100%, none missing)', () => {
      expect(cells.length).toBeGreaterThan(180);
      const unread = cells.filter((c) => cellAt(result.report, c)?.value !== c.want);
      expect(unread.map((c) => `${c.path}=${String(cellAt(result.report, c)?.value)} (want ${c.want})`)).toEqual([]);
    });

    it('reports no value that differs from the source, and sets nothing aside', () => {
      const wrong = cells.filter((c) => {
        const got = cellAt(result.report, c)?.value;
        return got !== undefined && got !== null && got !== c.want;
      });
      expect(wrong.map((c) => `WRONG ${c.path}=${String(cellAt(result.report, c)?.value)} (want ${c.want})`)).toEqual([]);
      for (const table of Object.values(result.report.tables)) expect(table?.unassigned).toEqual([]);
    });

    it('gives no error or warning (the source adds up)', () => {
      expect(want.arithmeticIssuesInSource ?? []).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity !== 'info').map(show)).toEqual([]);
    });

    it('reads all three tables from the PDF text, laid out by spaces', () => {
      const { tables } = result.report;
      expect(Object.keys(tables).sort()).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
      for (const table of Object.values(tables)) expect(table?.layout).toBe('space');
    });

    it('positions every cell in the rebuilt text: text.slice(start, end) === raw', () => {
      const misplaced = allCells(result.report).filter(({ cell }) => result.text.slice(cell.position.start.offset, cell.position.end.offset) !== cell.raw);
      expect(misplaced.map(({ path, cell }) => `${path}: raw ${JSON.stringify(cell.raw)}`)).toEqual([]);
      // And the line and column of a position agree with its offset.
      for (const { cell } of allCells(result.report)) {
        const before = result.text.slice(0, cell.position.start.offset);
        expect(before.split('\n').length).toBe(cell.position.start.line);
      }
    });

    it('gives every cell a box on a page of the PDF, within the page', () => {
      const all = allCells(result.report);
      expect(all.length).toBe(cells.length);
      const outside = all.filter(({ cell }) => {
        const box = cell.box;
        if (!box) return true;
        const page = result.pages[box.page - 1];
        if (!page || !Number.isInteger(box.page)) return true;
        return box.x < 0 || box.y < 0 || box.width <= 0 || box.height <= 0 || box.x + box.width > page.width || box.y + box.height > page.height;
      });
      expect(outside.map(({ path, cell }) => `${path}: ${JSON.stringify(cell.box)}`)).toEqual([]);
    });

    it('gives every span of the text a box within its page', () => {
      expect(result.spans.length).toBeGreaterThan(500);
      let last = 0;
      for (const span of result.spans) {
        expect(span.start).toBeGreaterThanOrEqual(last);
        expect(span.end).toBeGreaterThan(span.start);
        last = span.end;
        const page = result.pages[span.box.page - 1];
        expect(page).toBeDefined();
        expect(span.box.x + span.box.width).toBeLessThanOrEqual((page as { width: number }).width);
        expect(span.box.y + span.box.height).toBeLessThanOrEqual((page as { height: number }).height);
      }
    });
  });
}
