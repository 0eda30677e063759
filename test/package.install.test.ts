import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, repo } from './helpers/cli';

/**
 * INSTALL TEST (slow: a typed build, the first time for given sources, then `npm pack` and three
 * installs). The package is packed as it would be published, installed from the tarball into
 * three fresh projects (ESM, CommonJS, TypeScript), and the README's examples, copied verbatim,
 * run in them and print what the README says they print; docs/examples run there too. So the
 * examples work for a user of the package, not only inside the repository.
 *
 * The README marks the blocks with `<!-- example: esm -->`, `<!-- example: cjs -->` and
 * `<!-- example: output -->` on the line before each fence.
 *
 * `npm install --offline` works because the package has no runtime dependencies (its only peer,
 * pdfjs-dist, is optional and not installed). The TypeScript project takes `typescript` and
 * `@types/node` from the repository's node_modules (run and linked): they are dev tools of the
 * project, and an offline install cannot count on finding them in npm's cache.
 */

const readme = readFileSync(join(repo, 'README.md'), 'utf8');

/** The fenced block on the line after `<!-- example: name -->` in README.md. */
function readmeBlock(name: string): string {
  const lines = readme.split('\n');
  const marker = lines.findIndex((line) => line.trim() === `<!-- example: ${name} -->`);
  if (marker < 0 || !/^```\w*\s*$/.test(lines[marker + 1] ?? '')) throw new Error(`README.md has no fenced block after <!-- example: ${name} -->`);
  const end = lines.findIndex((line, i) => i > marker + 1 && /^```\s*$/.test(line));
  return `${lines.slice(marker + 2, end).join('\n')}\n`;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in a project, with a plain environment: no CI or colour settings of the caller. */
function run(cwd: string, command: string, args: readonly string[]): Run {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command that must succeed, and returns its output. */
function succeed(cwd: string, command: string, args: readonly string[]): string {
  const result = run(cwd, command, args);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

let scratch: string;
let tarball: string;

const manifests = { esm: { type: 'module' }, cjs: { type: 'commonjs' }, ts: {} };
const projects = new Map<string, string>();

/** The project of that kind in the scratch directory, with the tarball installed (made on first use). */
function project(kind: keyof typeof manifests): string {
  const made = projects.get(kind);
  if (made) return made;
  const dir = join(scratch, kind);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `try-${kind}`, private: true, ...manifests[kind] }, null, 2)}\n`);
  succeed(dir, 'npm', ['install', '--offline', '--no-audit', '--no-fund', tarball]);
  projects.set(kind, dir);
  return dir;
}

beforeAll(async () => {
  const build = await builtPackage({ types: true });
  scratch = mkdtempSync(join(tmpdir(), 'xxgk-report-install-'));
  // What `npm pack` takes from the repository besides the build (README, licences, docs,
  // samples, package.json), next to a fresh typed build: the tarball a publish would upload.
  const staging = join(scratch, 'package');
  const [listed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8' }));
  for (const { path } of listed.files as { path: string }[]) {
    if (path.startsWith('dist/')) continue;
    mkdirSync(join(staging, dirname(path)), { recursive: true });
    cpSync(join(repo, path), join(staging, path));
  }
  cpSync(join(build, 'dist'), join(staging, 'dist'), { recursive: true });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: staging, encoding: 'utf8' }));
  tarball = join(scratch, packed.filename);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const printed = readmeBlock('output');

describe('the packed package, installed from its tarball', () => {
  test('the README shows an ESM and a CommonJS example and what they print', () => {
    expect(readmeBlock('esm')).toContain("from 'xxgk-report'");
    expect(readmeBlock('cjs')).toContain("require('xxgk-report')");
    expect(printed).toContain('泸州市');
  });

  test("an ES module project runs the README's ESM example as written", () => {
    const dir = project('esm');
    // Installed from the tarball, not linked to the repository.
    expect(lstatSync(join(dir, 'node_modules/xxgk-report')).isSymbolicLink()).toBe(false);
    writeFileSync(join(dir, 'example.js'), readmeBlock('esm'));
    expect(succeed(dir, process.execPath, ['example.js'])).toBe(printed);
  });

  test("a CommonJS project runs the README's CommonJS example as written", () => {
    const dir = project('cjs');
    writeFileSync(join(dir, 'example.js'), readmeBlock('cjs'));
    expect(succeed(dir, process.execPath, ['example.js'])).toBe(printed);
  });

  test("a strict TypeScript project (module nodenext) compiles the README's ESM example and runs it", () => {
    const dir = project('ts');
    mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(repo, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir');
    writeFileSync(join(dir, 'example.mts'), readmeBlock('esm'));
    const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, outDir: 'out', types: ['node'] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['example.mts'] }));
    // The package's declarations are checked too (no skipLibCheck).
    succeed(dir, process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    expect(succeed(dir, process.execPath, ['out/example.mjs'])).toBe(printed);
  });

  test('docs/examples run from the installed package, in place and copied into the project', () => {
    const dir = project('esm');
    const examples = readdirSync(join(repo, 'docs/examples')).filter((name) => name.endsWith('.mjs'));
    expect(examples).toContain('summary.mjs');
    for (const name of examples) {
      const shipped = join(dir, 'node_modules/xxgk-report/docs/examples', name);
      writeFileSync(join(dir, name), readFileSync(shipped));
      for (const path of [shipped, name]) {
        const output = succeed(dir, process.execPath, [path]);
        if (name === 'summary.mjs') {
          // With no argument, it reads the damaged sample shipped with the package.
          expect(output).toContain('agency 刚察县人民政府办公室 · year 2022');
          expect(output).toMatch(/^ {2}49:1 +error +table\/too-many-values/m);
        } else {
          expect(output).not.toBe('');
        }
      }
    }
  });

  test('the installed CLI checks a shipped sample and fails on its errors', () => {
    const dir = project('cjs');
    const result = run(dir, join(dir, 'node_modules/.bin/xxgk-report'), ['check', '--no-color', 'node_modules/xxgk-report/samples/gangcha-2022.txt']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('node_modules/xxgk-report/samples/gangcha-2022.txt:49:1  error  table/too-many-values');
  });
});
