import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MIN_FILES_FOR_WORKERS } from '../src/cli/pool';
import { builtPackage, damaged, repo, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

/**
 * Enough copies of the damaged report for worker threads (and for output to go on well after the
 * first chunk), plus `extra` files.
 */
function failingBatch(extra: Record<string, Uint8Array> = {}): string {
  const dir = tempDir();
  for (let i = 0; i < 3 * MIN_FILES_FOR_WORKERS; i++) copyFileSync(damaged, join(dir, `${String(i).padStart(2, '0')}.txt`));
  for (const [name, bytes] of Object.entries(extra)) writeFileSync(join(dir, name), bytes);
  return dir;
}

/** Runs the CLI and closes the reading end of its stdout once the first output arrives. */
function closeAfterFirstChunk(args: readonly string[]): Promise<{ status: number | null; stderr: string; chunks: number }> {
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let chunks = 0;
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.on('data', () => {
    chunks++;
    child.stdout.destroy();
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr, chunks })));
}

// --jobs 3 whatever the cores here: the bug was in the run with worker threads.
describe('output closed early (EPIPE)', () => {
  test('check: still exits 1 when a report fails, with worker threads', async () => {
    const run = await closeAfterFirstChunk(['check', '--jobs', '3', failingBatch()]);
    expect(run.chunks).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  test('check and parse: still exit 2 when a file could not be read, reported on stderr', async () => {
    // Sorted last, so it is read after the output was closed.
    const dir = failingBatch({ 'zz-binary.txt': Buffer.from([0, 1, 2, 3]) });
    for (const args of [['check'], ['parse', '-f', 'ndjson']]) {
      const run = await closeAfterFirstChunk([...args, '--jobs', '3', dir]);
      expect(run.stderr, args[0]).toMatch(/^xxgk-report: cannot read .*zz-binary\.txt: not text .*\n$/);
      expect(run.status, args[0]).toBe(2);
    }
  });

  test('one thread: exits 1 too', async () => {
    expect((await closeAfterFirstChunk(['check', '--jobs', '1', failingBatch()])).status).toBe(1);
  });

  test('`check dir | head -1` in a shell: head gets the first finding, the CLI exits 1', () => {
    const dir = failingBatch();
    const statusFile = join(tempDir(), 'status');
    const cli = [process.execPath, join(root, 'dist/cli.js')].map((word) => JSON.stringify(word)).join(' ');
    const shell = spawnSync('sh', ['-c', `{ ${cli} check --jobs 3 "$1"; echo $? > "$2"; } | head -1`, 'sh', dir, statusFile], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(shell.stdout).toMatch(/^\S+\/00\.txt:\d+:\d+ {2}(error|warning) {2}\S+ {2}.+\n$/);
    expect(shell.stderr).toBe('');
    expect(readFileSync(statusFile, 'utf8')).toBe('1\n');
  });
});
