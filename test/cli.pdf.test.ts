import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, repo, runCli, tempDir } from './helpers/cli';

const pdf = 'test/fixtures/pdf/003.pdf';
const expected = JSON.parse(readFileSync(join(repo, 'test/fixtures/pdf/003.expected.json'), 'utf8')) as {
  table3: { newReceived: number[] };
};
/** 表三 一、本年新收政府信息公开申请数量 总计, the last of the row's values. */
const newReceivedTotal = expected.table3.newReceived.at(-1);

/** The build, without pdfjs-dist anywhere it could be imported from (as when it is not installed). */
let bare: string;
/** The same build next to the repository's node_modules, where pdfjs-dist is installed. */
let installed: string;
beforeAll(async () => {
  bare = await builtPackage();
  installed = mkdtempSync(join(tmpdir(), 'xxgk-report-test-pdf-'));
  mkdirSync(join(installed, 'dist'));
  // Copied, not linked: Node resolves a linked file's imports from where it really is.
  for (const name of readdirSync(join(bare, 'dist'))) copyFileSync(join(bare, 'dist', name), join(installed, 'dist', name));
  copyFileSync(join(bare, 'package.json'), join(installed, 'package.json'));
  symlinkSync(join(repo, 'node_modules'), join(installed, 'node_modules'), 'dir');
});
afterAll(() => {
  if (installed) rmSync(installed, { recursive: true, force: true });
});

describe('PDFs', () => {
  test('check reads a named .pdf: the fixture adds up', () => {
    const run = runCli(installed, ['check', pdf]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${pdf}  ok\n1 file checked: 0 errors, 0 warnings\n`);
    expect(run.status).toBe(0);
  });

  test('parse prints the report read from the PDF', () => {
    const run = runCli(installed, ['parse', pdf]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['report', 'diagnostics']);
    expect(result.report.meta.agency).toBe('淮安市人民政府');
    expect(newReceivedTotal).toBe(3119);
    expect(result.report.tables.applications.rows.newReceived.total.value).toBe(newReceivedTotal);
  });

  test('positions point into the rebuilt text: its cell reads as its raw value', async () => {
    const { parsePdf } = await import('../src/pdf/index');
    const { text } = await parsePdf(readFileSync(join(repo, pdf)));
    const cell = JSON.parse(runCli(installed, ['parse', pdf]).stdout).report.tables.applications.rows.newReceived.total;
    expect(text.slice(cell.position.start.offset, cell.position.end.offset)).toBe(cell.raw);
    const line = text.split('\n')[cell.position.start.line - 1] as string;
    expect(line.slice(cell.position.start.column - 1, cell.position.end.column - 1)).toBe(cell.raw);
  });

  test('directories are searched for .pdf files too, in every format; on worker threads as well', () => {
    const dir = tempDir();
    for (let i = 1; i <= 8; i++) copyFileSync(pdf, join(dir, `${i}.PDF`));
    copyFileSync(clean, join(dir, 'z.txt'));
    const ndjson = runCli(installed, ['parse', '-f', 'ndjson', '-j', '3', dir]);
    expect(ndjson.status).toBe(0);
    const lines = ndjson.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.path.slice(dir.length + 1))).toEqual(['1.PDF', '2.PDF', '3.PDF', '4.PDF', '5.PDF', '6.PDF', '7.PDF', '8.PDF', 'z.txt']);
    expect(lines[7].report.tables.applications.rows.newReceived.total.value).toBe(3119);
    const check = runCli(installed, ['check', '-f', 'json', dir]);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).files).toHaveLength(9);
  });

  test('a named .pdf that is no PDF is a pdf/unreadable finding: exit 1', () => {
    const dir = tempDir();
    const fake = join(dir, 'report.pdf');
    copyFileSync(clean, fake);
    const run = runCli(installed, ['check', fake]);
    expect(run.stdout).toMatch(new RegExp(`^${fake.replaceAll('.', '\\.')}  error  pdf/unreadable  The bytes are not a readable PDF: they do not start with %PDF-`));
    expect(run.stdout).toMatch(/1 file checked: 1 error, 0 warnings\n$/);
    expect(run.status).toBe(1);
    const github = runCli(installed, ['check', '-f', 'github', fake]);
    expect(github.stdout).toMatch(/^::error file=.*report\.pdf,title=pdf\/unreadable::/);
    expect(github.status).toBe(1);
  });

  test('a PDF on standard input is read as one (by its %PDF- header)', () => {
    const run = runCli(installed, ['check', '-'], readFileSync(join(repo, pdf)));
    expect(run.stdout).toBe('<stdin>  ok\n1 file checked: 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  test('without pdfjs-dist a PDF is an input problem, one line saying to install it; texts are still read', () => {
    const run = runCli(bare, ['check', pdf, clean]);
    expect(run.stderr).toBe(`xxgk-report: cannot read ${pdf}: reading a PDF needs pdfjs-dist, which is not installed: npm install pdfjs-dist\n`);
    expect(run.stdout).toMatch(new RegExp(`^${clean}:.*\\n1 file checked: 0 errors, 1 warning\\n$`, 's'));
    expect(run.status).toBe(2);
  });

  test('the CLI imports the PDF reader next to it rather than bundling it', () => {
    const cli = readFileSync(join(bare, 'dist/cli.js'), 'utf8');
    expect(cli).toContain('import("./pdf.js")');
    expect(cli).not.toMatch(/import\("pdfjs-dist|from "pdfjs-dist|getDocument/);
  });

  test('a directory without reports names .pdf too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.docx'), 'x');
    const run = runCli(bare, ['check', dir]);
    expect(run.stderr).toMatch(/^xxgk-report: no \.txt, \.md, \.html or \.htm files in .*, nor \.pdf files\n$/);
    expect(run.status).toBe(2);
  });
});
