import type { TableLayout } from '../ast';
import type { CellBlock } from './tables';

/** The text layouts `renderReport` writes tables in, which `parseReport` reports as a table's layout. */
export type TextLayout = Exclude<TableLayout, 'space' | 'glued'>;

/**
 * The layouts `renderReport` writes: a text layout, or `html` (the whole report as an HTML
 * fragment, the tables as `<table>`s with the template's merged cells). `html` is a layout only
 * `renderReport` writes, not a {@link TableLayout} of src/ast.ts.
 */
export type RenderLayout = TextLayout | 'html';

/** Cells separated by tabs, one row per line, the block title on its own line. */
function tab(block: CellBlock): string[] {
  return [...(block.title ? [block.title] : []), ...[block.header, ...block.rows].map((cells) => cells.join('\t'))];
}

/** A markdown table per block: header, separator row, body; the title as a paragraph above it. */
function pipe(block: CellBlock): string[] {
  const width = Math.max(block.header.length, ...block.rows.map((cells) => cells.length));
  const line = (cells: readonly string[]) =>
    `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  return [
    ...(block.title ? [block.title, ''] : []),
    line(block.header),
    line(Array<string>(width).fill('---')),
    ...block.rows.map(line),
    '',
  ];
}

/**
 * One cell per line, indented by a tab (so an empty cell is a line holding a tab), rows separated
 * by blank lines, as Word exports of the national template look.
 */
function cellPerLine(block: CellBlock): string[] {
  const row = (cells: readonly string[]) => [...cells.map((cell) => `\t${cell}`), ''];
  return [...(block.title ? [`\t${block.title}`, ''] : []), ...row(block.header), ...block.rows.flatMap(row)];
}

const WRITERS: Record<TextLayout, (block: CellBlock) => string[]> = { tab, pipe, 'cell-per-line': cellPerLine };

/** Every layout `renderReport` writes: the text layouts, then `html`. */
export const RENDER_LAYOUTS: readonly RenderLayout[] = [...(Object.keys(WRITERS) as TextLayout[]), 'html'];

/** Writes a table's blocks in a text layout, as lines. */
export function writeBlocks(blocks: readonly CellBlock[], layout: TextLayout): string[] {
  return blocks.flatMap(WRITERS[layout]);
}
