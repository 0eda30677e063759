import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, corpus, damaged, runCli, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

describe('check --format html', () => {
  test('one file: its visual report on stdout, the tables with the errors marked', () => {
    const run = runCli(root, ['check', '--format', 'html', damaged]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(run.stdout).toContain('<table');
    // The highlight of src/render/visual.ts: the cells of an error's finding.
    expect(run.stdout).toMatch(/class="hl sev-error"/);
    expect(run.stdout).toContain('class="findings"');
  });

  test('exit codes as for check: 0 for a report without errors, 1 with --strict on its warning', () => {
    expect(runCli(root, ['check', '-f', 'html', clean]).status).toBe(0);
    expect(runCli(root, ['check', '-f', 'html', '--strict', clean]).status).toBe(1);
  });

  test('a directory with --out: a page per report there, and index.html linking to each, also on stdout', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    copyFileSync(clean, join(dir, 'in/a.txt'));
    copyFileSync(damaged, join(dir, 'in/sub/b 2.txt'));
    const out = join(dir, 'site');
    const run = runCli(root, ['check', '-f', 'html', '--out', out, join(dir, 'in'), clean]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(run.stdout).toBe(index);
    for (const [page, href] of [
      ['a.txt.html', 'a.txt.html'],
      ['sub/b 2.txt.html', 'sub/b%202.txt.html'],
      ['001_b5fe446b3f679b76.txt.html', '001_b5fe446b3f679b76.txt.html'],
    ]) {
      expect(existsSync(join(out, page as string)), page).toBe(true);
      expect(index).toContain(`href="${href}"`);
    }
    expect(readFileSync(join(out, 'sub/b 2.txt.html'), 'utf8')).toMatch(/class="hl sev-error"/);
  });

  test('two operands whose files have one name: neither page is lost', () => {
    const dir = tempDir();
    const out = join(dir, 'site');
    mkdirSync(join(dir, 'x'));
    copyFileSync(clean, join(dir, 'x/r.txt'));
    copyFileSync(clean, join(dir, 'r.txt'));
    const run = runCli(root, ['check', '-f', 'html', '--out', out, join(dir, 'x/r.txt'), join(dir, 'r.txt')]);
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'r.txt.html'))).toBe(true);
    expect(existsSync(join(out, 'r.txt-2.html'))).toBe(true);
  });

  test('several files without --out is a usage problem saying to use --out', () => {
    const run = runCli(root, ['check', '-f', 'html', corpus]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^xxgk-report: .*--out <dir> \(see xxgk-report check --help\)\n$/);
    expect(runCli(root, ['check', '-f', 'html', clean, damaged]).status).toBe(2);
  });

  test('--out is only for check --format html', () => {
    expect(runCli(root, ['check', '--out', 'x', clean]).stderr).toMatch(/--out applies to --format html/);
    expect(runCli(root, ['parse', '--out', 'x', clean]).stderr).toMatch(/--out applies to check, not parse/);
    expect(runCli(root, ['compare', '-f', 'html', clean, damaged]).stderr).toMatch(/unknown format "html" for compare/);
  });
});
