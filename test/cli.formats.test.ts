import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../src/cli/formats/github';
import { artifactUri } from '../src/cli/formats/sarif';
import { CHECK_CODES, PARSE_CODES, parseReport, type Diagnostic } from '../src/index';
import { builtPackage, clean, corpus, damaged, repo, runCli, tempDir, withWarnings } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const check = (...args: string[]) => runCli(root, ['check', ...args]);
const corpusFiles = ['000_ec7f0e0f1bb37103', '001_b5fe446b3f679b76', '002_451407376180ac87', '003_669b05754e9fb909', '004_0ca6d768b0b6ad6a'].map(
  (name) => `${corpus}/${name}.txt`,
);
const diagnosticsOf = (path: string): Diagnostic[] => JSON.parse(JSON.stringify(parseReport(readFileSync(path, 'utf8')).diagnostics));
const count = (diagnostics: readonly Diagnostic[], severity: string) => diagnostics.filter((d) => d.severity === severity).length;
/** What check shows by default (and in order of the text): errors and warnings. */
const shown = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity !== 'info');

// The schema is draft-07, with uri, uri-reference and date-time formats: see test/fixtures/cli/README.md.
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/cli/sarif-schema-2.1.0.json'), 'utf8')));
function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(valid).toBe(true);
}

describe('check --format json', () => {
  test('one document: { files: [{ path, errors, warnings, diagnostics }], errors, warnings }, as JSON.stringify prints it', () => {
    const run = check('--format', 'json', corpus);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const document = JSON.parse(run.stdout);
    const files = corpusFiles.map((path) => {
      const diagnostics = diagnosticsOf(path);
      return { path, errors: count(diagnostics, 'error'), warnings: count(diagnostics, 'warning'), diagnostics: shown(diagnostics) };
    });
    const errors = files.reduce((sum, file) => sum + file.errors, 0);
    const warnings = files.reduce((sum, file) => sum + file.warnings, 0);
    // The library's order is kept (text sorts by position; JSON is data).
    expect(document).toEqual({ files, errors, warnings });
    expect(run.stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
    // The same counts as the text summary.
    expect(check(corpus).stdout).toMatch(new RegExp(`5 files checked: ${errors} errors, ${warnings} warnings\\n$`));
  });

  test('--verbose adds the info findings, --quiet keeps only those that fail; the counts stay', () => {
    const verbose = JSON.parse(check('-f', 'json', '--verbose', withWarnings).stdout);
    expect(verbose.files[0].diagnostics).toEqual(diagnosticsOf(withWarnings));
    const quiet = JSON.parse(check('-f', 'json', '--quiet', withWarnings).stdout);
    expect(quiet.files[0].diagnostics).toEqual([]);
    expect(quiet.warnings).toBe(verbose.warnings);
  });

  test('nothing readable: still one document, and exit 2', () => {
    const run = runCli(root, ['check', '-f', 'json', '-'], Buffer.from([0, 1, 2]));
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ files: [], errors: 0, warnings: 0 });
  });
});

describe('check --format sarif', () => {
  test('valid SARIF 2.1.0, a rule per code used with its registered level, a result per finding shown', () => {
    const run = check('--format', 'sarif', '--verbose', corpus);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expectValidSarif(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const { driver } = sarifRun.tool;
    expect(driver.name).toBe('xxgk-report');
    expect(driver.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');

    const all = corpusFiles.flatMap((path) => diagnosticsOf(path).map((diagnostic) => ({ path, diagnostic })));
    const codes = [...new Set(all.map(({ diagnostic }) => diagnostic.code))];
    const registered = { ...PARSE_CODES, ...CHECK_CODES } as Record<string, string>;
    const level = (severity: string) => (severity === 'info' ? 'note' : severity);
    expect(driver.rules.map((rule: { id: string }) => rule.id).sort()).toEqual(codes.sort());
    for (const rule of driver.rules) expect(rule.defaultConfiguration.level, rule.id).toBe(level(registered[rule.id] as string));

    expect(sarifRun.results).toHaveLength(all.length);
    sarifRun.results.forEach((result: Record<string, any>, i: number) => {
      const { path, diagnostic } = all[i] as (typeof all)[number];
      expect(result.ruleId).toBe(diagnostic.code);
      expect(driver.rules[result.ruleIndex].id).toBe(diagnostic.code);
      expect(result.level).toBe(level(diagnostic.severity));
      expect(result.message.text).toBe(diagnostic.message);
      const [location] = result.locations;
      expect(location.physicalLocation.artifactLocation.uri).toBe(path);
      const position = diagnostic.position;
      expect(location.physicalLocation.region).toEqual(
        position && { startLine: position.start.line, startColumn: position.start.column, endLine: position.end.line, endColumn: position.end.column },
      );
    });
    expect(sarifRun.results.map((r: { level: string }) => r.level)).toEqual(expect.arrayContaining(['error', 'warning', 'note']));
    expect(sarifRun.invocations).toEqual([{ executionSuccessful: true }]);
  });

  test('a region starts where the text finding does: 1-based line and column', () => {
    const log = JSON.parse(check('-f', 'sarif', damaged).stdout);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'table/too-many-values');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 49, startColumn: 1, endLine: 49 });
    expect(check(damaged).stdout).toContain(`${damaged}:49:1  error  table/too-many-values  `);
  });

  test('artifact URIs: relative, percent-encoded; absolute file: URLs outside the working directory', () => {
    expect(artifactUri('reports/2023 年报.txt')).toBe('reports/2023%20%E5%B9%B4%E6%8A%A5.txt');
    expect(artifactUri('./a/b.txt')).toBe('a/b.txt');
    expect(artifactUri('<stdin>')).toBe('%3Cstdin%3E');
    expect(artifactUri('/elsewhere/r.txt')).toBe(pathToFileURL('/elsewhere/r.txt').href);
    // A run on odd names stays valid SARIF.
    const dir = tempDir();
    mkdirSync(join(dir, '报告 #1'));
    copyFileSync(clean, join(dir, '报告 #1', 'a,b%.txt'));
    const log = JSON.parse(check('-f', 'sarif', dir).stdout);
    expectValidSarif(log);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      `${pathToFileURL(join(dir, '报告 #1', 'a,b%.txt')).href}`,
    );
    const stdin = JSON.parse(runCli(root, ['check', '-f', 'sarif', '-'], readFileSync(clean)).stdout);
    expectValidSarif(stdin);
    expect(stdin.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%3Cstdin%3E');
  });

  test('a file that cannot be read: an error notification, the execution not successful, exit 2', () => {
    const run = runCli(root, ['check', '-f', 'sarif', clean, '-'], Buffer.from([0, 1, 2]));
    expect(run.status).toBe(2);
    const log = JSON.parse(run.stdout);
    expectValidSarif(log);
    expect(log.runs[0].invocations).toEqual([
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringMatching(/^cannot read <stdin>: not text/) } }] },
    ]);
  });
});

describe('check --format github', () => {
  // `::error file=PATH,line=L,col=C,endLine=…,endColumn=…,title=CODE::MESSAGE`: the position
  // optional, the columns only for a span within one line.
  const COMMAND =
    /^::(?<command>error|warning|notice) file=(?<file>[^,:\r\n]+)(?:,line=(?<line>\d+)(?:,col=(?<col>\d+))?,endLine=(?<endLine>\d+)(?:,endColumn=(?<endColumn>\d+))?)?,title=(?<title>[^,:\r\n]+)::(?<message>[^\r\n]*)$/;

  test('one workflow command per finding shown, and nothing else', () => {
    const run = check('--format', 'github', '--verbose', corpus);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(COMMAND);
    const all = corpusFiles.flatMap((path) => diagnosticsOf(path).map((diagnostic) => ({ path, diagnostic })));
    expect(lines).toHaveLength(all.length);
    // In the order of the text output (by position in each file, whole-report findings last).
    const text = check('--verbose', corpus).stdout.split('\n').filter((line) => / {2}(error|warning|info) {2}/.test(line));
    lines.forEach((line, i) => {
      const groups = COMMAND.exec(line)?.groups ?? {};
      const [where = '', severity, code] = (text[i] as string).split('  ');
      const [file, lineNumber, column] = where.split(':');
      expect(groups.file).toBe(file);
      expect(groups.line).toBe(lineNumber);
      expect(groups.col).toBe(groups.line === groups.endLine ? column : undefined);
      expect(groups.endColumn === undefined).toBe(groups.col === undefined);
      expect(groups.command).toBe({ error: 'error', warning: 'warning', info: 'notice' }[severity as string]);
      expect(groups.title).toBe(code);
    });
    expect(lines.filter((line) => line.startsWith('::notice '))).not.toHaveLength(0);
    // Without --verbose, no info findings.
    expect(check('-f', 'github', corpus).stdout).not.toMatch(/^::notice /m);
  });

  test('the end line and column are the position’s; a span over several lines has no columns', () => {
    const lines = check('-f', 'github', damaged).stdout.split('\n');
    const oneLine = diagnosticsOf(damaged).find((d) => d.code === 'table/too-many-values')?.position;
    expect(oneLine?.start.line).toBe(oneLine?.end.line);
    expect(lines.find((l) => l.includes('title=table/too-many-values'))).toContain(
      `file=${damaged},line=${oneLine?.start.line},col=${oneLine?.start.column},endLine=${oneLine?.end.line},endColumn=${oneLine?.end.column},title=table/too-many-values::`,
    );
    const several = diagnosticsOf(damaged).find((d) => d.code === 'arithmetic/applications-outcomes')?.position;
    expect(several?.start.line).toBeLessThan(several?.end.line as number);
    expect(lines.find((l) => l.includes('title=arithmetic/applications-outcomes'))).toContain(
      `file=${damaged},line=${several?.start.line},endLine=${several?.end.line},title=arithmetic/applications-outcomes::`,
    );
  });

  test('escaping: % CR LF in messages; also : and , in property values', () => {
    expect(escapeData('50% of 3,5: a\r\nb')).toBe('50%25 of 3,5: a%0D%0Ab');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    const dir = tempDir();
    const path = join(dir, 'x:y,z%.txt');
    copyFileSync(clean, path);
    const [line = ''] = check('-f', 'github', path).stdout.split('\n');
    expect(line).toMatch(COMMAND);
    expect(line.startsWith(`::warning file=${path.replace('x:y,z%.txt', 'x%3Ay%2Cz%25.txt')},line=9,col=81,`)).toBe(true);
  });
});
