import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, corpus, corpusCopies, damaged, runCli, withWarnings } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const check = (...args: string[]) => runCli(root, ['check', ...args]);
const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const summaryOf = (stdout: string) => lines(stdout).at(-1);
// `path:line:column  severity  code  message`, or without `:line:column` for a whole-report finding.
const FINDING = /^(?<path>[^\s:]+)(?::(?<line>\d+):(?<column>\d+))?  (?<severity>error|warning|info)  (?<code>\S+)  \S/;
interface Finding {
  path: string;
  line?: string;
  column?: string;
  severity: string;
  code: string;
}
const findings = (stdout: string): Finding[] =>
  lines(stdout).flatMap((line) => {
    const groups = FINDING.exec(line)?.groups;
    return groups ? [groups as unknown as Finding] : [];
  });

describe('xxgk-report check', () => {
  test('exits 0 on a report without errors, naming it', () => {
    const run = check(clean);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(clean);
    expect(findings(run.stdout).filter((f) => f.severity === 'error')).toEqual([]);
    expect(summaryOf(run.stdout)).toMatch(/^1 file checked: 0 errors, \d+ warnings?$/);
  });

  test('exits 1 on a damaged report, one finding per line at its line and column, no code frame in a pipe', () => {
    const run = check(damaged);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const all = findings(run.stdout);
    const errors = all.filter((f) => f.severity === 'error');
    const warnings = all.filter((f) => f.severity === 'warning');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: damaged, line: '49', column: '1', code: 'table/too-many-values' }),
        expect.objectContaining({ path: damaged, line: '50', column: '1', code: 'table/too-many-values' }),
      ]),
    );
    // Table 四 (line 79) lost a value, but its identities force every cell: a warning, not an error.
    expect(warnings).toContainEqual(expect.objectContaining({ path: damaged, line: '79', column: '1', code: 'cell/inferred' }));
    expect(all.map((f) => f.code)).not.toContain('table/too-few-values');
    // Every line is a finding, except the summary: no source lines or carets when not a terminal.
    expect(lines(run.stdout).slice(0, -1).every((line) => FINDING.test(line))).toBe(true);
    expect(summaryOf(run.stdout)).toMatch(new RegExp(`^1 file checked: ${errors.length} errors?, ${warnings.length} warnings?$`));
  });

  test('a directory: every report named in sorted order, exit 1 because of report 003', () => {
    const run = check(corpus);
    expect(run.status).toBe(1);
    const named = [...new Set(lines(run.stdout).map((line) => line.split(/[:\s]/)[0]).filter((p) => p?.startsWith(corpus)))];
    expect(named).toEqual([
      `${corpus}/000_ec7f0e0f1bb37103.txt`,
      `${corpus}/001_b5fe446b3f679b76.txt`,
      `${corpus}/002_451407376180ac87.txt`,
      `${corpus}/003_669b05754e9fb909.txt`,
      `${corpus}/004_0ca6d768b0b6ad6a.txt`,
    ]);
    const errorFiles = new Set(findings(run.stdout).filter((f) => f.severity === 'error').map((f) => f.path));
    expect(errorFiles.has(damaged)).toBe(true);
    expect(summaryOf(run.stdout)).toMatch(/^5 files checked: [1-9]\d* errors?, \d+ warnings?$/);
  });

  test('the order and content do not depend on how many threads read the files', () => {
    const batch = corpusCopies(3);
    const serial = check('--jobs', '1', batch);
    const parallel = check('--jobs', '3', batch);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.status).toBe(serial.status);
    expect(summaryOf(parallel.stdout)).toMatch(/^15 files checked: /);
  });

  test('--strict: warnings fail the run too', () => {
    const normal = check(withWarnings);
    expect(findings(normal.stdout).map((f) => f.severity)).toContain('warning');
    expect(findings(normal.stdout).map((f) => f.severity)).not.toContain('error');
    expect(normal.status).toBe(0);
    expect(check('--strict', withWarnings).status).toBe(1);
  });

  test('--quiet: only the findings that fail the run, and the summary still counts everything', () => {
    const full = check(corpus);
    const quiet = check('--quiet', corpus);
    expect(quiet.status).toBe(1);
    const shown = findings(quiet.stdout);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((f) => f.severity === 'error')).toBe(true);
    expect(lines(quiet.stdout)).toHaveLength(shown.length + 1);
    expect(summaryOf(quiet.stdout)).toBe(summaryOf(full.stdout));
    // With --strict, warnings fail the run, so quiet still shows them: a failure is never silent.
    const strictQuiet = check('--quiet', '--strict', withWarnings);
    expect(strictQuiet.status).toBe(1);
    expect(findings(strictQuiet.stdout).map((f) => f.severity)).toContain('warning');
  });

  test('info findings are shown only with --verbose', () => {
    const normal = check(withWarnings);
    const verbose = check('--verbose', withWarnings);
    expect(findings(normal.stdout).map((f) => f.severity)).not.toContain('info');
    expect(findings(verbose.stdout)).toContainEqual(expect.objectContaining({ severity: 'info', code: 'text/traditional-converted' }));
    expect(verbose.status).toBe(normal.status);
  });
});
