import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, runCli, tempDir, withWarnings } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const check = (...args: string[]) => runCli(root, ['check', ...args]);
const warningsOf = (stdout: string) => Number(/, (\d+) warnings?\n/.exec(stdout)?.[1]);

describe('--max-warnings', () => {
  test('more warnings than N fail the run; N or fewer do not', () => {
    const warnings = warningsOf(check(withWarnings).stdout);
    expect(warnings).toBeGreaterThan(1);
    const atLimit = check('--max-warnings', String(warnings), withWarnings);
    expect(atLimit.status).toBe(0);
    expect(atLimit.stdout).not.toContain('too many warnings');
    const over = check('--max-warnings', String(warnings - 1), withWarnings);
    expect(over.status).toBe(1);
    expect(over.stdout.endsWith(`too many warnings: ${warnings} warnings, more than --max-warnings ${warnings - 1}\n`)).toBe(true);
    // Without the option, warnings alone never fail.
    expect(check(withWarnings).status).toBe(0);
  });

  test('counts the warnings of every file, not each file’s', () => {
    const dir = tempDir();
    // One warning each: two in all.
    copyFileSync(clean, join(dir, 'a.txt'));
    copyFileSync(clean, join(dir, 'b.txt'));
    expect(warningsOf(check(join(dir, 'a.txt')).stdout)).toBe(1);
    expect(check('--max-warnings', '1', join(dir, 'a.txt')).status).toBe(0);
    expect(check('--max-warnings', '1', dir).status).toBe(1);
    expect(check('--max-warnings', '2', dir).status).toBe(0);
    expect(check('--max-warnings=0', dir).status).toBe(1);
  });

  test('with --quiet the warnings are not printed, but they still count', () => {
    const run = check('--quiet', '--max-warnings', '0', clean);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/ {2}warning {2}/);
    expect(run.stdout).toMatch(/too many warnings: 1 warning, more than --max-warnings 0\n$/);
  });

  test('in every format the exit status is the same', () => {
    for (const format of ['text', 'json', 'sarif', 'github']) {
      expect(check('-f', format, '--max-warnings', '0', clean).status, format).toBe(1);
      expect(check('-f', format, '--max-warnings', '1', clean).status, format).toBe(0);
    }
    // github: an annotation says why the step failed.
    expect(check('-f', 'github', '--max-warnings', '0', clean).stdout).toMatch(/^::error title=too many warnings::1 warning, more than --max-warnings 0$/m);
  });

  test.each(['-1', '1.5', 'ten', ''])('--max-warnings %j is a usage problem', (value) => {
    const run = check(`--max-warnings=${value}`, clean);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^xxgk-report: --max-warnings needs a whole number of at least 0, got "[^"]*" \(see xxgk-report check --help\)\n$/);
  });

  test('belongs to check, compare and sum, not parse', () => {
    expect(runCli(root, ['parse', '--max-warnings', '1', clean]).stderr).toMatch(/--max-warnings applies to check, compare and sum, not parse/);
  });
});
