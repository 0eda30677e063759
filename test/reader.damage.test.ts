import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cell, Position } from '../src/ast';
import type { Diagnostic } from '../src/diagnostics';
import { parseReport } from '../src/index';
import { corpus } from './helpers/corpus';

/**
 * Damage inside the tables of the corpus reports, of the kinds copying does: a cell deleted or
 * duplicated, two rows swapped, a label deleted or wrapped onto the next line, two numbers glued,
 * a page number inserted, a value made unreadable. Whatever the damage, a cell read with a value
 * other than the hand-checked one has an error or warning at its row, and cells that go missing
 * are owned up to: never a wrong value in silence, never a silent loss.
 */

const subjects = corpus().map((report) => {
  const lines = report.text.split('\n');
  const { report: clean } = parseReport(report.text);
  // Lines of the tables that hold a value: where the damage goes.
  const tableLines = new Set<number>();
  for (const table of Object.values(clean.tables)) {
    for (const row of Object.values(table.rows as Record<string, { position: Position }>)) {
      for (let line = row.position.start.line - 1; line <= row.position.end.line - 1; line++) if (/\d/.test(lines[line] ?? '')) tableLines.add(line);
    }
  }
  return { name: report.name, lines, expected: report.expected, tableLines: [...tableLines].sort((a, b) => a - b) };
});

type Kind = 'deleteCell' | 'duplicateCell' | 'swapRows' | 'deleteLabel' | 'wrapLabel' | 'glue' | 'footer' | 'unreadable';
const KINDS: Kind[] = ['deleteCell', 'duplicateCell', 'swapRows', 'deleteLabel', 'wrapLabel', 'glue', 'footer', 'unreadable'];

/** Cells of a line: tab fields, else pipe fields, else the line itself. */
function split(line: string): { cells: string[]; join: (cells: string[]) => string } {
  if (line.includes('\t')) return { cells: line.split('\t'), join: (cells) => cells.join('\t') };
  if (line.includes('|')) return { cells: line.split('|'), join: (cells) => cells.join('|') };
  return { cells: [line], join: (cells) => cells.join('') };
}

/** Applies one damage to line `at` (a table line); returns the damaged lines. */
function damage(lines: readonly string[], at: number, kind: Kind, pick: number): string[] {
  const out = [...lines];
  const line = out[at] as string;
  const { cells, join } = split(line);
  const numeric = cells.flatMap((cell, i) => (/^\s*\d+\s*$/.test(cell) ? [i] : []));
  const labelled = cells.flatMap((cell, i) => (/\p{Script=Han}/u.test(cell) ? [i] : []));
  const choose = (indexes: number[]) => indexes[pick % Math.max(1, indexes.length)];
  switch (kind) {
    case 'deleteCell': {
      const i = choose(numeric);
      if (i === undefined) out.splice(at, 1);
      else out[at] = join(cells.filter((_, k) => k !== i));
      break;
    }
    case 'duplicateCell': {
      const i = choose(numeric);
      if (i === undefined) out.splice(at, 0, line);
      else out[at] = join([...cells.slice(0, i + 1), cells[i] as string, ...cells.slice(i + 1)]);
      break;
    }
    case 'swapRows': {
      // Whole rows: a line with its label and values, and the next such line. (Two cells of one
      // row swapped are other values, not damage a reader can see.)
      const isRow = (text: string | undefined) => text !== undefined && /\p{Script=Han}/u.test(text) && split(text).cells.some((cell) => /^\s*\d+\s*$/.test(cell));
      const other = out.findIndex((text, k) => k > at && isRow(text));
      if (isRow(line) && other !== -1) [out[at], out[other]] = [out[other] as string, line];
      break;
    }
    case 'deleteLabel': {
      const i = choose(labelled);
      if (i !== undefined) out[at] = join(cells.map((cell, k) => (k === i ? '' : cell)));
      break;
    }
    case 'wrapLabel': {
      const i = choose(labelled);
      const label = i === undefined ? '' : (cells[i] as string);
      if (i !== undefined && label.length > 4) {
        const cut = 2 + (pick % (label.length - 3));
        out[at] = join(cells.map((cell, k) => (k === i ? label.slice(0, cut) : cell)));
        out.splice(at + 1, 0, label.slice(cut));
      }
      break;
    }
    case 'glue': {
      const i = numeric.find((k, n) => n >= pick % Math.max(1, numeric.length) && numeric.includes(k + 1));
      if (i !== undefined) out[at] = join([...cells.slice(0, i), `${(cells[i] as string).trim()}${(cells[i + 1] as string).trim()}`, ...cells.slice(i + 2)]);
      break;
    }
    case 'footer':
      out.splice(at + 1, 0, `- ${1 + (pick % 9)} -`);
      break;
    case 'unreadable': {
      const i = choose(numeric.filter((k) => /[0-9]/.test(cells[k] as string)));
      if (i !== undefined) out[at] = join(cells.map((cell, k) => (k === i ? cell.replace(/0|(\d)$/, (d) => (d === '0' ? 'O' : `${d}l`)) : cell)));
      break;
    }
  }
  return out;
}

const loud = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';

describe('damaged tables of the corpus', () => {
  test.prop([fc.constantFrom(...subjects), fc.nat(), fc.constantFrom(...KINDS), fc.nat({ max: 1000 })])(
    'a value read wrong has an error or warning at its row; a value lost is owned up to',
    (subject, where, kind, pick) => {
      const at = subject.tableLines[where % subject.tableLines.length] as number;
      const { report, diagnostics } = parseReport(damage(subject.lines, at, kind, pick).join('\n'));
      const warned = diagnostics.filter(loud);
      const at_ = (first: number, last: number, list: readonly Diagnostic[]) => list.some((d) => d.position !== undefined && d.position.start.line <= last + 1 && d.position.end.line >= first - 1);
      let lostRows = 0;
      for (const [table, rows] of Object.entries(subject.expected.tables)) {
        const read = (report.tables as Record<string, { rows: Record<string, Record<string, Cell> & { position: Position }> } | undefined>)[table]?.rows ?? {};
        for (const [row, columns] of Object.entries(rows)) {
          const node = read[row];
          for (const [column, want] of Object.entries(columns)) {
            const cell = node?.[column];
            if (!node) {
              if (want !== null) lostRows++;
              continue;
            }
            if (cell?.value === want) continue;
            const first = node.position.start.line;
            const last = node.position.end.line;
            const where = `${subject.name} ${kind} at line ${at + 1}: ${table}.${row}.${column}`;
            if (cell === undefined || cell.value === null) {
              // A value gone from a row that was read: the row says so, as a blank cell at least.
              expect(at_(first, last, diagnostics.filter((d) => /^(table|cell)\//.test(d.code))), `${where} lost without a finding at its row`).toBe(true);
              continue;
            }
            // A wrong value: the row must carry an error or warning.
            expect(at_(first, last, warned), `${where} read ${cell.value}, want ${want}, without an error or warning at its row`).toBe(true);
          }
        }
      }
      if (lostRows > 0) expect(warned.some((d) => /^(table|structure)\//.test(d.code)), `${subject.name} ${kind} at line ${at + 1}: cells of ${lostRows} rows lost without a finding`).toBe(true);
    },
  );
});
