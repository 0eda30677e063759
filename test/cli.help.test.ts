import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, runCli } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const version = `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`;
/** The lines under `Examples:`, up to the next blank line. */
const examples = (help: string) =>
  (/\nExamples:\n([^]*?)\n\n/.exec(help)?.[1] ?? '').split('\n').filter((line) => line.startsWith('  xxgk-report '));

describe('-v', () => {
  test('is --version', () => {
    for (const args of [['-v'], ['--version'], ['check', '-v']]) {
      const run = runCli(root, args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toBe(version);
    }
  });
});

describe('per-command help', () => {
  // What each command's screen must list, and options of the other commands it must not.
  test.each([
    ['check', ['--format', '--strict', '--max-warnings', '--quiet', '--verbose', '--color', '--no-color', '--blank-as-zero', '--no-traditional'], ['--headers', '--no-positions']],
    ['parse', ['--format', '--headers', '--no-positions', '--blank-as-zero', '--no-traditional', '--jobs'], ['--strict', '--max-warnings', '--quiet', '--color']],
    ['compare', ['--format', '--strict', '--max-warnings', '--quiet', '--color', '--no-traditional'], ['--headers', '--no-positions']],
  ])('%s --help: its usage, its options and 2–3 examples, not the overview', (command, has, hasNot) => {
    const overview = runCli(root, ['--help']).stdout;
    for (const args of [[command, '--help'], [command, '-h'], [command, '--help', clean], ['--help', command]]) {
      const run = runCli(root, args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.startsWith(`Usage: xxgk-report ${command} [options] `), args.join(' ')).toBe(true);
      expect(run.stdout).not.toBe(overview);
    }
    const help = runCli(root, [command, '--help']).stdout;
    for (const option of has) expect(help, option).toMatch(new RegExp(`(^|[ ,])${option}\\b`, 'm'));
    for (const option of hasNot) expect(help, option).not.toMatch(new RegExp(`(^|[ ,])${option}\\b`, 'm'));
    const shown = examples(help);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.length).toBeLessThanOrEqual(3);
    expect(shown.every((line) => line.startsWith(`  xxgk-report ${command} `))).toBe(true);
  });

  test('--help alone stays the overview: every command, every option', () => {
    const run = runCli(root, ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: xxgk-report <check\|parse\|compare> \[options\]/);
    for (const command of ['check', 'parse', 'compare']) expect(run.stdout).toMatch(new RegExp(`^  ${command} {2,}\\S`, 'm'));
    for (const option of ['--format', '--strict', '--max-warnings', '--quiet', '--verbose', '--color', '--no-color', '--headers', '--no-positions', '--ext', '--encoding', '--blank-as-zero', '--no-traditional', '--max-size', '--jobs', '--help', '--version']) {
      expect(run.stdout, option).toContain(option);
    }
    expect(run.stdout).toMatch(/^ {2}-v, --version/m);
    expect(run.stdout).toContain('xxgk-report <command> --help');
    expect(runCli(root, ['-h']).stdout).toBe(run.stdout);
  });
});
