import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from '../src/messages/en';
import type { Messages } from '../src/messages/types';
import { zhCN } from '../src/messages/zh-CN';
import { parsePdf } from '../src/pdf/index';
import { pdfMessages, type PdfMessages } from '../src/pdf/messages';
import { CHECK_CODES, checkHierarchy, compareReports, PARSE_CODES, parseReport, readTable, type Diagnostic } from '../src/index';

const fixtures = join(import.meta.dirname, 'fixtures');

/**
 * The words a Chinese message may hold in Latin letters: file formats, encodings, the library's
 * options, functions and entry points, as the reader types or searches them.
 */
const ALLOWED = new Set(
  'PDF HTML XML Word Excel zip docx doc GB18030 GBK UTF Big5 Latin Windows FFFD OCR pdftotext pdf js xxgk report parseReport parseReports blankAsZero'.split(' '),
);

/** The English words left in a message once quoted source text (in backticks) and code names are out. */
function englishWords(message: string): string[] {
  const bare = message.replace(/`[^`]*`/g, ' ').replace(/\b[a-z0-9]+\/[a-z0-9-]+\b/g, ' ');
  return (bare.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).filter((word) => !ALLOWED.has(word));
}

// ---------------------------------------------------------------------------------------------
// Every message of the catalog, with every variant of the facts it takes. The record is keyed by
// the catalog's methods: a message added to Messages without a case here does not compile.

const table = '表三（收到和处理申请）';
const row = { key: 'granted', label: '（一）予以公开' };
const rows = [row, { key: 'partlyGranted', label: '（二）部分公开' }];
const noValues = [{ kind: 'missing' }, { kind: 'blank' }, { kind: 'notApplicable', raw: '/' }, { kind: 'unreadable', raw: '6件半' }] as const;

type Calls = { [K in keyof Messages]: (say: Messages) => string[] };
const CALLS: Calls = {
  where: (say) => [say.where({ table }), say.where({ table, label: row.label }), say.where({ table, rows })],
  noValue: (say) => noValues.map((why) => say.noValue(why)),
  missingRow: (say) => [say.missingRow({ table, row })],
  ambiguousLabel: (say) => [say.ambiguousLabel({ table, label: '小计', rows })],
  duplicateRow: (say) => [say.duplicateRow({ table, row, label: row.label })],
  outOfOrder: (say) => [say.outOfOrder({ table })],
  unknownRow: (say) => [say.unknownRow({ table }), say.unknownRow({ table, label: '大量' })],
  strayValue: (say) => [say.strayValue({ table, width: 7, beforeItsRow: true }), say.strayValue({ table, width: 7, beforeItsRow: false })],
  unplacedRows: (say) => [say.unplacedRows({ table, given: 1, rows })],
  tooManyValues: (say) => [say.tooManyValues({ where: table, given: 8, expected: 7 })],
  tooFewValues: (say) => [say.tooFewValues({ where: table, given: 6, expected: 7 })],
  noSplit: (say) => [say.noSplit({ where: table, text: '20000011', expected: 7 })],
  ambiguousValues: (say) => [
    say.ambiguousValues({ where: table, text: '8855698', expected: 3, readings: ['88|55|698', '885|5|698'], count: 4, overflow: false }),
    say.ambiguousValues({ where: table, text: '8855698', expected: 3, readings: [], count: 900, overflow: true }),
  ],
  blankCells: (say) => [true, false].map((blankAsZero) => say.blankCells({ table, row, columns: rows, blankAsZero })),
  settled: (say) => [say.settled({ where: table, text: '1234', readings: 2, stated: [{ column: row, value: 12 }], line: 3 })],
  inferred: (say) => [say.inferred({ where: table, text: '0 0 0' })],
  split: (say) => [say.split({ where: table, text: '713000074' })],
  unitConverted: (say) => [say.unitConverted({ where: table, raw: '5000元', value: 0.5 })],
  unitMismatch: (say) => [true, false].map((amounts) => say.unitMismatch({ where: table, raw: '3件', unit: '件', amounts, value: 3 })),
  outOfRange: (say) => [say.outOfRange({ where: table, raw: '123456789012345678', digits: 18 })],
  recovered: (say) => [say.recovered({ where: table, raw: '1O', value: 10 })],
  unreadable: (say) => [say.unreadable({ where: table, raw: '若干' })],
  severalReports: (say) => [1, 3].map((more) => say.severalReports({ more, line: '泸州市2022年政府信息公开工作年度报告' })),
  wrongEncoding: (say) => [
    say.wrongEncoding({ kind: 'replacement', replaced: 40, characters: 100 }),
    say.wrongEncoding({ kind: 'latin1', letters: 50, sample: 'ÕþÎñ' }),
    say.wrongEncoding({ kind: 'noReportWords', han: 300 }),
  ],
  traditionalConverted: (say) => [say.traditionalConverted({ count: 12 })],
  notAReport: (say) => (['empty', 'pdf', 'zip', 'doc', 'markup', 'binary', 'nothing', 'misdecoded'] as const).map((why) => say.notAReport(why)),
  noTitle: (say) => [say.noTitle()],
  pre2019Format: (say) => [say.pre2019Format()],
  missingSection: (say) => [say.missingSection({ numeral: '五', heading: '存在的主要问题及改进情况' })],
  missingTable: (say) => [say.missingTable({ table })],
  identityPlace: (say) => [say.identityPlace({ table: '表三', column: '自然人' }), say.identityPlace({ table: '表三', row: '（七）总计' })],
  side: (say) => {
    const terms = [{ name: '（一）予以公开', value: '3' }, { name: '（二）部分公开', value: '1' }];
    return [say.side({ terms: [], sum: '0', listed: 6 }), say.side({ terms: terms.slice(0, 1), sum: '3', listed: 6 }), say.side({ terms, sum: '4', listed: 6 }), say.side({ terms, sum: '4', listed: 1 })];
  },
  identityFails: (say) => [
    say.identityFails({ place: '表三“自然人”列', identity: '收到 = 办理 + 结转', left: '3', right: '4', difference: '-1', assumedZero: [] }),
    say.identityFails({
      place: '表三“自然人”列',
      identity: '收到 = 办理 + 结转',
      left: '3',
      right: '4',
      difference: '-1',
      assumedZero: ['（二）部分公开'],
      wrongColumn: { at: '自然人', other: '商业企业', total: '总计' },
    }),
  ],
  identityUnchecked: (say) => [
    say.identityUnchecked({ place: '表三“自然人”列', identity: '收到 = 办理 + 结转', unread: noValues.map((why) => ({ term: '（一）予以公开', why })) }),
    say.identityUnchecked({ place: '表三“自然人”列', identity: '收到 = 办理 + 结转', unread: [], withZeros: { left: '3', right: '4', difference: '-1' } }),
  ],
  blanksHolding: (say) => [0, 2].map((moreRows) => say.blanksHolding({ table: '表三', identities: 3, cells: 9, rows: ['（一）予以公开'], moreRows })),
  rowsMissing: (say) => [say.rowsMissing({ table: '表三', identity: '收到 = 办理 + 结转', rows: [{ label: '（七）总计' }, { label: '（一）予以公开', setAsideAs: 'table/too-few-values' }] })],
  negative: (say) => [say.negative({ table: '表三', row: '（一）予以公开', column: '自然人', value: '-1' })],
  notWhole: (say) => [say.notWhole({ table: '表三', row: '（一）予以公开', column: '自然人', value: '1.5' })],
  statedCount: (say) => [
    say.statedCount({ stated: '12', phrase: '收到申请12件', cell: '表三 一、本年新收 总计', value: '10', difference: '+2' }),
    say.statedCount({ stated: '12', sum: '5 + 7', phrase: '其中…', cell: '表三 一、本年新收 总计', value: '10', difference: '+2' }),
  ],
  titlePeriodYear: (say) => [say.titlePeriodYear({ year: 2023, title: '2023年度报告', start: '2022-01-01', end: '2022-12-31' })],
  overviewYear: (say) => [
    say.overviewYear({ year: 2021, sentence: '2021年，本单位…', more: 0, own: [2022], titleYear: 2022, periodYear: null }),
    say.overviewYear({ year: 2021, sentence: '2021年，本单位…', more: 2, own: [2022, 2023], titleYear: 2022, periodYear: 2023 }),
  ],
  allConcluded: (say) => [true, false].map((cases) => say.allConcluded({ cases, numeral: '三', phrase: '全部办结', sentence: '申请全部办结', table: '表三', cells: ['四、结转 总计 2'] })),
  feesUnreported: (say) => [
    say.feesUnreported({ heading: '其他需要报告的事项', charged: { kind: 'sentence', numeral: '三', sentence: '收取信息处理费100元' } }),
    say.feesUnreported({ heading: '其他需要报告的事项', charged: { kind: 'notice', table: '表三', row: '（六）其他处理 3.', column: '总计', value: '1' } }),
  ],
  misnumberedSection: (say) => [say.misnumberedSection({ numeral: '四', heading: '政府信息公开行政复议、行政诉讼情况', written: '三', writtenHeading: '政府信息公开行政复议、行政诉讼情况' })],
  emptyProblems: (say) => ['', '无。'].map((text) => say.emptyProblems({ heading: '存在的主要问题及改进情况', text })),
  carriedOver: (say) => [say.carriedOver({ table: '表三', row: '二、上年结转', column: '总计', thisYear: '2', lastRow: '四、结转下年度继续办理', lastYear: '3', difference: '-1' })],
  inForce: (say) => [
    say.inForce({ table: '表二', row: '规章', inForce: '现行有效件数', thisYear: '5', lastYear: '3', issued: '制发件数', issuedValue: '1', repealed: '废止件数', repealedValue: '0', expected: '4', difference: '+1' }),
  ],
  differentAgencies: (say) => [say.differentAgencies({ agencies: ['渠县', '泸州市'] })],
  notConsecutive: (say) => [say.notConsecutive({ before: 2020, now: 2022 })],
  part: (say) => [say.part({ index: 0, agency: null }), say.part({ index: 1, agency: '渠县' }), say.part({ index: 2, name: '下级/渠县报告', agency: '渠县' })],
  partTrouble: (say) => {
    const troubles = [
      { kind: 'noTable', table: '表三' },
      { kind: 'otherFormat', table: '表二', theirs: '2019', ours: '2021' },
      { kind: 'noRow', row: '（一）予以公开' },
      { kind: 'noColumn', row: '（一）予以公开', column: '法人或其他组织小计' },
      ...noValues.map((why) => ({ kind: 'noValue', row: '（一）予以公开', column: '总计', why }) as const),
    ] as const;
    return troubles.map((trouble) => say.partTrouble({ part: say.part({ index: 0, agency: null }), trouble }));
  },
  summarySum: (say) => [
    say.summarySum({ where: '表三', own: '10', parts: 3, sum: '8', terms: [{ part: '渠县', value: '8' }], zeros: 2, difference: '+2' }),
    say.summarySum({ where: '表三', own: '10', parts: 3, sum: '0', terms: [], zeros: 3, difference: '+10' }),
  ],
  summaryCellNoValue: (say) => noValues.map((why) => say.summaryCellNoValue({ where: '表三', why })),
  partNoValue: (say) => [say.partNoValue({ where: '表三', trouble: '渠县没有表三' })],
  summaryUnchecked: (say) => [0, 4].map((more) => say.summaryUnchecked({ table: '表三', cells: 3, reasons: ['渠县没有表三'], more })),
  differentYears: (say) => [say.differentYears({ year: 2022, others: [{ part: '渠县', year: 2021 }] })],
};

type PdfCalls = { [K in keyof PdfMessages]: (say: PdfMessages) => string[] };
const PDF_CALLS: PdfCalls = {
  pdfNoText: (say) => [1, 4].map((pages) => say.pdfNoText({ pages })),
  pdfUnreadable: (say) => [
    say.pdfUnreadable({ kind: 'empty' }),
    say.pdfUnreadable({ kind: 'locked' }),
    say.pdfUnreadable({ kind: 'notPdf', reason: 'Invalid PDF structure.' }),
    say.pdfUnreadable({ kind: 'damaged', reason: 'Invalid PDF structure.' }),
  ],
};

describe('the messages in Chinese', () => {
  test.each(Object.entries(CALLS))('%s has no English word outside code names', (_, call) => {
    for (const message of call(zhCN)) expect(englishWords(message), message).toEqual([]);
  });

  test.each(Object.entries(PDF_CALLS))('%s (xxgk-report/pdf) has no English word outside code names', (_, call) => {
    for (const message of call(pdfMessages('zh-CN'))) expect(englishWords(message), message).toEqual([]);
  });

  test('the check finds English where there is some', () => {
    // The English catalog, run through the same check: a check that passes anything is no check.
    const english = [...Object.values(CALLS).flatMap((call) => call(en)), ...Object.values(PDF_CALLS).flatMap((call) => call(pdfMessages('en')))];
    const flagged = english.filter((message) => englishWords(message).length > 0);
    expect(flagged.length).toBeGreaterThan(Object.keys(CALLS).length);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: the diagnostics the library gives with locale 'zh-CN', of every code.

function textFixtures(): string[] {
  const out: string[] = [];
  for (const dir of ['corpus', 'real', 'html', 'reviewer', 'cli']) {
    for (const name of readdirSync(join(fixtures, dir))) {
      if (/\.(txt|html)$/.test(name) && !/gbk|big5/.test(name)) out.push(readFileSync(join(fixtures, dir, name), 'utf8'));
    }
  }
  return out;
}

const applications = (received: number, last: number) =>
  `三、收到和处理政府信息公开申请情况\n二、上年结转政府信息公开申请数量\t${received}\t0\t0\t0\t0\t0\t${received}\n四、结转下年度继续办理\t${last}\t0\t0\t0\t0\t0\t${last}`;

/** Inputs for the codes the fixtures do not give. */
const TARGETED = [
  '',
  '%PDF-1.7 binary',
  '2015年某县政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开政府信息情况\n四、政府信息公开的收费及减免情况',
  'Ã¤Â¸Â­Ã¦Â–Â‡'.repeat(20),
  '某县政府信息公开工作年度報告\n一、總體情況\n本機關認真貫徹落實。',
  `${applications(3, 0)}\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1`,
  '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t0\t2\n未经复议直接起诉\t0\t0\t0\t0\t0\n复议后起诉\t0\t0\t0\t0\t0',
  '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t-1\t0\n未经复议直接起诉\t0.5\t0\t0\t0\t0.5\n复议后起诉\t0\t0\t0\t0\t0',
  '二、主动公开政府信息情况\n第二十条第（八）项\n行政事业性收费\t5000元\n行政许可\t3件',
  '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t123456789012345678\t0\t0\t0\t0',
];

async function diagnosticsInChinese(): Promise<Diagnostic[]> {
  const locale = 'zh-CN' as const;
  const all: Diagnostic[] = [];
  for (const text of [...textFixtures(), ...TARGETED]) all.push(...parseReport(text, { locale }).diagnostics);
  all.push(...readTable('reviewLitigation', [['行政复议', '1', '0']], { locale }).diagnostics);
  const report = (year: number, received: number, last: number, agency = '某县') => parseReport(`${year}年${agency}政府信息公开工作年度报告\n${applications(received, last)}`).report;
  all.push(...compareReports(report(2021, 0, 3), report(2022, 2, 0), { locale }));
  all.push(...compareReports(report(2020, 0, 3), report(2022, 2, 0), { locale }));
  all.push(...compareReports(report(2021, 0, 3, '渠县'), report(2022, 2, 0, '泸州市'), { locale }));
  all.push(...checkHierarchy(report(2022, 10, 0), [report(2022, 3, 0), report(2022, 5, 0)], { locale }));
  all.push(...checkHierarchy(report(2022, 10, 0), [report(2021, 3, 0)], { locale }));
  all.push(...checkHierarchy(report(2022, 10, 0), [parseReport('2022年某县政府信息公开工作年度报告').report], { locale }));
  for (const bytes of [new Uint8Array(), new TextEncoder().encode('not a pdf at all')]) all.push(...(await parsePdf(bytes, { locale })).diagnostics);
  return all;
}

describe("diagnostics with locale: 'zh-CN'", () => {
  test('every message of every code found is Chinese', async () => {
    const all = await diagnosticsInChinese();
    const english = all.filter((d) => englishWords(d.message).length > 0).map((d) => `${d.code}: ${d.message}`);
    expect(english).toEqual([]);
    // The inputs reach most codes (every message, with every variant of its facts, is checked
    // above): a run that reached few would say little.
    const found = new Set(all.map((d) => d.code));
    const codes = Object.keys({ ...PARSE_CODES, ...CHECK_CODES });
    expect(found.size).toBeGreaterThanOrEqual(Math.floor(codes.length * 0.7));
    expect([...found].filter((code) => !codes.includes(code))).toEqual([]);
  }, 60_000);

  test("the codes, severities and positions are those of 'en'", () => {
    for (const text of textFixtures().slice(0, 8)) {
      const zh = parseReport(text, { locale: 'zh-CN' }).diagnostics;
      const english = parseReport(text).diagnostics;
      expect(zh.map(({ code, severity, position, cells }) => ({ code, severity, position, cells }))).toEqual(
        english.map(({ code, severity, position, cells }) => ({ code, severity, position, cells })),
      );
    }
  });

  test('a locale that is none is a TypeError naming the option', () => {
    expect(() => parseReport('', { locale: 'zh' as never })).toThrow(new TypeError("parseReport: options.locale must be one of 'zh-CN', 'en', got 'zh'"));
    expect(() => compareReports(parseReport('').report, parseReport('').report, { locale: 'fr' as never })).toThrow(/compareReports: options\.locale/);
  });
});
