import { readFileSync, readdirSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../grammar/index';
import * as api from '../src/index';
import type { Report } from '../src/index';
import { RENDER_LAYOUTS } from '../src/render/layouts';
import { build, model } from './helpers/model';

// Every public function, given a wrong argument, throws a TypeError naming itself, the argument
// and what it may be; given a right one it works as before.

const fixture = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url), 'utf8');
// A small sound report with all six parts and three tables, and a narrative finding (so that
// checkReport with `text` locates a sentence).
const TEXT = fixture('corpus/001_b5fe446b3f679b76.txt');
const REPORT: Report = api.parseReport(TEXT, { check: false }).report;
const fresh = (): Report => structuredClone(REPORT);
const LINES = api.splitLines(api.normalize(TEXT).text);
const KINDS = api.classifyLines(LINES);
const TABLE_KEYS = TABLES.map((table) => table.key);

type Call = () => unknown;

/** The TypeError a call throws (failing the test when it throws none, or another error). */
function typeErrorOf(call: Call): TypeError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return error as TypeError;
  }
  throw new Error('expected a TypeError, got a return');
}

/** Asserts the call throws a TypeError naming the function and the argument, and returns its message. */
function rejects(fn: string, argument: string, call: Call): string {
  const { message } = typeErrorOf(call);
  expect(message.startsWith(`${fn}: ${argument} must be `), message).toBe(true);
  return message;
}

// ---------------------------------------------------------------------------------------------
// (a) One case per function, and the cases that used to fail inside.

describe('the cases that used to fail inside or pass silently', () => {
  it('parseReport(text, null) names options', () => {
    expect(rejects('parseReport', 'options', () => api.parseReport(TEXT, null as never))).toMatch(/got null$/);
  });

  it('checkReport({}) says the object has no tables', () => {
    expect(typeErrorOf(() => api.checkReport({} as never)).message).toBe(
      "checkReport: report must be a Report (the report of parseReport's result), got an object without tables",
    );
  });

  it('renderReport with an unknown layout lists the layouts', () => {
    expect(rejects('renderReport', 'options.layout', () => api.renderReport(fresh(), { layout: 'docx' as never }))).toBe(
      "renderReport: options.layout must be one of 'tab', 'pipe', 'cell-per-line', 'html', got 'docx'",
    );
  });

  it("readTable with an unknown key lists grammar/'s table keys", () => {
    const message = rejects('readTable', 'key', () => api.readTable('nope' as never, []));
    expect(message).toBe(`readTable: key must be one of ${TABLE_KEYS.map((key) => `'${key}'`).join(', ')}, got 'nope'`);
  });

  it('readTable with a string for cells names cells', () => {
    expect(rejects('readTable', 'cells', () => api.readTable('applications', 'str' as never))).toMatch(/got a string$/);
  });
});

describe('each public function', () => {
  it('parseReports: text and each option', () => {
    rejects('parseReports', 'text', () => api.parseReports(42 as never));
    rejects('parseReports', 'options', () => api.parseReports(TEXT, null as never));
    expect(rejects('parseReports', 'options.blankAsZero', () => api.parseReports(TEXT, { blankAsZero: 'no' } as never))).toMatch(/must be a boolean, got a string$/);
  });

  it('parseReport: text (the message it always had), and each option', () => {
    expect(typeErrorOf(() => api.parseReport(42 as never)).message).toBe('parseReport expects the report as a string, got number');
    rejects('parseReport', 'options', () => api.parseReport(TEXT, 'fast' as never));
    rejects('parseReport', 'options', () => api.parseReport(TEXT, [] as never));
    for (const option of ['blankAsZero', 'convertTraditional', 'check']) {
      expect(rejects('parseReport', `options.${option}`, () => api.parseReport(TEXT, { [option]: 'no' }))).toMatch(
        /must be a boolean, got a string$/,
      );
    }
  });

  it('checkReport: report, down to a cell, and each option', () => {
    rejects('checkReport', 'report', () => api.checkReport(null as never));
    expect(rejects('checkReport', 'report', () => api.checkReport(api.parseReport(TEXT) as never))).toMatch(/whole result/);
    const report = fresh();
    Object.assign(report.tables.applications?.rows.newReceived?.total ?? {}, { value: '32' });
    expect(rejects('checkReport', 'report', () => api.checkReport(report))).toMatch(
      /got an object whose tables\.applications\.rows\.newReceived\.total\.value is a string, not a number or null$/,
    );
    const noSubsections = fresh();
    delete (noSubsections.sections.overview as { subsections?: unknown }).subsections;
    expect(rejects('checkReport', 'report', () => api.checkReport(noSubsections))).toMatch(/without sections\.overview\.subsections$/);
    rejects('checkReport', 'options', () => api.checkReport(fresh(), null as never));
    rejects('checkReport', 'options.blankAsZero', () => api.checkReport(fresh(), { blankAsZero: 1 as never }));
    rejects('checkReport', 'options.text', () => api.checkReport(fresh(), { text: [TEXT] as never }));
    rejects('checkReport', 'options.narrative', () => api.checkReport(fresh(), { narrative: 'off' as never }));
  });

  it('compareReports: previous and current', () => {
    rejects('compareReports', 'previous', () => api.compareReports(undefined as never, fresh()));
    expect(rejects('compareReports', 'current', () => api.compareReports(fresh(), { ...fresh(), meta: { ...REPORT.meta, year: '2023' } } as never))).toMatch(
      /whose meta\.year is a string, not a number or null$/,
    );
  });

  it('renderReport: report and options', () => {
    rejects('renderReport', 'report', () => api.renderReport([] as never));
    const report = fresh();
    (report.meta as { date: unknown }).date = 20230120;
    expect(rejects('renderReport', 'report', () => api.renderReport(report))).toMatch(/whose meta\.date is a number, not a string or null$/);
    rejects('renderReport', 'options', () => api.renderReport(fresh(), 'pipe' as never));
    rejects('renderReport', 'options.layout', () => api.renderReport(fresh(), { layout: 1 as never }));
  });

  it('readTable: key, cells (down to a cell) and options', () => {
    rejects('readTable', 'key', () => api.readTable(undefined as never, []));
    expect(rejects('readTable', 'cells', () => api.readTable('reviewLitigation', [['行政复议', 1]] as never))).toMatch(
      /got an array whose row 0 has a number at cell 1$/,
    );
    expect(rejects('readTable', 'cells', () => api.readTable('reviewLitigation', ['行政复议'] as never))).toMatch(/row 0 is a string$/);
    rejects('readTable', 'options', () => api.readTable('reviewLitigation', [], null as never));
    rejects('readTable', 'options.blankAsZero', () => api.readTable('reviewLitigation', [], { blankAsZero: 'yes' as never }));
  });

  it('readCell, hasTraditional, splitLines, classifyLine, lex: text', () => {
    expect(rejects('readCell', 'text', () => api.readCell(3 as never))).toMatch(/got a number$/);
    rejects('hasTraditional', 'text', () => api.hasTraditional(undefined as never));
    rejects('splitLines', 'text', () => api.splitLines(['a'] as never));
    rejects('classifyLine', 'text', () => api.classifyLine({ text: 'a' } as never));
    expect(rejects('lex', 'text', () => api.lex(Buffer.from('规章') as never))).toMatch(/decode it to a string first/);
  });

  it('decodeReport: bytes and options', () => {
    expect(rejects('decodeReport', 'bytes', () => api.decodeReport('规章' as never))).toMatch(/got a string$/);
    rejects('decodeReport', 'options', () => api.decodeReport(Buffer.from('规章'), 'gbk' as never));
    expect(rejects('decodeReport', 'options.encoding', () => api.decodeReport(Buffer.from('规章'), { encoding: 'nope' }))).toMatch(/got "nope"$/);
  });

  it('normalize: input and options', () => {
    rejects('normalize', 'input', () => api.normalize(null as never));
    rejects('normalize', 'options', () => api.normalize('x', false as never));
    rejects('normalize', 'options.convertTraditional', () => api.normalize('x', { convertTraditional: 0 as never }));
  });

  it('classifyLines and readOutline: lines, and kinds', () => {
    rejects('classifyLines', 'lines', () => api.classifyLines('一、总体情况' as never));
    expect(rejects('classifyLines', 'lines', () => api.classifyLines([LINES[0], null] as never))).toMatch(/item 1 is null$/);
    rejects('readOutline', 'lines', () => api.readOutline([{ start: 0 }] as never, 'H'));
    rejects('readOutline', 'kinds', () => api.readOutline(LINES, undefined as never));
    expect(rejects('readOutline', 'kinds', () => api.readOutline(LINES, `${KINDS}H`))).toMatch(
      new RegExp(`got ${KINDS.length + 1} characters for ${LINES.length} lines$`),
    );
  });
});

describe('right arguments still work', () => {
  it('options left undefined, and options the function does not know, change nothing', () => {
    expect(api.parseReport(TEXT, { check: undefined, later: true } as never)).toEqual(api.parseReport(TEXT));
    expect(api.renderReport(fresh(), { layout: undefined })).toBe(api.renderReport(fresh()));
    expect(api.checkReport(fresh(), { text: undefined, narrative: true })).toEqual(api.checkReport(fresh()));
    expect(api.readTable('reviewLitigation', [['行政复议', '1', '0', '0', '0', '1']], {}).table.rows.review?.total.value).toBe(1);
    expect(api.readOutline(LINES, KINDS).sections.length).toBe(6);
  });

  it('every report of the fixtures, parsed, is a Report to checkReport, compareReports and renderReport', () => {
    const texts = ['corpus', 'real'].flatMap((directory) =>
      readdirSync(new URL(`fixtures/${directory}`, import.meta.url))
        .filter((file) => file.endsWith('.txt'))
        .map((file) => fixture(`${directory}/${file}`)),
    );
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      const { report } = api.parseReport(text, { check: false });
      expect(() => api.checkReport(report, { text })).not.toThrow();
      expect(() => api.compareReports(report, report)).not.toThrow();
      expect(() => api.renderReport(report)).not.toThrow();
    }
  });

  it('reports built by hand as the AST types them are Reports', () => {
    for (const m of fc.sample(model, { numRuns: 20, seed: 1 })) {
      const report = build(m);
      expect(() => api.checkReport(report)).not.toThrow();
      expect(() => api.renderReport(report, { layout: 'pipe' })).not.toThrow();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Any value for any argument: a return, or a TypeError of the function's own.

/** The messages of the argument checks: `fn: argument must be …` (parseReport's text has its own). */
function ownMessage(fn: string, message: string): boolean {
  if (fn === 'parseReport' && message.startsWith('parseReport expects the report as a string, got ')) return true;
  return message.startsWith(`${fn}: `) && message.includes(' must be ');
}

function returnsOrOwnTypeError(fn: string, call: Call): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof TypeError) || !ownMessage(fn, error.message)) {
      throw new Error(`${fn} threw ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : 'a non-error'}`, { cause: error });
    }
  }
}

/**
 * A property path of the report: a walk down from the root, a key chosen at each level, as deep as
 * the choices go. Every level is as likely to be struck as the next, so that the few fields of
 * the report and its tables are struck as often as the many of its cells.
 */
const path: fc.Arbitrary<readonly string[]> = fc.array(fc.nat(), { minLength: 1, maxLength: 9 }).map((choices) => {
  const keys: string[] = [];
  let node: unknown = REPORT;
  for (const choice of choices) {
    if (typeof node !== 'object' || node === null) break;
    const names = Object.keys(node);
    if (names.length === 0) break;
    const key = names[choice % names.length] as string;
    keys.push(key);
    node = (node as Record<string, unknown>)[key];
  }
  return keys;
});

/** Paths of the report's nodes (each table, row, cell, part, subsection…: what has a `type`). */
function nodePaths(value: unknown, path: readonly string[] = [], out: (readonly string[])[] = []): (readonly string[])[] {
  if (typeof value !== 'object' || value === null) return out;
  if ('type' in value && path.length > 0) out.push(path);
  for (const [key, child] of Object.entries(value)) nodePaths(child, [...path, key], out);
  return out;
}
const NODE_PATHS = nodePaths(REPORT);
const nodeAt = (keys: readonly string[]) => keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], REPORT);
/** A node of the report, or one of its fields: cells are most of the nodes, and the checks read their fields. */
const nodeField: fc.Arbitrary<readonly string[]> = fc
  .constantFrom(...NODE_PATHS)
  .chain((keys) => fc.oneof(fc.constant(keys), fc.constantFrom(...Object.keys(nodeAt(keys) as object)).map((key) => [...keys, key])));

type Mutation = { path: readonly string[]; delete: true } | { path: readonly string[]; delete: false; value: unknown };

/** Values of the wrong kind that look almost right, and values no JSON has. */
const nearMiss = fc.constantFrom<unknown>(null, undefined, '', '1', 0, -1, 1.5, Number.NaN, true, [], {}, [{}], { type: 'cell' });
const oddity = fc.constantFrom<unknown>(Symbol('x'), 10n, Object.create(null), new Map(), new Date(0), new Uint8Array(2), () => 'x');
/** Anything fast-check makes (bigints, boxed values, maps, dates, typed arrays… included), and the oddities. */
const anything = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  nearMiss,
  oddity,
);

const mutation: fc.Arbitrary<Mutation> = fc.record({ path: fc.oneof(path, nodeField), delete: fc.boolean(), value: anything }) as fc.Arbitrary<Mutation>;

function mutate(report: Report, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(report) as unknown as Record<string, unknown>;
  for (const change of mutations) {
    // An earlier change may have replaced a node on the way: then this one strikes nothing.
    let parent: unknown = copy;
    for (const key of change.path.slice(0, -1)) {
      parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
    }
    if (typeof parent !== 'object' || parent === null) continue;
    const last = change.path[change.path.length - 1] as string;
    if (change.delete) delete (parent as Record<string, unknown>)[last];
    else (parent as Record<string, unknown>)[last] = change.value;
  }
  return copy;
}

/** A real report, the report with a few fields deleted or replaced, or anything at all. */
const reportArg = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null).map(() => fresh() as unknown) },
  { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutate(REPORT, mutations)) },
  { weight: 1, arbitrary: anything },
);

/** An options object of the function's known keys, each right, wrong or absent, maybe with an unknown key. */
function optionsArg(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const wrongOrRight = Object.fromEntries(Object.entries(shape).map(([key, right]) => [key, fc.oneof(right, anything)]));
  return fc.oneof(
    fc.constant(undefined),
    fc.record({ ...wrongOrRight, unknownOption: anything }, { requiredKeys: [] }),
    anything,
  );
}

const shortText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.nat({ max: TEXT.length }).chain((start) => fc.nat({ max: 400 }).map((length) => TEXT.slice(start, start + length))),
);
const textArg = fc.oneof({ weight: 3, arbitrary: shortText }, { weight: 1, arbitrary: anything });

const linesArg = fc.oneof(
  shortText.map((text) => api.splitLines(text) as unknown),
  fc.array(fc.oneof(fc.record({ text: fc.oneof(fc.string({ maxLength: 12 }), anything) }), anything), { maxLength: 6 }),
  fc.constant(LINES),
  anything,
);
const kindsArg = fc.oneof(
  fc.stringMatching(/^[HARSNELTB-]{0,8}$/),
  fc.constant(KINDS),
  anything,
);

const TABLE_ROWS = TEXT.split('\n').map((line) => line.split('\t'));
const cellsArg = fc.oneof(
  fc.nat({ max: TABLE_ROWS.length }).chain((start) => fc.nat({ max: 30 }).map((length) => TABLE_ROWS.slice(start, start + length) as unknown)),
  fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 8 }), { maxLength: 6 }),
  fc.array(fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 4 }), anything), { maxLength: 4 }), anything), { maxLength: 4 }),
  anything,
);
const keyArg = fc.oneof(fc.constantFrom<unknown>(...TABLE_KEYS), fc.constantFrom<unknown>('toString', '__proto__', 'Applications'), anything);

const parseOptions = optionsArg({ blankAsZero: fc.boolean(), convertTraditional: fc.boolean(), check: fc.boolean() });
const checkOptions = optionsArg({
  blankAsZero: fc.boolean(),
  narrative: fc.boolean(),
  text: fc.oneof(fc.constant(TEXT), fc.string({ maxLength: 20 }), fc.constant(TEXT.slice(0, 2000))),
});
const renderOptions = optionsArg({ layout: fc.constantFrom(...RENDER_LAYOUTS) });
const normalizeOptions = optionsArg({ convertTraditional: fc.boolean() });
const readTableOptions = optionsArg({ blankAsZero: fc.boolean() });
const decodeOptions = optionsArg({ encoding: fc.constantFrom('utf-8', 'gb18030', 'big5', 'utf-16le', 'latin1', 'nope', '') });
/** Bytes of text (UTF-8, read as any of the encodings), any bytes, and anything. */
const bytesArg = fc.oneof(
  shortText.map((text) => Buffer.from(text) as unknown),
  shortText.map((text) => new TextEncoder().encode(text) as unknown),
  fc.uint8Array({ maxLength: 64 }),
  anything,
);

// FC_RUNS (test/setup.ts, 200 by default) scales the runs of each property below.
const runs = (n: number) => Math.max(1, Math.round((n * Number(process.env.FC_RUNS ?? 200)) / 200));

describe('called with anything, every public function returns or throws its own TypeError', () => {
  // A parse of the fixture takes milliseconds: fewer runs where the text can be the whole report.
  test.prop([fc.oneof(textArg, fc.constant(TEXT)), parseOptions], { numRuns: runs(150) })('parseReport', (text, options) => {
    returnsOrOwnTypeError('parseReport', () => api.parseReport(text as string, options as never));
  });

  test.prop([fc.oneof(textArg, fc.constant(TEXT)), parseOptions], { numRuns: runs(100) })('parseReports', (text, options) => {
    returnsOrOwnTypeError('parseReports', () => api.parseReports(text as string, options as never));
  });

  test.prop([fc.oneof(fc.anything(), fc.constant(api.parseReport(TEXT).diagnostics)), fc.oneof(fc.anything(), fc.record({ source: fc.oneof(fc.string(), fc.anything()), frame: fc.oneof(fc.constantFrom('errors', 'all', 'none'), fc.anything()), color: fc.anything() }, { requiredKeys: [] }))], { numRuns: runs(300) })('formatDiagnostics', (diagnostics, options) => {
    returnsOrOwnTypeError('formatDiagnostics', () => api.formatDiagnostics(diagnostics as never, options as never));
  });

  test.prop([fc.oneof(fc.string(), fc.anything()), fc.oneof(fc.string(), fc.anything())], { numRuns: runs(300) })('sameAgency', (a, b) => {
    returnsOrOwnTypeError('sameAgency', () => api.sameAgency(a as string, b as string));
  });

  test.prop([reportArg, checkOptions], { numRuns: runs(1000) })('checkReport', (report, options) => {
    returnsOrOwnTypeError('checkReport', () => api.checkReport(report as Report, options as never));
  });

  test.prop([reportArg, reportArg], { numRuns: runs(600) })('compareReports', (previous, current) => {
    returnsOrOwnTypeError('compareReports', () => api.compareReports(previous as Report, current as Report));
  });

  test.prop([reportArg, renderOptions], { numRuns: runs(600) })('renderReport', (report, options) => {
    returnsOrOwnTypeError('renderReport', () => api.renderReport(report as Report, options as never));
  });

  test.prop([keyArg, cellsArg, readTableOptions], { numRuns: runs(300) })('readTable', (key, cells, options) => {
    returnsOrOwnTypeError('readTable', () => api.readTable(key as never, cells as never, options as never));
  });

  // Bytes that are not text are the one failure of decodeReport's own besides a TypeError.
  test.prop([bytesArg, decodeOptions], { numRuns: runs(300) })('decodeReport', (bytes, options) => {
    returnsOrOwnTypeError('decodeReport', () => {
      try {
        return api.decodeReport(bytes as Uint8Array, options as never);
      } catch (error) {
        if (error instanceof api.DecodeError) return error;
        throw error;
      }
    });
  });

  test.prop([textArg], { numRuns: runs(200) })('readCell', (text) => {
    returnsOrOwnTypeError('readCell', () => api.readCell(text as string));
  });

  test.prop([textArg, normalizeOptions], { numRuns: runs(200) })('normalize', (input, options) => {
    returnsOrOwnTypeError('normalize', () => api.normalize(input as string, options as never));
  });

  test.prop([textArg], { numRuns: runs(200) })('hasTraditional, splitLines, classifyLine, lex', (text) => {
    returnsOrOwnTypeError('hasTraditional', () => api.hasTraditional(text as string));
    returnsOrOwnTypeError('splitLines', () => api.splitLines(text as string));
    returnsOrOwnTypeError('classifyLine', () => api.classifyLine(text as string));
    returnsOrOwnTypeError('lex', () => api.lex(text as string));
  });

  test.prop([linesArg], { numRuns: runs(200) })('classifyLines', (lines) => {
    returnsOrOwnTypeError('classifyLines', () => api.classifyLines(lines as never));
  });

  test.prop([linesArg, kindsArg], { numRuns: runs(300) })('readOutline', (lines, kinds) => {
    // Kinds that fit the lines, as well as any: the outline reads the lines its kinds mark H.
    const fitting = Array.isArray(lines) && typeof kinds === 'string' ? kinds.padEnd(lines.length, 'H').slice(0, lines.length) : kinds;
    returnsOrOwnTypeError('readOutline', () => api.readOutline(lines as never, kinds as never));
    returnsOrOwnTypeError('readOutline', () => api.readOutline(lines as never, fitting as never));
  });
});
