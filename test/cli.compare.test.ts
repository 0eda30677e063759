import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { sameAgency } from '../src/index';
import { compareReports, parseReport } from '../src/index';
import { builtPackage, corpus, repo, runCli, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const compare = (...args: string[]) => runCli(root, ['compare', ...args]);
/** Three consecutive years of 渠县 and one report of 涞源县 (see test/fixtures/cli/README.md). */
const dir = 'test/fixtures/cli/compare';
const y2021 = `${dir}/quxian/2021.txt`;
const y2022 = `${dir}/quxian/2022.txt`;
const y2023 = `${dir}/quxian/2023.txt`;
const other = `${dir}/laiyuan-2022.txt`;
const read = (path: string) => parseReport(readFileSync(path, 'utf8')).report;

describe('the fixtures', () => {
  test('are what the tests take them for: each report adds up, 2021 → 2022 agrees, 2022 → 2023 does not carry over', () => {
    expect([y2021, y2022, y2023].map((path) => read(path).meta)).toEqual([
      expect.objectContaining({ agency: '渠县', year: 2021 }),
      expect.objectContaining({ agency: '渠县', year: 2022 }),
      expect.objectContaining({ agency: '渠县', year: 2023 }),
    ]);
    expect(read(other).meta).toMatchObject({ agency: '涞源县', year: 2022 });
    expect(runCli(root, ['check', '--quiet', '--strict', `${dir}/quxian`]).status).toBe(0);
    expect(compareReports(read(y2021), read(y2022))).toEqual([]);
    expect(compareReports(read(y2022), read(y2023)).map((d) => d.code)).toEqual(['years/carried-over', 'years/carried-over']);
  });
});

describe('xxgk-report compare last.txt this.txt', () => {
  test('compareReports(previous, current): the findings in the later report, both paths named, exit 1 on an error', () => {
    const run = compare(y2022, y2023);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const expected = compareReports(read(y2022), read(y2023));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      `${y2022} → ${y2023}`,
      ...expected.map((d) => `${y2023}:${d.position?.start.line}:${d.position?.start.column}  error  years/carried-over  ${d.message}`),
      '1 pair compared: 2 errors, 0 warnings',
    ]);
  });

  test('a pair that agrees: ok, exit 0', () => {
    const run = compare(y2021, y2022);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${y2021} → ${y2022}  ok\n1 pair compared: 0 errors, 0 warnings\n`);
  });

  test('the order matters: this year first is not consecutive, another agency is not compared (warnings)', () => {
    const reversed = compare(y2023, y2022);
    expect(reversed.status).toBe(0);
    expect(reversed.stdout).toContain(`${y2022}  warning  years/not-consecutive  The reports are for 2023 and 2022`);
    const agencies = compare(other, y2023);
    expect(agencies.stdout).toContain(`${y2023}  warning  years/different-agencies  `);
    expect(compare('--strict', other, y2023).status).toBe(1);
  });

  test('input problems exit 2', () => {
    const missing = compare(y2022, 'no-such-report.txt');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('xxgk-report: cannot read no-such-report.txt: no such file or directory\n');
    const binary = runCli(root, ['compare', y2022, '-'], Buffer.from([0, 1, 2]));
    expect(binary.status).toBe(2);
    expect(binary.stderr).toMatch(/^xxgk-report: cannot read <stdin>: not text/);
    expect(binary.stdout).toBe('0 pairs compared: 0 errors, 0 warnings\n');
  });

  test('- reads one of them from standard input', () => {
    const run = runCli(root, ['compare', y2022, '-'], readFileSync(y2023));
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(`${y2022} → <stdin>`);
  });
});

describe('xxgk-report compare dir/', () => {
  test('pairs each report with the same agency’s of the year before: exactly the two consecutive pairs', () => {
    const run = compare(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes(' → '))).toEqual([`${y2021} → ${y2022}  ok`, `${y2022} → ${y2023}`]);
    expect(lines.filter((line) => / {2}(error|warning|info) {2}/.test(line)).map((line) => line.split('  ').slice(0, 3).join('  '))).toEqual([
      `${y2023}:54:1  error  years/carried-over`,
      `${y2023}:54:1  error  years/carried-over`,
    ]);
    expect(lines).toContain(`${other}  unpaired  no report of 涞源县 for 2021 or 2023`);
    expect(lines.at(-1)).toBe('2 pairs compared: 2 errors, 0 warnings; 1 report unpaired');
  });

  test('json: { pairs: [{ previous, current, errors, warnings, diagnostics }], unpaired, errors, warnings }', () => {
    const run = compare('--format', 'json', dir);
    expect(run.status).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(run.stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
    const carried = JSON.parse(JSON.stringify(compareReports(read(y2022), read(y2023))));
    expect(document).toEqual({
      pairs: [
        { previous: y2021, current: y2022, errors: 0, warnings: 0, diagnostics: [] },
        { previous: y2022, current: y2023, errors: 2, warnings: 0, diagnostics: carried },
      ],
      unpaired: [{ path: other, agency: '涞源县', year: 2022, reason: 'no report of 涞源县 for 2021 or 2023' }],
      errors: 2,
      warnings: 0,
    });
  });

  test('sarif: valid, the results in the later report with the earlier one as a related location', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/cli/sarif-schema-2.1.0.json'), 'utf8')));
    const log = JSON.parse(compare('-f', 'sarif', dir).stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [run] = log.runs;
    expect(run.tool.driver.rules).toEqual([{ id: 'years/carried-over', defaultConfiguration: { level: 'error' } }]);
    expect(run.results).toHaveLength(2);
    for (const result of run.results) {
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(y2023);
      expect(result.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(y2022);
    }
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      { level: 'note', message: { text: 'not compared: no report of 涞源县 for 2021 or 2023' }, locations: [{ physicalLocation: { artifactLocation: { uri: other } } }] },
    ]);
  });

  test('github: an annotation per finding, naming last year’s report; a notice for the unpaired', () => {
    const lines = compare('-f', 'github', dir).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`::notice file=${other},title=unpaired::not compared: no report of 涞源县 for 2021 or 2023`);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(new RegExp(`^::error file=${y2023},line=54,col=1,endLine=54,endColumn=\\d+,title=years/carried-over::.+ \\(compared with ${y2022}\\)$`));
    }
  });

  test('--quiet: only the failing pair and its findings; the unpaired and the pairs that agree are not listed', () => {
    const lines = compare('--quiet', dir).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${y2022} → ${y2023}`);
    expect(lines).toHaveLength(4);
    expect(lines.join('\n')).not.toContain('unpaired  ');
  });

  test('agencies named with and without 人民政府 are one; with worker threads the output is the same', () => {
    const batch = tempDir();
    mkdirSync(join(batch, 'more'));
    // 2021 as 渠县人民政府: still the agency of 渠县's 2022 report.
    writeFileSync(join(batch, '2021.txt'), `渠县人民政府2021年政府信息公开工作年度报告\n${readFileSync(y2021, 'utf8')}`);
    expect(parseReport(readFileSync(join(batch, '2021.txt'), 'utf8')).report.meta.agency).toBe('渠县人民政府');
    copyFileSync(y2022, join(batch, 'more', '2022.txt'));
    copyFileSync(y2023, join(batch, '2023.txt'));
    // Enough other reports for worker threads: each unpaired.
    for (const name of ['000_ec7f0e0f1bb37103', '001_b5fe446b3f679b76', '002_451407376180ac87', '003_669b05754e9fb909', '004_0ca6d768b0b6ad6a']) {
      copyFileSync(join(corpus, `${name}.txt`), join(batch, `${name}.txt`));
    }
    const serial = compare('--jobs', '1', batch);
    const parallel = compare('--jobs', '3', batch);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.status).toBe(1);
    const pairs = serial.stdout.split('\n').filter((line) => line.includes(' → '));
    // Corpus report 000 is a 2022 report of 渠县 too (it carries 0 over, and 4 forward): it pairs
    // with 2021 and 2023 as well, and agrees with neither. The other corpus reports are unpaired.
    expect(pairs).toEqual([
      `${join(batch, '2021.txt')} → ${join(batch, '000_ec7f0e0f1bb37103.txt')}`,
      `${join(batch, '000_ec7f0e0f1bb37103.txt')} → ${join(batch, '2023.txt')}`,
      `${join(batch, 'more', '2022.txt')} → ${join(batch, '2023.txt')}`,
      `${join(batch, '2021.txt')} → ${join(batch, 'more', '2022.txt')}  ok`,
    ]);
    expect(serial.stdout).toMatch(/\n4 pairs compared: 6 errors, 0 warnings; 4 reports unpaired\n$/);
  });

  test('sameAgency: the containment rule of compareReports', () => {
    expect(sameAgency('渠县', '渠县人民政府')).toBe(true);
    expect(sameAgency('渠县人民政府', ' 渠县 ')).toBe(true);
    expect(sameAgency('渠县', '泸州市')).toBe(false);
    expect(sameAgency('', '渠县')).toBe(false);
    // Where the rule says two reports are of one agency, compareReports compares them.
    const quxian = read(y2022);
    const renamed = { ...quxian, meta: { ...quxian.meta, agency: '渠县人民政府', year: 2023 } };
    expect(compareReports(quxian, renamed).map((d) => d.code)).not.toContain('years/different-agencies');
    const luzhou = { ...quxian, meta: { ...quxian.meta, agency: '泸州市', year: 2023 } };
    expect(compareReports(quxian, luzhou).map((d) => d.code)).toEqual(['years/different-agencies']);
  });
});
