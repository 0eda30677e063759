import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, damaged, runCli } from './helpers/cli';

let root: string;
let scratch: string;
beforeAll(async () => {
  root = await builtPackage();
  scratch = mkdtempSync(join(tmpdir(), 'xxgk-report-input-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const gb18030 = 'test/fixtures/encodings/001_b5fe446b3f679b76.gb18030.txt';
const utf8 = readFileSync(clean);
const text = utf8.toString('utf8');

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

/** A usage or input problem: exit 2, one line on stderr, no stack, nothing on stdout but `stdout`. */
function expectProblem(run: ReturnType<typeof runCli>, message: RegExp, stdout = '') {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe(stdout);
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^xxgk-report: /);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(run.stderr).toMatch(message);
}

describe('reading input', () => {
  test('- reads standard input, named <stdin>', () => {
    const fromFile = runCli(root, ['parse', clean]);
    const fromStdin = runCli(root, ['parse', '-'], utf8);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const checked = runCli(root, ['check', '-'], readFileSync(damaged));
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(/^<stdin>:49:1  error  table\/too-many-values  /m);
  });

  test('GB18030 is detected and gives the same JSON as UTF-8', () => {
    const bytes = readFileSync(gb18030);
    // The fixture must really be GB18030: invalid as UTF-8, so detection is what is tested.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    const run = runCli(root, ['parse', gb18030]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(runCli(root, ['parse', clean]).stdout);
    expect(runCli(root, ['parse', '--encoding', 'gbk', gb18030]).stdout).toBe(run.stdout);
  });

  test('UTF-8 with a BOM and UTF-16 LE and BE with a BOM give the same JSON as UTF-8', () => {
    const expected = runCli(root, ['parse', clean]).stdout;
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [name, bytes] of [
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
      ['le.txt', le],
      ['be.txt', be],
    ] as const) {
      const run = runCli(root, ['parse', write(name, bytes)]);
      expect(run.stderr, name).toBe('');
      expect(run.stdout, name).toBe(expected);
    }
  });

  test('--encoding forces the decoding; a wrong one is an input problem, an unknown one a usage problem', () => {
    expect(runCli(root, ['parse', '--encoding', 'gb18030', gb18030]).stdout).toBe(runCli(root, ['parse', clean]).stdout);
    expectProblem(runCli(root, ['parse', '--encoding', 'utf-8', gb18030]), /cannot read .*gb18030\.txt: not valid utf-8 text\n$/);
    expectProblem(runCli(root, ['parse', '--encoding', 'klingon', clean]), /unknown encoding "klingon"/);
  });

  test('a binary file is not text: exit 2', () => {
    const binary = write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    // A file that could not be read is not one that passed: the summary does not count it.
    expectProblem(runCli(root, ['check', binary]), /cannot read .*image\.txt: not text/, '0 files checked: 0 errors, 0 warnings\n');
  });

  test('a missing file: exit 2 with one line, before anything is printed', () => {
    expectProblem(runCli(root, ['check', clean, 'no-such-report.txt']), /^xxgk-report: cannot read no-such-report\.txt: no such file or directory\n$/);
  });

  test('an unreadable file among good ones: the others are still printed, and the run exits 2', () => {
    const binary = write('binary.md', Buffer.from([0, 1, 2, 3]));
    const run = runCli(root, ['check', clean, binary]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(clean);
    expect(run.stderr).toMatch(/^xxgk-report: cannot read .*binary\.md: not text .*\n$/);
  });

  test('directories: .txt and .md by default, more with --ext, hidden entries and node_modules skipped, sorted', () => {
    const dir = join(scratch, 'tree');
    for (const sub of ['b', 'a', '.git', 'node_modules']) mkdirSync(join(dir, sub), { recursive: true });
    for (const file of ['z.txt', 'b/y.md', 'a/x.TXT', 'a/w.html', 'a/notes.docx', '.git/h.txt', 'node_modules/n.txt', '.hidden.txt']) {
      copyFileSync(clean, join(dir, file));
    }
    const paths = (...args: string[]) =>
      runCli(root, ['parse', '-f', 'ndjson', ...args, dir])
        .stdout.trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).path.slice(dir.length + 1));
    expect(paths()).toEqual(['a/w.html', 'a/x.TXT', 'b/y.md', 'z.txt']);
    expect(paths('--ext', 'docx')).toEqual(['a/notes.docx', 'a/w.html', 'a/x.TXT', 'b/y.md', 'z.txt']);
    expect(paths('--ext', '.DOCX,html')).toEqual(['a/notes.docx', 'a/w.html', 'a/x.TXT', 'b/y.md', 'z.txt']);
  });

  test('a directory without reports is a problem, not a pass', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    expectProblem(runCli(root, ['check', empty]), /no \.txt, \.md, \.html or \.htm files in /);
  });
});

describe('the command line', () => {
  // The hint points at the help of the command the line names, or at the overview.
  test.each([
    [[], /missing command/, ''],
    [['lint', clean], /unknown command "lint": use check, parse, compare or sum /, ''],
    [['check'], /nothing to check/, 'check '],
    [['check', '--bogus', clean], /Unknown option '--bogus'/, 'check '],
    [['check', '--jobs', '0', clean], /--jobs needs a whole number/, 'check '],
    [['parse', '--format', 'xml', clean], /unknown format "xml" for parse: use json, ndjson or csv/, 'parse '],
    [['parse', '--strict', clean], /--strict applies to check, compare and sum, not parse/, 'parse '],
    [['check', '--format', 'csv', clean], /unknown format "csv" for check: use text, json, sarif or github/, 'check '],
    [['check', '--quiet', '--verbose', clean], /cannot be used together/, 'check '],
    [['compare', '--headers', 'zh', clean, clean], /--headers applies to parse, not compare/, 'compare '],
    [['compare', clean], /compare needs two reports/, 'compare '],
  ])('%j is a usage problem', (args, message, command) => {
    const run = runCli(root, args);
    expectProblem(run, message);
    expect(run.stderr.endsWith(` (see xxgk-report ${command}--help)\n`)).toBe(true);
  });

  test('--help and --version', () => {
    const help = runCli(root, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: xxgk-report <check\|parse\|compare>/);
    expect(help.stdout).toContain('--format');
    const version = runCli(root, ['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });
});
