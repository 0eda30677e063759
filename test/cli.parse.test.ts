import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { APPLICATIONS, REVIEW_LITIGATION } from '../grammar/index';
import { parseReport } from '../src/index';
import { builtPackage, clean, corpus, corpusCopies, damaged, runCli, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

const parse = (...args: string[]) => runCli(root, ['parse', ...args]);
/** What the library gives for a file, as JSON would carry it. */
const expected = (path: string) => JSON.parse(JSON.stringify(parseReport(readFileSync(path, 'utf8'))));
const corpusFiles = ['000_ec7f0e0f1bb37103', '001_b5fe446b3f679b76', '002_451407376180ac87', '003_669b05754e9fb909', '004_0ca6d768b0b6ad6a'].map(
  (name) => `${corpus}/${name}.txt`,
);

/** Enough of RFC 4180 to read back what the CLI writes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('xxgk-report parse', () => {
  test('json, one file: the ParseResult as the library returns it', () => {
    const run = parse(clean);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(expected(clean));
  });

  test('json, a directory: an array of { path, ...result } in sorted order, as JSON.stringify prints it', () => {
    const run = parse('--format', 'json', corpus);
    expect(run.status).toBe(0);
    const all = corpusFiles.map((path) => ({ path, ...expected(path) }));
    expect(JSON.parse(run.stdout)).toEqual(all);
    expect(run.stdout).toBe(`${JSON.stringify(all, null, 2)}\n`);
  });

  test('json, a directory holding one report: still an array', () => {
    const dir = tempDir();
    copyFileSync(clean, join(dir, 'only.txt'));
    const parsed = JSON.parse(parse(dir).stdout);
    expect(parsed).toEqual([{ path: join(dir, 'only.txt'), ...expected(clean) }]);
  });

  test('ndjson: one line per report with its path', () => {
    const run = parse('--format', 'ndjson', corpus);
    expect(run.status).toBe(0);
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.path)).toEqual(corpusFiles);
    expect(records[3]).toEqual({ path: damaged, ...expected(damaged) });
  });

  test('a batch read by worker threads gives the same output, in the same order, as one thread', () => {
    const batch = corpusCopies(2);
    for (const format of ['json', 'ndjson', 'csv']) {
      const serial = parse('-f', format, '--jobs', '1', batch);
      const parallel = parse('-f', format, '--jobs', '2', batch);
      expect(parallel.stderr, format).toBe('');
      expect([serial.status, parallel.status], format).toEqual([0, 0]);
      expect(parallel.stdout, format).toBe(serial.stdout);
    }
  });

  test('csv: BOM, CRLF, a header and one row per report, a column per cell of the grammar', () => {
    const run = parse('--format', 'csv', corpus);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('\uFEFFpath,agency,year,formatVersion,')).toBe(true);
    expect(run.stdout.replaceAll('\r\n', '')).not.toMatch(/\n/);
    const [header = [], ...rows] = readCsv(run.stdout.slice(1));
    expect(rows.map((row) => row[0])).toEqual(corpusFiles);
    for (const row of rows) expect(row).toHaveLength(header.length);
    expect(header).toEqual(expect.arrayContaining(['applications.granted.total', 'activeDisclosure.fees.amount', 'reviewLitigation.review.total']));
    const cellsOfTable3 = APPLICATIONS.rows.flatMap((r) => APPLICATIONS.columns.map((c) => `applications.${r.key}.${c.key}`));
    const cellsOfTable4 = REVIEW_LITIGATION.rows.flatMap((r) => REVIEW_LITIGATION.columns.map((c) => `reviewLitigation.${r.key}.${c.key}`));
    expect(header).toEqual(expect.arrayContaining([...cellsOfTable3, ...cellsOfTable4]));
    expect(new Set(header).size).toBe(header.length);

    const at = (file: string, column: string) => rows[corpusFiles.indexOf(file)]?.[header.indexOf(column)];
    const { report } = parseReport(readFileSync(clean, 'utf8'));
    expect(at(clean, 'agency')).toBe(report.meta.agency);
    expect(at(clean, 'year')).toBe(String(report.meta.year));
    expect(at(clean, 'formatVersion')).toBe('2021');
    expect(at(clean, 'applications.newReceived.total')).toBe(String(report.tables.applications?.rows.newReceived?.total.value));
    const fees = report.tables.activeDisclosure?.formatVersion === '2021' ? report.tables.activeDisclosure.rows.fees : undefined;
    expect(at(clean, 'activeDisclosure.fees.amount')).toBe(String(fees?.amount.value));
    // Report 003's first two rows of table 三 have a value too many: left unassigned, so blank.
    expect(at(damaged, 'applications.newReceived.total')).toBe('');
    // The 2021 format has no 2019 cells, and this report no 小计 column: blank, not 0.
    expect(at(clean, 'activeDisclosure.procurement.amount')).toBe('');
    expect(at(clean, 'applications.granted.legalSubtotal')).toBe('');
  });

  test('csv: a field with a comma or a quote is quoted, its quotes doubled', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a,"b"'));
    copyFileSync(clean, join(dir, 'a,"b"', 'report.txt'));
    const run = parse('-f', 'csv', dir);
    const row = run.stdout.split('\r\n')[1] ?? '';
    expect(row.startsWith(`"${dir}/a,""b""/report.txt",`)).toBe(true);
    expect(readCsv(run.stdout.slice(1))[1]?.[0]).toBe(join(dir, 'a,"b"', 'report.txt'));
  });
});
