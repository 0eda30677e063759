import type { FontMetrics, TextItemLike } from './pieces';

/**
 * Reading a PDF's text items with pdf.js (pdfjs-dist, an optional peer dependency loaded on
 * first use). Only this module knows pdf.js; the rest of src/pdf works on {@link PageText}.
 */

/**
 * One page's text as pdf.js gives it, moved into the page as it is displayed: its rotation
 * (`/Rotate`) applied and its visible area's bottom-left corner at 0,0 (y still growing upward).
 */
export interface PageText {
  /** `[0, 0, width, height]` of the page as displayed. */
  view: readonly number[];
  items: TextItemLike[];
  styles: Record<string, FontMetrics | undefined>;
}

/** Why a PDF could not be read: not a PDF, damaged, or locked with a password. */
export class UnreadablePdf extends Error {
  override name = 'UnreadablePdf';
  constructor(
    message: string,
    /** True when the PDF is encrypted with a password it was not given. */
    readonly locked = false,
  ) {
    super(message);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, imported once. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
    pdfjs = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`parsePdf needs pdfjs-dist (npm install pdfjs-dist): it could not be imported (${reason})`);
  });
  return pdfjs;
}

let dataPaths: Promise<{ cMapUrl?: string; standardFontDataUrl?: string }> | undefined;

/**
 * Where pdfjs-dist keeps its character maps and standard font data, for PDFs whose fonts use a
 * predefined CJK encoding (UniGB-UCS2-H and the like) or are not embedded. Without them pdf.js
 * cannot map those fonts' codes to text. Found through Node's resolver; left out elsewhere.
 */
function pdfJsDataPaths(): Promise<{ cMapUrl?: string; standardFontDataUrl?: string }> {
  dataPaths ??= (async () => {
    try {
      const [{ createRequire }, { dirname, join, sep }] = await Promise.all([import('node:module'), import('node:path')]);
      // The CommonJS build has __filename; the ES module build has import.meta.url.
      const here = typeof __filename === 'string' ? __filename : import.meta.url;
      const root = dirname(createRequire(here).resolve('pdfjs-dist/package.json'));
      return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
    } catch {
      return {};
    }
  })();
  return dataPaths;
}

/** `m × n` for PDF matrices `[a, b, c, d, e, f]`: n first, then m. */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = n;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

/**
 * An item's matrix in the displayed page with y growing upward: the viewport's transform (user
 * space to the displayed page, y downward) applied, then flipped.
 */
function displayed(transform: readonly number[], viewport: readonly number[], height: number): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = multiply(viewport, transform);
  return [a, -b, c, -d, e, height - f];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every page's text items. Rejects with {@link UnreadablePdf} when pdf.js cannot open the bytes
 * or read a page. The caller's bytes are copied: pdf.js may take over the buffer it is given.
 */
export async function readPages(bytes: Uint8Array): Promise<PageText[]> {
  const lib = await loadPdfJs();
  const paths = await pdfJsDataPaths();
  const task = lib.getDocument({
    // A copy, as a plain Uint8Array: pdf.js refuses a Buffer, and may take over the buffer it gets.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
    ...(paths.cMapUrl ? { cMapUrl: paths.cMapUrl, cMapPacked: true } : {}),
    ...(paths.standardFontDataUrl ? { standardFontDataUrl: paths.standardFontDataUrl } : {}),
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException') throw new UnreadablePdf(messageOf(error), true);
      throw new UnreadablePdf(messageOf(error));
    }
    const pages: PageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      try {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        const viewport = page.getViewport({ scale: 1 });
        const items: TextItemLike[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          items.push({ str: item.str, transform: displayed(item.transform, viewport.transform, viewport.height), width: item.width, height: item.height, dir: item.dir, fontName: item.fontName });
        }
        pages.push({ view: [0, 0, viewport.width, viewport.height], items, styles: content.styles });
        page.cleanup();
      } catch (error) {
        throw new UnreadablePdf(`page ${number} could not be read (${messageOf(error)})`);
      }
    }
    return pages;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
