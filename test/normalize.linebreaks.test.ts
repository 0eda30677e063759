import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index';

/** The original text behind normalised [a, b). */
function origin(input: string, a: number, b: number): string {
  const r = normalize(input);
  return input.slice(r.toOriginalStart(a), r.toOriginalEnd(b));
}

describe('line breaks', () => {
  it('turns CRLF and lone CR into LF and counts each', () => {
    const r = normalize('一\r\n二\r三\n四\r\n');
    expect(r.text).toBe('一\n二\n三\n四\n');
    expect(r.counts.lineBreaks).toBe(3);
  });

  it('maps the character before a CRLF to itself and the LF to the whole CRLF', () => {
    const input = '5\r\n6';
    const r = normalize(input);
    expect(r.text).toBe('5\n6');
    expect(origin(input, 0, 1)).toBe('5');
    expect(origin(input, 1, 2)).toBe('\r\n');
    expect(origin(input, 2, 3)).toBe('6');
    expect(r.toOriginalStart(3)).toBe(input.length);
  });

  it('keeps debris after a CRLF out of the LF span', () => {
    const input = 'a\r\n\u200Bb';
    expect(origin(input, 1, 2)).toBe('\r\n');
    expect(origin(input, 2, 3)).toBe('b');
  });

  it('handles CR runs and a CR at the very end', () => {
    expect(normalize('a\r\r\nb\r').text).toBe('a\n\nb\n');
    expect(normalize('\r\n\r\n').text).toBe('\n\n');
  });
});

describe('invisible characters', () => {
  it('removes a BOM and every zero-width character', () => {
    const input = '\uFEFF一\u200B二\u200C三\u200D四\u2060五\uFEFF六';
    const r = normalize(input);
    expect(r.text).toBe('一二三四五六');
    expect(r.counts.invisible).toBe(6);
  });

  it('gives the first kept character its own span after a leading BOM', () => {
    const input = '\uFEFF\uFEFF标题';
    const r = normalize(input);
    expect(r.toOriginalStart(0)).toBe(2);
    expect(origin(input, 0, 1)).toBe('标');
  });

  it('leaves deleted text between two characters out of both spans', () => {
    const input = '甲\u200B\u200B乙';
    expect(origin(input, 0, 1)).toBe('甲');
    expect(origin(input, 1, 2)).toBe('乙');
    // The span across the gap still covers it.
    expect(origin(input, 0, 2)).toBe(input);
  });

  it('maps trailing deletions past the end of the text', () => {
    const input = '甲\u200B';
    const r = normalize(input);
    expect(r.text).toBe('甲');
    expect(r.toOriginalEnd(1)).toBe(1);
    expect(r.toOriginalStart(1)).toBe(input.length);
  });
});

describe('spaces', () => {
  it('turns NBSP, figure space and narrow NBSP into a plain space, one to one', () => {
    const input = '1\u00A02\u20073\u202F4';
    const r = normalize(input);
    expect(r.text).toBe('1 2 3 4');
    expect(r.counts.nbsp).toBe(3);
    for (let n = 0; n <= r.text.length; n++) expect(r.toOriginalStart(n)).toBe(n);
  });

  it('keeps ideographic spaces and tabs, which carry table layout', () => {
    const input = '\t自然人\u3000\t法人';
    expect(normalize(input).text).toBe(input);
  });

  it('does not NFKC the text: full-width punctuation and digits survive', () => {
    const input = '（一）主动公开：共１２条，其中；ｘ';
    const r = normalize(input);
    expect(r.text).toBe(input);
    expect(r.counts).toEqual({ lineBreaks: 0, invisible: 0, nbsp: 0, pinyin: 0, commas: 0, traditional: 0 });
  });

  it('returns an empty result for an empty input', () => {
    const r = normalize('');
    expect(r.text).toBe('');
    expect(r.script).toBe('simplified');
    expect(r.toOriginalStart(0)).toBe(0);
    expect(r.toOriginalEnd(0)).toBe(0);
  });
});
