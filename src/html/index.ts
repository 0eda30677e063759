import { pageText, type PageText } from './text';
import { parsePage } from './tree';

export type { PageText } from './text';

// Markup a page starts with, after a BOM and blank space: a doctype, an XML declaration (Word's
// exports), a comment, or one of the elements a page opens with.
const PAGE_START = /^\uFEFF?\s*(?:<!doctype\s+html|<\?xml|<!--|<(?:html|head|body|meta|title|div|table|p)[\s>/])/i;
// Enough tags, or one of the structural ones, in the first part of a text that does not start
// with markup: a fragment of a page copied with its markup.
const STRUCTURAL = /<(?:html|body|table|tr|td|div|p)[\s>/]/gi;
const MIN_TAGS = 3;
const SNIFFED = 4096;

/** Whether a text is a page's markup rather than text: a doctype, or tags in plenty. */
export function isHtml(input: string): boolean {
  if (PAGE_START.test(input)) return true;
  const head = input.slice(0, SNIFFED);
  return (head.match(STRUCTURAL)?.length ?? 0) >= MIN_TAGS;
}

/** The text of a page's report and its map back to the page (see {@link pageText}). */
export function readHtml(html: string): PageText {
  return pageText(html, parsePage(html));
}
