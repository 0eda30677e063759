import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseReport } from '../src/index';
import { builtPackage, runCli, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

/** Report 001 in traditional characters, as Big5 (see test/fixtures/cli/README.md). */
const big5 = 'test/fixtures/cli/001_b5fe446b3f679b76.big5.txt';
const text = new TextDecoder('big5').decode(readFileSync(big5));
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('--no-traditional', () => {
  test('parse: the ParseResult of parseReport(text, { convertTraditional: false })', () => {
    const converted = runCli(root, ['parse', big5]);
    const kept = runCli(root, ['parse', '--no-traditional', big5]);
    expect([converted.status, kept.status]).toEqual([0, 0]);
    expect(JSON.parse(converted.stdout)).toEqual(asJson(parseReport(text)));
    expect(JSON.parse(kept.stdout)).toEqual(asJson(parseReport(text, { convertTraditional: false })));
    expect(kept.stdout).not.toBe(converted.stdout);
  });

  test('check: no traditional-converted finding; the traditional labels are not the form’s', () => {
    const converted = runCli(root, ['check', '--verbose', big5]);
    const kept = runCli(root, ['check', '--verbose', '--no-traditional', big5]);
    expect(converted.stdout).toMatch(/ {2}info {2}text\/traditional-converted {2}/);
    expect(kept.stdout).not.toContain('text/traditional-converted');
    expect(converted.status).toBe(0);
    expect(kept.status).toBe(1);
  });

  test('the same in worker threads', () => {
    const dir = tempDir();
    for (let i = 0; i < 8; i++) copyFileSync(big5, join(dir, `${i}.txt`));
    const lines = runCli(root, ['parse', '-f', 'ndjson', '--no-traditional', '--jobs', '2', dir]).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    const expected = asJson(parseReport(text, { convertTraditional: false }));
    for (const line of lines) {
      const { path, ...result } = JSON.parse(line);
      expect(result, path).toEqual(expected);
    }
  });

  test('--help lists it', () => {
    expect(runCli(root, ['--help']).stdout).toMatch(/--no-traditional {2,}\S/);
  });
});
