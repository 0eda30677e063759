import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine, classifyLines, readCell, readGrid, splitLines } from '../src/index';
import { labelKey } from '../src/labels';
import { splitRow } from '../src/tables/grid';

/**
 * Short lines are classified once and remembered, and a line that is one count is read without
 * the memory (src/lines/classify.ts); the grid remembers how it read a short line too, as one
 * cell or as a row's cells. Either way, a line must come out as classifyLine and the grid's own
 * trimming and splitting would read it, whatever pads it, wherever it stands and however often
 * it comes back.
 */

// Padding the count path accepts, other whitespace it must leave to classifyLine, digits and
// near-digits, separators, and text.
const pieces = ['\t', ' ', '\u00a0', '\u3000', '\u2003', '\v', '0', '7', '12', '1234567890123456', '０', '?', '|', '/', '.', ',', '一', '（一）予以公开', '合计', '。'];
const shortLine = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''));

// Whitespace as the grid trims a cell (and as String#trim does, for these).
const isBlank = (code: number) => code === 32 || code === 0x3000 || code === 0xa0 || (code >= 9 && code <= 13);

describe('remembered and counted lines', () => {
  it('get the kind classifyLine gives, first seen or seen again', () => {
    fc.assert(
      fc.property(fc.array(shortLine, { minLength: 1, maxLength: 30 }), (texts) => {
        const expected = texts.map((text) => classifyLine(text)).join('');
        expect(classifyLines(splitLines(texts.join('\n')))).toBe(expected);
        expect(classifyLines(splitLines(texts.join('\n')))).toBe(expected);
      }),
    );
  });

  it('read as one cell per line, give the trimmed text, its offsets and its reading', () => {
    // Indented lines, so that none continues the cell above it; counts most of them, so that the
    // region is read one cell per line; no tab or pipe inside, which would make a line a row.
    const cellText = fc.array(fc.constantFrom(...pieces.filter((piece) => piece !== '\t' && piece !== '|')), { maxLength: 6 }).map((parts) => parts.join(''));
    const line = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 99999 }).map(String) }, { weight: 1, arbitrary: cellText }).map((text) => `\t${text}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 4, maxLength: 30 }), (texts) => {
        const lines = splitLines(texts.join('\n'));
        const kinds = classifyLines(lines);
        const grid = readGrid(lines, kinds, { first: 0, last: lines.length - 1 });
        if (grid.layout !== 'cell-per-line') return;
        const cells = grid.rows.flatMap((row) => [...row.labels, ...row.leading, ...row.values, ...row.trailing]);
        for (const cell of cells) {
          const found = lines.find((l) => l.start <= cell.start && cell.end <= l.end);
          expect(found).toBeDefined();
          const text = found?.text ?? '';
          let from = 0;
          let to = text.length;
          while (from < to && isBlank(text.charCodeAt(from))) from++;
          while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
          if (from === to) continue;
          expect(cell.text).toBe(text.slice(from, to));
          expect([cell.start, cell.end]).toEqual([(found?.start ?? 0) + from, (found?.start ?? 0) + to]);
          expect(cell.reading).toEqual(readCell(cell.text));
        }
      }),
    );
  });

  it('read as rows, give the cells a split of the line gives, wherever the line stands', () => {
    const cellText = fc.array(fc.constantFrom(...pieces.filter((piece) => piece !== '\t' && piece !== '|')), { maxLength: 3 }).map((parts) => parts.join(''));
    const row = fc
      .tuple(fc.constantFrom('\t', '|'), fc.array(cellText, { minLength: 2, maxLength: 12 }))
      .map(([separator, cells]) => cells.join(separator))
      .filter((text) => text.length <= 100);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.nat({ max: 5 }), (texts, shift) => {
        // The same rows twice, the second time further on: read first, then from memory.
        for (const lead of [[], Array.from({ length: shift + 1 }, () => '说明')]) {
          const lines = splitLines([...lead, ...texts].join('\n'));
          const kinds = classifyLines(lines);
          const grid = readGrid(lines, kinds, { first: lead.length, last: lines.length - 1 });
          for (const read of grid.rows) {
            if (kinds[read.firstLine] !== 'R') continue;
            const line = lines[read.firstLine];
            const split = splitRow(line?.text ?? '', line?.start ?? 0);
            // Labels are the filled cells before the first value; values run from the first to the last.
            const first = split.findIndex((cell) => cell.isValue);
            let last = split.length - 1;
            while (last > first && !split[last]?.isValue) last--;
            expect(read.labels).toEqual(split.slice(0, first === -1 ? split.length : first).filter((cell) => cell.text !== ''));
            expect(read.values).toEqual(first === -1 ? [] : split.slice(first, last + 1));
            for (const cell of [...read.leading, ...read.trailing]) expect(split).toContainEqual(cell);
            expect(read.label).toBe(read.labels.map((cell) => cell.text).join(' '));
            expect(read.key).toBe(labelKey(read.label));
          }
        }
      }),
    );
  });

  it('read a row of more cells than are remembered the same, seen again', () => {
    const row = `合计${'\t0'.repeat(40)}`;
    for (const lead of [0, 3]) {
      const lines = splitLines([...Array.from({ length: lead }, () => '说明'), row].join('\n'));
      const kinds = classifyLines(lines);
      const [read] = readGrid(lines, kinds, { first: lead, last: lead }).rows;
      const line = lines[lead];
      expect(read?.values).toEqual(splitRow(line?.text ?? '', line?.start ?? 0).slice(1));
      expect(read?.values).toHaveLength(40);
      expect(read?.label).toBe('合计');
    }
  });
});
