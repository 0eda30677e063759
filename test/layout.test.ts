import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../grammar/index';
import { parseReport } from '../src/index';

const codes = (text: string, options?: Parameters<typeof parseReport>[1]) =>
  parseReport(text, options).diagnostics.map((d) => `${d.code}@${d.position?.start.line ?? '-'}`);

describe('tab layout', () => {
  it('reads rows whose group labels sit one cell left, right, or on the middle item', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '\t\t1. 本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0\t3\t',
      '(四)无法提供\t\t2. 没有现成信息需要另行制作\t0\t1\t0\t0\t0\t0\t1\t',
      '无法提供\t(四)\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0',
    ].join('\n');
    const rows = parseReport(text).report.tables.applications?.rows;
    expect(rows?.['unable.noInfo']?.total.value).toBe(3);
    expect(rows?.['unable.needCreate']?.commercial.value).toBe(1);
    expect(rows?.['unable.unclear']?.total.value).toBe(0);
  });

  it('takes a group label fused into an item label for context, not as the row', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '三、本年度办理结果 （三）不予公开\t(一) 予以公开\t1\t0\t0\t0\t0\t0\t1',
      '\t3.其他\t2\t0\t0\t0\t0\t0\t2',
    ].join('\n');
    const { report, diagnostics } = parseReport(text);
    expect(report.tables.applications?.rows.granted?.total.value).toBe(1);
    // 其他 alone names 其他处理's third item only under （六）: here it is unknown.
    expect(report.tables.applications?.rows['other.other']).toBeUndefined();
    expect(diagnostics.filter((d) => d.code === 'table/unknown-row').map((d) => d.position?.start.line)).toEqual([3]);
  });

  it('reads a blank between values as blank, never as 0', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量\t5\t\t0\t0\t0\t0\t5'].join('\n');
    const cell = parseReport(text).report.tables.applications?.rows.newReceived?.commercial;
    expect(cell).toMatchObject({ state: 'blank', value: null, raw: '' });
    expect(codes(text)).toContain('cell/blank@2');
    const assumed = parseReport(text, { blankAsZero: true }).report.tables.applications?.rows.newReceived?.commercial;
    expect(assumed).toMatchObject({ state: 'blank', value: 0, assumedZero: true });
  });

  it('places a blank cell of spaces where the cell begins, in tab and pipe rows', () => {
    const tab = '三、收到和处理政府信息公开申请情况\n本年新收\t5\t   \t0\t0\t0\t0\t5';
    const blankTab = parseReport(tab).report.tables.applications?.rows.newReceived?.commercial;
    expect(blankTab?.position.start.offset).toBe(tab.indexOf('\t   ') + 1);
    expect(blankTab?.position.end.offset).toBe(tab.indexOf('\t   ') + 1);
    const pipe = '三、收到和处理政府信息公开申请情况\n| 本年新收 | 5 |   | 0 | 0 | 0 | 0 | 5 |';
    const blankPipe = parseReport(pipe).report.tables.applications?.rows.newReceived?.commercial;
    expect(blankPipe?.position.start.offset).toBe(pipe.indexOf('|   |') + 1);
  });
});

describe('pipe layout', () => {
  it('reads rows with and without outer pipes, skipping separator rows', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '| 行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '|---|---|---|---|---|---|',
      '| 行政复议 | 1 | 2 | 0 | 0 | 3 |',
      '未经复议直接起诉 | 0 | 0 | 0 | 1 | 1',
      '| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const table = parseReport(text).report.tables.reviewLitigation;
    expect(table?.layout).toBe('pipe');
    expect(table?.rows.review?.total.value).toBe(3);
    expect(table?.rows.review?.label).toBe('行政复议');
    expect(table?.rows.litigationDirect?.pending.value).toBe(1);
    expect(table?.rows.litigationAfterReview?.total.value).toBe(0);
  });
});

describe('cell-per-line layout', () => {
  it('joins a wrapped label and starts a row where a label follows values', () => {
    const text = [
      '二、主动公开政府信息情况',
      '\t第二十条第（五）项',
      '\t信息内容',
      '\t本年处理',
      '决定数量',
      '\t行政许可',
      '\t12',
      '\t第二十条第（六）项',
      '\t行政处罚',
      '\t7',
      '\t行政强制',
      '\t/',
    ].join('\n');
    const table = parseReport(text).report.tables.activeDisclosure;
    expect(table?.layout).toBe('cell-per-line');
    const rows = table?.formatVersion === '2021' ? table.rows : undefined;
    expect(rows?.licensing?.decisions.value).toBe(12);
    expect(rows?.punishment?.decisions.value).toBe(7);
    expect(rows?.enforcement?.decisions).toMatchObject({ state: 'notApplicable', value: null, raw: '/' });
  });
});

describe('space layout', () => {
  it('reads labelled rows and table 四 flattened onto one line', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 12 1 0 0 0 0 13',
      '四、结转下年度继续办理 2 0 0 0 0 0 2',
      '四、政府信息公开行政复议、行政诉讼情况',
      '1 0 0 0 1 0 0 0 0 0 0 1 0 0 1',
    ].join('\n');
    const { tables } = parseReport(text).report;
    expect(tables.applications?.layout).toBe('space');
    expect(tables.applications?.rows.newReceived?.total.value).toBe(13);
    expect(tables.applications?.rows.carriedForward?.naturalPerson.value).toBe(2);
    expect(tables.reviewLitigation?.rows.review?.upheld.value).toBe(1);
    expect(tables.reviewLitigation?.rows.litigationAfterReview?.corrected.value).toBe(1);
  });

  it('does not read prose with numbers as a row', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '2022 年，全县共收到申请 32 件，办结 28 件'].join('\n');
    expect(parseReport(text).report.tables.applications).toBeUndefined();
  });
});

describe('damage is reported, never guessed', () => {
  it('keeps a row with too few values unassigned, listing the readings its identity allows', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '（七）总计\t5\t0\t0\t0\t0\t5'].join('\n');
    const { report, diagnostics } = parseReport(text);
    const table = report.tables.applications;
    expect(table?.rows.total).toBeUndefined();
    expect(table?.unassigned[0]).toMatchObject({ key: 'total', reason: 'table/ambiguous-values' });
    const error = diagnostics.find((d) => d.code === 'table/ambiguous-values');
    expect(error).toMatchObject({ severity: 'error', position: { start: { line: 2 } } });
    // The lost cell may be any of the six before 总计: each place gives other values.
    expect(error?.message).toContain('0|5|0|0|0|0|5');
    expect(error?.message).toContain('5|0|0|0|0|0|5');
  });

  it('never splits a number that a tab, a pipe or spaces set apart, even where a row is short', () => {
    // `10` split as 1|0 would make six numbers and let the identity infer a seventh: a wrong row.
    for (const row of ['（七）总计\t10\t2\t0\t0\t0', '| （七）总计 | 10 | 2 | 0 | 0 | 0 |', '（七）总计 10 2 0 0 0']) {
      const text = ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量\t10\t2\t0\t0\t0\t0\t12', row].join('\n');
      const { report, diagnostics } = parseReport(text);
      expect(report.tables.applications?.rows.total, row).toBeUndefined();
      expect(diagnostics.find((d) => d.code === 'table/ambiguous-values')?.position?.start.line, row).toBe(3);
    }
  });

  it('keeps the first of two rows with the same label', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '（七）总计\t5\t0\t0\t0\t0\t0\t5', '（七）总计\t6\t0\t0\t0\t0\t0\t6'].join('\n');
    const table = parseReport(text).report.tables.applications;
    expect(table?.rows.total?.total.value).toBe(5);
    expect(codes(text)).toContain('table/duplicate-row@3');
  });

  it('marks text where a number belongs as unreadable', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '（七）总计\t5\t0\t见附件\t0\t0\t0\t5'].join('\n');
    const cell = parseReport(text).report.tables.applications?.rows.total?.research;
    expect(cell).toMatchObject({ state: 'unreadable', value: null, raw: '见附件' });
    expect(codes(text)).toContain('cell/unreadable@2');
  });

  it('infers table 四 with a missing number only where the identities force every cell', () => {
    const zeros = ['四、政府信息公开行政复议、行政诉讼情况', Array<string>(14).fill('0').join('\t')].join('\n');
    const forced = parseReport(zeros);
    const rows = forced.report.tables.reviewLitigation?.rows;
    for (const key of ['review', 'litigationDirect', 'litigationAfterReview'] as const) {
      for (const column of ['upheld', 'corrected', 'other', 'pending', 'total'] as const) {
        expect(rows?.[key]?.[column]).toMatchObject({ value: 0, origin: 'inferred' });
      }
    }
    expect(forced.diagnostics.filter((d) => d.code === 'cell/inferred').map((d) => d.position?.start.line)).toEqual([2]);

    // Here the lost cell can be one of several, with other values: nothing is assigned.
    const open = ['四、政府信息公开行政复议、行政诉讼情况', '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t1\t0\t0\t1'].join('\n');
    const { report, diagnostics } = parseReport(open);
    expect(report.tables.reviewLitigation?.rows).toEqual({});
    expect(report.tables.reviewLitigation?.unassigned[0]?.values).toHaveLength(14);
    expect(diagnostics.filter((d) => d.code === 'table/ambiguous-values').map((d) => d.position?.start.line)).toEqual([2]);
  });
});

describe('format versions', () => {
  it('reads the 2019 table 二 columns to the 2019 keys', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t3',
      '规范性文件\t4\t4\t20',
      '第二十条第（五）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t10\t-2\t300',
      '其他对外管理服务事项\t1\t0\t5',
      '第二十条第（九）项',
      '政府集中采购\t12\t88.5',
    ].join('\n');
    const { report } = parseReport(text);
    expect(report.meta.formatVersion).toBe('2019');
    const table = report.tables.activeDisclosure;
    if (table?.formatVersion !== '2019') throw new Error('expected the 2019 table');
    expect(table.rows.normativeDocuments?.publishedTotal.value).toBe(20);
    expect(table.rows.licensing?.change.value).toBe(-2);
    expect(table.rows.otherServices?.decisions.value).toBe(5);
    expect(table.rows.procurement?.amount.value).toBe(88.5);
  });

  it('recognises a pre-2019 report and does not force it into tables', () => {
    const text = [
      '某市2016年政府信息公开工作年度报告',
      '一、概述',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息情况',
      '四、政府信息公开的收费及减免情况',
      '五、因政府信息公开申请提起行政复议、行政诉讼的情况',
      '六、政府信息公开工作存在的主要问题及改进情况',
      '七、其他需要报告的事项',
    ].join('\n');
    const { report, diagnostics } = parseReport(text);
    expect(report.meta.formatVersion).toBe('pre-2019');
    expect(diagnostics.map((d) => d.code)).toContain('structure/pre-2019-format');
    expect(diagnostics.map((d) => d.code)).not.toContain('structure/missing-table');
  });
});

describe('structure', () => {
  it('reads headings with markdown, bold and missing punctuation', () => {
    const text = ['# 某县2023年政府信息公开工作年度报告', '## 一 总体情况', '**二、主动公开政府信息情况**', '### 三,、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议及行政诉讼情况', '五、存在问题及改进情况', '六、其他需要报告的事项'].join('\n');
    const { report } = parseReport(text);
    expect(Object.keys(report.sections)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'other']);
    expect(report.meta.title).toBe('某县2023年政府信息公开工作年度报告');
    expect(report.sections.applications?.position.start.line).toBe(4);
  });

  it('reads an unnumbered standard heading whatever form NFKC folds its last character from', () => {
    // Lines are only keyed against the standard headings when they hold a heading's last character
    // or a compatibility ideograph: every code point NFKC turns into such a character must pass.
    const ends = new Set(SECTIONS.map((section) => section.heading.slice(-1)));
    const planes = [
      [0, 0xffff],
      [0x2f800, 0x2fa1f],
    ];
    let checked = 0;
    for (const [from, to] of planes) {
      for (let cp = from as number; cp <= (to as number); cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const char = String.fromCodePoint(cp);
        const folded = char.normalize('NFKC');
        if (folded === char || !ends.has(folded)) continue;
        const section = SECTIONS.find((s) => s.heading.endsWith(folded));
        const heading = `${section?.heading.slice(0, -1)}${char}`;
        const { report } = parseReport([heading, '正文。'].join('\n'));
        expect(report.sections[section?.key ?? 'overview']?.heading, heading).toBe(heading);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('finds a title inside the first sentence and the closing block', () => {
    const text = ['根据规定，特向社会公开 2023 年某局政府信息公开工作年度报告。统计期限自2023年1月1日起至2023年12月31日止。', '六、其他需要报告的事项', '无。', '', '某局办公室', '2024年1月20日'].join('\n');
    const { report } = parseReport(text);
    expect(report.meta).toMatchObject({ title: '2023年某局政府信息公开工作年度报告', agency: '某局', year: 2023, issuer: '某局办公室', date: '2024-01-20' });
    expect(report.meta.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(report.sections.other?.text).toBe('无。');
  });
});

describe('parseReport', () => {
  it.each([undefined, null, 42, Buffer.from('x'), {}, ['x']])('throws a TypeError on %s', (value) => {
    expect(() => parseReport(value as unknown as string)).toThrow(TypeError);
    expect(() => parseReport(value as unknown as string)).toThrow(/expects the report as a string/);
  });

  it('reads an empty string as an empty report', () => {
    const { report, diagnostics } = parseReport('');
    expect(report.tables).toEqual({});
    expect(diagnostics.map((d) => d.code)).toEqual(['structure/not-a-report']);
  });
});

describe('a table of contents', () => {
  it('is not mistaken for the headings', () => {
    const parts = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const text = ['目录', ...parts, '', ...parts.flatMap((heading, i) => [heading, `第${i + 1}部分的正文。`])].join('\n');
    const { report } = parseReport(text);
    expect(report.sections.overview?.position.start.line).toBe(9);
    expect(report.sections.overview?.text).toBe('第1部分的正文。');
    expect(report.sections.other?.text).toBe('第6部分的正文。');
  });
});

describe('blank first and last values', () => {
  const heading = '三、收到和处理政府信息公开申请情况';
  const full = '二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t';

  it('reads a blank first value in a tab row', () => {
    const text = [heading, full, '一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t5\t'].join('\n');
    const rows = parseReport(text).report.tables.applications?.rows;
    expect(rows?.newReceived?.naturalPerson).toMatchObject({ state: 'blank', value: null });
    expect(rows?.newReceived?.total.value).toBe(5);
  });

  it('reads a blank last value where the row has one more empty cell than the others', () => {
    const text = [heading, full, '一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t\t'].join('\n');
    const rows = parseReport(text).report.tables.applications?.rows;
    expect(rows?.newReceived?.total).toMatchObject({ state: 'blank', value: null });
    expect(rows?.newReceived?.naturalPerson.value).toBe(5);
  });

  it('reads an empty cell line after the label as a blank value, one cell per line', () => {
    const text = [heading, '\t一、本年新收政府信息公开申请数量', '\t', ...['0', '0', '0', '0', '0', '5'].map((v) => `\t${v}`), '', '\t二、上年结转政府信息公开申请数量', ...['1', '0', '0', '0', '0', '0', '1'].map((v) => `\t${v}`)].join('\n');
    const rows = parseReport(text).report.tables.applications?.rows;
    expect(rows?.newReceived?.naturalPerson).toMatchObject({ state: 'blank', value: null, raw: '' });
    expect(rows?.newReceived?.naturalPerson.position.start.line).toBe(3);
    expect(rows?.carriedOver?.total.value).toBe(1);
  });

  it('still reports a row that lacks a value with no empty cell to account for it', () => {
    const text = [heading, full, '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t5\t'].join('\n');
    // The lost cell may be any of the six before 总计, each with other values: candidates, no row.
    const table = parseReport(text).report.tables.applications;
    expect(table?.rows.newReceived).toBeUndefined();
    expect(table?.unassigned[0]?.reason).toBe('table/ambiguous-values');
  });
});
