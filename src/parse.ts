import { SECTIONS, TABLES } from '../grammar/index';
import type { FormatVersion, ParseResult, Report, Section, Subsection, TableKey, TableOfKey, Tables } from './ast';
import { parseDiagnostic, type Diagnostic } from './diagnostics';
import { classifyLines } from './lines/classify';
import { splitLines, type Line } from './lines/split';
import { Memo } from './memo';
import { findClosing, readMetaFacts } from './meta';
import { normalize } from './normalize/index';
import { createSource, type Source } from './source';
import { readSubsection, stripMarkdown } from './structure/headings';
import { readOutline, type LineSpan, type Outline } from './structure/outline';
import { readGrid, type Grid, type GridRow } from './tables/grid';
import { readTableGrid } from './tables/read';
import { TABLE_NAMES, type RowCells, type TableContext } from './tables/rows';
import { tableView, type TableView, type TableViews } from './check/cells';

/** Options of {@link parseReport}. */
export interface ParseOptions {
  /**
   * Read blank table cells as 0. Off by default: a blank cell is not reported, and is kept as
   * `value: null`. When on, such cells carry `assumedZero: true` and a `cell/blank` diagnostic says so.
   */
  blankAsZero?: boolean;
  /** Convert traditional characters to simplified before reading (default true). */
  convertTraditional?: boolean;
  /** Check the report's arithmetic and narrative after reading it (default true); see `checkReport`. */
  check?: boolean;
}

interface FoundTable {
  key: TableKey;
  span: LineSpan;
  grid: Grid;
}

/** The table whose announcing phrases (`anchors` in grammar/) a row's label key holds. */
function anchoredTable(key: string): TableKey | undefined {
  let table = anchors.lookup(key);
  if (table === undefined && !anchors.has(key)) {
    table = TABLES.find((entry) => entry.anchors.some((anchor) => key.includes(anchor)))?.key;
    anchors.remember(key, table);
  }
  return table;
}

// Every report repeats the same labels.
const anchors = new Memo<TableKey | undefined>();

/** Part of a table region: its lines, its rows, and the first table its rows announce. */
interface RegionPart {
  span: LineSpan;
  grid: Grid;
  anchored: TableKey | undefined;
}

/**
 * Splits a region where a row announces another table than the rows above it: when the part
 * heading between two tables is lost, nothing else separates them, and reading them as one
 * region loses the second table whole. The second table starts after the last row above its
 * announcing row that has values or announces the first table, so that its own header rows go
 * with it and the first table's do not. A part without values is no table.
 */
function splitAtAnchors(region: LineSpan, grid: Grid): RegionPart[] {
  const announced = grid.rows.map((row) => anchoredTable(row.key));
  const parts: RegionPart[] = [];
  let start = 0;
  let current: TableKey | undefined;
  let lastWithValues = -1;
  let lastAnnouncing = -1;
  const close = (end: number) => {
    const rows = grid.rows.slice(start, end);
    const first = parts.length === 0 ? region.first : (rows[0] as GridRow).firstLine;
    const last = end === grid.rows.length ? region.last : (rows[rows.length - 1] as GridRow).lastLine;
    const anchored = announced.slice(start, end).find((table) => table !== undefined);
    parts.push({ span: { first, last }, grid: { layout: grid.layout, rows }, anchored });
    start = end;
  };
  for (let i = 0; i < grid.rows.length; i++) {
    const table = announced[i];
    if (table && current && table !== current) close(Math.max(lastWithValues, lastAnnouncing) + 1);
    if (table) {
      current = table;
      lastAnnouncing = i;
    }
    if ((grid.rows[i] as GridRow).values.length > 0) lastWithValues = i;
  }
  close(grid.rows.length);
  return parts;
}

/** Decides which table each region holds: by the phrases only that table has, else by its part. */
function identifyTables(lines: readonly Line[], kinds: string, outline: Outline): FoundTable[] {
  const best = new Map<TableKey, { found: FoundTable; score: number }>();
  const parts: RegionPart[] = [];
  for (const region of outline.tableRegions) for (const part of splitAtAnchors(region, readGrid(lines, kinds, region))) parts.push(part);
  for (const { span, grid, anchored } of parts) {
    let values = 0;
    for (const row of grid.rows) values += row.values.length;
    if (values === 0) continue;
    let key = anchored;
    if (!key) {
      const section = outline.sections.find((s) => s.first <= span.first && span.first <= s.last)?.section.key;
      key = TABLES.find((table) => table.section === section)?.key;
    }
    if (!key) continue;
    const score = (anchored ? 1e9 : 0) + values;
    const current = best.get(key);
    if (!current || score > current.score) best.set(key, { found: { key, span, grid }, score });
  }
  return [...best.values()].map((entry) => entry.found);
}

/** Builds the six parts with their text and subsections, leaving out table lines and the closing. */
function buildSections(source: Source, lines: readonly Line[], outline: Outline, tableLines: Uint8Array, textEnd: number): Report['sections'] {
  const sections: Report['sections'] = {};
  for (const heading of outline.sections) {
    const last = Math.min(heading.last, textEnd - 1);
    const body: Line[] = [];
    for (let i = heading.first + 1; i <= last; i++) if (tableLines[i] === 0) body.push(lines[i] as Line);
    const subsections: Subsection[] = [];
    let current: { numeral: string; heading: string; lines: Line[] } | undefined;
    const closeSubsection = () => {
      if (!current) return;
      const first = current.lines[0] as Line;
      const end = current.lines[current.lines.length - 1] as Line;
      subsections.push({
        type: 'subsection',
        numeral: current.numeral,
        heading: current.heading,
        text: joinText(current.lines),
        position: source.position(first.start, end.end),
      });
    };
    for (const line of body) {
      const start = readSubsection(line.text);
      if (start) {
        closeSubsection();
        // The lookbehind starts the trailing run only where a run starts: a plain `[…]+$` would
        // rescan a long run of inner spaces from each of its positions.
        const stop = start.rest.indexOf('。');
        const heading = (stop === -1 ? start.rest : start.rest.slice(0, stop)).replace(/(?<![*。，,：:\s])[*。，,：:\s]+$/, '').replace(/\*+/g, '');
        current = { numeral: start.numeral, heading: heading.length <= 30 ? heading : '', lines: [line] };
      } else if (current && line.text.trim() !== '') current.lines.push(line);
    }
    closeSubsection();
    let endLine = last;
    while (endLine > heading.first && (lines[endLine] as Line).text.trim() === '') endLine--;
    const headingLine = lines[heading.first] as Line;
    const section: Section = {
      type: 'section',
      key: heading.section.key,
      numeral: heading.section.numeral,
      heading: stripMarkdown(heading.section.heading),
      text: joinText(body),
      subsections,
      position: source.position(headingLine.start, (lines[endLine] as Line).end),
    };
    sections[heading.section.key] = section;
  }
  return sections;
}

/** Joins lines into section text: markdown emphasis and blank lines removed. */
function joinText(lines: readonly Line[]): string {
  let joined = '';
  for (const line of lines) {
    let text = line.text;
    if (text.includes('*')) text = text.replace(/\*\*/g, '');
    if (text.includes('#')) text = text.replace(/^#+\s*/, '');
    text = text.trim();
    if (text !== '') joined = joined === '' ? text : `${joined}\n${text}`;
  }
  return joined;
}

/** A report as read, with its tables' views for the checks (see {@link TableView}). */
export interface ReadResult extends ParseResult {
  views: TableViews;
}

const NO_ROWS: TableView = tableView([], []);

/** Reads a report, its diagnostics in the order found. Never throws on a string; see {@link parseReport}. */
export function readReport(input: string, options: ParseOptions = {}): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const normalized = normalize(input, { convertTraditional: options.convertTraditional ?? true });
  const lines = splitLines(normalized.text);
  const source = createSource(input, normalized, lines);
  const kinds = classifyLines(lines);
  const outline = readOutline(lines, kinds);

  const found = identifyTables(lines, kinds, outline);
  const tables: Tables = {};
  const views: Record<TableKey, TableView> = { activeDisclosure: NO_ROWS, applications: NO_ROWS, reviewLitigation: NO_ROWS };
  const tableLines = new Uint8Array(lines.length);
  for (const table of found) {
    tableLines.fill(1, table.span.first, table.span.last + 1);
    const start = (lines[table.span.first] as Line).start;
    const end = (lines[table.span.last] as Line).end;
    const assigned: RowCells[] = [];
    const context: TableContext = { source, options, diagnostics, name: TABLE_NAMES[table.key], assigned };
    const read = readTableGrid(table.key, context, table.grid, start, end);
    put(tables, table.key, read);
    views[table.key] = tableView(read.columns, assigned);
  }

  const lastSection = outline.sections[outline.sections.length - 1];
  const closing = findClosing(lines, lastSection ? lastSection.first + 1 : Math.max(0, lines.length - 12));
  const textEnd = closing ? closing.firstLine : lines.length;
  const sections = buildSections(source, lines, outline, tableLines, textEnd);
  const preambleEnd = outline.sections[0]?.first ?? Math.min(lines.length, 12);
  const facts = readMetaFacts(lines, preambleEnd, normalized.text, closing);

  const formatVersion = readFormatVersion(outline, tables, facts.year);
  const report: Report = {
    type: 'report',
    // Field by field: a spread of the facts with two more fields took about 2% of a parse.
    meta: {
      title: facts.title,
      agency: facts.agency,
      year: facts.year,
      period: facts.period,
      documentNumber: facts.documentNumber,
      issuer: facts.issuer,
      date: facts.date,
      formatVersion,
      script: normalized.script,
    },
    sections,
    tables,
    position: source.position(0, normalized.text.length),
  };

  if (normalized.counts.traditional > 0) {
    diagnostics.push(
      parseDiagnostic('text/traditional-converted', `${normalized.counts.traditional} traditional characters were read as simplified`),
    );
  }
  if (!facts.title) diagnostics.push(parseDiagnostic('structure/no-title', 'No title line (…年度报告) was found'));
  if (formatVersion === 'pre-2019') {
    const line = outline.pre2019Headings[0];
    const at = line === undefined ? undefined : source.position((lines[line] as Line).start, (lines[line] as Line).end);
    diagnostics.push(
      parseDiagnostic('structure/pre-2019-format', 'This report follows the format used before 2019; its tables are not in the national format and are not read', at),
    );
  } else {
    for (const section of SECTIONS) {
      if (!sections[section.key]) {
        diagnostics.push(parseDiagnostic('structure/missing-section', `Part ${section.numeral}、${section.heading} was not found`));
      }
    }
    for (const table of TABLES) {
      if (!tables[table.key]) {
        diagnostics.push(parseDiagnostic('structure/missing-table', `${TABLE_NAMES[table.key]} was not found`));
      }
    }
  }
  // In the order they were found: parseReport sorts them once, with the checks' findings.
  return { report, diagnostics, views };
}

function put<K extends TableKey>(tables: Tables, key: K, table: TableOfKey[K]): void {
  tables[key] = table;
}

/**
 * Pre-2019 reports name their parts differently and have no national tables. The 2019 trial
 * format shows in table 二's headers; without table 二, a single-row （六）其他处理 marks it.
 */
function readFormatVersion(outline: Outline, tables: Tables, year: number | null): FormatVersion {
  const noTables = !tables.activeDisclosure && !tables.applications && !tables.reviewLitigation;
  if (outline.pre2019Headings.length > 0 && noTables) return 'pre-2019';
  if (noTables && year !== null && year < 2019) return 'pre-2019';
  if (tables.activeDisclosure) return tables.activeDisclosure.formatVersion;
  const rows = tables.applications?.rows;
  if (rows?.other && !rows['other.other']) return '2019';
  return '2021';
}
