import { EditLog, EditMap } from '../normalize/offset-map';
import type { ElementNode, PageNode } from './tree';

/**
 * A page's report as text, the way the reader reads a report: the article's paragraphs one per
 * line, each table row one line of tab-separated cells with its merged cells expanded, and a map
 * from every offset of that text back to the page's markup.
 */
export interface PageText {
  text: string;
  /** Offsets of `text` to offsets of the page (see {@link EditMap}). */
  map: EditMap;
}

// Elements that hold no text of the report: the page's head, code, forms' controls, embedded
// things, and the site's chrome around the article.
const SKIPPED = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option', 'button', 'textarea', 'nav', 'header', 'footer', 'aside', 'map']);
// Class and id words of the chrome sites put around an article: menus, breadcrumbs (当前位置),
// share bars, footers with 网站标识码 and ICP numbers, sidebars of other articles.
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|foot|sidebar|side|share|toolbar|copyright|header|topbar|related|relevant|recommend)(?:$|[\s_-])/i;
// Elements that end a line of text (a paragraph, a heading, a list item, a line break).
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'hr', 'br', 'form', 'fieldset', 'legend', 'details', 'summary', 'caption', 'body', 'html']);
// Where CMSs put an article's body: `<div id="zoom">`, TRS's `TRS_Editor`, `article-content`…
const CONTENT = /(?:^|[\s_-])(?:zoom|trs_editor|article|content|contents|detail|details|text|main|view|pages_content|con|custom_unionstyle|wzy|nr|zw)(?:$|[\s_-])/i;
// The report's title, which pages put above the article's body rather than in it.
const TITLE = /(?:年度|工作)报告|年度報告|工作報告/;
const TITLE_ELEMENT = /^h[1-3]$/;
const TITLE_CLASS = /title|tit|bt/i;
const WHITESPACE = /[ \t\n\r\f]+/g;
const ASCII_WORD = /[0-9A-Za-z]/;
// A share of the page's Han text that a content element must hold to be the article.
const CONTENT_SHARE = 0.5;

const classAndId = (element: ElementNode) => `${element.attributes.class ?? ''} ${element.attributes.id ?? ''}`;
const isHidden = (element: ElementNode) => /display\s*:\s*none/i.test(element.attributes.style ?? '');

function isSkipped(element: ElementNode): boolean {
  return SKIPPED.has(element.name) || isHidden(element) || CHROME.test(classAndId(element));
}

/** The number of Han characters of an element's text, chrome left out, remembered per element. */
function hanCount(node: PageNode, counts: Map<ElementNode, number>): number {
  if (node.kind === 'text') {
    let han = 0;
    for (let i = 0; i < node.text.length; i++) {
      const code = node.text.charCodeAt(i);
      if (code >= 0x4e00 && code <= 0x9fff) han++;
    }
    return han;
  }
  const known = counts.get(node);
  if (known !== undefined) return known;
  let han = 0;
  if (!isSkipped(node)) for (const child of node.children) han += hanCount(child, counts);
  counts.set(node, han);
  return han;
}

function* elements(node: ElementNode): Generator<ElementNode> {
  yield node;
  for (const child of node.children) if (child.kind === 'element' && !isSkipped(child)) yield* elements(child);
}

function textOf(node: PageNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}

/**
 * What of the page to read: the element a CMS keeps the article in, when one holds most of the
 * page's text, with the title line above it; else the whole page (its chrome is skipped anyway).
 */
function chooseContent(root: ElementNode): ElementNode[] {
  const counts = new Map<ElementNode, number>();
  const total = hanCount(root, counts);
  let best: ElementNode | undefined;
  for (const element of elements(root)) {
    if (element === root || !CONTENT.test(classAndId(element))) continue;
    const han = hanCount(element, counts);
    // The innermost of nested content elements that still holds the text: `div.content > div#zoom`.
    if (han >= total * CONTENT_SHARE && (best === undefined || han >= hanCount(best, counts) * 0.9)) best = element;
  }
  if (!best) return [root];
  let title: ElementNode | undefined;
  for (const element of elements(root)) {
    if (element.start >= best.start) break;
    if ((TITLE_ELEMENT.test(element.name) || TITLE_CLASS.test(classAndId(element))) && TITLE.test(textOf(element)) && textOf(element).length <= 80) title = element;
  }
  return title ? [title, best] : [best];
}

/** A table that lays a page out rather than holding data: one with a table inside it. */
function isLayoutTable(table: ElementNode): boolean {
  const nested = (node: ElementNode): boolean => node.children.some((child) => child.kind === 'element' && (child.name === 'table' || nested(child)));
  return nested(table);
}

/** The rows of a table, through `<thead>`, `<tbody>` and `<tfoot>`, not those of tables inside it. */
function rowsOf(table: ElementNode): ElementNode[] {
  const rows: ElementNode[] = [];
  const visit = (node: ElementNode) => {
    for (const child of node.children) {
      if (child.kind !== 'element' || isSkipped(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

const span = (value: string | undefined) => {
  const number = Number.parseInt(value ?? '', 10);
  // Browsers cap rowspan at 65534 and colspan at 1000; a page's typo must not make a million cells.
  return Number.isFinite(number) && number > 1 ? Math.min(number, 1000) : 1;
};

/** Writes the text, logging where it stops lining up with the page. */
class Writer {
  private readonly pieces: string[] = [];
  private length = 0;
  private readonly log = new EditLog();
  // Page offset up to which the text accounts for the page.
  private at = 0;
  // The line has something on it (a tab counts: a row's empty first cell).
  private lineUsed = false;
  private last = '';
  // Whitespace seen since the last text, as the page span it covers: a space if text follows.
  private space: { start: number; end: number } | undefined;
  // Inside a table cell: a paragraph or line break joins, since the cell is one value or label.
  cell = false;

  constructor(private readonly html: string) {}

  private append(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
    this.last = text.charAt(text.length - 1);
  }

  /** Page text from `start`, as it is there. */
  private copy(text: string, start: number): void {
    if (start > this.at) this.log.push(this.length, this.length, this.at, start);
    this.append(text);
    this.at = start + text.length;
  }

  /** Text standing for the page's `[start, end)`: an entity, or a run of whitespace. */
  private replace(text: string, start: number, end: number): void {
    if (start > this.at) this.log.push(this.length, this.length, this.at, start);
    this.log.push(this.length, this.length + text.length, start, end);
    this.append(text);
    this.at = end;
  }

  /** Text no character of the page stands for: a line break or a tab the markup implies. */
  private insert(text: string): void {
    this.log.push(this.length, this.length + text.length, this.at, this.at);
    this.append(text);
  }

  /** A text node's characters, whitespace collapsed as a browser shows it. */
  text(text: string, start: number, end: number): void {
    // An entity: its text and its markup differ.
    if (this.html.slice(start, end) !== text) {
      if (/^[ \t\n\r\f]+$/.test(text)) this.space ??= { start, end };
      else this.content(text, start, end, false);
      return;
    }
    let from = 0;
    for (const match of text.matchAll(WHITESPACE)) {
      const index = match.index as number;
      if (index > from) this.content(text.slice(from, index), start + from, start + index, true);
      if (this.space === undefined) this.space = { start: start + index, end: start + index + match[0].length };
      else this.space.end = start + index + match[0].length;
      from = index + match[0].length;
    }
    if (from < text.length) this.content(text.slice(from), start + from, end, true);
  }

  private content(text: string, start: number, end: number, exact: boolean): void {
    if (this.space && this.lineUsed && this.last !== '\t') this.replace(' ', this.space.start, this.space.end);
    this.space = undefined;
    if (exact) this.copy(text, start);
    else this.replace(text, start, end);
    this.lineUsed = true;
  }

  /** Ends the line, if anything is on it. In a cell, joins what follows instead. */
  lineBreak(): void {
    this.space = undefined;
    if (this.cell) {
      // `<p>1</p><p>2</p>` in one cell are not 12; a label's lines are one label.
      if (ASCII_WORD.test(this.last)) this.space = { start: this.at, end: this.at };
      return;
    }
    if (this.lineUsed) this.insert('\n');
    this.lineUsed = false;
  }

  /** A new line for a table row, whatever the line holds. */
  rowBreak(): void {
    this.space = undefined;
    if (this.lineUsed) this.insert('\n');
    this.lineUsed = false;
  }

  /** Ends a cell: the tab before the next one. */
  tab(): void {
    this.space = undefined;
    this.insert('\t');
    this.lineUsed = true;
  }

  finish(): PageText {
    if (this.at < this.html.length) this.log.push(this.length, this.length, this.at, this.html.length);
    return { text: this.pieces.join(''), map: this.log.toMap() };
  }
}

/**
 * The text of a page's report (see {@link PageText}). Tables are grids: a cell spanning columns
 * is followed by an empty field for each further column, one spanning rows leaves an empty field
 * in each further row, as a table copied from Word gives them, so the tab reader reads them the
 * same way; a cell's paragraphs and line breaks are joined.
 */
export function pageText(html: string, root: ElementNode): PageText {
  const writer = new Writer(html);
  const walk = (node: PageNode): void => {
    if (node.kind === 'text') {
      writer.text(node.text, node.start, node.end);
      return;
    }
    if (isSkipped(node)) return;
    if (node.name === 'table' && !isLayoutTable(node)) {
      writeTable(node);
      return;
    }
    const block = BLOCKS.has(node.name) || (node.name === 'tr' || node.name === 'td' || node.name === 'th' || node.name === 'table');
    if (block) writer.lineBreak();
    for (const child of node.children) walk(child);
    if (block) writer.lineBreak();
  };
  const writeTable = (table: ElementNode): void => {
    writer.rowBreak();
    for (const child of table.children) if (child.kind === 'element' && child.name === 'caption') walk(child);
    // Rows still covered by a cell above, per grid column.
    const covered: number[] = [];
    for (const row of rowsOf(table)) {
      writer.rowBreak();
      let column = 0;
      let fields = 0;
      const field = () => {
        if (fields++ > 0) writer.tab();
      };
      const spannedHere = new Set<number>();
      const skipCovered = () => {
        while ((covered[column] ?? 0) > 0 && !spannedHere.has(column)) {
          field();
          column++;
        }
      };
      for (const cell of row.children) {
        if (cell.kind !== 'element' || (cell.name !== 'td' && cell.name !== 'th') || isSkipped(cell)) continue;
        skipCovered();
        field();
        writer.cell = true;
        for (const child of cell.children) walk(child);
        writer.cell = false;
        const columns = span(cell.attributes.colspan);
        const rows = span(cell.attributes.rowspan);
        for (let c = 1; c < columns; c++) field();
        for (let c = column; c < column + columns; c++) {
          if (rows > 1) {
            covered[c] = rows;
            spannedHere.add(c);
          }
        }
        column += columns;
      }
      // Columns past the row's last cell that a cell above still covers.
      while (column < covered.length) {
        if ((covered[column] ?? 0) > 0 && !spannedHere.has(column)) field();
        column++;
      }
      for (let c = 0; c < covered.length; c++) if ((covered[c] ?? 0) > 0) covered[c] = (covered[c] as number) - 1;
    }
    writer.rowBreak();
  };
  for (const part of chooseContent(root)) {
    walk(part);
    writer.lineBreak();
  }
  return writer.finish();
}
