import { SECTIONS, TABLES } from '../grammar/index';
import type { CellState, Report } from './ast';

/**
 * Checks of the arguments of the public functions. A wrong argument is a TypeError whose message
 * names the function, the argument, what it may be and what it was: `renderReport: options.layout
 * must be one of 'tab', 'pipe', 'cell-per-line', 'html', got 'docx'`. The checks only read the argument,
 * the way the function will, and never turn it into a string (an object of a caller's may not
 * have a usable toString).
 */

/** What a value is, for a message: `null`, `undefined`, `an array`, `a number`, `an object`… */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return 'binary data (decode it to a string first)';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return 'an object';
  }
}

const MAX_QUOTED = 40;

/** A string as a message quotes it: `'html'`, cut short when long. */
function quote(text: string): string {
  const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1).replace(/'/g, "\\'")}'`;
}

/** What a value is, quoting it when it is a string (for choices among strings). */
function describeChoice(value: unknown): string {
  return typeof value === 'string' ? quote(value) : describe(value);
}

function fail(fn: string, name: string, allowed: string, got: string): never {
  throw new TypeError(`${fn}: ${name} must be ${allowed}, got ${got}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOwn = Object.prototype.hasOwnProperty;

/** `'tab', 'pipe', 'cell-per-line'`. */
const listChoices = (choices: readonly string[]) => choices.map(quote).join(', ');

/** Throws unless `value` is a string. */
export function expectString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') fail(fn, name, 'a string', describe(value));
}

/** Throws unless `value` is one of `choices`. */
export function expectChoice<T extends string>(fn: string, name: string, value: unknown, choices: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(fn, name, `one of ${listChoices(choices)}`, describeChoice(value));
  }
}

/** The type an option must have: a boolean, a string, or one of a list of strings. */
export type OptionType = 'boolean' | 'string' | readonly string[];

function optionTypeName(type: OptionType): string {
  return typeof type === 'string' ? type : type.map(quote).join(' | ');
}

/**
 * Throws unless `value` is undefined or an object whose known options (the keys of `shape`) are
 * undefined or of their type. Keys `shape` does not know are left alone: options a later version
 * adds do not break a caller of this one.
 */
export function expectOptions(fn: string, name: string, value: unknown, shape: Readonly<Record<string, OptionType>>): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    const keys = Object.entries(shape).map(([key, type]) => `${key}?: ${optionTypeName(type)}`);
    fail(fn, name, `an object of options ({ ${keys.join(', ')} }) or undefined`, describe(value));
  }
  for (const [key, type] of Object.entries(shape)) {
    const option: unknown = value[key];
    if (option === undefined) continue;
    if (typeof type !== 'string') expectChoice(fn, `${name}.${key}`, option, type);
    else if (typeof option !== type) fail(fn, `${name}.${key}`, type === 'boolean' ? 'a boolean' : 'a string', describe(option));
  }
}

/** Throws unless `value` is an array of rows, each an array of strings (the cells of a table). */
export function expectStringRows(fn: string, name: string, value: unknown): asserts value is readonly (readonly string[])[] {
  const allowed = 'an array of rows, each an array of cell texts (strings)';
  if (!Array.isArray(value)) fail(fn, name, allowed, describe(value));
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) fail(fn, name, allowed, `an array whose row ${r} is ${describe(row)}`);
    for (let c = 0; c < row.length; c++) {
      const cell: unknown = row[c];
      if (typeof cell !== 'string') fail(fn, name, allowed, `an array whose row ${r} has ${describe(cell)} at cell ${c}`);
    }
  }
}

/** Throws unless `value` is an array of lines as splitLines returns them: objects with a `text` string. */
export function expectLines(fn: string, name: string, value: unknown): asserts value is readonly { text: string }[] {
  const allowed = 'an array of lines ({ text: string, … }, as splitLines returns)';
  if (!Array.isArray(value)) fail(fn, name, allowed, describe(value));
  for (let i = 0; i < value.length; i++) {
    const line: unknown = value[i];
    if (!isObject(line)) fail(fn, name, allowed, `an array whose item ${i} is ${describe(line)}`);
    if (typeof line.text !== 'string') fail(fn, name, allowed, `an array whose item ${i} has text ${describe(line.text)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reports. What is checked is what checkReport, compareReports and renderReport read of one, as
// src/ast.ts types it, so that none of them fails inside on a report of a caller's: the meta facts
// they write or compare, each part's text, subsections and position, and each table's columns,
// rows, cells and set-aside lines. Tables and parts a report lacks are absent (or undefined); a
// meta fact not read is null, as the AST has it. Keys the AST does not know are left alone.

const SECTION_KEYS: readonly string[] = SECTIONS.map((section) => section.key);
const TABLE_KEYS: readonly string[] = TABLES.map((table) => table.key);
/** The fields of a row besides its cells ({@link RowInfo} in src/ast.ts). */
const ROW_INFO: ReadonlySet<string> = new Set(['type', 'key', 'label', 'placedBy', 'position']);
const CELL_STATES: readonly CellState[] = ['number', 'blank', 'notApplicable', 'recovered', 'unreadable'];
const TABLE_FORMATS: readonly string[] = ['2021', '2019'];
const META_TEXTS = ['title', 'agency', 'documentNumber', 'issuer', 'date'] as const;
const POINT_FIELDS = ['line', 'column', 'offset'] as const;

/** A property path as code writes it: `tables.applications.rows['unable.noInfo'].total`. */
function at(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}.${key}`;
  return `${path}[${quote(key)}]`;
}

/** What is wrong with a field: `without meta`, or `whose meta.year is a string, not a number or null`. */
function wrong(path: string, value: unknown, expected: string): string {
  return value === undefined ? `without ${path}` : `whose ${path} is ${describe(value)}, not ${expected}`;
}

function positionProblem(path: string, position: unknown): string | undefined {
  if (!isObject(position)) return wrong(path, position, 'a position ({ start, end })');
  for (const end of ['start', 'end'] as const) {
    const point = position[end];
    if (!isObject(point)) return wrong(`${path}.${end}`, point, 'a point ({ line, column, offset })');
    for (const field of POINT_FIELDS) {
      if (typeof point[field] !== 'number') return wrong(`${path}.${end}.${field}`, point[field], 'a number');
    }
  }
  return undefined;
}

function metaProblem(meta: Record<string, unknown>): string | undefined {
  for (const key of META_TEXTS) {
    const value = meta[key];
    if (value !== null && typeof value !== 'string') return wrong(`meta.${key}`, value, 'a string or null');
  }
  if (meta.year !== null && typeof meta.year !== 'number') return wrong('meta.year', meta.year, 'a number or null');
  const period = meta.period;
  if (period !== null) {
    if (!isObject(period)) return wrong('meta.period', period, '{ start, end } or null');
    for (const end of ['start', 'end'] as const) {
      if (typeof period[end] !== 'string') return wrong(`meta.period.${end}`, period[end], 'a string (an ISO date)');
    }
  }
  return undefined;
}

function sectionsProblem(sections: Record<string, unknown>): string | undefined {
  for (const key of SECTION_KEYS) {
    const section = sections[key];
    if (section === undefined) continue;
    const path = `sections.${key}`;
    if (!isObject(section)) return wrong(path, section, 'a section or undefined');
    if (typeof section.text !== 'string') return wrong(`${path}.text`, section.text, 'a string');
    const subsections = section.subsections;
    if (!Array.isArray(subsections)) return wrong(`${path}.subsections`, subsections, 'an array');
    for (let i = 0; i < subsections.length; i++) {
      const subsection: unknown = subsections[i];
      if (!isObject(subsection)) return wrong(`${path}.subsections[${i}]`, subsection, 'a subsection');
      if (typeof subsection.text !== 'string') return wrong(`${path}.subsections[${i}].text`, subsection.text, 'a string');
    }
    const problem = positionProblem(`${path}.position`, section.position);
    if (problem) return problem;
  }
  return undefined;
}

function cellProblem(path: string, cell: unknown): string | undefined {
  if (!isObject(cell)) return wrong(path, cell, 'a cell');
  if (cell.type !== 'cell') return wrong(`${path}.type`, cell.type, "'cell'");
  if (cell.value !== null && typeof cell.value !== 'number') return wrong(`${path}.value`, cell.value, 'a number or null');
  if (typeof cell.state !== 'string' || !(CELL_STATES as readonly string[]).includes(cell.state)) {
    return wrong(`${path}.state`, cell.state, `one of ${listChoices(CELL_STATES)}`);
  }
  if (typeof cell.raw !== 'string') return wrong(`${path}.raw`, cell.raw, 'a string');
  return undefined;
}

function tableProblem(key: string, table: Record<string, unknown>): string | undefined {
  const path = `tables.${key}`;
  const { columns, rows, unassigned } = table;
  if (!Array.isArray(columns)) return wrong(`${path}.columns`, columns, 'an array of column keys');
  for (let i = 0; i < columns.length; i++) {
    if (typeof columns[i] !== 'string') return wrong(`${path}.columns[${i}]`, columns[i], 'a string');
  }
  if (key === 'activeDisclosure' && !TABLE_FORMATS.includes(table.formatVersion as string)) {
    return wrong(`${path}.formatVersion`, table.formatVersion, `one of ${listChoices(TABLE_FORMATS)}`);
  }
  if (!Array.isArray(unassigned)) return wrong(`${path}.unassigned`, unassigned, 'an array');
  for (let i = 0; i < unassigned.length; i++) {
    const entry: unknown = unassigned[i];
    if (!isObject(entry)) return wrong(`${path}.unassigned[${i}]`, entry, 'an unassigned row');
    if (typeof entry.reason !== 'string') return wrong(`${path}.unassigned[${i}].reason`, entry.reason, 'a string');
  }
  if (!isObject(rows)) return wrong(`${path}.rows`, rows, 'an object of rows');
  for (const rowKey in rows) {
    if (!hasOwn.call(rows, rowKey)) continue;
    const row = rows[rowKey];
    if (row === undefined) continue;
    const rowPath = at(`${path}.rows`, rowKey);
    if (!isObject(row)) return wrong(rowPath, row, 'a row or undefined');
    for (const column in row) {
      if (!hasOwn.call(row, column) || ROW_INFO.has(column) || row[column] === undefined) continue;
      const problem = cellProblem(at(rowPath, column), row[column]);
      if (problem) return problem;
    }
  }
  return undefined;
}

function tablesProblem(tables: Record<string, unknown>): string | undefined {
  for (const key of TABLE_KEYS) {
    const table = tables[key];
    if (table === undefined) continue;
    if (!isObject(table)) return wrong(`tables.${key}`, table, 'a table or undefined');
    const problem = tableProblem(key, table);
    if (problem) return problem;
  }
  return undefined;
}

/** What keeps a value from being a report, or undefined when it is one. */
function reportProblem(value: unknown): string | undefined {
  if (!isObject(value)) return describe(value);
  const { tables, sections, meta } = value;
  if (tables === undefined && 'report' in value && 'diagnostics' in value) {
    return "parseReport's whole result ({ report, diagnostics }), not its report";
  }
  const problem =
    (isObject(tables) ? undefined : wrong('tables', tables, 'an object')) ??
    (isObject(sections) ? undefined : wrong('sections', sections, 'an object')) ??
    (isObject(meta) ? undefined : wrong('meta', meta, 'an object')) ??
    positionProblem('position', value.position) ??
    metaProblem(meta as Record<string, unknown>) ??
    sectionsProblem(sections as Record<string, unknown>) ??
    tablesProblem(tables as Record<string, unknown>);
  return problem && `an object ${problem}`;
}

/**
 * Throws unless `value` has what a report has (src/ast.ts) as far as the function reads it:
 * `meta`, `sections` and `tables` objects, positions, and well-formed parts, tables, rows and cells.
 */
export function expectReport(fn: string, name: string, value: unknown): asserts value is Report {
  const problem = reportProblem(value);
  if (problem) fail(fn, name, "a Report (the report of parseReport's result)", problem);
}
