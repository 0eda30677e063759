import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVE_DISCLOSURE_2019,
  ACTIVE_DISCLOSURE_2021,
  APPLICATIONS,
  NOT_APPLICABLE,
  PRE_2019_HEADING_PHRASES,
  REVIEW_LITIGATION,
  SECTIONS,
  TABLES,
} from '../grammar/index';
import { parseReport, type ParseResult } from '../src/index';
import { corpusReport } from './helpers/corpus';

/**
 * A parse of a few kilobytes takes milliseconds; the budget is two orders of magnitude above
 * that, so only runaway work (backtracking, rescans) fails it, not a busy CI machine.
 */
const BUDGET_MS = 500;

/** Parses within the budget and checks what every result must satisfy, whatever the input. */
function parseWithinBudget(text: string): ParseResult {
  const started = performance.now();
  const result = parseReport(text);
  const elapsed = performance.now() - started;
  expect(elapsed, `${text.length} characters took ${elapsed.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
  expect(result.report.type).toBe('report');
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const diagnostic of result.diagnostics) {
    expect(typeof diagnostic.code).toBe('string');
    const position = diagnostic.position;
    if (position) {
      expect(position.start.offset).toBeGreaterThanOrEqual(0);
      expect(position.end.offset).toBeLessThanOrEqual(text.length);
    }
  }
  const { start, end } = result.report.position;
  expect(start.offset).toBeGreaterThanOrEqual(0);
  expect(end.offset).toBeGreaterThanOrEqual(start.offset);
  expect(end.offset).toBeLessThanOrEqual(text.length);
  return result;
}

// Any UTF-16 code unit, lone surrogates included (paired ones may also arise by chance).
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
// Any code point, astral ones included.
const codePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
// The characters the parser branches on.
const special = fc.constantFrom('\t', '|', '\n', '\r\n', '\r', ' ', '\u3000', '\u00A0', '\u200B', '\u2028', '0', '7', '9', '?', '？', ',', '，', '、', '。', '(', '（', '）', '#', '*', '-', '—', '０');
const anyText = fc.string({
  unit: fc.oneof({ weight: 3, arbitrary: codePoint }, { weight: 1, arbitrary: codeUnit }, { weight: 3, arbitrary: special }),
  maxLength: 600,
});

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const phrases = [
  ...SECTIONS.flatMap((s) => [`${s.numeral}、${s.heading}`, s.heading, ...s.phrases]),
  ...PRE_2019_HEADING_PHRASES,
  ...[ACTIVE_DISCLOSURE_2021, ACTIVE_DISCLOSURE_2019].flatMap((t) => [
    ...t.rows.flatMap((r) => [r.label, ...r.phrases]),
    ...t.columns.flatMap((c) => [c.label, ...c.phrases]),
    ...t.blocks.map((b) => `第二十条第${b.article}项`),
  ]),
  ...APPLICATIONS.columns.flatMap((c) => [c.label, ...c.phrases]),
  ...APPLICATIONS.groups.flatMap((g) => [g.label, ...g.phrases]),
  ...APPLICATIONS.headings.flatMap((h) => [h.label, ...h.phrases]),
  ...APPLICATIONS.rows.flatMap((r) => [r.label, ...r.phrases]),
  ...REVIEW_LITIGATION.rows.flatMap((r) => [r.label, ...r.phrases]),
  ...REVIEW_LITIGATION.columns.flatMap((c) => [c.label, ...c.phrases]),
  ...TABLES.flatMap((t) => t.anchors),
  ...NOT_APPLICABLE,
  ...NUMERALS.map((n) => `（${n}）`),
  ...NUMERALS.map((n) => `${n}、`),
  '2022年度政府信息公开工作年度报告',
  '统计期限为2022年1月1日至2022年12月31日',
  '2023年2月6日',
  '刚政办〔2023〕5号',
  '（单位：万元）',
  '万元',
  '件',
  '## ',
  '**',
  '| --- | --- |',
  '習(xí)',
  ',,',
];
// Tokens of the format: its labels and headings, numbers in the shapes cells take, separators.
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...phrases) },
  { weight: 3, arbitrary: fc.nat({ max: 99999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0?', '?0', '3？', '1,234', '4466.165', '１２', '251000元', '-5', '007') },
  { weight: 3, arbitrary: fc.constantFrom('\t', '|', ' ', '\n', '\n\n', '\r\n', '\t\t', ' | ', '\u3000') },
  { weight: 1, arbitrary: codePoint },
);
const formatText = fc.array(token, { maxLength: 300 }).map((tokens) => tokens.join(''));
// Whole tables of random shape: rows of a label and values, joined as one layout.
const tableText = fc
  .record({
    heading: fc.constantFrom(...SECTIONS.map((s) => `${s.numeral}、${s.heading}`)),
    separator: fc.constantFrom('\t', ' | ', '\n', ' '),
    rows: fc.array(
      fc.record({
        label: fc.constantFrom(...phrases),
        values: fc.array(fc.oneof(fc.nat({ max: 999 }).map(String), fc.constantFrom('', '/', '0?', '无')), { maxLength: 10 }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ heading, separator, rows }) =>
    [heading, ...rows.map((row) => [row.label, ...row.values].join(separator))].join(separator === '\n' ? '\n\n' : '\n'),
  );

describe('parseReport on any string', () => {
  // The first parse builds the traditional-script converter and warms the engine; the budget is
  // for the parse itself.
  beforeAll(() => {
    parseReport(corpusReport('002').text);
  });

  test.prop([anyText])('returns a result for arbitrary Unicode, lone surrogates included', (text) => {
    parseWithinBudget(text);
  });

  test.prop([formatText])('returns a result for text made of the format’s own labels, headings and numbers', (text) => {
    parseWithinBudget(text);
  });

  test.prop([tableText])('returns a result for tables of any shape under any part heading', (text) => {
    parseWithinBudget(text);
  });

  test.prop([fc.constantFrom('\t', '|', '（一）', '一、', '1', '\n', ' ', '?', ',', '(', '*'), fc.integer({ min: 1, max: 20_000 })])(
    'returns a result for one character or numeral repeated',
    (unit, times) => {
      parseWithinBudget(unit.repeat(times));
    },
  );

  it.each([
    ['empty', ''],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate after a heading', '一、总体情况\uDC00'],
    ['a BOM only', '\uFEFF'],
    ['CR only', '\r\r\r'],
    ['a NUL', '\0'],
    ['a separator row only', '|---|---|'],
    ['a heading without a body', '三、收到和处理政府信息公开申请情况'],
    ['a row without a table', '本年新收\t1\t2\t3'],
    ['a subsection with a line separator', '一、总体情况\n（一）主动公开\u2028方面'],
  ])('returns a result for %s', (_, text) => {
    parseWithinBudget(text);
  });
});

describe('parseReport on what is not a string', () => {
  it.each([
    ['undefined', undefined, /got undefined/],
    ['null', null, /got null/],
    ['a number', 42, /got number/],
    ['a Buffer', Buffer.from('一、总体情况'), /got (object|a Buffer)/],
    ['an object', { text: '一、总体情况' }, /got object/],
    ['an array', ['一、总体情况'], /got an array/],
  ])('throws a TypeError naming what it got for %s', (_, input, got) => {
    const call = () => parseReport(input as unknown as string);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(/expects the report as a string/);
    expect(call).toThrow(got);
  });
});
