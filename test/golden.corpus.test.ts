import { describe, expect, it } from 'vitest';
import { parseReport, type Cell, type Tables } from '../src/index';
import { corpus } from './helpers/corpus';

type AnyRow = Record<string, Cell | unknown> & { position: { start: { line: number } } };
const rowsOf = (tables: Tables, table: string): Record<string, AnyRow> =>
  ((tables as Record<string, { rows: Record<string, AnyRow> } | undefined>)[table]?.rows ?? {});

describe.each(corpus())('corpus report $name', ({ text, expected }) => {
  const { report, diagnostics } = parseReport(text);

  it('reads the metadata', () => {
    expect(report.meta).toEqual(expected.meta);
  });

  it('reads every table cell as checked by hand', () => {
    for (const [table, rows] of Object.entries(expected.tables)) {
      const actual = rowsOf(report.tables, table);
      expect(Object.keys(actual).sort(), table).toEqual(Object.keys(rows).sort());
      for (const [row, columns] of Object.entries(rows)) {
        for (const [column, value] of Object.entries(columns)) {
          expect((actual[row]?.[column] as Cell | undefined)?.value, `${table}.${row}.${column}`).toBe(value);
        }
      }
    }
  });

  it('marks exactly the recovered cells, with a warning on their line', () => {
    const recovered: string[] = [];
    for (const table of ['activeDisclosure', 'applications', 'reviewLitigation']) {
      for (const [key, row] of Object.entries(rowsOf(report.tables, table))) {
        for (const [column, cell] of Object.entries(row)) {
          if ((cell as Cell)?.type === 'cell' && (cell as Cell).state === 'recovered') {
            recovered.push(`${table}.${key}.${column}=${(cell as Cell).raw}@${(cell as Cell).position.start.line}`);
          }
        }
      }
    }
    expect(recovered.sort()).toEqual(
      expected.recovered.map((r) => `${r.table}.${r.row}.${r.column}=${r.raw}@${r.line}`).sort(),
    );
    const warned = diagnostics.filter((d) => d.code === 'cell/recovered').map((d) => d.position?.start.line);
    expect(warned.sort()).toEqual(expected.recovered.map((r) => r.line).sort());
  });

  it('leaves damaged rows unassigned and says so at their lines', () => {
    for (const damage of expected.damaged) {
      const table = (report.tables as Record<string, { unassigned: { values: Cell[]; position: { start: { line: number } } }[] }>)[damage.table];
      const row = table?.unassigned.find((u) => u.position.start.line === damage.line);
      expect(row?.values.length, `${damage.table} line ${damage.line}`).toBe(damage.values);
      const code = damage.values > damage.expected ? 'table/too-many-values' : 'table/too-few-values';
      expect(diagnostics.some((d) => d.code === code && d.position?.start.line === damage.line), `${code} at ${damage.line}`).toBe(true);
    }
    const unassignedLines = Object.values(report.tables).flatMap((t) => t.unassigned.map((u: { position: { start: { line: number } } }) => u.position.start.line));
    expect(unassignedLines.sort()).toEqual(expected.damaged.map((d) => d.line).sort());
  });

  it('finds all six parts and reports nothing missing', () => {
    expect(Object.keys(report.sections)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'other']);
    expect(diagnostics.filter((d) => d.code.startsWith('structure/missing') || d.code === 'table/unknown-row')).toEqual([]);
  });
});
