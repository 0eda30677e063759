import type { TableKey, TableOfKey } from '../ast';
import { readActiveDisclosure } from './active-disclosure';
import { readApplications } from './applications';
import type { Grid } from './grid';
import { readReviewLitigation } from './review-litigation';
import type { TableContext } from './rows';

const readers: { [K in TableKey]: (context: TableContext, grid: Grid, start: number, end: number) => TableOfKey[K] } = {
  activeDisclosure: readActiveDisclosure,
  applications: readApplications,
  reviewLitigation: readReviewLitigation,
};

/** Reads a grid as the table `key` names; `start` and `end` span the table in the normalised text. */
export function readTableGrid<K extends TableKey>(key: K, context: TableContext, grid: Grid, start: number, end: number): TableOfKey[K] {
  return readers[key](context, grid, start, end);
}
