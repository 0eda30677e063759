import type { SpanCell, SpanTable } from './tables';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML writes it, in an element or an attribute: `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

/** An element holding text: `<p>…</p>`. */
export function element(name: string, text: string): string {
  return `<${name}>${escapeHtml(text)}</${name}>`;
}

/**
 * What a page adds to a cell of a table: attributes (already escaped, each with its leading space)
 * and the cell's content as HTML in place of its escaped text.
 */
export interface CellMarkup {
  attributes?: string;
  html?: string;
}

/** Decorates the cells of {@link htmlTable}: nothing for a cell written as it is. */
export type CellDecorator = (cell: SpanCell) => CellMarkup | undefined;

function cell(cell: SpanCell, decorate?: CellDecorator): string {
  const name = cell.header ? 'th' : 'td';
  const colspan = cell.colspan ? ` colspan="${cell.colspan}"` : '';
  const rowspan = cell.rowspan ? ` rowspan="${cell.rowspan}"` : '';
  const markup = decorate?.(cell);
  return `<${name}${colspan}${rowspan}${markup?.attributes ?? ''}>${markup?.html ?? escapeHtml(cell.text)}</${name}>`;
}

/**
 * A table as lines of HTML: `<table>`, the header rows in `<thead>`, each group of body rows in a
 * `<tbody>`, one `<tr>` a line; labels are `<th>`, values `<td>`. Nothing when the table has no row.
 * `decorate` adds attributes to a cell, or writes its content (the visual report's highlights).
 */
export function htmlTable(table: SpanTable, decorate?: CellDecorator): string[] {
  if (table.head.length === 0 && table.bodies.length === 0) return [];
  const row = (cells: readonly SpanCell[]) => `<tr>${cells.map((each) => cell(each, decorate)).join('')}</tr>`;
  return [
    '<table>',
    ...(table.head.length > 0 ? ['<thead>', ...table.head.map(row), '</thead>'] : []),
    ...table.bodies.flatMap((body) => ['<tbody>', ...body.map(row), '</tbody>']),
    '</table>',
  ];
}
