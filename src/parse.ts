import { SECTIONS, TABLES } from '../grammar/index';
import type { FormatVersion, ParseResult, Report, Section, Subsection, TableKey, TableOfKey, Tables } from './ast';
import { parseDiagnostic, type Diagnostic } from './diagnostics';
import { classifyLines } from './lines/classify';
import { splitLines, type Line } from './lines/split';
import { findClosing, readMetaFacts } from './meta';
import { readHtml, isHtml } from './html/index';
import { normalize, type Normalized } from './normalize/index';
import { createSource, type Source } from './source';
import { readSubsection, stripMarkdown } from './structure/headings';
import { readOutline, type Outline } from './structure/outline';
import { messagesFor, type Locale, type Messages } from './messages/index';
import { misdecoding, notAReport } from './structure/input';
import { reportStart } from './structure/reports';
import { assignTable } from './tables/assign';
import { readItems } from './tables/items';
import { readHints } from './tables/hints';
import { findTableRegions, type TableRegion } from './tables/regions';
import { TABLE_NAMES, type RowCells, type TableContext } from './tables/rows';
import { lex } from './tokens/lex';
import type { Token } from './tokens/token';
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
  /**
   * What the input is: `'auto'` (the default) reads a page's markup (a doctype, or tags in plenty)
   * as HTML and anything else as text; `'text'` and `'html'` say which.
   */
  input?: 'auto' | 'text' | 'html';
  /** The language of diagnostic messages: `'en'` (the default) or `'zh-CN'`. Codes are the same in both. */
  locale?: Locale;
}

/** The values of {@link ParseOptions.input}. */
export const INPUT_KINDS = ['auto', 'text', 'html'] as const;

/**
 * The text the reader reads, its lines, and the way back to the input: a page's report text
 * (html/) when the input is HTML, the input itself otherwise, normalised.
 */
function readSource(input: string, options: ParseOptions): { normalized: Normalized; lines: Line[]; source: Source; html: boolean } {
  const html = options.input === 'html' || (options.input !== 'text' && isHtml(input));
  const page = html ? readHtml(input) : undefined;
  const normalized = normalize(page ? page.text : input, { convertTraditional: options.convertTraditional ?? true });
  const lines = splitLines(normalized.text);
  return { normalized, lines, source: createSource(input, normalized, lines, page?.map), html };
}

/**
 * Reads the three tables from the token stream: each region's tokens grouped into items, then
 * assigned to the form's rows and solved against its identities (tables/assign.ts). Marks the
 * lines the tables cover, which the parts' text leaves out.
 */
function readTables(
  text: string,
  tokens: readonly Token[],
  lines: readonly Line[],
  source: Source,
  options: ParseOptions,
  say: Messages,
  diagnostics: Diagnostic[],
): { tables: Tables; views: Record<TableKey, TableView>; tableLines: Uint8Array } {
  const tables: Tables = {};
  const views: Record<TableKey, TableView> = { activeDisclosure: NO_ROWS, applications: NO_ROWS, reviewLitigation: NO_ROWS };
  const tableLines = new Uint8Array(lines.length);
  let separator: number | undefined;
  const regions = findTableRegions(tokens);
  // What the text before the tables states of their cells (read once, before any table).
  const hints = regions.length > 0 ? readHints(text.slice(0, (tokens[(regions[0] as TableRegion).first] as Token).start)) : new Map();
  for (const region of regions) {
    const { items, layout, separator: seen } = readItems(tokens, region.first, region.end, separator);
    if (layout === 'cell-per-line') separator = seen;
    if (!items.some((item) => item.cells.some((cell) => cell.token.kind !== 'empty'))) continue;
    const first = tokens[region.first] as Token;
    const last = tokens[region.end - 1] as Token;
    const assigned: RowCells[] = [];
    const context: TableContext = { source, options, diagnostics, name: TABLE_NAMES[region.key], say, assigned, hints };
    const table = assignTable(region.key, context, items, layout, tokens.slice(region.first, region.end), first.start, last.end);
    if (!table) continue;
    // A table sharing its line with prose (a page flattened onto one line) leaves the line to the prose.
    const firstLine = tokens[region.first - 1]?.line === first.line ? first.line + 1 : first.line;
    const lastLine = tokens[region.end]?.line === last.line ? last.line - 1 : last.line;
    if (firstLine <= lastLine) tableLines.fill(1, firstLine, lastLine + 1);
    put(tables, region.key, table);
    views[region.key] = tableView(table.columns, assigned);
  }
  return { tables, views, tableLines };
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
  const say = messagesFor(options.locale);
  const { normalized, lines, source, html } = readSource(input, options);
  const kinds = classifyLines(lines);
  const outline = readOutline(lines, kinds);
  const later = laterReportStarts(lines, outline);
  if (later.length > 0) {
    // Another report follows: this one is read from the text before it, where every position
    // is the same as in the whole text.
    const first = later[0] as number;
    const startLine = lines[first] as Line;
    const at = source.position(startLine.start, startLine.end);
    const result = readReport(input.slice(0, at.start.offset), html ? { ...options, input: 'html' } : options);
    const message = say.severalReports({ more: later.length, line: startLine.text.trim().slice(0, 40) });
    result.diagnostics.push(parseDiagnostic('structure/several-reports', message, at));
    return result;
  }

  const { tables, views, tableLines } = readTables(normalized.text, lex(normalized.text), lines, source, options, say, diagnostics);

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

  const misdecoded = misdecoding(input);
  if (misdecoded !== undefined) {
    diagnostics.push(parseDiagnostic('text/wrong-encoding', say.wrongEncoding(misdecoded)));
  } else if (normalized.counts.traditional > 0) {
    // Characters of mojibake are no script: counted only in a text decoded right.
    diagnostics.push(parseDiagnostic('text/traditional-converted', say.traditionalConverted({ count: normalized.counts.traditional })));
  }
  const nothingFound = !facts.title && outline.sections.length === 0 && outline.pre2019Headings.length === 0 && Object.keys(tables).length === 0;
  if (nothingFound) {
    // One finding, not one per part and table: none of them is there to be missing.
    diagnostics.push(parseDiagnostic('structure/not-a-report', say.notAReport(misdecoded !== undefined ? 'misdecoded' : notAReport(input))));
  } else {
    pushMissing(report, outline, lines, source, say, diagnostics);
  }
  // In the order they were found: parseReport sorts them once, with the checks' findings.
  return { report, diagnostics, views };
}

/** What a report's text lacks: its title, its parts, its tables, or the format they follow. */
function pushMissing(report: Report, outline: Outline, lines: readonly Line[], source: Source, say: Messages, diagnostics: Diagnostic[]): void {
  const { sections, tables } = report;
  if (!report.meta.title) diagnostics.push(parseDiagnostic('structure/no-title', say.noTitle()));
  if (report.meta.formatVersion === 'pre-2019') {
    const line = outline.pre2019Headings[0];
    const at = line === undefined ? undefined : source.position((lines[line] as Line).start, (lines[line] as Line).end);
    diagnostics.push(parseDiagnostic('structure/pre-2019-format', say.pre2019Format(), at));
  } else {
    for (const section of SECTIONS) {
      if (!sections[section.key]) {
        diagnostics.push(parseDiagnostic('structure/missing-section', say.missingSection({ numeral: section.numeral, heading: section.heading })));
      }
    }
    for (const table of TABLES) {
      if (!tables[table.key]) {
        diagnostics.push(parseDiagnostic('structure/missing-table', say.missingTable({ table: TABLE_NAMES[table.key] })));
      }
    }
  }
}

/** The lines later reports of the text start on (see {@link Outline.laterReports}). */
function laterReportStarts(lines: readonly Line[], outline: Outline): number[] {
  const starts: number[] = [];
  let previous = outline.sections[outline.sections.length - 1]?.first ?? 0;
  for (const heading of outline.laterReports) {
    starts.push(reportStart(lines, heading, previous + 1));
    previous = heading;
  }
  return starts;
}

/**
 * Where each report of a text holding several starts and ends, as offsets into `input`: one span
 * for the whole text when it holds one report (or none).
 */
export function reportSpans(input: string, options: ParseOptions = {}): { start: number; end: number; html: boolean }[] {
  const { lines, source, html } = readSource(input, options);
  const starts = [0, ...laterReportStarts(lines, readOutline(lines, classifyLines(lines))).map((line) => source.position((lines[line] as Line).start, (lines[line] as Line).start).start.offset)];
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? input.length, html }));
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
