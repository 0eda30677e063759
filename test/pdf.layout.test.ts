import { describe, expect, it } from 'vitest';
import { boxFinder } from '../src/pdf/boxes';
import { findFurniture } from '../src/pdf/furniture';
import { layOut } from '../src/pdf/layout';
import { groupLines, type PdfLine } from '../src/pdf/lines';
import { piecesOf, type TextItemLike } from '../src/pdf/pieces';
import { takeVerticalLabels, withLabelLines } from '../src/pdf/vertical';

// The stages of src/pdf on text items made up here, in the shape pdf.js gives them: items to
// pieces, pieces to lines, lines to text laid out by column, and text ranges back to boxes.

const A4 = [0, 0, 595, 842];
/** A horizontal item at x, baseline y; as wide as its characters are (CJK one em, others half). */
const item = (str: string, x: number, y: number, size = 10): TextItemLike => {
  let width = 0;
  for (const c of str) width += (c.codePointAt(0) as number) >= 0x2e80 ? size : size / 2;
  return { str, transform: [size, 0, 0, size, x, y], width, height: size, dir: 'ltr', fontName: 'f' };
};
const styles = { f: { ascent: 0.86, descent: -0.14 } };
const pageText = (items: TextItemLike[]) => {
  const { labels, rest } = takeVerticalLabels(piecesOf(items, styles, 1, A4));
  return layOut(withLabelLines(groupLines(rest), labels));
};

describe('pieces', () => {
  it('drops whitespace items and trims the rest, moving x past the spaces', () => {
    const pieces = piecesOf([item(' ', 10, 700), { ...item('  规章', 100, 700), width: 30 }], styles, 1, A4);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toMatchObject({ text: '规章', page: 1, x: 110, width: 20, baseline: 700, size: 10 });
    expect(pieces[0]?.top).toBeCloseTo(708.6);
    expect(pieces[0]?.bottom).toBeCloseTo(698.6);
  });

  it('cuts a top-to-bottom item into one piece per character, stacked downward', () => {
    const vertical: TextItemLike = { str: '三、本', transform: [10, 0, 0, 10, 90, 500], width: 10, height: 30, dir: 'ttb', fontName: 'f' };
    const pieces = piecesOf([vertical], styles, 2, A4);
    expect(pieces.map((p) => p.text)).toEqual(['三', '、', '本']);
    expect(pieces.map((p) => p.top)).toEqual([500, 490, 480]);
    for (const piece of pieces) expect(piece).toMatchObject({ page: 2, x: 85, width: 10 });
  });

  it('reads vertical presentation forms as the horizontal punctuation (︑ as 、)', () => {
    expect(piecesOf([item('三\ufe11本', 10, 10)], styles, 1, A4)[0]?.text).toBe('三、本');
  });

  it('measures from the page\'s own origin when its box does not start at 0,0', () => {
    const [piece] = piecesOf([item('规章', 150, 300)], styles, 1, [50, 100, 645, 942]);
    expect(piece).toMatchObject({ x: 100, baseline: 200 });
  });
});

describe('lines and columns', () => {
  it('puts a row\'s numbers on its label\'s line though their font is larger and sits lower', () => {
    const { text } = pageText([item('一、本年新收政府信息公开申请数量', 77, 330, 9.95), item('95', 318, 328.7, 14), item('0', 352, 328.7, 14)]);
    expect(text).toMatch(/^一、本年新收政府信息公开申请数量\s+95\s+0$/);
  });

  it('gives a number between the two lines of a wrapped label a line of its own', () => {
    const { text } = pageText([item('（二）部分公开（区分处理的', 100, 301.5, 7.45), item('形，不计其他情形）', 100, 286.5, 7.45), item('447', 262, 291.8, 7.45)]);
    expect(text.split('\n').map((line) => line.trim())).toEqual(['（二）部分公开（区分处理的', '447', '形，不计其他情形）']);
  });

  it('joins touching items, keeps a word space, and puts distant items at their column', () => {
    const { text, columnWidth } = pageText([
      item('本年制发件', 100, 700),
      item('数', 150, 700),
      item('2024', 100, 680),
      item('年', 124, 680),
      item('1', 300, 700),
      item('1', 305, 700),
      item('3', 300, 680),
    ]);
    expect(columnWidth).toBe(5);
    const [first, second] = text.split('\n') as [string, string];
    expect(first).toMatch(/^本年制发件数\s+11$/);
    expect(second).toMatch(/^2024 年\s+3$/);
    // Column 40 is x 300 (origin x 100, 5 points a column): both numbers start there.
    expect(first.indexOf('11')).toBe(first.length - 2);
    const column = (line: string, at: number) => [...line.slice(0, at)].reduce((n, c) => n + ((c.codePointAt(0) as number) >= 0x2e80 ? 2 : 1), 0);
    expect(column(first, first.indexOf('11'))).toBe(40);
    expect(column(second, second.indexOf('3'))).toBe(40);
  });

  it('reads a piece drawn twice at the same place (fake bold) once', () => {
    expect(pageText([item('行政许可', 100, 700), item('行政许可', 100.3, 700)]).text).toBe('行政许可');
  });

  it('stacks a vertical label one character per line, off the rows it sits beside', () => {
    const rows = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益'];
    const items = rows.flatMap((label, i) => [item(label, 140, 260 - i * 24, 7.45), item(String(i), 265, 258 - i * 24, 7.45)]);
    [...'本年度办'].forEach((c, i) => items.push(item(c, 77, 259 - i * 15, 7.45)));
    const lines = pageText(items).text.split('\n').map((line) => line.trim());
    expect(lines.filter((line) => line.length === 1 && line >= '\u2e80')).toEqual([...'本年度办']);
    for (const [i, label] of rows.entries()) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${label.replace(/[.“”]/g, '.')}\\s+${i}$`)));
  });

  it('leaves a column of commas in justified prose alone', () => {
    const items = [0, 1, 2, 3].flatMap((i) => [item('某某某某某某某', 74, 700 - i * 28, 16), item('，', 186, 700 - i * 28, 16), item('某某', 202, 700 - i * 28, 16)]);
    expect(pageText(items).text.split('\n')).toEqual(Array(4).fill('某某某某某某某，某某'));
  });
});

describe('furniture', () => {
  const line = (text: string, y: number, page: number): PdfLine => groupLines(piecesOf([item(text, 280, y)], styles, page, A4))[0] as PdfLine;
  const sizes = [1, 2, 3].map(() => ({ width: 595, height: 842 }));

  it('finds page numbers in the margins, bare ones only when they number the pages in turn', () => {
    // At heights that differ from page to page, so that only their sequence tells.
    const pages = [1, 2, 3].map((n) => [line('正文', 500, n), line(`${n + 2}`, 20 + n * 10, n)]);
    const furniture = findFurniture(pages, sizes);
    expect(pages.map((page) => furniture.has(page[1] as PdfLine))).toEqual([true, true, true]);
    expect(pages.some((page) => furniture.has(page[0] as PdfLine))).toBe(false);
    const counts = [7, 5, 2].map((count, i) => [line('正文', 500, i + 1), line(String(count), 20 + i * 10, i + 1)]);
    expect(findFurniture(counts, sizes).size).toBe(0);
  });

  it('finds `- 3 -`, `第 3 页` and `3/5` on a single page, but not in the body', () => {
    for (const text of ['- 3 -', '— 3 —', '第 3 页', '第3页 共5页', '3 / 5']) {
      const page = [line('正文', 500, 1), line(text, 30, 1)];
      expect(findFurniture([page], sizes).has(page[1] as PdfLine), text).toBe(true);
      const body = [line('正文', 700, 1), line(text, 500, 1), line('正文', 300, 1)];
      expect(findFurniture([body], sizes).size, text).toBe(0);
    }
  });

  it('finds a line repeated at the same height in a margin of most pages (a bare number too)', () => {
    const numbers = [1, 2, 3].map((n) => [line('正文', 500, n), line(String(n * 7), 30, n)]);
    expect(findFurniture(numbers, sizes).size).toBe(3);
  });

  it('finds a header repeated at the same height on most pages', () => {
    const pages = [1, 2, 3].map((n) => [line('某某市人民政府', 815, n), line(`正文${n}`, 500, n)]);
    const furniture = findFurniture(pages, sizes);
    expect(pages.map((page) => furniture.has(page[0] as PdfLine))).toEqual([true, true, true]);
    expect(furniture.size).toBe(3);
  });
});

describe('boxes', () => {
  it('boxes the part of a piece a range covers, in top-left coordinates', () => {
    const layout = pageText([item('规章', 100, 700), item('3001 53', 300, 700)]);
    const find = boxFinder(layout, [{ width: 595, height: 842 }]);
    const start = layout.text.indexOf('53');
    const box = find(start, start + 2);
    expect(box).toEqual({ page: 1, x: 325, y: 133.4, width: 10, height: 10 });
    expect(find(0, 2)).toEqual({ page: 1, x: 100, y: 133.4, width: 20, height: 10 });
  });

  it('gives an empty range a zero-width box where its column sits in its line', () => {
    const layout = pageText([item('规章', 100, 700), item('5', 300, 700)]);
    const find = boxFinder(layout, [{ width: 595, height: 842 }]);
    const offset = layout.text.indexOf('5') - 10;
    const box = find(offset, offset);
    expect(box).toMatchObject({ page: 1, width: 0, y: 133.4, height: 10 });
    expect(box?.x).toBeCloseTo(250);
  });
});
