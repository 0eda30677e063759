import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseReport } from '../src/index';
import { builtPackage, runCli } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

/** A real report with blank table 三 rows (a copy of test/fixtures/real/h01.txt). */
const blanks = 'test/fixtures/cli/blank-cells.txt';
const text = readFileSync(blanks, 'utf8');
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('--blank-as-zero', () => {
  test('parse: the ParseResult of parseReport(text, { blankAsZero: true }), blank cells read as 0', () => {
    const plain = runCli(root, ['parse', blanks]);
    const zero = runCli(root, ['parse', '--blank-as-zero', blanks]);
    expect([plain.status, zero.status]).toEqual([0, 0]);
    expect(zero.stderr).toBe('');
    expect(zero.stdout).not.toBe(plain.stdout);
    expect(JSON.parse(plain.stdout)).toEqual(asJson(parseReport(text)));
    expect(JSON.parse(zero.stdout)).toEqual(asJson(parseReport(text, { blankAsZero: true })));
    const cell = (stdout: string) => JSON.parse(stdout).report.tables.applications.rows.partialGrant.total;
    expect(cell(plain.stdout)).toMatchObject({ value: null, state: 'blank' });
    expect(cell(zero.stdout)).toMatchObject({ value: 0, state: 'blank', assumedZero: true });
  });

  test('parse csv: an empty field without the flag, 0 with it', () => {
    const field = (...args: string[]) => {
      const [header = '', row = ''] = runCli(root, ['parse', '-f', 'csv', ...args, blanks]).stdout.slice(1).split('\r\n');
      return row.split(',')[header.split(',').indexOf('applications.partialGrant.total')];
    };
    expect(field()).toBe('');
    expect(field('--blank-as-zero')).toBe('0');
  });

  test('check: the cell/blank findings say the blank cells were read as 0, and the identities can be checked', () => {
    const plain = runCli(root, ['check', '--verbose', blanks]);
    const zero = runCli(root, ['check', '--verbose', '--blank-as-zero', blanks]);
    const blankFindings = (stdout: string) => stdout.split('\n').filter((line) => line.includes('  cell/blank  '));
    expect(blankFindings(plain.stdout).length).toBeGreaterThan(0);
    expect(blankFindings(plain.stdout).every((line) => line.endsWith('(value null, not 0)'))).toBe(true);
    expect(blankFindings(zero.stdout)).toHaveLength(blankFindings(plain.stdout).length);
    expect(blankFindings(zero.stdout).every((line) => line.endsWith('(read as 0 because of blankAsZero)'))).toBe(true);
    // Read as 0, the blank rows let table 三's and 四's identities be checked (and they hold).
    expect(plain.stdout).toMatch(/ {2}warning {2}arithmetic\/not-assessable {2}/);
    expect(zero.stdout).not.toMatch(/ {2}arithmetic\/not-assessable {2}/);
    expect(zero.status).toBe(0);
  });

  test('--help lists it', () => {
    expect(runCli(root, ['--help']).stdout).toMatch(/--blank-as-zero {2,}\S/);
  });
});
