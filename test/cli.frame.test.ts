import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Position } from '../src/index';
import { codeFrame } from '../src/reporter/frame';
import { builtPackage, damaged, repo } from './helpers/cli';

/** The position of the first `needle` in `text`, `length` characters long. */
function positionOf(text: string, needle: string, length = needle.length): Position {
  const point = (offset: number) => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length, column: (before.at(-1) as string).length + 1, offset };
  };
  const offset = text.indexOf(needle);
  return { start: point(offset), end: point(offset + length) };
}

describe('codeFrame', () => {
  test('puts the caret under the span, counting a tab as four columns', () => {
    const text = 'first\ncd\tef\n';
    expect(codeFrame(text, positionOf(text, 'ef'))).toBe(['  2 | cd    ef', '    |       ^^'].join('\n'));
  });

  test('counts Chinese characters as two columns, as a terminal shows them', () => {
    const text = '一、本年新收\t8\t9';
    expect(codeFrame(text, positionOf(text, '8'))).toBe(['  1 | 一、本年新收    8    9', `    | ${' '.repeat(16)}^`].join('\n'));
  });

  test('an empty span still gets a caret; a span past its line is underlined to the line end', () => {
    const text = 'ab\r\ncdef\r\ngh';
    expect(codeFrame(text, positionOf(text, 'd', 0))).toBe(['  2 | cdef', '    |  ^'].join('\n'));
    expect(codeFrame(text, positionOf(text, 'de', 8))).toBe(['  2 | cdef', '    |  ^^^'].join('\n'));
  });

  test('cuts a long line around the span, keeping the caret under it', () => {
    const text = `${'前'.repeat(300)}[bad]${'后'.repeat(300)}`;
    const [source = '', caret = ''] = codeFrame(text, positionOf(text, '[bad]')).split('\n');
    expect(source).toMatch(/^ {2}1 \| …前+\[bad\]后+…$/);
    const kept = (char: string) => [...source].filter((c) => c === char).length;
    // "  1 | " and "…" are one column a character, 前 and 后 two.
    expect(caret).toBe(`    | ${' '.repeat(1 + 2 * kept('前'))}^^^^^`);
    expect(6 + 1 + 2 * kept('前') + 5 + 2 * kept('后') + 1).toBeLessThanOrEqual(6 + 100);
  });
});

describe('check in a terminal', () => {
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

  test('shows the source line and a caret under each error', (context) => {
    // util-linux `script` gives the CLI a terminal; where it is missing there is nothing to test with.
    if (!terminal) context.skip();
    // Without colour, which a terminal gets too (test/cli.color.test.ts), so the lines read plainly.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'dist/cli.js'))} check --no-color ${damaged}`;
    let output = '';
    try {
      execFileSync('script', ['-qec', command, '/dev/null'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    } catch (error) {
      // Exit 1: the report has errors, which is what this test is about.
      output = (error as { stdout: string }).stdout;
    }
    const lines = output.split(/\r?\n/);
    const at = lines.findIndex((line) => line.startsWith(`${damaged}:49:1  error  `));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}49 \| 一、本年新收政府信息公开申请数量/);
    expect(lines[at + 2]).toMatch(/^ {5}\| \^+$/);
  });
});
