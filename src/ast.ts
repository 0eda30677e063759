import type {
  ACTIVE_DISCLOSURE_2019,
  ACTIVE_DISCLOSURE_2021,
  APPLICATIONS,
  FORMAT_VERSIONS,
  REVIEW_LITIGATION,
  SECTIONS,
  TABLES,
} from '../grammar/index';
import type { Diagnostic } from './diagnostics';

/** A place in the original input: 1-based line and column, 0-based offset (unist). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A span of the original input (unist). `end` is exclusive. */
export interface Position {
  start: Point;
  end: Point;
}

/** The format a report follows. */
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

/** Keys of the six parts of a report. */
export type SectionKey = (typeof SECTIONS)[number]['key'];

type Block = { readonly rows: readonly string[]; readonly columns: readonly string[] };
type ColumnsOfRow<B extends readonly Block[], R extends string> = {
  [I in keyof B]: B[I] extends Block ? (R extends B[I]['rows'][number] ? B[I]['columns'][number] : never) : never;
}[number];

/** Row keys of table 二 in the 2021 format. */
export type ActiveDisclosureRowKey2021 = (typeof ACTIVE_DISCLOSURE_2021)['rows'][number]['key'];
/** Row keys of table 二 in the 2019 format. */
export type ActiveDisclosureRowKey2019 = (typeof ACTIVE_DISCLOSURE_2019)['rows'][number]['key'];
/** Row keys of table 二 in either format. */
export type ActiveDisclosureRowKey = ActiveDisclosureRowKey2021 | ActiveDisclosureRowKey2019;
/** Column keys of table 二 in the 2021 format. */
export type ActiveDisclosureColumnKey2021 = (typeof ACTIVE_DISCLOSURE_2021)['columns'][number]['key'];
/** Column keys of table 二 in the 2019 format. */
export type ActiveDisclosureColumnKey2019 = (typeof ACTIVE_DISCLOSURE_2019)['columns'][number]['key'];
/** Column keys of table 二 in either format. */
export type ActiveDisclosureColumnKey = ActiveDisclosureColumnKey2021 | ActiveDisclosureColumnKey2019;
/** Row keys of table 三. */
export type ApplicationsRowKey =
  | (typeof APPLICATIONS)['rows'][number]['key']
  | (typeof APPLICATIONS)['groups'][number]['key'];
/** Column keys of table 三 (`legalSubtotal` only where the report has that column). */
export type ApplicationsColumnKey =
  | (typeof APPLICATIONS)['columns'][number]['key']
  | (typeof APPLICATIONS)['optionalColumns'][number]['key'];
/** Row keys of table 四. */
export type ReviewLitigationRowKey = (typeof REVIEW_LITIGATION)['rows'][number]['key'];
/** Column keys of table 四. */
export type ReviewLitigationColumnKey = (typeof REVIEW_LITIGATION)['columns'][number]['key'];
/** Keys of the three tables. */
export type TableKey = (typeof TABLES)[number]['key'];

/** The row keys of each table, by table key (table 二's of both formats). */
export interface TableRowKeys {
  activeDisclosure: ActiveDisclosureRowKey;
  applications: ApplicationsRowKey;
  reviewLitigation: ReviewLitigationRowKey;
}

/** The column keys of each table, by table key (table 二's of both formats). */
export interface TableColumnKeys {
  activeDisclosure: ActiveDisclosureColumnKey;
  applications: ApplicationsColumnKey;
  reviewLitigation: ReviewLitigationColumnKey;
}

/**
 * What a cell holds.
 * - `number`: a number as written.
 * - `blank`: nothing was written (value null; never silently 0).
 * - `notApplicable`: `/`, `-`, `—`, `不适用` (value null).
 * - `recovered`: a number with a lost character, such as `0?` (value read, with a warning).
 * - `unreadable`: text that is not a number (value null, with an error).
 */
export type CellState = 'number' | 'blank' | 'notApplicable' | 'recovered' | 'unreadable';

/** One table cell. `raw` is exactly the original input at `position`. */
export interface Cell {
  type: 'cell';
  value: number | null;
  raw: string;
  state: CellState;
  /** A unit written in the cell, such as `元` in `251000元`. */
  unit?: string;
  /** True when a blank cell was read as 0 because of the `blankAsZero` option. */
  assumedZero?: boolean;
  /**
   * How the value was obtained: `read` as written; `split` out of a run of glued digits
   * (`713000074` → 71|3|0|0|0|0|74) by the table's identities; `inferred` from the identities
   * where the text has fewer numbers than cells. Absent on cells not read from a report's text.
   */
  origin?: CellOrigin;
  position: Position;
  /** Where the cell's text is drawn on its page, for a report read from a PDF (`xxgk-report/pdf`). */
  box?: Box;
}

/**
 * A rectangle on a PDF page, in PDF user space units (points), with the origin at the page's
 * top-left corner and y growing downward (as on a rendered page or a canvas): `x`, `y` are the
 * rectangle's left and top edges. `page` is 1-based. PDF's own bottom-left coordinates: the
 * bottom edge is `pageHeight - y - height`.
 */
export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a cell's value was obtained; see {@link Cell.origin}. */
export type CellOrigin = 'read' | 'split' | 'inferred';

/** What every row carries besides its cells. */
export interface RowInfo<K extends string = string> {
  type: 'row';
  key: K;
  /** The row's label as read (normalised text; empty when the table has no labels). */
  label: string;
  /** `order` when no label named the row and its values were placed by their order in the form. */
  placedBy?: 'order';
  position: Position;
}

/** A row: its cells keyed by column, plus {@link RowInfo}. */
export type Row<C extends string, K extends string = string> = { readonly [P in C]: Cell } & RowInfo<K>;

/** Column keys of table 二 row `R` in the 2021 format. */
export type ActiveDisclosureColumns2021<R extends ActiveDisclosureRowKey2021> = ColumnsOfRow<
  (typeof ACTIVE_DISCLOSURE_2021)['blocks'],
  R
>;
/** Column keys of table 二 row `R` in the 2019 format. */
export type ActiveDisclosureColumns2019<R extends ActiveDisclosureRowKey2019> = ColumnsOfRow<
  (typeof ACTIVE_DISCLOSURE_2019)['blocks'],
  R
>;

/** Table 二 rows in the 2021 format, keyed by row. A row the report lacks is absent. */
export type ActiveDisclosureRows2021 = {
  [R in ActiveDisclosureRowKey2021]?: Row<ActiveDisclosureColumns2021<R>, R>;
};
/** Table 二 rows in the 2019 format. */
export type ActiveDisclosureRows2019 = {
  [R in ActiveDisclosureRowKey2019]?: Row<ActiveDisclosureColumns2019<R>, R>;
};

/** Table 三 rows. Items of a group given as one row are absent; the group key is present. */
export type ApplicationsRows = {
  [R in ApplicationsRowKey]?: Row<Exclude<ApplicationsColumnKey, 'legalSubtotal'>, R> & { readonly legalSubtotal?: Cell };
};

/** Table 四 rows. */
export type ReviewLitigationRows = {
  [R in ReviewLitigationRowKey]?: Row<ReviewLitigationColumnKey, R>;
};

/** How a table was laid out in the input. */
export type TableLayout = 'tab' | 'pipe' | 'cell-per-line' | 'space' | 'glued';

/**
 * Why a line of values was set aside: the code of the diagnostic that says so (each is a
 * `ParseCode`; assign.ts, which hands it to the diagnostic, fails to compile otherwise).
 */
export type UnassignedReason =
  | 'table/stray-value'
  | 'table/duplicate-row'
  | 'table/unplaced-values'
  | 'table/unknown-row'
  | 'table/too-many-values'
  | 'table/too-few-values'
  | 'table/no-split'
  | 'table/ambiguous-values';

/** A line of a table that carried values but could not be assigned to a row. */
export interface UnassignedRow<K extends string = TableRowKeys[TableKey]> {
  type: 'unassignedRow';
  /** The row it was recognised as, if its label was recognised. */
  key?: K;
  label: string;
  /** Why it was not assigned: the diagnostic code. */
  reason: UnassignedReason;
  values: Cell[];
  position: Position;
}

interface TableBase<K extends TableKey, C extends string, R extends string> {
  type: 'table';
  key: K;
  layout: TableLayout;
  /** Column keys in the order the table has them. */
  columns: C[];
  /** Lines with values that could not be assigned (nothing is guessed). */
  unassigned: UnassignedRow<R>[];
  position: Position;
}

/** Table 二 (主动公开政府信息情况). */
export type ActiveDisclosureTable =
  | (TableBase<'activeDisclosure', ActiveDisclosureColumnKey2021, ActiveDisclosureRowKey2021> & { formatVersion: '2021'; rows: ActiveDisclosureRows2021 })
  | (TableBase<'activeDisclosure', ActiveDisclosureColumnKey2019, ActiveDisclosureRowKey2019> & { formatVersion: '2019'; rows: ActiveDisclosureRows2019 });

/** Table 三 (收到和处理政府信息公开申请情况). */
export type ApplicationsTable = TableBase<'applications', ApplicationsColumnKey, ApplicationsRowKey> & { rows: ApplicationsRows };

/** Table 四 (行政复议、行政诉讼情况). */
export type ReviewLitigationTable = TableBase<'reviewLitigation', ReviewLitigationColumnKey, ReviewLitigationRowKey> & { rows: ReviewLitigationRows };

/** The three tables; a table the report lacks is absent. */
export type Tables = { [K in TableKey]?: TableOfKey[K] };

/** Any of the three tables. */
export type Table = TableOfKey[TableKey];

/** The table type of each table key. */
export interface TableOfKey {
  activeDisclosure: ActiveDisclosureTable;
  applications: ApplicationsTable;
  reviewLitigation: ReviewLitigationTable;
}

/** A numbered subsection such as （一）主动公开方面. */
export interface Subsection {
  type: 'subsection';
  /** The Chinese numeral: 一, 二, … */
  numeral: string;
  /** The heading phrase, when the subsection has one (text up to the first 。 or line end). */
  heading: string;
  text: string;
  position: Position;
}

/** One of the six parts. */
export interface Section {
  type: 'section';
  key: SectionKey;
  /**
   * The numeral as the heading writes it: the part's own (一 for `overview`) unless the report
   * numbers its parts wrongly (then `structure/misnumbered-section` says so).
   */
  numeral: string;
  /** The heading as written (normalised text, markdown removed). */
  heading: string;
  /** The part's text without its heading and without table lines (normalised). */
  text: string;
  subsections: Subsection[];
  position: Position;
}

/** A statistics period as ISO dates. */
export interface Period {
  start: string;
  end: string;
}

/** What the report says about itself. Absent facts are null. */
export interface Meta {
  title: string | null;
  agency: string | null;
  year: number | null;
  period: Period | null;
  documentNumber: string | null;
  issuer: string | null;
  /** The issuing date, ISO. */
  date: string | null;
  formatVersion: FormatVersion;
  script: 'simplified' | 'traditional';
}

/** The root node. */
export interface Report {
  type: 'report';
  meta: Meta;
  sections: { [K in SectionKey]?: Section };
  tables: Tables;
  position: Position;
}

/** What {@link parseReport} returns. */
export interface ParseResult {
  report: Report;
  diagnostics: Diagnostic[];
}
