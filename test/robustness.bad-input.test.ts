import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { compareReports, parseReport, parseReports } from '../src/index';

const REPORT_000 = readFileSync(new URL('./fixtures/corpus/000_ec7f0e0f1bb37103.txt', import.meta.url), 'utf8');

describe('a table whose zeros are left blank', () => {
  // Table 三 of 000 (lines 53–78) with every 0 left blank, and its （七）总计 made 29 where the
  // outcomes add up to 28.
  const lines = REPORT_000.split('\n');
  for (let i = 52; i < 78; i++) lines[i] = (lines[i] as string).replace(/\t0(?=\t|$)/g, '\t');
  lines[76] = (lines[76] as string).replace('\t28\t', '\t29\t');
  const text = lines.join('\n');

  it('finds every row: a row left blank under its group label is a row with blank cells', () => {
    const { report, diagnostics } = parseReport(text);
    expect(diagnostics.filter((d) => d.code === 'table/missing-row')).toEqual([]);
    const table = report.tables.applications;
    for (const row of ['denied.stateSecret', 'notProcessed.complaint', 'other.overdueCorrection'] as const) {
      expect(table?.rows[row]?.naturalPerson, row).toMatchObject({ state: 'blank', value: null });
    }
    expect(table?.rows.total?.naturalPerson.value).toBe(29);
  });

  it('says the wrong 总计 would not add up with blanks as 0, as a warning, not as unknown', () => {
    const { diagnostics } = parseReport(text);
    const outcomes = diagnostics.filter((d) => d.code === 'arithmetic/not-assessable' && d.message.includes('各项办理结果之和') && d.message.includes('（七）总计 29'));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.severity).toBe('warning');
    expect(outcomes[0]?.message).toContain('with blank cells as 0 it does not hold');
    expect(outcomes[0]?.message).toContain('(difference -1)');
  });

  it('gathers the identities that would hold with blanks as 0 into one warning per table', () => {
    const { diagnostics } = parseReport(text);
    const gathered = diagnostics.filter((d) => d.code === 'arithmetic/not-assessable' && d.message.includes('they all hold'));
    expect(gathered).toHaveLength(1);
    expect(gathered[0]?.message).toMatch(/^表三: \d+ identities cannot be checked: \d+ cells are blank/);
    expect(gathered[0]?.cells?.length).toBeGreaterThan(100);
  });

  it('with blankAsZero, the wrong 总计 is an error', () => {
    const { diagnostics } = parseReport(text, { blankAsZero: true });
    const failed = diagnostics.filter((d) => d.code === 'arithmetic/applications-outcomes');
    expect(failed.map((d) => d.severity)).toEqual(['error']);
    expect(diagnostics.filter((d) => d.code === 'arithmetic/not-assessable')).toEqual([]);
  });
});

describe('results never depend on earlier calls', () => {
  // Tables with thousands separators, read with readTable and as a report's text, in either
  // order, each time in a fresh copy of the library: a cache shared between calls would show.
  const rows = (scale: number): string[][] => [
    ['一、本年新收政府信息公开申请数量', '', (1000 * scale).toLocaleString('en'), '0', '0', '0', '0', '0', (1000 * scale).toLocaleString('en')],
    ['（七）总计', '', '1,000', '0', '0', '0', '0', '0', '1,000'],
  ];
  const report = (scale: number) =>
    ['三、收到和处理政府信息公开申请情况', '申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计', ...rows(scale).map((row) => row.join('\t'))].join('\n');

  async function fresh() {
    vi.resetModules();
    return import('../src/index');
  }

  it('readTable then parseReport gives what each gives alone, and the reverse', async () => {
    for (let scale = 1; scale <= 20; scale++) {
      const alone = await fresh();
      const table = JSON.stringify(alone.readTable('applications', rows(scale)));
      const parsed = JSON.stringify((await fresh()).parseReport(report(scale)));
      const tableFirst = await fresh();
      expect(JSON.stringify(tableFirst.readTable('applications', rows(scale)))).toBe(table);
      expect(JSON.stringify(tableFirst.parseReport(report(scale)))).toBe(parsed);
      const parseFirst = await fresh();
      expect(JSON.stringify(parseFirst.parseReport(report(scale)))).toBe(parsed);
      expect(JSON.stringify(parseFirst.readTable('applications', rows(scale)))).toBe(table);
    }
  });
});

describe('text that is no report', () => {
  const GB18030 = readFileSync(new URL('./fixtures/encodings/001_b5fe446b3f679b76.gb18030.txt', import.meta.url));
  const only = (text: string) => parseReport(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

  it.each([
    ['empty', '', 'the text is empty'],
    ['words', 'hello world', 'it has no title (…年度报告), none of the six parts and none of the three tables'],
    ['a PDF', '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>', 'it is a PDF file read as text'],
    ['a DOCX', 'PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000[Content_Types].xml', 'it is a zip archive read as text, such as a Word (.docx) file'],
    ['HTML', '<!DOCTYPE html><html><body><p>hello</p></body></html>', 'it is markup (HTML or XML)'],
  ])('%s: one structure/not-a-report error, with a hint', (_, text, hint) => {
    const diagnostics = only(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toContain("error structure/not-a-report: This is not an annual report's text: ");
    expect(diagnostics[0]).toContain(hint);
  });

  it.each([
    ['UTF-8', 'utf-8', 'are U+FFFD'],
    ['Latin-1', 'latin1', 'accented Latin letters'],
    ['Big5', 'big5', 'none of the words every report uses'],
  ])('a GB18030 file decoded as %s: text/wrong-encoding, and no traditional characters counted', (_, encoding, evidence) => {
    const diagnostics = only(new TextDecoder(encoding).decode(GB18030));
    expect(diagnostics.filter((d) => d.startsWith('error text/wrong-encoding'))).toEqual([expect.stringContaining(evidence)]);
    expect(diagnostics.filter((d) => d.includes('text/traditional-converted'))).toEqual([]);
    expect(diagnostics.filter((d) => !/wrong-encoding|not-a-report/.test(d))).toEqual([]);
  });

  it('the same file decoded right is a report with no such finding', () => {
    expect(only(new TextDecoder('gb18030').decode(GB18030)).filter((d) => /wrong-encoding|not-a-report/.test(d))).toEqual([]);
  });
});

describe('two reports in one text', () => {
  const second = readFileSync(new URL('./fixtures/corpus/002_451407376180ac87.txt', import.meta.url), 'utf8');
  const both = `${REPORT_000}\n\n${second}`;
  // The second report (in traditional characters) starts with its title line.
  const secondStart = REPORT_000.length + 2;

  it('parseReport reads the first and says where the second starts', () => {
    const { report, diagnostics } = parseReport(both);
    const found = diagnostics.filter((d) => d.code === 'structure/several-reports');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.position?.start.offset).toBe(secondStart);
    expect(found[0]?.message).toContain('parseReports reads each');
    expect(report.meta.title).toBe('2022年渠县政府信息公开工作年度报告');
    // Part 六 ends where the second report starts: none of its text is swallowed.
    expect(report.sections.other?.text).not.toContain('泸州');
    const alone = parseReport(REPORT_000).report;
    expect(report.tables).toEqual(alone.tables);
    expect(report.sections.other?.text).toBe(alone.sections.other?.text);
  });

  it('parseReports returns each, with positions in the whole text', () => {
    const results = parseReports(both);
    expect(results.map((result) => result.report.meta.title)).toEqual(['2022年渠县政府信息公开工作年度报告', '泸州市2022年政府信息公开工作年度报告']);
    const alone = parseReport(second);
    const later = results[1] as (typeof results)[number];
    expect(later.diagnostics.map((d) => d.code)).toEqual(alone.diagnostics.map((d) => d.code));
    const cell = later.report.tables.applications?.rows.newReceived?.total;
    expect(cell?.value).toBe(alone.report.tables.applications?.rows.newReceived?.total.value);
    expect(both.slice(cell?.position.start.offset, cell?.position.end.offset)).toBe(cell?.raw);
    expect(cell?.position.start.line).toBe((alone.report.tables.applications?.rows.newReceived?.total.position.start.line as number) + both.slice(0, secondStart).split('\n').length - 1);
  });

  it('parseReports of one report is parseReport', () => {
    expect(parseReports(REPORT_000)).toEqual([parseReport(REPORT_000)]);
    expect(parseReports('')).toEqual([parseReport('')]);
  });
});

describe('numbers a count cannot be', () => {
  const text = REPORT_000.replace('一、本年新收政府信息公开申请数量\t\t32\t', '一、本年新收政府信息公开申请数量\t\t9007199254740993\t')
    .replace('(一) 予以公开\t17\t', `(一) 予以公开\t${'9'.repeat(400)}\t`)
    .replace('(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)\t6\t', '(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)\t6万元\t');
  const { report, diagnostics } = parseReport(text);
  const rows = report.tables.applications?.rows;

  it('past 2^53: no rounded value, the raw text kept, cell/out-of-range', () => {
    expect(rows?.newReceived?.naturalPerson).toMatchObject({ value: null, raw: '9007199254740993', state: 'unreadable' });
    expect(rows?.granted?.naturalPerson).toMatchObject({ value: null, raw: '9'.repeat(400), state: 'unreadable' });
    const found = diagnostics.filter((d) => d.code === 'cell/out-of-range');
    expect(found.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(found[1]?.message).toContain('(400 digits) is too large');
    expect(JSON.stringify(report)).not.toMatch(/Infinity|e\+/);
    expect(diagnostics.map((d) => d.message).join('\n')).not.toMatch(/Infinity|9007199254740992/);
  });

  it('万元 in a count column: cell/unit-mismatch', () => {
    expect(rows?.partialGrant?.naturalPerson).toMatchObject({ value: 6, raw: '6万元', unit: '万元' });
    expect(diagnostics.filter((d) => d.code === 'cell/unit-mismatch').map((d) => d.message)).toEqual([expect.stringContaining('`6万元` is in 万元, in a column that counts')]);
  });
});

describe('compareReports of two agencies', () => {
  const table = (first: string, last: string) =>
    `三、收到和处理政府信息公开申请情况\n二、上年结转政府信息公开申请数量\t${first}\t0\t0\t0\t0\t0\t${first}\n四、结转下年度继续办理\t${last}\t0\t0\t0\t0\t0\t${last}`;
  const report = (title: string, first: string, last: string) => parseReport(`${title}\n${table(first, last)}`).report;

  it('warns that the agencies differ and compares nothing', () => {
    const previous = report('2021年渠县政府信息公开工作年度报告', '0', '3');
    const current = report('2022年泸州市政府信息公开工作年度报告', '2', '0');
    expect(compareReports(previous, current)).toEqual([
      { code: 'years/different-agencies', severity: 'warning', message: 'The reports are of different agencies (渠县 and 泸州市); they were not compared' },
    ]);
  });

  it('takes a name with more words for the same agency', () => {
    const previous = report('2021年渠县政府信息公开工作年度报告', '0', '3');
    const current = report('2022年渠县人民政府政府信息公开工作年度报告', '2', '0');
    expect(current.meta.agency).not.toBe(previous.meta.agency);
    expect(compareReports(previous, current).map((d) => d.code)).toEqual(['years/carried-over', 'years/carried-over']);
  });
});

describe('a 50 MB line of \\t0', () => {
  it('is read in bounded memory and time', () => {
    const text = '\t0'.repeat(25_000_000);
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const { diagnostics } = parseReport(text);
    const grown = process.memoryUsage().heapUsed - before;
    expect(diagnostics.map((d) => d.code)).toEqual(['structure/not-a-report']);
    // The text itself is 50 MB (one byte a character); what the parse keeps is a fraction of it.
    expect(grown).toBeLessThan(300_000_000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
