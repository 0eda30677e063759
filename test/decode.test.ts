import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeReport, parseReport } from '../src/index';

const fixture = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url));
const TEXT = fixture('corpus/001_b5fe446b3f679b76.txt').toString('utf8');
const GB18030 = fixture('encodings/001_b5fe446b3f679b76.gb18030.txt');
const SAMPLE = '二、主动公开政府信息情况\n规章\t0\t0\t3';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  if (endian === 'be') bytes.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

/** The DecodeError a call throws. */
function decodeErrorOf(call: () => unknown): DecodeError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
  throw new Error('expected a DecodeError, got a return');
}

describe('decodeReport: byte-order marks', () => {
  it('UTF-8 with a BOM: the text without it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]);
    expect(decodeReport(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('UTF-16 LE and BE with their BOMs', () => {
    expect(decodeReport(utf16(SAMPLE, 'le', true))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeReport(utf16(SAMPLE, 'be', true))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('a BOM the bytes after it do not fit is a DecodeError, not a guess', () => {
    const error = decodeErrorOf(() => decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GB18030])));
    expect(error.reason).toBe('invalid');
    expect(error.message).toBe('not valid utf-8 text despite its byte-order mark');
  });

  it('UTF-16 without a BOM is not guessed: its NUL bytes say binary, until the encoding is given', () => {
    const bytes = utf16(SAMPLE, 'le', false);
    const error = decodeErrorOf(() => decodeReport(bytes));
    expect(error).toMatchObject({ name: 'DecodeError', reason: 'binary', message: 'not text (it contains NUL bytes)' });
    expect(decodeReport(bytes, { encoding: 'utf-16le' })).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeReport(utf16(SAMPLE, 'be', false), { encoding: 'utf-16be' })).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });
});

describe('decodeReport: detection', () => {
  it('valid UTF-8 is UTF-8', () => {
    expect(decodeReport(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeReport(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('a GB18030 report is GB18030, and reads as its UTF-8 copy does', () => {
    const decoded = decodeReport(GB18030);
    expect(decoded).toEqual({ text: TEXT, encoding: 'gb18030' });
    expect(parseReport(decoded.text)).toEqual(parseReport(TEXT));
  });

  it('a plain Uint8Array does as a Buffer does', () => {
    expect(decodeReport(new Uint8Array(GB18030))).toEqual(decodeReport(GB18030));
  });

  it('bytes that are neither UTF-8, GB18030 nor Big5 are a DecodeError', () => {
    // Café in Latin-1: 0xE9 at the end is a lead byte without the byte it needs, in each of them.
    const error = decodeErrorOf(() => decodeReport(Uint8Array.of(0x43, 0x61, 0x66, 0xe9)));
    expect(error).toMatchObject({ reason: 'undetected', message: 'not text (neither UTF-8, GB18030 nor Big5)' });
  });
});

describe('decodeReport: an encoding given', () => {
  it('decides, whatever detection would say, under its WHATWG name', () => {
    expect(decodeReport(GB18030, { encoding: 'gbk' })).toEqual({ text: TEXT, encoding: 'gbk' });
    expect(decodeReport(GB18030, { encoding: 'GB18030' })).toEqual({ text: TEXT, encoding: 'gb18030' });
    expect(decodeReport(Buffer.from('abc'), { encoding: 'latin1' })).toEqual({ text: 'abc', encoding: 'windows-1252' });
  });

  it('bytes not valid in it are a DecodeError naming it as given', () => {
    const error = decodeErrorOf(() => decodeReport(GB18030, { encoding: 'utf-8' }));
    expect(error).toMatchObject({ reason: 'invalid', message: 'not valid utf-8 text' });
  });

  it('an encoding left undefined, and options it does not know, change nothing', () => {
    expect(decodeReport(GB18030, { encoding: undefined })).toEqual(decodeReport(GB18030));
    expect(decodeReport(GB18030, { later: true } as never)).toEqual(decodeReport(GB18030));
  });
});

describe('decodeReport: wrong arguments are a TypeError naming the argument', () => {
  const rejects = (argument: string, call: () => unknown) => {
    expect(call).toThrow(TypeError);
    try {
      call();
    } catch (error) {
      expect((error as Error).message.startsWith(`decodeReport: ${argument} must be `), (error as Error).message).toBe(true);
      return (error as Error).message;
    }
    return '';
  };

  it('bytes: a string, an ArrayBuffer, another typed array, nothing', () => {
    expect(rejects('bytes', () => decodeReport('政府信息公开' as never))).toMatch(/got a string$/);
    expect(rejects('bytes', () => decodeReport(new ArrayBuffer(4) as never))).toMatch(/wrap it: new Uint8Array\(buffer\)/);
    expect(rejects('bytes', () => decodeReport(new Uint16Array(4) as never))).toMatch(/other than a Uint8Array$/);
    rejects('bytes', () => decodeReport(undefined as never));
  });

  it('options: not an object; an encoding that is not a string or not a known label', () => {
    expect(rejects('options', () => decodeReport(GB18030, 'gbk' as never))).toMatch(/got a string$/);
    rejects('options', () => decodeReport(GB18030, null as never));
    expect(rejects('options.encoding', () => decodeReport(GB18030, { encoding: 936 as never }))).toMatch(/got a number$/);
    expect(rejects('options.encoding', () => decodeReport(GB18030, { encoding: 'cp936' }))).toMatch(/got "cp936"$/);
  });
});
