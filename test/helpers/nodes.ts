import type { Cell, Position } from '../../src/index';

/** Every object in a parse result that carries a position, with the path it was found at. */
export function positionedNodes(root: unknown): { path: string; node: { position: Position; type?: string } }[] {
  const found: { path: string; node: { position: Position; type?: string } }[] = [];
  const visit = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    const record = value as Record<string, unknown>;
    if (record.position && typeof record.position === 'object' && 'start' in (record.position as object)) {
      found.push({ path, node: record as { position: Position; type?: string } });
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'position') visit(child, `${path}.${key}`);
  };
  visit(root, '');
  return found;
}

/** Every cell node in a parse result. */
export function cells(root: unknown): { path: string; cell: Cell }[] {
  return positionedNodes(root)
    .filter(({ node }) => node.type === 'cell')
    .map(({ path, node }) => ({ path, cell: node as unknown as Cell }));
}

/** The unist points of a text's offsets, computed independently of the library. */
export function pointsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let line = starts.length;
    while ((starts[line - 1] as number) > offset) line--;
    return { line, column: offset - (starts[line - 1] as number) + 1 };
  };
}
