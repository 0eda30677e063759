import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeReport, declaredCharset } from '../src/decode/index';
import { builtPackage, clean, runCli, tempDir } from './helpers/cli';

// Saved web pages through the CLI: read from directories by default, and decoded in the charset
// they declare. What the library reads in a page is test/html.fixtures.test.ts's concern; here
// only the decoding and that each page is read at all.

/** A Word export declaring charset=gb2312, in GBK bytes (see test/fixtures/html/README.md). */
const gbkPage = 'test/fixtures/html/003-word.gbk.html';
/** The same page stored as UTF-8, its declaration unchanged. */
const utf8Page = 'test/fixtures/html/003-word.html';

/** Text as bytes of one byte per character (`é` as 0xE9). */
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const page = (head: string, body: Uint8Array | string) =>
  Buffer.concat([Buffer.from(`<!DOCTYPE html>\n<html>\n<head>\n${head}\n<title>t</title>\n</head>\n<body>\n<p>`), Buffer.from(body), Buffer.from('</p>\n</body>\n</html>\n')]);
/** 臺北市年報 in Big5: valid GB18030 too, and read so without a declaration (no report word decides). */
const BIG5 = Uint8Array.of(0xbb, 0x4f, 0xa5, 0x5f, 0xa5, 0xab, 0xa6, 0x7e, 0xb3, 0xf8);
/** 政府信息公开 in GBK. */
const GBK = Uint8Array.of(0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa);

describe('declaredCharset: the charset a page declares', () => {
  test.each([
    ['Word\'s unquoted http-equiv', '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n<meta http-equiv=Content-Type content="text/html; charset=gb2312">', 'gb18030'],
    ['<meta charset>', '<!DOCTYPE html><html><head><meta charset="utf-8">', 'utf-8'],
    ['GBK, self-closed, single quotes', "<!doctype html><meta charset='GBK'/>", 'gb18030'],
    ['x-gbk, unquoted', '<html><head><meta charset=x-gbk>', 'gb18030'],
    ['Big5', '<HTML><HEAD><META HTTP-EQUIV="content-type" CONTENT="text/html; charset=big5">', 'big5'],
    ['an XHTML page', '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x">\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312" />', 'gb18030'],
    ['UTF-16, which a page read for its declaration cannot be', '<meta charset="utf-16">', 'utf-8'],
    ['windows-1252 by its latin1 label', '<head><meta charset="iso-8859-1">', 'windows-1252'],
    ['an unknown label, then a known one', '<html><meta charset="x-unknown"><meta charset="gbk">', 'gb18030'],
    ['a page saved by IE: a comment first, the declaration early on', '<!-- saved from url=(0062)http://jyt.hebei.gov.cn/col/1414231541890/2020/01/20/1579506734508.html -->\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gb18030'],
  ])('%s', (_, head, want) => {
    expect(declaredCharset(Buffer.from(`\n  ${head}\n<title>报告</title>`))).toBe(want);
  });

  test.each([
    ['an unknown label', '<html><meta charset="x-unknown">'],
    ['a content charset without http-equiv', '<html><meta name="description" content="text/html; charset=big5">'],
    ['a declaration inside a comment', '<html><!-- <meta charset="big5"> --><title>t</title>'],
    ['no declaration', '<!DOCTYPE html><html><head><title>t</title></head>'],
    ['a text that is not a page', '2022年渠县政府信息公开工作年度报告\n一、总体情况\n<html> is how a page starts'],
    ['a declaration past the first 2 KB', `<html>\n<!-- ${'x'.repeat(2100)} -->\n<meta charset="big5">`],
  ])('none: %s', (_, head) => {
    expect(declaredCharset(Buffer.from(head))).toBeUndefined();
  });
});

describe('decodeReport: web pages', () => {
  test('the GBK fixture page is read as its charset=gb2312 says: its text is the UTF-8 copy\'s', () => {
    expect(decodeReport(readFileSync(gbkPage))).toEqual({ text: readFileSync(utf8Page, 'utf8'), encoding: 'gb18030' });
  });

  test('a page saved as UTF-8 keeps its old charset=gb2312, but its bytes are UTF-8: read as UTF-8', () => {
    expect(decodeReport(readFileSync(utf8Page))).toEqual({ text: readFileSync(utf8Page, 'utf8'), encoding: 'utf-8' });
  });

  test('the declaration decides where detection would read the bytes otherwise', () => {
    // Without it, valid GB18030 and Big5 without report words is GB18030.
    expect(decodeReport(page('', BIG5)).encoding).toBe('gb18030');
    const big5 = decodeReport(page('<meta charset="big5">', BIG5));
    expect(big5.encoding).toBe('big5');
    expect(big5.text).toContain('<p>臺北市年報</p>');
    // Without it, this is not text at all: 0xE9 is neither UTF-8, GB18030 nor Big5 before '<'.
    expect(() => decodeReport(page('', latin1('Caf\u00e9')))).toThrow(/not text/);
    expect(decodeReport(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', latin1('Caf\u00e9')))).toMatchObject({ encoding: 'windows-1252', text: expect.stringContaining('<p>Café</p>') });
  });

  test('GB2312, GBK and x-gbk are read as GB18030, their superset', () => {
    for (const label of ['gb2312', 'GBK', 'x-gbk', 'GB_2312-80']) {
      expect(decodeReport(page(`<meta charset="${label}">`, GBK)), label).toMatchObject({ encoding: 'gb18030', text: expect.stringContaining('<p>政府信息公开</p>') });
    }
  });

  test('a page declaring UTF-8 whose bytes are not UTF-8 is detected like any file', () => {
    expect(decodeReport(page('<meta charset="utf-8">', GBK))).toMatchObject({ encoding: 'gb18030', text: expect.stringContaining('<p>政府信息公开</p>') });
  });

  test('a declaration of an encoding TextDecoder does not know is passed over: detected', () => {
    expect(decodeReport(page('<meta charset="cp936">', GBK)).encoding).toBe('gb18030');
    expect(decodeReport(page('<meta charset="x-unknown">', '政府信息公开')).encoding).toBe('utf-8');
  });

  test('a declared charset the bytes are not valid in is detected like any file', () => {
    // 0x81 0x30 is no Big5 code (its trail bytes start at 0x40); GB18030 reads 0x81 0x30 0x81 0x30 as U+0080.
    expect(decodeReport(page('<meta charset="big5">', Uint8Array.of(0x81, 0x30, 0x81, 0x30)))).toMatchObject({ encoding: 'gb18030' });
  });

  test('a byte-order mark and --encoding come before the declaration', () => {
    const ascii = page('<meta charset="gb2312">', 'report');
    expect(decodeReport(ascii).encoding).toBe('gb18030');
    expect(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii])).encoding).toBe('utf-8');
    expect(decodeReport(ascii, { encoding: 'utf-8' }).encoding).toBe('utf-8');
    expect(() => decodeReport(readFileSync(gbkPage), { encoding: 'utf-8' })).toThrow(/not valid utf-8 text/);
  });

  test('a text file is not sniffed: the bytes decide', () => {
    expect(decodeReport(readFileSync(clean))).toEqual({ text: readFileSync(clean, 'utf8'), encoding: 'utf-8' });
  });
});

describe('the CLI on web pages', () => {
  let root: string;
  beforeAll(async () => {
    root = await builtPackage();
  });

  test('the GBK page is read, as the text of its UTF-8 copy: the same JSON, from a file or standard input', () => {
    const fromGbk = runCli(root, ['parse', gbkPage]);
    expect(fromGbk.stderr).not.toMatch(/cannot read/);
    expect(fromGbk.status).not.toBe(2);
    const fromUtf8 = runCli(root, ['parse', utf8Page]);
    expect(fromUtf8.stderr).not.toMatch(/cannot read/);
    // Positions count in the decoded text, so the two decodings give the same result.
    expect(fromGbk.stdout).toBe(fromUtf8.stdout);
    const fromStdin = runCli(root, ['parse', '-'], readFileSync(gbkPage));
    expect(fromStdin.stderr).not.toMatch(/cannot read/);
    expect(fromStdin.stdout).toBe(fromUtf8.stdout);
  });

  test('check reads the GBK page: its findings name it, and nothing says it cannot be read', () => {
    const run = runCli(root, ['check', gbkPage]);
    expect(run.stderr).not.toMatch(/cannot read/);
    expect(run.status).not.toBe(2);
    expect(run.stdout).toMatch(/^1 file checked: /m);
  });

  test('--encoding still decides', () => {
    const run = runCli(root, ['check', '--encoding', 'utf-8', gbkPage]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`xxgk-report: cannot read ${gbkPage}: not valid utf-8 text\n`);
  });

  test('directories: .html and .htm are read by default, with .txt and .md', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(gbkPage, join(dir, 'a.gbk.html'));
    copyFileSync('test/fixtures/html/h04-thead.html', join(dir, 'sub/b.HTM'));
    copyFileSync('test/fixtures/html/home-no-report.html', join(dir, 'c.htm'));
    copyFileSync(clean, join(dir, 'd.txt'));
    copyFileSync(clean, join(dir, 'e.md'));
    copyFileSync(utf8Page, join(dir, 'f.xml'));
    copyFileSync(utf8Page, join(dir, 'g.shtml'));
    const run = runCli(root, ['parse', '-f', 'ndjson', dir]);
    expect(run.stderr).not.toMatch(/cannot read/);
    const paths = run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { path: string }).path.slice(dir.length + 1));
    expect(paths).toEqual(['a.gbk.html', 'c.htm', 'd.txt', 'e.md', 'sub/b.HTM']);
    const more = runCli(root, ['parse', '-f', 'ndjson', '--ext', 'shtml', dir]);
    expect(more.stdout.trimEnd().split('\n')).toHaveLength(6);
  });

  test('a directory without reports names every extension looked for', () => {
    const run = runCli(root, ['check', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^xxgk-report: no \.txt, \.md, \.html or \.htm files in /);
  });

  test('--help says directories are searched for web pages too', () => {
    expect(runCli(root, ['--help']).stdout).toContain('Directories are searched for .txt, .md, .html and .htm files');
  });
});
