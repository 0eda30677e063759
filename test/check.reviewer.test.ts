import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cell, Diagnostic, Position, Report } from '../src/index';
import { checkReport, parseReport } from '../src/index';
import { corpusReport } from './helpers/corpus';

/**
 * The reviewer's checks, on real report texts damaged the way real reports are damaged (see
 * test/fixtures/reviewer/README.md for where each comes from and what was done to it):
 *
 * - structure/misnumbered-section: a part recognised by its heading's words, numbered wrongly;
 * - structure/empty-problems: part 五 empty or only 无;
 * - narrative/year-mismatch: the title's year, the statistics period and part 一 disagree;
 * - narrative/all-concluded, narrative/all-cases-closed: "all concluded" against the tables;
 * - narrative/fees-unreported: part 六 silent on 信息处理费 that the report says were charged;
 * - meta: a title wrapped over two lines, a crawler's `标题：` label.
 */

const NEW_CODES = [
  'structure/misnumbered-section',
  'structure/empty-problems',
  'narrative/year-mismatch',
  'narrative/all-concluded',
  'narrative/all-cases-closed',
  'narrative/fees-unreported',
];
const isNew = (d: Diagnostic) => NEW_CODES.includes(d.code) || d.code.startsWith('hierarchy/');

const fixture = (name: string) => readFileSync(new URL(`fixtures/reviewer/${name}`, import.meta.url), 'utf8');
const real = (name: string) => readFileSync(new URL(`fixtures/real/${name}`, import.meta.url), 'utf8');
const corpus = (number: string) => corpusReport(number).text;
const at = (text: string, position: Position | undefined) => text.slice(position?.start.offset, position?.end.offset);
const found = (text: string, code: string) => parseReport(text).diagnostics.filter((d) => d.code === code);

/** Replaces each `from` (which must occur exactly once) by its `to`: the damage, spelled out. */
function damage(text: string, edits: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of edits) {
    expect(out.split(from).length - 1, `\`${from.slice(0, 30)}\` occurs once`).toBe(1);
    out = out.replace(from, to);
  }
  return out;
}

type Rows = Record<string, Record<string, unknown>>;
/** Every table value of a parse, `table.row.column` → value. */
function values(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [table, node] of Object.entries(report.tables)) {
    for (const [row, cells] of Object.entries(node.rows as Rows)) {
      for (const [column, cell] of Object.entries(cells)) if ((cell as Cell | undefined)?.type === 'cell') out[`${table}.${row}.${column}`] = (cell as Cell).value;
    }
  }
  return out;
}

describe('parts numbered wrongly (structure/misnumbered-section)', () => {
  it('corpus 000 with its parts renumbered after a part of its own (二、工作机制保障 before 一、主动公开…): all six parts, five warnings at the headings, the same tables', () => {
    const text = fixture('misnumbered-parts.txt');
    const { report, diagnostics } = parseReport(text);
    expect(Object.values(report.sections).map((s) => `${s.numeral} ${s.key}`)).toEqual([
      '一 overview',
      '一 activeDisclosure',
      '二 applications',
      '三 reviewLitigation',
      '四 problems',
      '五 other',
    ]);
    // The part of its own stays part 一's text: it names no part of the format.
    expect(report.sections.overview?.text).toContain('二、工作机制保障');
    const misnumbered = diagnostics.filter((d) => d.code === 'structure/misnumbered-section');
    expect(misnumbered.map((d) => at(text, d.position))).toEqual([
      '一、主动公开政府信息情况',
      '二、收到和处理政府信息公开申请情况',
      '三、政府信息公开行政复议、行政诉讼情况',
      '四、存在的主要问题及改进措施',
      '五、其他需要报告的事项',
    ]);
    expect(misnumbered.every((d) => d.severity === 'warning')).toBe(true);
    expect(misnumbered[0]?.message).toBe(
      'Part 二、主动公开政府信息情况 is numbered 一 (`一、主动公开政府信息情况`); it was recognised by its heading\'s words, as part 二',
    );
    expect(diagnostics.filter((d) => d.code.startsWith('structure/missing'))).toEqual([]);
    expect(values(report)).toEqual(values(parseReport(corpus('000')).report));
  });

  it('real 009 numbers the tables\' parts 一 to 三 and 其他 五 after its own six parts: parts 四 and 六 are found, and said to be misnumbered', () => {
    // Evidence in the source: after `六、政府信息公开平台建设` it goes on with
    // `一、主动公开政府信息情况`, `二、收到和处理政府信息公开申请情况`,
    // `三、政府信息公开行政复议、行政诉讼情况` and `五、其他需要报告的事项`.
    const text = real('009.txt');
    const { report, diagnostics } = parseReport(text);
    expect(Object.keys(report.sections)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'other']);
    expect(diagnostics.filter((d) => d.code === 'structure/misnumbered-section').map((d) => [at(text, d.position), d.position?.start.line])).toEqual([
      ['三、政府信息公开行政复议、行政诉讼情况', 140],
      ['五、其他需要报告的事项', 159],
    ]);
    // Part 六's text is its own now, no longer the end of part 三.
    expect(report.sections.other?.text).toBe('本年度信息公开处理费收费情况\n2024 年，市科委未发生政府信息公开收费事项。');
    expect(report.sections.applications?.text).toBe('');
  });

  it('a point of part 一 numbered as a part (`一、主动公开情况`) is not taken for part 二 when no table follows it', () => {
    const text = damage(corpus('000'), [
      ['（一）主动公开方面', '一、主动公开情况'],
      ['二、主动公开政府信息情况\n', ''],
    ]);
    const { report, diagnostics } = parseReport(text);
    expect(report.sections.activeDisclosure).toBeUndefined();
    expect(report.sections.overview?.text).toContain('一、主动公开情况');
    expect(diagnostics.filter((d) => d.code === 'structure/misnumbered-section')).toEqual([]);
  });

  it('numbered points of part 五 (`一、主要问题`, `二、改进措施`) are not taken for parts when part 五\'s heading is lost', () => {
    const text = damage(corpus('004'), [
      ['五、存在的主要问题及改进情况\n', ''],
      ['（一）主要问题。', '一、主要问题。\n'],
      ['（二）改进措施。', '二、改进措施。\n'],
    ]);
    const { report, diagnostics } = parseReport(text);
    expect(Object.keys(report.sections)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'other']);
    expect(diagnostics.filter((d) => d.code === 'structure/misnumbered-section')).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'structure/missing-section').map((d) => d.message)).toEqual(['Part 五、存在的主要问题及改进情况 was not found']);
  });

  it('a pre-2019 report, whose parts are numbered its own way, has no misnumbered part', () => {
    const text = [
      '某县2017年政府信息公开工作年度报告',
      '一、概述',
      '本年度我县认真贯彻《条例》。',
      '二、主动公开政府信息情况',
      '全年主动公开政府信息1200条。',
      '三、依申请公开政府信息情况',
      '全年收到申请3件。',
      '四、政府信息公开的收费及减免情况',
      '未收取任何费用。',
      '五、因政府信息公开申请提起行政复议、诉讼的情况',
      '无。',
      '六、主要问题和改进措施',
      '公开内容有待丰富。',
    ].join('\n');
    const { report, diagnostics } = parseReport(text);
    expect(report.meta.formatVersion).toBe('pre-2019');
    expect(diagnostics.filter(isNew)).toEqual([]);
  });

  it('checkReport finds a misnumbered part in a report built by hand, at the part without the text', () => {
    const { report } = parseReport(corpus('000'), { check: false });
    const part = report.sections.reviewLitigation as NonNullable<Report['sections']['reviewLitigation']>;
    part.numeral = '三';
    const findings = checkReport(report).filter((d) => d.code === 'structure/misnumbered-section');
    expect(findings.map((d) => d.position)).toEqual([part.position]);
    // With the text, the heading's line.
    const withText = checkReport(report, { text: corpus('000') }).filter((d) => d.code === 'structure/misnumbered-section');
    expect(at(corpus('000'), withText[0]?.position)).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });
});

describe('part 三\'s heading lost', () => {
  it('real 003 (pdftotext -layout) without its part 三 heading: every table is read as before; only part 三 is missing', () => {
    const text = fixture('missing-part3-heading.txt');
    const { report, diagnostics } = parseReport(text);
    expect(values(report)).toEqual(values(parseReport(real('003.txt')).report));
    expect(Object.keys(report.sections)).toEqual(['overview', 'activeDisclosure', 'reviewLitigation', 'problems', 'other']);
    expect(diagnostics.filter((d) => d.code.startsWith('structure/')).map((d) => d.code)).toEqual(['structure/missing-section']);
  });

  // With the heading gone, a copy that lost table 三's header row and shortened 本年新收 to 新收
  // has none of its anchors (TABLES in grammar/): table 三 then opens at the first line naming a
  // row of its own (上年结转, 予以公开…), not inside table 二's region.
  it('corpus 000 without its part 三 heading, corner cell and 本年新收: table 三 is still read', () => {
    const { report } = parseReport(fixture('missing-part3-and-anchors.txt'));
    expect(report.tables.activeDisclosure?.unassigned).toEqual([]);
    expect(Object.keys(report.tables.applications?.rows ?? {})).toHaveLength(25);
    expect(report.tables.applications?.rows.newReceived?.total.value).toBe(32);
  });
});

describe('a title wrapped over lines (meta)', () => {
  it('reads the agency from the line above the title (corpus 001 with its title wrapped)', () => {
    const { report, diagnostics } = parseReport(fixture('wrapped-title.txt'));
    expect([report.meta.title, report.meta.agency, report.meta.year]).toEqual(['涞源县人民政府2022年政府信息公开工作年度报告', '涞源县人民政府', 2022]);
    expect(diagnostics.some((d) => d.code === 'structure/no-title')).toBe(false);
  });

  it.each([
    ['002.txt', '淮安市洪泽区人民政府2024年政府信息公开工作年度报告', '淮安市洪泽区人民政府'],
    ['003.txt', '淮安市人民政府2024年政府信息公开工作年度报告', '淮安市人民政府'],
  ])('real %s (pdftotext, the agency on its own line, a page number above it)', (file, title, agency) => {
    const { meta } = parseReport(real(file)).report;
    expect([meta.title, meta.agency, meta.year]).toEqual([title, agency, 2024]);
  });

  it('reads a title wrapped over three lines, and one whose year stands below it', () => {
    const body = corpus('001').replace('涞源县2022年政府信息公开工作年度报告\n', '');
    const three = parseReport(`涞源县人民政府\n2022年政府信息公开工作\n年度报告\n${body}`).report.meta;
    expect([three.title, three.agency, three.year]).toEqual(['涞源县人民政府2022年政府信息公开工作年度报告', '涞源县人民政府', 2022]);
    const below = parseReport(`涞源县人民政府\n\n政府信息公开工作年度报告\n（2022年度）\n${body}`).report.meta;
    expect([below.title, below.agency, below.year]).toEqual(['涞源县人民政府政府信息公开工作年度报告（2022年度）', '涞源县人民政府', 2022]);
  });

  it('takes no line above for the agency that is none: a document number, a page number, a word of the page', () => {
    const body = corpus('001').replace('涞源县2022年政府信息公开工作年度报告\n', '');
    for (const above of ['涞政办〔2023〕5号', '- 1 -', '正文']) {
      const { meta } = parseReport(`${above}\n2022年政府信息公开工作年度报告\n${body}`).report;
      expect([meta.title, meta.agency], above).toEqual(['2022年政府信息公开工作年度报告', null]);
    }
  });

  it('reads a crawler\'s labelled title without its label, even cut short (real h01, h05)', () => {
    const h01 = parseReport(real('h01.txt')).report.meta;
    expect([h01.title, h01.agency, h01.year]).toEqual(['河北省教育厅2019年政府信息公开工作年度报告', '河北省教育厅', 2019]);
    const h05 = parseReport(real('h05.txt'));
    expect([h05.report.meta.title, h05.report.meta.agency, h05.report.meta.year]).toEqual(['河北省科学技术厅2021年政府信息公开工作年度报...', '河北省科学技术厅', 2021]);
    expect(h05.diagnostics.some((d) => d.code === 'structure/no-title')).toBe(false);
  });
});

describe('the report\'s year against itself (narrative/year-mismatch)', () => {
  it('corpus 000 with its title and period moved to 2023 and part 一 left as it was: one warning at part 一\'s first dated sentence', () => {
    const text = fixture('copied-year.txt');
    const [finding, ...more] = found(text, 'narrative/year-mismatch');
    expect(more).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'Part 一 dates its work to 2022 (“2022 年，渠县政府信息公开工作坚持以习近平新时代中国特色社会主义思想为指…”, and 3 more sentences) ' +
        'and never names 2023, the report\'s year (the title 2023, the statistics period 2023): part 一 may be another year\'s text',
    );
    expect(at(text, finding?.position)).toMatch(/^2022 年，渠县政府信息公开工作坚持/);
    expect(finding?.position?.start.line).toBe(7);
  });

  it('corpus 004 with its title moved to 2024: one warning at the statistics period', () => {
    const text = fixture('title-period-mismatch.txt');
    const findings = found(text, 'narrative/year-mismatch');
    expect(findings.map((d) => [d.message, at(text, d.position)])).toEqual([
      [
        'The title is for 2024 (`巫山县2024年政府信息公开工作年度报告`), but the statistics period is 2023-01-01 to 2023-12-31: one of them was not updated (a report copied from another year\'s?)',
        '统计期限为2023年1月1日至2023年12月31日',
      ],
    ]);
  });

  it('part 一 speaking of the previous year as a reference (上年, 2022年结转, 较2022年, 2022年以来, 2022年12月) is no mismatch', () => {
    const text = damage(corpus('004'), [
      [
        '（二）依申请公开方面。',
        '（二）依申请公开方面。2022年结转的政府信息公开申请4件已在本年度办结。较2022年，申请量增长12%，上年结转申请全部答复。2022年以来，我县持续规范办理流程。2022年12月，县政府办印发办理规程。',
      ],
    ]);
    expect(found(text, 'narrative/year-mismatch')).toEqual([]);
    // Even where part 一 never names 2023, those sentences date nothing.
    const without = damage(text, [['2023年，巫山县坚持', '全年，巫山县坚持'], ['2023年，全县收到并', '全年，全县收到并']]);
    expect(parseReport(without).report.sections.overview?.text).not.toMatch(/2023\s*年/);
    expect(found(without, 'narrative/year-mismatch')).toEqual([]);
  });

  it('one sentence dated to another year, part 一\'s only date, is a mismatch; several years once each (a history) are not', () => {
    const base = damage(corpus('004'), [['2023年，巫山县坚持', '全年，巫山县坚持'], ['2023年，全县收到并', '全年，全县收到并']]);
    expect(parseReport(base).report.sections.overview?.text).not.toMatch(/20\d\d\s*年/);
    expect(found(base, 'narrative/year-mismatch')).toEqual([]);
    const once = damage(base, [['全年，巫山县坚持', '2022年，巫山县坚持']]);
    expect(found(once, 'narrative/year-mismatch')).toHaveLength(1);
    const history = damage(base, [['全年，巫山县坚持', '2019年，巫山县启动政务公开标准化试点。2021年，巫山县坚持']]);
    expect(found(history, 'narrative/year-mismatch')).toEqual([]);
  });
});

describe('part 五 empty (structure/empty-problems)', () => {
  it('corpus 004 with part 五 only `无。`: a warning on part 五', () => {
    const text = fixture('empty-problems.txt');
    const findings = found(text, 'structure/empty-problems');
    expect(findings.map((d) => [d.severity, d.message, d.position?.start.line])).toEqual([
      ['warning', 'Part 五、存在的主要问题及改进情况 says only `无。`: the format asks for the main problems of the year\'s disclosure work and how they are being addressed', 409],
    ]);
    expect(at(text, findings[0]?.position)).toBe('五、存在的主要问题及改进情况\n无。');
  });

  it.each([
    ['（一）存在问题：无。\n（二）改进措施：无。\n'],
    ['\n'],
    ['暂无。\n'],
    ['本年度无。\n'],
  ])('part 五 as `%s` says nothing', (said) => {
    const text = corpus('004');
    const start = text.indexOf('五、存在的主要问题及改进情况\n') + '五、存在的主要问题及改进情况\n'.length;
    const damaged = text.slice(0, start) + said + text.slice(text.indexOf('六、其他需要报告的事项'));
    expect(found(damaged, 'structure/empty-problems')).toHaveLength(1);
  });

  it('part 五 that names a problem in one word is not empty', () => {
    const text = corpus('004');
    const start = text.indexOf('五、存在的主要问题及改进情况\n') + '五、存在的主要问题及改进情况\n'.length;
    const damaged = `${text.slice(0, start)}（一）存在问题：公开不及时。（二）改进措施：无。\n${text.slice(text.indexOf('六、其他需要报告的事项'))}`;
    expect(found(damaged, 'structure/empty-problems')).toEqual([]);
  });
});

describe('信息处理费 in part 六 (narrative/fees-unreported)', () => {
  it('corpus 002 with part 六 only `無。` while table 三 counts 3 applications dropped after a 收费通知: a warning naming the cell', () => {
    const text = fixture('fees-silent.txt');
    const findings = found(text, 'narrative/fees-unreported');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.cells).toEqual([{ table: 'applications', row: 'other.overdueFee', column: 'total' }]);
    expect(findings[0]?.message).toContain('is 3 (a 收费通知 was sent: fees were charged)');
    expect(at(text, findings[0]?.position)).toBe('六,、其他需要報告的事項\n無。');
  });

  it('table 二\'s 行政事业性收费 (万元) says nothing about 信息处理费: corpus 000 with part 六 `无。` has no finding', () => {
    const text = damage(corpus('000'), [['2022年，全县未发出有关政府信息公开信息处理费的通知，全年未收取任何信息处理费。', '无。']]);
    const { report } = parseReport(text);
    expect((report.tables.activeDisclosure?.rows.fees as { amount?: Cell } | undefined)?.amount?.value).toBe(4466.165);
    expect(found(text, 'narrative/fees-unreported')).toEqual([]);
  });

  it('part 一 stating fees charged in 元, part 六 silent: a warning quoting part 一; fees not charged: none', () => {
    const silent = damage(corpus('000'), [['2022年，全县未发出有关政府信息公开信息处理费的通知，全年未收取任何信息处理费。', '无。']]);
    const charged = damage(silent, [['引发行政复议 1 件。', '引发行政复议 1 件。全年收取信息处理费120元。']]);
    const [finding] = found(charged, 'narrative/fees-unreported');
    expect(finding?.message).toContain('part 一 says “全年收取信息处理费120元”');
    const none = damage(silent, [['引发行政复议 1 件。', '引发行政复议 1 件。全年未收取信息处理费0元。']]);
    expect(found(none, 'narrative/fees-unreported')).toEqual([]);
  });
});

describe('"all concluded" against the tables', () => {
  it('corpus 000 saying its applications were all concluded while table 三 carries 4 forward (narrative/all-concluded)', () => {
    const text = fixture('all-concluded.txt');
    const findings = found(text, 'narrative/all-concluded');
    expect(findings.map((d) => [d.severity, at(text, d.position), d.cells])).toEqual([
      ['warning', '全年收到的政府信息公开申请均已按时办结', [{ table: 'applications', row: 'carriedForward', column: 'total' }]],
    ]);
    expect(findings[0]?.message).toBe(
      'Part 一 says every application was concluded (“均已按时办结” in “全年收到的政府信息公开申请均已按时办结”), but 表三 has 四、结转下年度继续办理 总计 4: applications are carried forward to next year',
    );
  });

  it('no claim where the sentence names the carry-forward or an exception, or where nothing is carried forward', () => {
    for (const sentence of ['全年收到的政府信息公开申请除4件结转下年度外均已办结。', '其余申请均已办结，4件结转下年度继续办理。']) {
      const text = damage(corpus('000'), [['引发行政复议 1 件。', `引发行政复议 1 件。${sentence}`]]);
      expect(found(text, 'narrative/all-concluded'), sentence).toEqual([]);
    }
    const none = damage(corpus('001'), [['2022年，接到依申请公开事项1项', '2022年，接到依申请公开事项1项，政府信息公开申请均已办结']]);
    expect(parseReport(none).report.tables.applications?.rows.carriedForward?.total.value).toBe(0);
    expect(found(none, 'narrative/all-concluded')).toEqual([]);
  });

  it('corpus 002 saying its cases were all concluded while table 四 has one pending (narrative/all-cases-closed)', () => {
    const text = fixture('cases-closed.txt');
    const findings = found(text, 'narrative/all-cases-closed');
    expect(findings.map((d) => [at(text, d.position), d.cells])).toEqual([
      ['全年行政復議、行政訴訟案件均已審結', [{ table: 'reviewLitigation', row: 'litigationAfterReview', column: 'pending' }]],
    ]);
    // The claim about 行政复议 alone is true: no review case is pending.
    const reviews = damage(corpus('002'), [['(五)監(jiān)督保障情況,。', '(五)監(jiān)督保障情況,。全年行政復議案件均已審結。']]);
    expect(found(reviews, 'narrative/all-cases-closed')).toEqual([]);
  });
});

describe('a sound report has none of these findings', () => {
  const directories = ['fixtures/corpus/', 'fixtures/real/'].map((dir) => new URL(dir, import.meta.url));
  // test/fixtures/real holds the real-report corpus's texts.
  const texts: [string, string][] = directories.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f): [string, string] => [`${dir.pathname.split('/test/')[1]}${f}`, readFileSync(new URL(f, dir), 'utf8')]),
  );

  it('reads both directories', () => {
    expect(texts.length).toBeGreaterThanOrEqual(21);
  });

  it.each(texts)('%s', (name, text) => {
    const findings = parseReport(text).diagnostics.filter(isNew);
    if (name.endsWith('009.txt')) {
      // The source numbers parts 四 and 六 wrongly (`三、政府信息公开行政复议、行政诉讼情况`,
      // `五、其他需要报告的事项`, after its own parts 一 to 六): the two findings are right.
      expect(findings.map((d) => d.code)).toEqual(['structure/misnumbered-section', 'structure/misnumbered-section']);
      return;
    }
    expect(findings).toEqual([]);
  });
});
