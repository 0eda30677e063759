import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, repo, runCli, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const MB = 1024 * 1024;
const cli = () => [process.execPath, join(root, 'dist/cli.js')].map((word) => JSON.stringify(word)).join(' ');

/** The clean report with padding lines after it, `size` bytes in all: real text, just long. */
function longReport(path: string, size: number): string {
  const report = readFileSync(clean);
  // ASCII, so that cutting it at any byte leaves valid UTF-8.
  const padding = Buffer.alloc(size - report.length, '(page footer)\n');
  writeFileSync(path, Buffer.concat([report, padding]));
  return path;
}

describe('the size limit', () => {
  test('default 64 MB: a larger file is refused without being read, and the others are still printed', () => {
    const dir = tempDir();
    copyFileSync(clean, join(dir, 'a.txt'));
    // Sparse: 100 MB on paper, no space on disk. Read, it would be NUL bytes ("not text").
    const big = join(dir, 'big.txt');
    copyFileSync(clean, big);
    truncateSync(big, 100 * MB);
    const run = runCli(root, ['check', dir]);
    expect(run.stderr).toBe(`xxgk-report: cannot read ${big}: larger than the 64 MB limit (--max-size)\n`);
    expect(run.stdout).toMatch(new RegExp(`^${join(dir, 'a.txt')}:9:81  warning  `));
    expect(run.stdout).toMatch(/\n1 file checked: 0 errors, 1 warning\n$/);
    expect(run.status).toBe(2);
  });

  test('--max-size <MB>: the limit in megabytes of 1,048,576 bytes, a file at the limit is read', () => {
    const dir = tempDir();
    const atLimit = longReport(join(dir, 'at-limit.txt'), MB);
    const over = longReport(join(dir, 'over.txt'), MB + 1);
    const limited = runCli(root, ['parse', '-f', 'ndjson', '--max-size', '1', dir]);
    expect(limited.status).toBe(2);
    expect(limited.stderr).toBe(`xxgk-report: cannot read ${over}: larger than the 1 MB limit (--max-size)\n`);
    expect(limited.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).path)).toEqual([atLimit]);
    const raised = runCli(root, ['parse', '-f', 'ndjson', '--max-size', '2', dir]);
    expect(raised.stderr).toBe('');
    expect(raised.status).toBe(0);
    expect(raised.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  test('over the limit with worker threads: the other files are still printed in order', () => {
    const dir = tempDir();
    for (let i = 0; i < 9; i++) copyFileSync(clean, join(dir, `${i}.txt`));
    const big = join(dir, '4.txt');
    truncateSync(big, 2 * MB);
    const run = runCli(root, ['parse', '-f', 'ndjson', '--jobs', '3', '--max-size', '1', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`xxgk-report: cannot read ${big}: larger than the 1 MB limit (--max-size)\n`);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).path)).toEqual(
      [0, 1, 2, 3, 5, 6, 7, 8].map((i) => join(dir, `${i}.txt`)),
    );
  });

  test('standard input: reading stops once over the limit (an endless stream ends the run), the others still print', () => {
    const run = spawnSync('sh', ['-c', `yes 政府信息公开工作年度报告 | ${cli()} check --max-size 1 - "$1"`, 'sh', clean], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('xxgk-report: cannot read <stdin>: larger than the 1 MB limit (--max-size)\n');
    expect(run.stdout).toMatch(new RegExp(`^${clean}:9:81  warning  `));
    expect(run.status).toBe(2);
  });

  test('standard input under the limit is read', () => {
    const run = runCli(root, ['check', '--max-size', '1', '-'], readFileSync(clean));
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^<stdin>:9:81  warning  /);
  });

  test.each(['0', '-1', '1.5', 'ten', '257', ''])('--max-size %j is a usage problem', (value) => {
    const run = runCli(root, ['check', `--max-size=${value}`, clean]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^xxgk-report: --max-size needs a whole number of megabytes from 1 to 256, got "[^"]*" \(see xxgk-report check --help\)\n$/);
  });

  test('--help names the option and its default', () => {
    expect(runCli(root, ['--help']).stdout).toMatch(/--max-size <MB> .*\(default: 64\b/);
  });
});
