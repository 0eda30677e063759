import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell, Report } from '../src/ast';
import { parseReport } from '../src/index';
import { parsePdf, type PdfParseResult } from '../src/pdf/index';

// How parsePdf rebuilds a PDF's text: page furniture removed, tables crossing pages continued,
// vertical labels stacked apart from the rows they name, boxes where the numbers are drawn; and
// what it says of a PDF without text and of bytes that are no PDF.

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pdf/${name}`, import.meta.url));
const parsed: Record<string, PdfParseResult> = {};
beforeAll(async () => {
  parsed['002'] = await parsePdf(fixture('002.pdf'));
  parsed['003'] = await parsePdf(fixture('003.pdf'));
});
const result = (id: string) => parsed[id] as PdfParseResult;

type Rows = Record<string, Record<string, unknown> | undefined>;
const rowsOf = (report: Report, table: string): Rows => ((report.tables as Record<string, { rows: Rows } | undefined>)[table]?.rows ?? {});
const cell = (report: Report, table: string, row: string, column: string) => rowsOf(report, table)[row]?.[column] as Cell | undefined;
const lines = (text: string) => text.split('\n');

// ---------------------------------------------------------------------------------------------
// A PDF written by hand: a catalog, a page tree, two fonts (Adobe's STSong-Light, not embedded, in
// UniGB-UCS2 encoding, horizontal and vertical: pdf.js maps its codes with the CMaps pdfjs-dist
// ships) and one content stream per page, with the xref table's byte offsets computed.

const hex = (text: string) => [...text].map((c) => (c.codePointAt(0) as number).toString(16).padStart(4, '0')).join('');

/** Draws `text` at x, y (bottom-left origin) in the horizontal (`H`) or vertical (`V`) font. */
const draw = (x: number, y: number, text: string, size = 10, font: 'H' | 'V' = 'H') => `BT /${font} ${size} Tf ${x} ${y} Td <${hex(text)}> Tj ET\n`;

/** A page's content stream (null: a page without one), or a stream and the page's /Rotate. */
type PageSource = string | null | { content: string; rotate: number };

function buildPdf(pages: readonly PageSource[]): Uint8Array {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const pageIds = pages.map((_, i) => 7 + i * 2);
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>';
  objects[4] = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-V /DescendantFonts [5 0 R] >>';
  objects[5] = '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor 6 0 R >>';
  objects[6] = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>';
  pages.forEach((source, i) => {
    const id = pageIds[i] as number;
    const content = typeof source === 'object' && source !== null ? source.content : source;
    const rotate = typeof source === 'object' && source !== null ? ` /Rotate ${source.rotate}` : '';
    const contents = content === null ? '' : ` /Contents ${id + 1} 0 R`;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${rotate} /Resources << /Font << /H 3 0 R /V 4 0 R >> >>${contents} >>`;
    objects[id + 1] = `<< /Length ${(content ?? '').length} >>\nstream\n${content ?? ''}\nendstream`;
  });
  // Content streams are ASCII (text is in hex), so a string's length is its length in bytes.
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const COLUMNS = [250, 290, 330, 370, 410, 450, 500];
const row = (y: number, label: string, values: readonly (number | string)[], x = 80) =>
  draw(x, y, label) + values.map((value, i) => draw(COLUMNS[i] as number, y, String(value))).join('');

// ---------------------------------------------------------------------------------------------

describe('page furniture', () => {
  it('removes the page numbers of the real PDFs (`- 3 -`), inside tables too', () => {
    for (const id of ['002', '003']) {
      const { text } = result(id);
      // pdf.js gives each page number as `-`, `3`, `-` on the bottom line of the page.
      expect(text).not.toMatch(/^\s*[-—]\s*\d{1,2}\s*[-—]\s*$/m);
      for (let page = 1; page <= result(id).pages.length; page++) {
        expect(text).not.toContain(`- ${page} -`);
        expect(text).not.toContain(`-${page}-`);
      }
    }
    // pdftotext -layout puts 003's `-4-` inside table 三, between （四）无 and 法提供.
    expect(readFileSync(new URL('./fixtures/real/003.txt', import.meta.url), 'utf8')).toMatch(/^-4-$/m);
  });

  it('reads no page number as a cell: every cell is drawn above the bottom margin', () => {
    for (const id of ['002', '003']) {
      const { report, pages } = result(id);
      for (const table of Object.values(report.tables)) {
        for (const row of Object.values(table?.rows ?? {}) as Record<string, unknown>[]) {
          for (const value of Object.values(row)) {
            const box = (value as Cell | undefined)?.type === 'cell' ? (value as Cell).box : undefined;
            if (box) expect(box.y + box.height).toBeLessThan((pages[box.page - 1]?.height ?? 0) - 60);
          }
        }
      }
    }
  });

  it('removes a running header, `第 N 页 共 N 页` footers and bare page numbers', async () => {
    const page = (n: number, body: string) =>
      draw(200, 815, '某某市人民政府办公室', 9) + draw(60, 700 - n * 10, body) + draw(270, 30, `第 ${n} 页 共 3 页`, 9) + draw(520, 30, String(n), 9);
    const { text, diagnostics } = await parsePdf(buildPdf([page(1, '第一页的正文'), page(2, '第二页的正文'), page(3, '第三页的正文')]));
    expect(lines(text).map((line) => line.trim())).toEqual(['第一页的正文', '第二页的正文', '第三页的正文']);
    expect(diagnostics.some((d) => String(d.code).startsWith('pdf/'))).toBe(false);
  });

  it('keeps a bare number in a margin that does not number the pages', async () => {
    const { text } = await parsePdf(buildPdf([draw(60, 700, '正文') + draw(60, 40, '2024')]));
    expect(text).toContain('2024');
  });
});

describe('tables crossing pages', () => {
  it('reads table 三 of 002 from pages 3 and 4: rows from both pages, continued', () => {
    const { report, text } = result('002');
    const noInfo = cell(report, 'applications', 'unable.noInfo', 'total');
    const needCreate = cell(report, 'applications', 'unable.needCreate', 'total');
    expect([noInfo?.value, noInfo?.box?.page]).toEqual([31, 3]);
    expect([needCreate?.value, needCreate?.box?.page]).toEqual([1, 4]);
    expect(cell(report, 'applications', 'carriedForward', 'total')?.box?.page).toBe(4);
    // The two rows follow each other in the text: the page break left nothing between them.
    const next = cell(report, 'applications', 'unable.needCreate', 'naturalPerson') as Cell;
    expect(text.slice((noInfo as Cell).position.end.offset, next.position.start.offset)).toMatch(/^\n\s*2\.没有现成信息需要另行制作\s+$/);
  });

  it('reads tables 二 and 三 of 003 across pages 3–4 and 4–5', () => {
    const { report } = result('003');
    const at = (table: string, row: string, column: string) => {
      const found = cell(report, table, row, column);
      return [found?.value, found?.box?.page];
    };
    expect(at('activeDisclosure', 'licensing', 'decisions')).toEqual([447228, 3]);
    expect(at('activeDisclosure', 'punishment', 'decisions')).toEqual([3985758, 4]);
    expect(at('applications', 'unable.noInfo', 'total')).toEqual([769, 4]);
    expect(at('applications', 'unable.needCreate', 'total')).toEqual([11, 5]);
    expect(at('applications', 'total', 'total')).toEqual([3050, 5]);
    // The group label （四）无法提供 is cut by the page break: 法提供 opens page 5's first row.
    expect(rowsOf(report, 'applications')['unable.needCreate']?.label).toBe('法提供 2.没有现成信息需要另行制作');
  });

  it('continues a table that a hand-made PDF breaks between pages, without the footer between', async () => {
    const footer = (n: number) => draw(280, 30, `- ${n} -`, 9);
    const page1 =
      draw(60, 780, '二、主动公开政府信息情况', 12) + draw(60, 750, '第二十条第（一）项') + row(730, '信息内容', ['本年制发件数']) + row(710, '规章', [2]) +
      draw(60, 690, '第二十条第（五）项') + row(670, '信息内容', ['本年处理决定数量']) + row(100, '行政许可', [120]) + footer(1);
    const page2 = row(780, '行政处罚', [35]) + row(760, '行政强制', [4]) + footer(2);
    const { report, text } = await parsePdf(buildPdf([page1, page2]));
    expect(cell(report, 'activeDisclosure', 'licensing', 'decisions')?.value).toBe(120);
    expect(cell(report, 'activeDisclosure', 'punishment', 'decisions')?.value).toBe(35);
    expect(cell(report, 'activeDisclosure', 'enforcement', 'decisions')?.value).toBe(4);
    expect(text).not.toContain('- 1 -');
    expect(text).toMatch(/行政许可\s+120\n\s*行政处罚\s+35/);
  });
});

describe('vertical labels', () => {
  it('stacks 003\'s 三、本年度办理结果 one character per line, off the rows beside it', () => {
    const { report, text } = result('003');
    const stacked = lines(text).map((line) => line.trim()).filter((line) => /^[本年度办理结果]$/.test(line));
    expect(stacked).toEqual([...'本年度办理结果']);
    const rows = rowsOf(report, 'applications');
    // The rows the characters sit beside are named by their own labels only.
    expect(rows['denied.lawForbidden']?.label).toBe('2.其他法律行政法规禁止公开');
    expect(rows['denied.processInfo']?.label).toBe('6.属于四类过程性信息');
    expect([cell(report, 'applications', 'denied.lawForbidden', 'naturalPerson')?.value, cell(report, 'applications', 'denied.processInfo', 'total')?.value]).toEqual([30, 12]);
    for (const key of ['granted', 'denied.stateSecret', 'denied.lawForbidden', 'denied.threeSafety', 'denied.thirdParty', 'denied.processInfo']) {
      expect(rows[key]?.placedBy, key).toBeUndefined();
    }
  });

  it('splits 002\'s vertical text item into characters, and names the rows beside it', () => {
    const { report, text, spans } = result('002');
    // pdf.js gives this label as one top-to-bottom item, `三、本`: it drops the label's other six
    // characters (年度办理结果), placed below y = 199 on the page, because pdf.js 4.10 compares a
    // vertical glyph's position with the page's bounds in the font's unscaled units.
    const start = text.indexOf('\n   三\n');
    expect(start).toBeGreaterThan(0);
    const stacked = spans.filter((span) => ['三', '、', '本'].includes(text.slice(span.start, span.end)) && span.box.page === 3 && span.box.x < 100);
    expect(stacked.map((span) => text.slice(span.start, span.end))).toEqual(['三', '、', '本']);
    const [a, b, c] = stacked.map((span) => span.box) as [Cell['box'] & object, Cell['box'] & object, Cell['box'] & object];
    expect(a.x).toBe(b.x);
    expect(b.x).toBe(c.x);
    expect(a.y).toBeLessThan(b.y);
    expect(b.y).toBeLessThan(c.y);
    const rows = rowsOf(report, 'applications');
    expect(rows.granted?.label).toBe('（一）予以公开');
    expect(rows['denied.stateSecret']?.label).toBe('1.属于国家秘密');
    expect(cell(report, 'applications', 'granted', 'total')?.value).toBe(50);
  });

  it('reads a label the PDF writes in a vertical font, its punctuation in horizontal form', async () => {
    const values = (n: number) => [n, 0, 0, 0, 0, 0, n];
    const page =
      draw(60, 780, '三、收到和处理政府信息公开申请情况', 12) +
      draw(40, 700, '三、本年度办理结果', 10, 'V') +
      row(700, '（一）予以公开', values(12)) + row(680, '（二）部分公开', values(3)) + row(660, '（三）不予公开', values(0)) + row(640, '（四）无法提供', values(5));
    const { report, text } = await parsePdf(buildPdf([page]));
    const stacked = lines(text).map((line) => line.trim()).filter((line) => line.length === 1);
    expect(stacked.join('')).toBe('三、本年度办理结果');
    expect(rowsOf(report, 'applications').granted?.label).toBe('（一）予以公开');
    expect(cell(report, 'applications', 'granted', 'total')?.value).toBe(12);
    expect(cell(report, 'applications', 'partialGrant', 'naturalPerson')?.value).toBe(3);
  });
});

describe('rotated pages', () => {
  it('reads a page the PDF turns (/Rotate 90) as it is displayed, boxes on the turned page', async () => {
    // Text running up the page in user space reads left to right once the page is turned 90°
    // clockwise; a line further right in user space is a line further down on the turned page.
    const up = (x: number, y: number, text: string) => `BT /H 10 Tf 0 1 -1 0 ${x} ${y} Tm <${hex(text)}> Tj ET\n`;
    const { text, pages, spans } = await parsePdf(buildPdf([{ content: up(100, 200, '第一行') + up(100, 500, '42') + up(130, 200, '第二行'), rotate: 90 }]));
    expect(text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean)).toEqual(['第一行 42', '第二行']);
    expect(pages).toEqual([{ width: 842, height: 595 }]);
    const box = spans.find((span) => text.slice(span.start, span.end) === '42')?.box;
    // User-space y 500 is 500 from the turned page's left edge; x 100 is its line, 100 from the top.
    expect(box?.x).toBeCloseTo(500, 0);
    expect(box?.y).toBeGreaterThan(85);
    expect(box?.y).toBeLessThan(100);
  });
});

describe('boxes', () => {
  it('puts a known cell where pdf.js draws its number (top-left origin)', () => {
    // 003 page 4: the item `3119` (新收申请 总计) at x 496.32, baseline 370.71 from the bottom,
    // 14.88 wide, 7.45 high; the page is 842 high.
    const box = cell(result('003').report, 'applications', 'newReceived', 'total')?.box;
    expect(box?.page).toBe(4);
    expect(box?.x).toBeCloseTo(496.32, 1);
    expect(box?.width).toBeCloseTo(14.88, 1);
    expect(box?.height).toBeCloseTo(7.45, 1);
    const baseline = 842 - 370.71;
    expect(box?.y).toBeLessThan(baseline);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(baseline);
    // 002 page 3: the item `7545` (行政事业性收费) at x 362.16, baseline 502.11, 24 wide, size 12.
    const fees = cell(result('002').report, 'activeDisclosure', 'fees', 'amount');
    expect([fees?.value, fees?.box?.page]).toEqual([7545, 3]);
    expect(fees?.box?.x).toBeCloseTo(362.16, 1);
    expect(fees?.box?.width).toBeCloseTo(24, 1);
    expect(fees?.box?.y).toBeLessThan(842 - 502.11);
    expect((fees?.box?.y ?? 0) + (fees?.box?.height ?? 0)).toBeGreaterThan(842 - 502.11);
  });

  it('boxes a cell glued from two items (003 规章 现行有效件数 `11` is drawn as `1`, `1`)', () => {
    const inForce = cell(result('003').report, 'activeDisclosure', 'regulations', 'inForce');
    expect(inForce?.value).toBe(11);
    expect(inForce?.box?.x).toBeCloseTo(421.2, 1);
    expect(inForce?.box?.width).toBeCloseTo(428.28 + 7.03 - 421.2, 1);
  });

  it('lines boxes of one column up down the table', () => {
    const { report } = result('003');
    const xs = ['newReceived', 'carriedOver', 'granted', 'total', 'carriedForward'].map((row) => {
      const box = cell(report, 'applications', row, 'total')?.box;
      return (box?.x ?? 0) + (box?.width ?? 0) / 2;
    });
    // Numbers centred in their cells: their centres agree within a point.
    for (const x of xs) expect(Math.abs(x - (xs[0] as number))).toBeLessThan(1);
  });
});

describe('PDFs without text, and bytes that are no PDF', () => {
  const emptyReport = parseReport('').report;

  it('says a PDF of one empty page has no text layer (pdf/no-text)', async () => {
    const result = await parsePdf(buildPdf([null]));
    expect(result.diagnostics).toEqual([{ code: 'pdf/no-text', severity: 'error', message: expect.stringMatching(/no text layer.*OCR/) }]);
    expect(result.report).toEqual(emptyReport);
    expect(result.text).toBe('');
    expect(result.spans).toEqual([]);
    expect(result.pages).toEqual([{ width: 595, height: 842 }]);
  });

  it('says so of pages that draw only spaces', async () => {
    const result = await parsePdf(buildPdf([draw(72, 720, '   '), '']));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['pdf/no-text']);
    expect(result.diagnostics[0]?.message).toContain('none of its 2 pages draws any text');
  });

  it('reads a PDF whose font maps its codes through a predefined CMap (UniGB-UCS2-H)', async () => {
    const { text } = await parsePdf(buildPdf([draw(72, 760, '某某局2024年政府信息公开工作年度报告', 14)]));
    expect(text.trim()).toBe('某某局2024年政府信息公开工作年度报告');
  });

  const notPdfs: [string, Uint8Array][] = [
    ['no bytes', new Uint8Array()],
    ['text', new TextEncoder().encode('2024年政府信息公开工作年度报告')],
    ['HTML', new TextEncoder().encode('<!doctype html><html><body>报告</body></html>')],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)],
    ['a PDF cut short', fixture('002.pdf').subarray(0, 20_000)],
  ];
  for (const [name, bytes] of notPdfs) {
    it(`says ${name} are no readable PDF (pdf/unreadable), without throwing`, async () => {
      const result = await parsePdf(bytes);
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ code: 'pdf/unreadable', severity: 'error' });
      expect(result.diagnostics[0]?.message).toMatch(/^The bytes are not a readable PDF: /);
      expect(result.report).toEqual(emptyReport);
      expect(result.text).toBe('');
      expect(result.pages).toEqual([]);
    });
  }

  it('leaves the caller\'s bytes as they were', async () => {
    const bytes = new Uint8Array(fixture('003.pdf'));
    const copy = bytes.slice();
    await parsePdf(bytes);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});

describe('arguments', () => {
  const wrong: [string, unknown, RegExp][] = [
    ['a string', '%PDF-1.4', /got a string \(give the file's bytes/],
    ['an ArrayBuffer', new ArrayBuffer(8), /got an ArrayBuffer \(wrap it: new Uint8Array\(buffer\)\)/],
    ['another typed array', new Uint16Array(4), /got a Uint16Array/],
    ['null', null, /got null$/],
    ['undefined', undefined, /got undefined$/],
    ['an array', [37, 80, 68, 70], /got an array$/],
  ];
  for (const [name, value, got] of wrong) {
    it(`rejects ${name} with a TypeError naming parsePdf and bytes`, async () => {
      const call = parsePdf(value as Uint8Array);
      await expect(call).rejects.toThrow(TypeError);
      await expect(call).rejects.toThrow(/^parsePdf: bytes must be a Uint8Array \(the PDF file's bytes\), got /);
      await expect(call).rejects.toThrow(got);
    });
  }

  it('rejects options of the wrong type, as parseReport\'s messages say', async () => {
    await expect(parsePdf(new Uint8Array(), { check: 'no' } as never)).rejects.toThrow(new TypeError("parsePdf: options.check must be a boolean, got a string"));
    await expect(parsePdf(new Uint8Array(), 5 as never)).rejects.toThrow(/^parsePdf: options must be an object of options/);
  });

  it('passes parseReport\'s options on (check: false leaves out the checks)', async () => {
    const checked = result('003').diagnostics.length;
    const { diagnostics, report } = await parsePdf(fixture('003.pdf'), { check: false });
    expect(diagnostics.length).toBeLessThanOrEqual(checked);
    expect(cell(report, 'applications', 'total', 'total')?.value).toBe(3050);
  });
});
