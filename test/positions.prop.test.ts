import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseReport, readCell } from '../src/index';
import { corpus } from './helpers/corpus';
import { cells, pointsOf, positionedNodes } from './helpers/nodes';

const reports = corpus();

/** Checks the position contract on one input: inside the input, consistent points, raw slices. */
function assertPositions(input: string) {
  const result = parseReport(input);
  const pointAt = pointsOf(input);
  for (const { path, node } of positionedNodes(result)) {
    const { start, end } = node.position;
    expect(start.offset, path).toBeGreaterThanOrEqual(0);
    expect(end.offset, path).toBeGreaterThanOrEqual(start.offset);
    expect(end.offset, path).toBeLessThanOrEqual(input.length);
    expect({ line: start.line, column: start.column }, path).toEqual(pointAt(start.offset));
    expect({ line: end.line, column: end.column }, path).toEqual(pointAt(end.offset));
  }
  for (const { path, cell } of cells(result)) {
    expect(input.slice(cell.position.start.offset, cell.position.end.offset), path).toBe(cell.raw);
  }
  return result;
}

// Noise that real copies carry, applied to whole reports: each keeps the text's meaning.
const lineBreaks: Record<string, (text: string) => string> = {
  lf: (text) => text,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  cr: (text) => text.replace(/\n/g, '\r'),
};
const noises: Record<string, (text: string) => string> = {
  bom: (text) => `\uFEFF${text}`,
  nbsp: (text) => text.replace(/\t(\d)/g, '\t\u00A0$1'),
  zeroWidth: (text) => text.replace(/(\d)\t/g, '$1\u200B\t'),
  pinyin: (text) => text.replace(/公开/g, '公開(kāi)'),
  commas: (text) => text.replace(/，/g, ',,'),
};

describe('positions point into the original input', () => {
  it.each(reports.map((r) => [r.name, r.text] as const))('%s as is', (_, text) => {
    const result = assertPositions(text);
    // The raw text of a cell reads as the cell's value: the slice is the cell, not a neighbour.
    for (const { path, cell } of cells(result)) {
      // An inferred cell's value comes from the identities, not from its text.
      if (cell.state === 'number' && !cell.unit && cell.origin !== 'inferred') expect(readCell(cell.raw).value, path).toBe(cell.value);
    }
  });

  test.prop([fc.constantFrom(...reports), fc.constantFrom(...Object.keys(lineBreaks)), fc.subarray(Object.keys(noises))])(
    'corpus reports with copy noise',
    (report, lineBreak, applied) => {
      let text = (lineBreaks[lineBreak] as (t: string) => string)(report.text);
      for (const noise of applied) text = (noises[noise] as (t: string) => string)(text);
      const result = assertPositions(text);
      // Noise must not cost values: the same cells are read as from the clean text.
      const clean = cells(parseReport(report.text)).map(({ path, cell }) => `${path}=${cell.value}`);
      expect(cells(result).map(({ path, cell }) => `${path}=${cell.value}`)).toEqual(clean);
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 400 })])('arbitrary text', (text) => {
    assertPositions(text);
  });

  test.prop([
    fc.array(
      fc.constantFrom('一、总体情况', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理', '（七）总计', '\t', '|', ' ', '0', '12', '0?', '\n', '\r\n', '習(xí)', ',,', '\u00A0', '\u200B', '第二十条第（一）项', '本年新收政府信息公开申请数量'),
      { maxLength: 80 },
    ),
  ])('text made of the format’s own pieces', (pieces) => {
    assertPositions(pieces.join(''));
  });
});
