import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, repo, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/**
 * Runs the CLI with a time limit: reading a FIFO nobody writes to, or /dev/zero, never ends, and
 * a hung run must fail the test rather than stall the suite.
 */
function runWithTimeout(args: readonly string[]) {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
}

/** A directory with one good report and special files a walk meets, some under report names. */
async function directoryWithSpecialFiles(): Promise<string> {
  const dir = tempDir();
  copyFileSync(clean, join(dir, 'good.txt'));
  mkfifo(join(dir, 'pipe.txt'));
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  symlinkSync('/dev/null', join(dir, 'null.md'));
  // Not a report name: skipped without a word, like any other file of the wrong extension.
  mkfifo(join(dir, 'other.fifo'));
  const socket = join(dir, 'socket.txt');
  server = createServer();
  await new Promise<void>((resolve) => server?.listen(socket, resolve));
  expect(existsSync(socket)).toBe(true);
  return dir;
}

describe('special files', () => {
  test('in a directory: skipped with a line on stderr each, never read; the regular files are read', async () => {
    const dir = await directoryWithSpecialFiles();
    const run = runWithTimeout(['check', dir]);
    expect(run.signal).toBeNull();
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.startsWith(`${join(dir, 'good.txt')}:9:81  warning  narrative/new-received  `)).toBe(true);
    expect(lines[1]).toBe('1 file checked: 0 errors, 1 warning');
    expect(run.stderr.split('\n')).toEqual([
      `xxgk-report: skipping ${join(dir, 'null.md')}: not a regular file (a character device)`,
      `xxgk-report: skipping ${join(dir, 'pipe.txt')}: not a regular file (a FIFO)`,
      `xxgk-report: skipping ${join(dir, 'socket.txt')}: not a regular file (a socket)`,
      `xxgk-report: skipping ${join(dir, 'zero.txt')}: not a regular file (a character device)`,
      '',
    ]);
    // Skipping what is not a report does not fail the run.
    expect(run.status).toBe(0);
  });

  test('with worker threads too', async () => {
    const dir = await directoryWithSpecialFiles();
    for (let i = 0; i < 8; i++) copyFileSync(clean, join(dir, `copy-${i}.txt`));
    const run = runWithTimeout(['parse', '-f', 'ndjson', '--jobs', '3', dir]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(9);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(4);
  });

  test.each([
    ['a FIFO', 'pipe.txt'],
    ['a character device', 'zero.txt'],
    ['a socket', 'socket.txt'],
  ])('named on the command line, %s is refused with one line, exit 2, before anything is read', async (kind, name) => {
    const dir = await directoryWithSpecialFiles();
    const path = join(dir, name);
    const run = runWithTimeout(['check', clean, path]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^xxgk-report: cannot read ${path}: not a regular file \\(${kind}\\)[^\\n]*\\n$`));
  });

  test('/dev/null named directly is refused too', () => {
    const run = runWithTimeout(['check', '/dev/null']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^xxgk-report: cannot read \/dev\/null: not a regular file \(a character device\)/);
  });
});
