import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { useColor } from '../src/cli/color';
import { builtPackage, damaged, repo } from './helpers/cli';

let root: string;
let terminal = true;
beforeAll(async () => {
  root = await builtPackage();
  try {
    execFileSync('script', ['-qec', 'true', '/dev/null']);
  } catch {
    terminal = false;
  }
});

const ESC = '\u001b[';
const RED_ERROR = '\u001b[1;31merror\u001b[0m';

/** The CLI in a pipe, with only PATH and `env` in its environment. */
function inPipe(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The CLI on a terminal (util-linux `script`), with only PATH and `env` in its environment. */
function onTerminal(args: readonly string[], env: Record<string, string> = {}): string {
  const command = [process.execPath, join(root, 'dist/cli.js'), ...args].map((word) => JSON.stringify(word)).join(' ');
  try {
    return execFileSync('script', ['-qec', command, '/dev/null'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  } catch (error) {
    // Exit 1: the report has errors.
    return (error as { stdout: string }).stdout;
  }
}

describe('useColor', () => {
  test.each([
    // flag, terminal, environment, colour
    [undefined, true, {}, true],
    [undefined, false, {}, false],
    [undefined, true, { NO_COLOR: '1' }, false],
    [undefined, true, { NO_COLOR: '' }, true],
    [undefined, true, { TERM: 'dumb' }, false],
    [undefined, false, { FORCE_COLOR: '1' }, true],
    [undefined, false, { FORCE_COLOR: '3' }, true],
    [undefined, false, { FORCE_COLOR: '' }, false],
    [undefined, true, { FORCE_COLOR: '0' }, false],
    [undefined, false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    [true, false, { NO_COLOR: '1' }, true],
    [false, true, { FORCE_COLOR: '1' }, false],
  ] as const)('--color %s, terminal %s, %j: %s', (flag, isTTY, env, expected) => {
    expect(useColor(flag, isTTY, env)).toBe(expected);
  });
});

describe('colour in check', () => {
  test('never in a pipe by default, even with NO_COLOR empty', () => {
    expect(inPipe(['check', damaged]).stdout).not.toContain(ESC);
    expect(inPipe(['check', damaged], { NO_COLOR: '' }).stdout).not.toContain(ESC);
  });

  test('FORCE_COLOR forces it in a pipe, unless it is 0', () => {
    const forced = inPipe(['check', damaged], { FORCE_COLOR: '1' });
    expect(forced.status).toBe(1);
    expect(forced.stdout).toContain(`:49:1  ${RED_ERROR}  \u001b[2mtable/too-many-values\u001b[0m  `);
    expect(inPipe(['check', damaged], { FORCE_COLOR: '0' }).stdout).not.toContain(ESC);
  });

  test('--color and --no-color override the environment; the last one given counts', () => {
    expect(inPipe(['check', '--color', damaged], { NO_COLOR: '1' }).stdout).toContain(RED_ERROR);
    expect(inPipe(['check', '--no-color', damaged], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(inPipe(['check', '--no-color', '--color', damaged]).stdout).toContain(RED_ERROR);
    expect(inPipe(['check', '--color', '--no-color', damaged]).stdout).not.toContain(ESC);
    // Colour does not bring code frames into a pipe: still one finding per line.
    const lines = inPipe(['check', '--color', damaged]).stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((line) => line.startsWith(`${damaged}:`) || line.startsWith(`${damaged}  `))).toBe(true);
  });

  test('only the text format is coloured', () => {
    for (const format of ['json', 'sarif', 'github']) {
      expect(inPipe(['check', '--color', '-f', format, damaged]).stdout, format).not.toContain(ESC);
    }
  });

  test('on a terminal: coloured, unless NO_COLOR is set or --no-color given', (context) => {
    if (!terminal) context.skip();
    expect(onTerminal(['check', damaged])).toContain(RED_ERROR);
    expect(onTerminal(['check', damaged], { NO_COLOR: '1' })).not.toContain(RED_ERROR);
    expect(onTerminal(['check', '--no-color', damaged])).not.toContain(RED_ERROR);
    expect(onTerminal(['check', damaged], { NO_COLOR: '1', FORCE_COLOR: '1' })).toContain(RED_ERROR);
  });

  test('is an option of check and compare only', () => {
    expect(inPipe(['parse', '--color', damaged]).stderr).toMatch(/--color applies to check, compare and sum, not parse/);
  });
});
