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

function cell(cell: SpanCell): string {
  const name = cell.header ? 'th' : 'td';
  const colspan = cell.colspan ? ` colspan="${cell.colspan}"` : '';
  const rowspan = cell.rowspan ? ` rowspan="${cell.rowspan}"` : '';
  return `<${name}${colspan}${rowspan}>${escapeHtml(cell.text)}</${name}>`;
}

const row = (cells: readonly SpanCell[]) => `<tr>${cells.map(cell).join('')}</tr>`;

/**
 * A table as lines of HTML: `<table>`, the header rows in `<thead>`, each group of body rows in a
 * `<tbody>`, one `<tr>` a line; labels are `<th>`, values `<td>`. Nothing when the table has no row.
 */
export function htmlTable(table: SpanTable): string[] {
  if (table.head.length === 0 && table.bodies.length === 0) return [];
  return [
    '<table>',
    ...(table.head.length > 0 ? ['<thead>', ...table.head.map(row), '</thead>'] : []),
    ...table.bodies.flatMap((body) => ['<tbody>', ...body.map(row), '</tbody>']),
    '</table>',
  ];
}
