import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onTestFinished } from 'vitest';

export const repo = join(import.meta.dirname, '..', '..');

/** What the build depends on: when none of it changed, the last build is still this build. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    hash.update(path).update(readFileSync(join(repo, path)));
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(repo, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk('src');
  walk('grammar');
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsup.config.ts']) add(file);
  return hash.digest('hex').slice(0, 16);
}

/** Builds of other sources: unused for ten minutes (a run takes one or two), none is still being read. */
function removeOldBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith('xxgk-report-build-') && Date.now() - statSync(path).mtimeMs > 600_000) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the package with the project's tsup config into a private directory (its package.json
 * plus dist/) and returns that directory, named by a hash of the sources, so a later run with
 * the same sources reuses it. Several test files run at once: the first one to create the
 * directory builds, the others wait for it. A private directory rather than dist/, because other
 * work in this tree may be rebuilding dist/ while these tests read it. Type declarations are left
 * out unless `types` asks for them: most tests do not read them, and they are most of the build time.
 */
export async function builtPackage({ types = false }: { types?: boolean } = {}): Promise<string> {
  const dir = join(tmpdir(), `xxgk-report-build-${types ? 'typed-' : ''}${sourceHash()}`);
  // Copied last, so its presence says the build finished.
  const done = join(dir, 'package.json');
  for (let waited = 0; !existsSync(done); waited += 200) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (waited > 120_000) throw new Error(`Gave up waiting for the build in ${dir}; delete it and rerun`);
      await sleep(200);
      continue;
    }
    try {
      const dts = types ? [] : ['--no-dts'];
      await promisify(execFile)('npx', ['tsup', ...dts, '--silent', '--out-dir', join(dir, 'dist')], { cwd: repo });
      copyFileSync(join(repo, 'package.json'), done);
      removeOldBuilds();
    } catch (error) {
      // Waiting files then build for themselves and report the failure too.
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
  // Marks the build as in use, so another run's removeOldBuilds() leaves it alone.
  utimesSync(dir, new Date(), new Date());
  return dir;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <build>/dist/cli.js …args` from the repository root. */
export function runCli(root: string, args: readonly string[], input?: string | Uint8Array): CliRun {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    // The default 1 MB would cut the JSON of a batch short, and kill the CLI.
    maxBuffer: 256 * 1024 * 1024,
    // A CI variable or a forced colour setting in the developer's shell must not change the output.
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export const corpus = 'test/fixtures/corpus';

/** A fresh directory for the current test, removed when the test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-report-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A directory with `copies` copies of each corpus report (`000-1.txt`, `000-2.txt`…): a batch big
 * enough for the CLI to start worker threads.
 */
export function corpusCopies(copies: number): string {
  const dir = tempDir();
  for (const name of readdirSync(join(repo, corpus)).filter((n) => n.endsWith('.txt'))) {
    for (let i = 1; i <= copies; i++) copyFileSync(join(repo, corpus, name), join(dir, `${name.slice(0, 3)}-${i}.txt`));
  }
  return dir;
}
export const clean = `${corpus}/001_b5fe446b3f679b76.txt`;
/** Only warnings (characters lost next to digits, recovered). */
export const withWarnings = `${corpus}/002_451407376180ac87.txt`;
/** Rows with a value too many or too few: errors at lines 49, 50 and 79. */
export const damaged = `${corpus}/003_669b05754e9fb909.txt`;
