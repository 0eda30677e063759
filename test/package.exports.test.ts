import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, corpus, repo } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const report = `${corpus}/002_451407376180ac87.txt`;
const text = readFileSync(join(repo, report), 'utf8');

describe('the built package', () => {
  test('import of dist/index.js and require of dist/index.cjs both parse a report, alike', async () => {
    const esm = await import(pathToFileURL(join(root, 'dist/index.js')).href);
    const require = createRequire(join(root, 'package.json'));
    const cjs = require(join(root, 'dist/index.cjs'));
    const fromEsm = esm.parseReport(text);
    expect(fromEsm.report.meta.agency).toBe('泸州市');
    expect(fromEsm.report.tables.applications.rows.newReceived.total.value).toEqual(expect.any(Number));
    expect(cjs.parseReport(text)).toEqual(fromEsm);
  });

  test('the package name resolves through exports to those files', () => {
    // Resolved from inside the package (a self-reference), the way a dependent would see it.
    const cjsPath = execFileSync(process.execPath, ['-e', "console.log(require.resolve('xxgk-report'))"], { cwd: root, encoding: 'utf8' });
    expect(cjsPath.trim()).toBe(join(root, 'dist/index.cjs'));
    const esmUrl = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('xxgk-report'))"], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(esmUrl.trim()).toBe(pathToFileURL(join(root, 'dist/index.js')).href);
  });

  test('the CLI is an executable ESM file that imports the library build instead of bundling a copy', () => {
    const cli = readFileSync(join(root, 'dist/cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(join(root, 'dist/cli.js')).mode & 0o111).not.toBe(0);
    // The parser, and the decoder of a file's bytes, are the library's.
    for (const name of ['parseReport', 'decodeReport']) expect(cli).toMatch(new RegExp(`^import \\{[^}]*\\b${name}\\b[^}]*\\} from "\\./index\\.js";$`, 'm'));
    expect(cli).not.toContain('function decodeReport');
    // Markers of the parser and its bundled dependencies, which live in index.js only.
    for (const marker of ['src/parse.ts', 'parsimmon', 'opencc']) expect(cli).not.toContain(marker);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'xxgk-report': './dist/cli.js' });
  });

  test("the license expression names the package's own licence and every bundled one, nothing else", () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.license).toMatch(/^[A-Za-z0-9.-]+( AND [A-Za-z0-9.-]+)*$/);
    const terms: string[] = pkg.license.split(' AND ');
    expect(readFileSync(join(repo, 'LICENSE'), 'utf8').startsWith('MIT License\n')).toBe(true);
    // THIRD_PARTY_LICENSES gives each bundled package's licence on a `License:` line. opencc-js's is
    // `MIT AND Apache-2.0`, of which only the Apache-2.0 dictionaries are bundled: MIT is ours anyway.
    const bundled = [...readFileSync(join(repo, 'THIRD_PARTY_LICENSES'), 'utf8').matchAll(/^License: (.+)$/gm)].flatMap((m) => (m[1] as string).split(' AND '));
    expect(bundled).toEqual(expect.arrayContaining(['Apache-2.0', 'BSD-2-Clause']));
    expect(new Set(terms)).toEqual(new Set(['MIT', ...bundled]));
    expect(terms.length).toBe(new Set(terms).size);
  });

  test('the tarball holds the build, the licences, the readme, the docs and the samples, nothing else', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8' }));
    const files: string[] = packed.files.map((file: { path: string }) => file.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'THIRD_PARTY_LICENSES', 'package.json']));
    expect(files).toEqual(expect.arrayContaining(['docs/diagnostics.md', 'docs/examples/summary.mjs', 'samples/README.md', 'samples/luzhou-2022.txt']));
    const allowed =
      /^(LICENSE|THIRD_PARTY_LICENSES|package\.json|README\.md|dist\/(cli\.js|schema\.json|(index|pdf)\.(js|cjs|d\.ts|d\.cts))|docs\/[a-z-]+\.md|docs\/examples\/[a-z-]+\.mjs|samples\/[a-z0-9-]+\.(txt|html|pdf)|samples\/README\.md)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    // The playground is a page built in the repository, not part of the package.
    expect(files.filter((file) => file.startsWith('docs/playground/'))).toEqual([]);
  });
});
