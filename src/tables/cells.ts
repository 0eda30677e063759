import type { Cell } from '../ast';
import { parseDiagnostic, type Diagnostic } from '../diagnostics';
import type { Source } from '../source';
import type { GridCell } from './grid';

/** Options that change how cells are read. */
export interface CellOptions {
  blankAsZero?: boolean;
}

/** Turns a grid cell into a cell node, reporting what was recovered or could not be read. */
export function toCell(
  source: Source,
  cell: GridCell,
  where: string,
  options: CellOptions,
  diagnostics: Diagnostic[],
  columnUnit?: string,
): Cell {
  const reading = cell.reading;
  const position = source.position(cell.start, cell.end);
  // The raw text is the input under the position: slicing it spares a second offset mapping. When
  // normalising changed nothing, that is the cell's own text.
  const raw = source.unchanged ? cell.text : source.input.slice(position.start.offset, position.end.offset);
  const node: Cell = { type: 'cell', value: reading.value, raw, state: reading.state, position };
  if (reading.unit) {
    node.unit = reading.unit;
    // An amount column in 万元 with a cell written in 元: the value is given in the column's unit.
    if (columnUnit === '万元' && reading.unit === '元' && node.value !== null) {
      node.value = node.value / 10000;
      diagnostics.push(
        parseDiagnostic('cell/unit-converted', `${where}: \`${node.raw}\` is in 元; read as ${node.value} 万元`, position),
      );
    }
  }
  if (reading.state === 'blank' && options.blankAsZero) {
    node.value = 0;
    node.assumedZero = true;
  }
  if (reading.state === 'recovered') {
    diagnostics.push(
      parseDiagnostic('cell/recovered', `${where}: \`${node.raw}\` read as ${reading.value} (a character next to it was lost)`, position),
    );
  } else if (reading.state === 'unreadable') {
    diagnostics.push(parseDiagnostic('cell/unreadable', `${where}: \`${node.raw}\` is not a number`, position));
  }
  return node;
}
