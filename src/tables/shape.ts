import type { Item, ItemCell, ItemLayout } from './items';

/**
 * Items made to fit the form's row width before they are placed: what only the cell counts of a
 * table's rows show, where the layout alone could not tell (tables/items.ts).
 */

/**
 * An item with more cells than a row, whose first `width` cells end at a break the blank lines
 * show (table 二: any break), is a row and, after it, cells whose label was lost: those become an item of their own,
 * placed by order (one cell per line: `…\n0\n\n\t0\n…` once a label line is deleted).
 */
export function splitAtBreaks(items: readonly Item[], width: number): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const fixedBefore = (index: number) => item.cells.slice(0, index).filter((cell) => !cell.optional).length;
    // Table 二's rows have one cell or three: there every break ends a row.
    const at = item.breaks?.find((index) => (width === 1 ? fixedBefore(index) > 0 : fixedBefore(index) === width));
    if (at === undefined || item.cells.slice(at).every((cell) => cell.token.kind === 'empty')) {
      out.push(item);
      continue;
    }
    const rest = item.cells.slice(at).map((cell, c) => (c === 0 && cell.synthetic ? { ...cell, optional: true } : cell));
    const breaks = (item.breaks ?? []).filter((index) => index > at).map((index) => index - at);
    out.push({ labels: item.labels, ownLabels: item.ownLabels, cells: item.cells.slice(0, at) });
    out.push(...splitAtBreaks([{ labels: [], ownLabels: [], cells: rest, ...(breaks.length > 0 ? { breaks } : {}) }], width));
  }
  return out;
}

/** The most common of some counts (the first seen among equals); undefined for none. */
function mode(counts: readonly number[]): number | undefined {
  const seen = new Map<number, number>();
  let best: number | undefined;
  for (const count of counts) {
    seen.set(count, (seen.get(count) ?? 0) + 1);
    if (best === undefined || (seen.get(count) as number) > (seen.get(best) as number)) best = count;
  }
  return best;
}

/**
 * Tab and pipe rows of one table share their edge gaps: the empty fields between the label and
 * the first value (merged label columns) and after the last. A row short of cells that has more
 * empty fields at its edges than the table's full rows, by as many as it is short, has its blank
 * cells there; the gaps all full rows have are dropped from every row (`一、本年新收…\t\t\t0\t0\t0\t0\t0\t5\t` under rows of one gap: a blank first value).
 */
export function alignEdges(items: readonly Item[], width: number, layout: ItemLayout): Item[] {
  if ((layout !== 'tab' && layout !== 'pipe') || width === 1) return [...items];
  const edges = (item: Item) => {
    let lead = 0;
    while (lead < item.cells.length && (item.cells[lead] as ItemCell).optional) lead++;
    let trail = 0;
    while (trail < item.cells.length - lead && (item.cells[item.cells.length - 1 - trail] as ItemCell).optional) trail++;
    return { lead, trail, fixed: item.cells.filter((cell) => !cell.optional).length };
  };
  const full = items.map(edges).filter((edge) => edge.fixed === width);
  const lead = mode(full.map((edge) => edge.lead));
  const trail = mode(full.map((edge) => edge.trail));
  if (lead === undefined || trail === undefined) return [...items];
  return items.map((item) => {
    const edge = edges(item);
    // The gaps every full row has are no cells of any row.
    const cells = item.cells.slice(Math.min(lead, edge.lead), item.cells.length - Math.min(trail, edge.trail));
    const extraLead = Math.max(0, edge.lead - lead);
    const extraTrail = Math.max(0, edge.trail - trail);
    if (edge.fixed < width && extraLead + extraTrail === width - edge.fixed) {
      for (let c = 0; c < extraLead; c++) cells[c] = { ...(cells[c] as ItemCell), optional: false };
      for (let c = cells.length - extraTrail; c < cells.length; c++) cells[c] = { ...(cells[c] as ItemCell), optional: false };
    }
    return cells.length === item.cells.length && cells.every((cell, c) => cell === item.cells[c]) ? item : { ...item, cells };
  });
}
