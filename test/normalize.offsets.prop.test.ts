import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { normalize } from '../src/normalize/index';

// Pieces the real reports are made of, including the debris. Traditional characters are ones
// whose conversion does not depend on their neighbours, so a single character converts alone
// exactly as it does in context; 㗲 and 𡻕 change UTF-16 width when converted.
const TOKENS = [
  ...'总体情况数学习近平发展公开一二',
  ...'總體況數學習發開萬與為規範報告',
  '㗲',
  '𡻕',
  '𠀀',
  '(xí)',
  '(xué)',
  '(zhuǎn)',
  '(xi\u0301)',
  '(de)',
  '(一)',
  '(',
  ')',
  ',',
  ',,',
  '，',
  '、',
  '。',
  '“',
  '”',
  '（',
  '\r',
  '\n',
  '\r\n',
  '\u00A0',
  '\u2007',
  '\u202F',
  '\u200B',
  '\u200D',
  '\u2060',
  '\uFEFF',
  ...'0123456789',
  '1,234',
  '\t',
  '|',
  ' ',
  '\u3000',
  'x',
];

const report = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

describe('offset map', () => {
  test.prop([report])('is monotonic and stays inside the input', (input) => {
    const r = normalize(input);
    for (let n = 0; n <= r.text.length; n++) {
      const start = r.toOriginalStart(n);
      const end = r.toOriginalEnd(n);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(start).toBeLessThanOrEqual(input.length);
      expect(end).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(input.length);
      if (n < r.text.length) {
        expect(start).toBeLessThanOrEqual(r.toOriginalStart(n + 1));
        expect(end).toBeLessThanOrEqual(r.toOriginalEnd(n + 1));
        expect(start).toBeLessThan(r.toOriginalEnd(n + 1));
      }
    }
    expect(r.toOriginalStart(r.text.length)).toBe(input.length);
  });

  test.prop([report])('maps every character to the original text that normalises to it', (input) => {
    const r = normalize(input);
    const { text } = r;
    for (let n = 0; n < text.length; ) {
      const width = (text.codePointAt(n) as number) > 0xffff ? 2 : 1;
      const char = text.slice(n, n + width);
      const source = input.slice(r.toOriginalStart(n), r.toOriginalEnd(n + width));
      // The one replacement that needs its context: a lone `,` between Han characters.
      if (!(char === '，' && source === ',')) expect(normalize(source).text).toBe(char);
      // Debris between two kept characters belongs to neither: a span never starts or ends
      // with a character that normalisation deletes.
      expect(source).not.toMatch(/^[\u200B-\u200D\u2060\uFEFF]|[\u200B-\u200D\u2060\uFEFF]$/);
      if (/\p{Script=Han}/u.test(char)) expect([...source]).toHaveLength(1);
      n += width;
    }
  });

  test.prop([report, fc.nat(), fc.nat()])(
    'maps any span to original text that normalises to the same span',
    (input, x, y) => {
      const r = normalize(input);
      const a = Math.min(x, y) % (r.text.length + 1);
      const b = a + (Math.max(x, y) % (r.text.length - a + 1));
      // Keep surrogate pairs whole, as a caller slicing by characters would.
      const isLow = (i: number) => /[\uDC00-\uDFFF]/.test(r.text.charAt(i));
      const from = isLow(a) ? a - 1 : a;
      const to = isLow(b) ? b + 1 : b;
      const source = input.slice(r.toOriginalStart(from), r.toOriginalEnd(to));
      // A comma at the span's edge may have lost the neighbour that decided its repair (a lone
      // `,` next to Han, or part of a `,,,` run), so comma runs compare as one mark.
      const commas = (s: string) => s.replace(/[,，]+/g, '，');
      expect(commas(normalize(source).text)).toBe(commas(r.text.slice(from, to)));
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 80 })])('stays monotonic on arbitrary strings', (input) => {
    const r = normalize(input);
    let previousStart = 0;
    let previousEnd = 0;
    for (let n = 0; n <= r.text.length; n++) {
      const start = r.toOriginalStart(n);
      const end = r.toOriginalEnd(n);
      expect(start).toBeGreaterThanOrEqual(previousStart);
      expect(end).toBeGreaterThanOrEqual(previousEnd);
      expect(start).toBeLessThanOrEqual(input.length);
      expect(end).toBeLessThanOrEqual(input.length);
      previousStart = start;
      previousEnd = end;
    }
  });
});
