import { lineText, type PdfLine } from './lines';

/**
 * Page furniture: page numbers and running headers and footers. They sit in a page's top or
 * bottom margin, and are not the report's text: a page number read inside a table that crosses
 * pages would be one more value.
 */

/** The share of the page's height at its top and bottom that furniture is looked for in. */
const MARGIN = 0.1;

/** Page numbers: `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共5页`, `3 / 5`, `Page 3`, `3`. */
const PAGE_NUMBER = /^(?:[-—–－~]\s*(\d{1,4})\s*[-—–－~]|第\s*(\d{1,4})\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|(\d{1,4})\s*\/\s*\d{1,4}|(?:page|p\.)\s*(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?|(\d{1,4}))$/i;

/** How far apart two pages' copies of a running header may sit, in points. */
const SAME_PLACE = 3;

export interface PageSize {
  width: number;
  height: number;
}

/** The number a line states as a page number, and whether it is only a bare number. */
function pageNumberOf(text: string): { value: number; bare: boolean } | undefined {
  const match = PAGE_NUMBER.exec(text.trim());
  if (!match) return undefined;
  const digits = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5];
  return digits === undefined ? undefined : { value: Number(digits), bare: match[5] !== undefined };
}

/** Whether a line lies in its page's top or bottom margin, with nothing of the page beyond it. */
function inMargin(line: PdfLine, size: PageSize): 'top' | 'bottom' | undefined {
  const band = size.height * MARGIN;
  if (line.bottom >= size.height - band) return 'top';
  if (line.top <= band) return 'bottom';
  return undefined;
}

/** The lines of each page a page could have as furniture: its first two and last two, in a margin. */
function candidates(page: readonly PdfLine[], size: PageSize): PdfLine[] {
  const ends = page.length <= 4 ? page : [page[0], page[1], page[page.length - 2], page[page.length - 1]];
  return (ends as PdfLine[]).filter((line) => inMargin(line, size) !== undefined);
}

/** A line's text with digits and spaces folded, so that `第 3 页` on page 3 matches page 4's. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');

/**
 * The lines of each page that are furniture: a page number in a margin (a bare number only when
 * other pages have theirs in the same sequence), or a line in a margin that most pages repeat
 * at the same height.
 */
export function findFurniture(pages: readonly (readonly PdfLine[])[], sizes: readonly PageSize[]): Set<PdfLine> {
  const furniture = new Set<PdfLine>();
  const bare: { line: PdfLine; offset: number }[] = [];
  const repeated = new Map<string, { line: PdfLine; page: number }[]>();
  pages.forEach((page, index) => {
    const size = sizes[index] ?? { width: 0, height: 0 };
    for (const line of candidates(page, size)) {
      const text = lineText(line);
      const number = pageNumberOf(text);
      if (number && !number.bare) furniture.add(line);
      else if (number) bare.push({ line, offset: number.value - (index + 1) });
      const key = shape(text);
      let copies = repeated.get(key);
      if (!copies) repeated.set(key, (copies = []));
      copies.push({ line, page: index });
    }
  });
  // Bare numbers are page numbers when two or more pages number themselves the same way.
  const offsets = new Map<number, number>();
  for (const { offset } of bare) offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
  for (const { line, offset } of bare) if ((offsets.get(offset) ?? 0) >= 2) furniture.add(line);
  // A running header or footer: the same line at the same height on most pages.
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const copies of repeated.values()) {
    if (copies.length < needed) continue;
    const groups: { line: PdfLine; page: number }[][] = [];
    for (const copy of copies) {
      const group = groups.find((g) => Math.abs((g[0] as { line: PdfLine }).line.baseline - copy.line.baseline) <= SAME_PLACE);
      if (group) group.push(copy);
      else groups.push([copy]);
    }
    for (const group of groups) {
      if (new Set(group.map((copy) => copy.page)).size >= needed) for (const copy of group) furniture.add(copy.line);
    }
  }
  return furniture;
}
