import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine, classifyLines, lex, readCell, splitLines, type Token } from '../src/index';

/**
 * The lexer is the only stage that reads the text (src/tokens/lex.ts): every later stage works on
 * its tokens. So the tokens must say exactly what the text holds: each token's text is the text
 * at its offsets, in order, nothing outside the spaces left out, and the same text lexed twice,
 * or after other text, gives the same tokens.
 */

// Padding, digits and near-digits, separators, marks and label text.
const pieces = ['\t', ' ', '\u00a0', '\u3000', '0', '7', '12', '1234567890123456', '０', '?', '|', '/', '—', '无', '.', ',', '一', '（一）予以公开', '2.重复申请', '合计', '。', '2022年', '-3-'];
const line = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));
const text = fc.array(line, { minLength: 1, maxLength: 20 }).map((lines) => lines.join('\n'));

const isSpace = (ch: string) => /[\s\u3000\u00a0]/.test(ch);
/** The same token, wherever it stands: what it is, its text and its place in its line. */
const shape = (token: Token, shift: number) => ({ ...token, start: token.start - shift, end: token.end - shift, line: 0, blankLines: 0, lineStart: false });

describe('the lexer', () => {
  it('gives tokens whose text is the text at their offsets, in order, covering every character but spaces and separators', () => {
    fc.assert(
      fc.property(text, (input) => {
        const tokens = lex(input);
        let covered = 0;
        const seen = new Uint8Array(input.length);
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(covered);
          expect(token.end).toBeGreaterThanOrEqual(token.start);
          expect(input.slice(token.start, token.end)).toBe(token.text);
          seen.fill(1, token.start, token.end);
          covered = token.end;
        }
        for (let i = 0; i < input.length; i++) {
          const ch = input[i] as string;
          // Tab and pipe separate fields; outer pipes, spaces and line breaks are no token's.
          if (!seen[i] && !isSpace(ch) && ch !== '|' && ch !== '\n') expect.fail(`character ${i} (${JSON.stringify(ch)}) of ${JSON.stringify(input)} is in no token`);
        }
      }),
    );
  });

  it('reads a field that is a number as readCell reads the cell', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '7', '12', '1,234', '4466.165', '０', '0?', '251000元'), { minLength: 2, maxLength: 8 }), (cells) => {
        const tokens = lex(`合计\t${cells.join('\t')}`).filter((token) => token.kind === 'number');
        expect(tokens.map((token) => token.value)).toEqual(cells.map((cell) => readCell(cell).value));
      }),
    );
  });

  it('gives a line the same tokens whatever comes before it, and the same text the same tokens every time', () => {
    fc.assert(
      fc.property(text, line, (before, last) => {
        const alone = lex(last);
        const after = lex(`${before}\n${last}`);
        const shift = before.length + 1;
        const own = after.filter((token) => token.start >= shift || (token.start === shift && token.end === shift));
        expect(own.map((token) => shape(token, shift))).toEqual(alone.map((token) => shape(token, 0)));
        expect(lex(`${before}\n${last}`)).toEqual(after);
      }),
    );
  });

  it('takes a number whose first digits were lost for unreadable, never for its last digits', () => {
    // `96171.6` with `96171` lost is `.6`: not 6.
    for (const cell of ['.6', '．54', '1.2.3']) {
      expect(lex(`行政事业性收费\t${cell}`).map((token) => token.kind), cell).toEqual(['word', 'unreadable']);
    }
  });

  it('keeps a line to a bounded number of tokens, the rest one unreadable token', () => {
    const tokens = lex('|'.repeat(50_000));
    expect(tokens.length).toBeLessThanOrEqual(10_001);
    expect(tokens[tokens.length - 1]).toMatchObject({ kind: 'unreadable', end: 50_000 });
  });
});

describe('line kinds', () => {
  it('are the kinds classifyLine gives each line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (texts) => {
        expect(classifyLines(splitLines(texts.join('\n')))).toBe(texts.map((one) => classifyLine(one)).join(''));
      }),
    );
  });
});
