import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, corpus, damaged, runCli } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const parse = (...args: string[]) => runCli(root, ['parse', ...args]);

/** Whether a `position` member is anywhere in `value`. */
function hasPosition(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasPosition);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, member]) => key === 'position' || hasPosition(member));
}

/** `value` without its `position` members. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'position').map(([key, member]) => [key, withoutPositions(member)]));
}

describe('parse --no-positions', () => {
  test('json: the same result without a position anywhere, and much smaller', () => {
    const full = parse(damaged);
    const bare = parse('--no-positions', damaged);
    expect([full.status, bare.status]).toEqual([0, 0]);
    expect(bare.stderr).toBe('');
    const withThem = JSON.parse(full.stdout);
    const without = JSON.parse(bare.stdout);
    expect(hasPosition(withThem)).toBe(true);
    expect(hasPosition(without)).toBe(false);
    expect(bare.stdout).not.toContain('"position"');
    expect(without).toEqual(withoutPositions(withThem));
    expect(bare.stdout).toBe(`${JSON.stringify(without, null, 2)}\n`);
    // Every node, cell and located finding had one: a third of the output or more.
    expect(bare.stdout.length).toBeLessThan(full.stdout.length * 0.67);
  });

  test('json and ndjson for a directory: no position key remains', () => {
    for (const format of ['json', 'ndjson']) {
      const full = parse('-f', format, corpus).stdout;
      const bare = parse('-f', format, '--no-positions', corpus).stdout;
      expect(bare, format).not.toContain('"position"');
      expect(bare.length, format).toBeLessThan(full.length);
      const read = (text: string) => (format === 'json' ? JSON.parse(text) : text.trimEnd().split('\n').map((line) => JSON.parse(line)));
      expect(read(bare), format).toEqual(withoutPositions(read(full)));
    }
  });

  test('csv has no positions: the same output', () => {
    expect(parse('-f', 'csv', '--no-positions', clean).stdout).toBe(parse('-f', 'csv', clean).stdout);
  });

  test('belongs to parse only', () => {
    expect(runCli(root, ['check', '--no-positions', clean]).stderr).toMatch(/--no-positions applies to parse, not check/);
  });
});
