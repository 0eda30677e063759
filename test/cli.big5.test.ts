import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeReport } from '../src/decode/index';
import { builtPackage, clean, runCli, tempDir } from './helpers/cli';

/** Report 001 in traditional characters (opencc cn→tw), saved as Big5 (see fixtures/cli/README.md). */
const big5Report = 'test/fixtures/cli/001_b5fe446b3f679b76.big5.txt';
const gb18030Report = 'test/fixtures/encodings/001_b5fe446b3f679b76.gb18030.txt';

const decodes = (bytes: Uint8Array, encoding: string) => {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Big5 bytes for `text`: TextEncoder only writes UTF-8, so this inverts TextDecoder('big5') over
 * every two-byte sequence as the WHATWG Big5 encoder does: standard Big5 (lead 0xA1 and up)
 * before the HKSCS additions, and the last of the two codes of 十, 卅 and four box-drawing characters.
 */
const LAST_CODE = new Set(['\u2550', '\u255e', '\u2561', '\u256a', '\u5341', '\u5345']);
const big5Bytes = (() => {
  let table: Map<string, number[]> | undefined;
  const build = () => {
    const map = new Map<string, number[]>();
    const decoder = new TextDecoder('big5', { fatal: true });
    const leads = [...Array.from({ length: 0xfe - 0xa1 + 1 }, (_, i) => 0xa1 + i), ...Array.from({ length: 0xa0 - 0x81 + 1 }, (_, i) => 0x81 + i)];
    for (const lead of leads) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail > 0x7e && trail < 0xa1) continue;
        let char: string;
        try {
          char = decoder.decode(Uint8Array.of(lead, trail));
        } catch {
          continue;
        }
        if (!map.has(char) || LAST_CODE.has(char)) map.set(char, [lead, trail]);
      }
    }
    return map;
  };
  return (text: string): Uint8Array => {
    table ??= build();
    const bytes: number[] = [];
    for (const char of text) {
      if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
      else bytes.push(...(table.get(char) ?? fail(char)));
    }
    return Uint8Array.from(bytes);
  };
})();

function fail(char: string): never {
  throw new Error(`${char} has no Big5 code`);
}

describe('decodeReport: Big5 or GB18030', () => {
  test('the fixtures are the trap: each is valid in both encodings (and not UTF-8)', () => {
    for (const path of [big5Report, gb18030Report]) {
      const bytes = readFileSync(path);
      expect(decodes(bytes, 'utf-8'), path).toBe(false);
      expect(decodes(bytes, 'gb18030'), path).toBe(true);
      expect(decodes(bytes, 'big5'), path).toBe(true);
    }
    // The reverse map writes what iconv wrote.
    const text = new TextDecoder('big5').decode(readFileSync(big5Report));
    expect(Buffer.from(big5Bytes(text)).equals(readFileSync(big5Report))).toBe(true);
  });

  test('a Big5 report is read as Big5, without an alternative', () => {
    const bytes = readFileSync(big5Report);
    const decoded = decodeReport(bytes);
    expect(decoded).toEqual({ text: new TextDecoder('big5').decode(bytes), encoding: 'big5' });
    expect(decoded.text.startsWith('淶源縣2022年政府信息公開工作年度報告\n')).toBe(true);
  });

  test('a GB18030 report is still read as GB18030, without an alternative', () => {
    const bytes = readFileSync(gb18030Report);
    expect(decodeReport(bytes)).toEqual({ text: readFileSync(clean, 'utf8'), encoding: 'gb18030' });
  });

  test('a few report words are enough; text read as UTF-8 is never second-guessed', () => {
    expect(decodeReport(big5Bytes('臺北市政府2022年度報告'))).toEqual({ text: '臺北市政府2022年度報告', encoding: 'big5' });
    expect(decodeReport(Buffer.from('臺北市政府2022年度報告'))).toEqual({ text: '臺北市政府2022年度報告', encoding: 'utf-8' });
  });

  test('unsure (Big5 bytes without report words): GB18030, with Big5 as the alternative', () => {
    const bytes = big5Bytes('臺北市立圖書館');
    expect(decodes(bytes, 'gb18030')).toBe(true);
    const decoded = decodeReport(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(new TextDecoder('gb18030').decode(bytes));
    expect(decoded.alternative).toBe('big5');
  });

  test('short GB18030 text without report words gets no alternative', () => {
    // GB18030 for 涞源县人民政府, 涞源县 and 数据统计 (valid Big5 too).
    for (const hex of ['e4b5d4b4cfd8c8cbc3f1d5feb8ae', 'e4b5d4b4cfd8', 'cafdbeddcdb3bcc6']) {
      const bytes = Buffer.from(hex, 'hex');
      expect(decodes(bytes, 'big5'), hex).toBe(true);
      expect(decodeReport(bytes), hex).toEqual({ text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' });
    }
  });

  test('an encoding given decides, whatever the detection would say', () => {
    expect(decodeReport(readFileSync(big5Report), { encoding: 'gb18030' }).encoding).toBe('gb18030');
    expect(decodeReport(readFileSync(gb18030Report), { encoding: 'big5' })).toEqual({
      text: new TextDecoder('big5').decode(readFileSync(gb18030Report)),
      encoding: 'big5',
    });
  });
});

describe('the CLI on Big5', () => {
  let root: string;
  beforeAll(async () => {
    root = await builtPackage();
  });

  test('a Big5 report is detected: the same output as --encoding big5, the tables of its UTF-8 original', () => {
    const run = runCli(root, ['parse', big5Report]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(runCli(root, ['parse', '--encoding', 'big5', big5Report]).stdout);
    const parsed = JSON.parse(run.stdout);
    const original = JSON.parse(runCli(root, ['parse', clean]).stdout);
    expect(parsed.report.meta.agency).toBe('涞源县');
    expect(parsed.report.tables).toEqual(original.report.tables);
    expect(runCli(root, ['check', big5Report]).stdout).toMatch(/^\S+:9:\d+ {2}warning {2}narrative\/new-received {2}/);
  });

  test('the GB18030 report is still GB18030: no note', () => {
    const run = runCli(root, ['parse', gb18030Report]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(runCli(root, ['parse', clean]).stdout);
  });

  test('unsure: a note on stderr names the file and suggests --encoding big5; the exit status is unchanged', () => {
    const path = join(tempDir(), 'library.txt');
    writeFileSync(path, big5Bytes('臺北市立圖書館'));
    const run = runCli(root, ['parse', path]);
    expect(run.stderr).toBe(
      `xxgk-report: ${path}: read as GB18030, but it may be Big5 (traditional Chinese): if the output looks garbled, try --encoding big5\n`,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).report).toBeDefined();
  });
});
