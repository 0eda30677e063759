/**
 * The text a PDF page draws, as pieces with their place on the page: pdf.js text items, cut
 * where one item holds characters that sit in different places (a vertical label's characters,
 * each on its own line of the table).
 */

/** What the reader needs of a pdf.js text item (`TextItem` of pdfjs-dist). */
export interface TextItemLike {
  str: string;
  /** `[a, b, c, d, e, f]`: the text's matrix in the page's user space, y growing upward. */
  transform: readonly number[];
  width: number;
  height: number;
  dir?: string;
  fontName?: string;
}

/** Ascent and descent of a font, as fractions of its size (pdf.js `TextStyle`). */
export interface FontMetrics {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

/** The page's visible area in user space: `[x0, y0, x1, y1]` (pdf.js `page.view`). */
export type PageView = readonly [number, number, number, number] | readonly number[];

/**
 * Text drawn at one place. Coordinates are the page's user space moved so that the page's
 * bottom-left corner is 0,0 (y grows upward, as in PDF); the reader turns them into top-left
 * boxes only for the caller.
 */
export interface Piece {
  /** The text, without leading or trailing whitespace; never empty. */
  text: string;
  /** 1-based page number. */
  page: number;
  /** Left edge. */
  x: number;
  /** Width along the line. */
  width: number;
  /** The baseline the piece is grouped into lines by. */
  baseline: number;
  /** Font size (the height of an em). */
  size: number;
  /** Top and bottom edges of the glyphs. */
  top: number;
  bottom: number;
}

const DEFAULT_ASCENT = 0.86;
const DEFAULT_DESCENT = -0.14;

/** Display width of a character, as the lexer counts it: CJK and full-width forms take two columns. */
export function charWidth(code: number): number {
  return code >= 0x2e80 ? 2 : 1;
}

/** Display width of a string. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += charWidth(text.charCodeAt(i));
  return width;
}

/**
 * Punctuation in its vertical presentation forms (U+FE10–FE19, U+FE30–FE48), which pdf.js gives
 * for text written downward (`︑` for `、`), as the full-width forms horizontal text uses.
 */
const VERTICAL_FORMS: Readonly<Record<string, string>> = {
  '\ufe10': '，', '\ufe11': '、', '\ufe12': '。', '\ufe13': '：', '\ufe14': '；', '\ufe15': '！', '\ufe16': '？',
  '\ufe17': '〖', '\ufe18': '〗', '\ufe19': '…', '\ufe30': '‥', '\ufe31': '—', '\ufe32': '–', '\ufe33': '＿',
  '\ufe34': '＿', '\ufe35': '（', '\ufe36': '）', '\ufe37': '｛', '\ufe38': '｝', '\ufe39': '〔', '\ufe3a': '〕',
  '\ufe3b': '【', '\ufe3c': '】', '\ufe3d': '《', '\ufe3e': '》', '\ufe3f': '〈', '\ufe40': '〉', '\ufe41': '「',
  '\ufe42': '」', '\ufe43': '『', '\ufe44': '』', '\ufe47': '［', '\ufe48': '］',
};
const HAS_VERTICAL_FORM = /[\ufe10-\ufe19\ufe30-\ufe48]/;
const VERTICAL_FORM = /[\ufe10-\ufe19\ufe30-\ufe48]/g;

/** A string with vertical presentation forms replaced, one character for one. */
export function horizontalForms(text: string): string {
  return HAS_VERTICAL_FORM.test(text) ? text.replace(VERTICAL_FORM, (form) => VERTICAL_FORMS[form] ?? form) : text;
}

const isSpaceCode = (code: number) => code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 10 || code === 13 || code === 12;

function metricsOf(style: FontMetrics | undefined): { ascent: number; descent: number } {
  const ascent = style?.ascent;
  const descent = style?.descent;
  // Some fonts carry no metrics, or nonsense ones: an em box is close enough for a box.
  const saneAscent = typeof ascent === 'number' && ascent > 0.4 && ascent < 1.5;
  const saneDescent = typeof descent === 'number' && descent <= 0 && descent > -0.6;
  return saneAscent && saneDescent ? { ascent, descent } : { ascent: DEFAULT_ASCENT, descent: DEFAULT_DESCENT };
}

/**
 * The pieces of one page's text items. Whitespace-only items are dropped (pdf.js adds them
 * between words, often with widths that mean nothing). A horizontal item stays one piece, its
 * edge whitespace trimmed; a vertical one (a label written top to bottom, or text whose matrix
 * turns it) becomes one piece per character.
 */
export function piecesOf(items: readonly TextItemLike[], styles: Readonly<Record<string, FontMetrics | undefined>>, page: number, view: PageView): Piece[] {
  const x0 = view[0] ?? 0;
  const y0 = view[1] ?? 0;
  const pieces: Piece[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str.length === 0) continue;
    const str = horizontalForms(item.str);
    let first = 0;
    let last = str.length;
    while (first < last && isSpaceCode(str.charCodeAt(first))) first++;
    while (last > first && isSpaceCode(str.charCodeAt(last - 1))) last--;
    if (first === last) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const style = item.fontName === undefined ? undefined : styles[item.fontName];
    const { ascent, descent } = metricsOf(style);
    const ex = e - x0;
    const fy = f - y0;
    const vertical = item.dir === 'ttb' || style?.vertical === true;
    const turned = Math.abs(b) > 1e-6 * Math.abs(a) || Math.abs(c) > 1e-6 * Math.abs(d) || a < 0;
    if (!vertical && !turned) {
      const size = Math.abs(item.height) || Math.hypot(c, d) || 1;
      const total = displayWidth(str);
      const before = displayWidth(str.slice(0, first));
      const text = str.slice(first, last);
      const scale = total > 0 ? item.width / total : 0;
      pieces.push({
        text,
        page,
        x: ex + before * scale,
        width: displayWidth(text) * scale,
        baseline: fy,
        size,
        top: fy + ascent * size,
        bottom: fy + descent * size,
      });
      continue;
    }
    if (vertical && !turned) {
      // Characters stacked downward from the item's origin, which is the top centre of the first.
      const size = Math.abs(item.width) || Math.hypot(a, b) || 1;
      const step = str.length > 0 ? Math.abs(item.height) / str.length : size;
      const advance = step > 0 ? step : size;
      for (let i = first; i < last; i++) {
        const code = str.charCodeAt(i);
        if (isSpaceCode(code)) continue;
        const top = fy - i * advance;
        const bottom = top - advance;
        pieces.push({
          text: str.charAt(i),
          page,
          x: ex - size / 2,
          width: size,
          baseline: bottom - descent * advance,
          size: Math.min(size, advance) || size,
          top,
          bottom,
        });
      }
      continue;
    }
    // Text along a turned baseline: each character at its own place along it.
    const size = Math.hypot(c, d) || Math.abs(item.height) || 1;
    const length = Math.hypot(a, b) || 1;
    const ux = a / length;
    const uy = b / length;
    const total = displayWidth(str);
    const along = item.width > 0 ? item.width : total * size * 0.5;
    let column = 0;
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      const w = charWidth(code);
      if (i >= first && i < last && !isSpaceCode(code)) {
        const middle = total > 0 ? ((column + w / 2) / total) * along : 0;
        // The centre of the glyph: along the baseline, then up from it by half the glyph.
        const cx = ex + ux * middle - uy * size * 0.36;
        const cy = fy + uy * middle + ux * size * 0.36;
        const half = size / 2;
        pieces.push({
          text: str.charAt(i),
          page,
          x: cx - half,
          width: size,
          baseline: cy - half - descent * size,
          size,
          top: cy + half,
          bottom: cy - half,
        });
      }
      column += w;
    }
  }
  return pieces;
}
