import { describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../src/index';

// Table 三 says 32 new, 3 carried over, 28 concluded, 7 carried forward; table 四 says 2 reviews
// and 1 + 1 lawsuits.
const TABLES = [
  '三、收到和处理政府信息公开申请情况',
  '一、本年新收政府信息公开申请数量\t32\t0\t0\t0\t0\t0\t32',
  '二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3',
  '（七）总计\t28\t0\t0\t0\t0\t0\t28',
  '四、结转下年度继续办理\t7\t0\t0\t0\t0\t0\t7',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议\t2\t0\t0\t0\t2',
  '未经复议直接起诉\t0\t0\t0\t1\t1',
  '复议后起诉\t1\t0\t0\t0\t1',
];
const textOf = (overview: string, other = '无。') =>
  ['2022年某县政府信息公开工作年度报告', '一、总体情况', overview, ...TABLES, '六、其他需要报告的事项', other].join('\n');
const narrative = (overview: string, other?: string) =>
  parseReport(textOf(overview, other)).diagnostics.filter((d) => d.code.startsWith('narrative/'));

describe('narrative facts of part 一', () => {
  it.each([
    ['new-received', '全年共收到政府信息公开申请 32 件。'],
    ['new-received', '2022年，接到依申请公开事项32项。'],
    ['new-received', '全年受理依申请政府信息公开 32 件，已全部办理完成。'],
    ['carried-over', '依申请公开方面，上年结转申请 3 件。'],
    ['carried-over', '全市共接收并处理信息公开申请32件，结转上年3件，办结28件，结转下年度继续办理7件。'],
    ['concluded', '依申请公开方面，办结政府信息公开申请28件。'],
    ['carried-forward', '依申请公开申请结转下一年度 7 件。'],
    ['review', '因政府信息公开引发行政复议 2 件。'],
    ['litigation', '因依申请公开引发行政复议2件、行政诉讼2件。'],
  ])('%s: a sentence that agrees with the tables is no finding (%s)', (_, sentence) => {
    expect(narrative(sentence)).toEqual([]);
  });

  it.each([
    ['new-received', '全年共收到政府信息公开申请 30 件。', 30, 32, ['newReceived']],
    ['new-received', '全年共收到政府信息公开申请３０件。', 30, 32, ['newReceived']],
    ['carried-over', '依申请公开方面，上年结转申请 4 件。', 4, 3, ['carriedOver']],
    ['concluded', '依申请公开方面，已办结 27 件。', 27, 28, ['total']],
    ['carried-forward', '依申请公开申请结转下年度 1 件。', 1, 7, ['carriedForward']],
  ])('%s: a stated count that differs from its cell is a warning (%s)', (id, sentence, stated, table, rows) => {
    const [finding, ...rest] = narrative(sentence);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: `narrative/${id}`,
      severity: 'warning',
      cells: rows.map((row) => ({ table: 'applications', row, column: 'total' })),
    });
    expect(finding?.message).toContain(`Part 一 states ${stated} (“`);
    expect(finding?.message).toContain(`is ${table} (difference ${stated - table > 0 ? '+' : ''}${stated - table})`);
  });

  it('adds up the channels a received count is split into, and compares the sum with 新收', () => {
    expect(narrative('全年共收到政府信息公开申请32件，其中当面申请2件、网上申请25件、信函申请5件。')).toEqual([]);
    const [finding, ...rest] = narrative('全年共收到政府信息公开申请32件，其中当面申请2件，网上申请25件，信函申请4件。');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'narrative/channels',
      severity: 'warning',
      message: 'Part 一 states 2 + 25 + 4 = 31 (“其中当面申请2件，网上申请25件，信函申请4件”), but 表三 一、本年新收政府信息公开申请数量 总计 is 32 (difference -1)',
      cells: [{ table: 'applications', row: 'newReceived', column: 'total' }],
    });
  });

  it.each([
    ['a channel the vocabulary lacks', '全年共收到政府信息公开申请32件，其中当面申请2件，网上申请25件，通过政府热线申请4件。'],
    ['a single channel', '全年共收到政府信息公开申请32件，其中网上申请25件。'],
    ['channels of something else than 新收', '全年办结政府信息公开申请28件，其中网上办结20件，当面办结5件。'],
  ])('does not add up channels when a part may be missed: %s', (_, sentence) => {
    expect(narrative(sentence).filter((d) => d.code === 'narrative/channels')).toEqual([]);
  });

  it('compares 行政诉讼 with both lawsuit rows of table 四', () => {
    const [finding] = narrative('因依申请公开引发行政复议2件、行政诉讼3件。');
    expect(finding).toMatchObject({
      code: 'narrative/litigation',
      message:
        'Part 一 states 3 (“行政诉讼3件”), but 表四 行政诉讼 · 未经复议直接起诉 + 行政诉讼 · 复议后起诉 总计 is 2 (difference +1)',
      cells: [
        { table: 'reviewLitigation', row: 'litigationDirect', column: 'total' },
        { table: 'reviewLitigation', row: 'litigationAfterReview', column: 'total' },
      ],
    });
  });

  it.each([
    ['other business received and concluded', '青海政务服务网共受理 57210 件，正常办结 57210 件，不予受理 0 件，撤销申请 0 件。'],
    ['messages concluded', '全年共计办结群众留言 181 条，政府信息公开工作稳步推进。'],
    ['letters received', '通过公开信箱全年收到并办结网民来信266件，政府信息公开工作按期回复率100%。'],
    ['approximate counts', '在政府信息公开平台主动公开政府信息1600余条。'],
    ['reviews and lawsuits counted together', '因政府信息公开引发行政复议、诉讼 9 件。'],
    ['a later clause of the sentence', '收到的政府信息公开申请中，有 5 件予以公开。'],
  ])('does not read %s as a fact', (_, sentence) => {
    expect(narrative(sentence)).toEqual([]);
  });

  it('reads 受理行政复议申请 as a count of reviews, not of applications for disclosure', () => {
    expect(narrative('政府信息公开方面，受理行政复议申请 5 件。').map((d) => d.code)).toEqual(['narrative/review']);
  });

  it('never compares part 六’s 信息处理费 in 元 with table 二’s 万元', () => {
    const text = [
      '2022年某县政府信息公开工作年度报告',
      '一、总体情况',
      '全年共收取政府信息公开信息处理费2080元。',
      '二、主动公开政府信息情况',
      '第二十条第（八）项',
      '信息内容\t本年收费金额（单位：万元）',
      '行政事业性收费\t0',
      '六、其他需要报告的事项',
      '全市涉及收费的依申请公开件3件，共计收取政府信息公开信息处理费2080元。',
    ].join('\n');
    expect(parseReport(text).diagnostics.filter((d) => d.code.startsWith('narrative/'))).toEqual([]);
  });

  it('says nothing where the cell has no value', () => {
    const text = textOf('全年共收到政府信息公开申请 30 件。').replace('数量\t32\t0\t0\t0\t0\t0\t32', '数量\t32\t0\t0\t0\t0\t0\t/');
    expect(parseReport(text).diagnostics.filter((d) => d.code.startsWith('narrative/'))).toEqual([]);
  });

  it('can be turned off', () => {
    const { report } = parseReport(textOf('全年共收到政府信息公开申请 30 件。'), { check: false });
    expect(checkReport(report, { narrative: false })).toEqual(checkReport(report).filter((d) => !d.code.startsWith('narrative/')));
  });
});

describe('where a narrative finding points', () => {
  const sentence = '全年共收到政府信息公开申请 30 件';

  it('at the sentence in the original input, through traditional script, NBSP, markdown and CRLF', () => {
    const overview = '**（二）依申請公開方面。**\u00a0全年共收到政府信息公開申請\u00a030 件，均已辦結。';
    const input = textOf(overview).replace(/\n/g, '\r\n');
    const [finding] = parseReport(input).diagnostics.filter((d) => d.code.startsWith('narrative/'));
    const position = finding?.position;
    expect(input.slice(position?.start.offset, position?.end.offset)).toBe('全年共收到政府信息公開申請\u00a030 件，均已辦結');
    expect(position?.start.line).toBe(3);
    expect(position?.start.column).toBe(overview.indexOf('全年') + 1);
  });

  it('at the subsection holding the sentence when checkReport is not given the text', () => {
    const overview = `总体情况良好。\n（二）依申请公开方面\n${sentence}。`;
    const { report } = parseReport(textOf(overview), { check: false });
    const [finding] = checkReport(report).filter((d) => d.code.startsWith('narrative/'));
    expect(finding?.position).toEqual(report.sections.overview?.subsections[0]?.position);
    const [precise] = checkReport(report, { text: textOf(overview) }).filter((d) => d.code.startsWith('narrative/'));
    expect(precise?.position?.start).toEqual({ line: 5, column: 1, offset: textOf(overview).indexOf(sentence) });
  });
});
