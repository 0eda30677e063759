import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { APPLICATIONS } from '../grammar/index';
import { parseReport } from '../src/index';
import { builtPackage, corpus, runCli } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const corpusFiles = ['000_ec7f0e0f1bb37103', '001_b5fe446b3f679b76', '002_451407376180ac87', '003_669b05754e9fb909', '004_0ca6d768b0b6ad6a'].map(
  (name) => `${corpus}/${name}.txt`,
);

/** Fields of CRLF records (no field here holds a comma, a quote or a line break). */
const rows = (stdout: string) =>
  stdout
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

describe('parse --format csv', () => {
  test('status, errors and warnings after the report’s columns, from its findings', () => {
    const run = runCli(root, ['parse', '-f', 'csv', corpus]);
    expect(run.status).toBe(0);
    const [header = [], ...records] = rows(run.stdout);
    expect(header.slice(0, 8)).toEqual(['path', 'agency', 'year', 'formatVersion', 'status', 'errors', 'warnings', 'activeDisclosure.regulations.issued']);
    const statuses = new Set<string>();
    for (const [i, path] of corpusFiles.entries()) {
      const { diagnostics } = parseReport(readFileSync(path, 'utf8'));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const status = errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'ok';
      statuses.add(status);
      expect(records[i]?.slice(4, 7), path).toEqual([status, String(errors), String(warnings)]);
    }
    // The sample reports have all three.
    expect([...statuses].sort()).toEqual(['errors', 'ok', 'warnings']);
  });

  test('--headers zh: the form’s labels as column names, the rows unchanged', () => {
    const keys = runCli(root, ['parse', '-f', 'csv', corpus]).stdout;
    const zh = runCli(root, ['parse', '-f', 'csv', '--headers', 'zh', corpus]);
    expect(zh.status).toBe(0);
    const [keyHeader = [], ...keyRows] = rows(keys);
    const [zhHeader = [], ...zhRows] = rows(zh.stdout);
    expect(zhRows).toEqual(keyRows);
    expect(zhHeader).toHaveLength(keyHeader.length);
    expect(new Set(zhHeader).size).toBe(zhHeader.length);
    expect(zh.stdout.startsWith('\uFEFF文件,机关,年度,格式版本,状态,错误数,警告数,表二 规章 本年制发件数,')).toBe(true);
    const label = (key: string) => zhHeader[keyHeader.indexOf(key)];
    expect(label('applications.newReceived.naturalPerson')).toBe('表三 一、本年新收政府信息公开申请数量 自然人');
    expect(label('applications.denied.total')).toBe('表三 （三）不予公开 总计');
    expect(label('applications.denied.stateSecret.total')).toBe('表三 （三）不予公开 1.属于国家秘密 总计');
    expect(label('applications.granted.legalSubtotal')).toBe('表三 （一）予以公开 法人或其他组织小计');
    expect(label('activeDisclosure.fees.amount')).toBe('表二 行政事业性收费 本年收费金额（单位：万元）');
    // A 2019-only cell has the 2019 form's labels.
    expect(label('activeDisclosure.normativeDocuments.newlyMade')).toBe('表二 规范性文件 本年新制作数量');
    expect(label('activeDisclosure.normativeDocuments.issued')).toBe('表二 行政规范性文件 本年制发件数');
    expect(label('reviewLitigation.litigationDirect.upheld')).toBe('表四 行政诉讼 · 未经复议直接起诉 结果维持');
    // Every row of table 三 is there, under its label.
    for (const row of APPLICATIONS.rows) expect(label(`applications.${row.key}.total`), row.key).toContain(row.label);
  });

  test('--headers keys is the default; anything else is a usage problem, and so is --headers without csv', () => {
    expect(runCli(root, ['parse', '-f', 'csv', '--headers', 'keys', corpus]).stdout).toBe(runCli(root, ['parse', '-f', 'csv', corpus]).stdout);
    expect(runCli(root, ['parse', '-f', 'csv', '--headers', 'en', corpus]).stderr).toMatch(/unknown headers "en": use keys or zh/);
    expect(runCli(root, ['parse', '--headers', 'zh', corpus]).stderr).toMatch(/--headers applies to --format csv/);
  });
});
