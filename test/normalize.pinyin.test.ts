import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index';

const plain = { convertTraditional: false };

describe('pinyin debris', () => {
  it('removes a tone-marked syllable after a Han character', () => {
    const r = normalize('堅持以習(xí)近平新時代思想為科學(xué)指引', plain);
    expect(r.text).toBe('堅持以習近平新時代思想為科學指引');
    expect(r.counts.pinyin).toBe(2);
  });

  it.each([
    ['(一)主动公开', '第(一)项'],
    ['(惠民惠企)', '民心守护(惠民惠企)专栏'],
    ['(單位:萬元)', '本年收費金額(單位:萬元)'],
    ['a neutral tone', '我的(de)书'],
    ['ASCII letters', '文件(abc)号'],
    ['no Han before', 'x(xí) 1(fā) ((xué)'],
    ['an upper-case syllable', '習(XÍ)'],
    ['eight letters', '習(zhuāngaaa)'],
    ['a space inside', '習(x í)'],
  ])('keeps %s', (_, input) => {
    const r = normalize(input, plain);
    expect(r.text).toBe(input);
    expect(r.counts.pinyin).toBe(0);
  });

  it('accepts every tone-marked vowel, ü, and the syllabic n and m', () => {
    const input = '甲(ā)乙(nǚ)丙(lü)丁(ńg)戊(ḿ)己(chuǎng)';
    expect(normalize(input, plain).text).toBe('甲乙丙丁戊己');
  });

  it('accepts a combining tone mark after a vowel, since the text is not NFC-composed', () => {
    const r = normalize('習(xi\u0301)近(ju\u0308\u0301e)', plain);
    expect(r.text).toBe('習近');
    expect(r.counts.pinyin).toBe(2);
  });

  it('rejects a combining mark that follows a consonant or another mark', () => {
    const input = '習(x\u0301i)近(xi\u0301\u0301)';
    expect(normalize(input, plain).text).toBe(input);
  });

  it('removes a group inside a parenthesised note but keeps the note', () => {
    const input = '部分公開(區(qū)分處理的)';
    expect(normalize(input, plain).text).toBe('部分公開(區分處理的)');
  });

  it('only removes the group touching the Han character when two follow each other', () => {
    expect(normalize('習(xí)(xí)近', plain).text).toBe('習(xí)近');
  });

  it('works after an astral Han character and after zero-width debris', () => {
    expect(normalize('𠀀(xí)一\u200B(fā)', plain).text).toBe('𠀀一');
  });

  it('maps the characters around a removed group to themselves', () => {
    const input = '習(xí)近';
    const r = normalize(input);
    expect(r.text).toBe('习近');
    expect(input.slice(r.toOriginalStart(0), r.toOriginalEnd(1))).toBe('習');
    expect(input.slice(r.toOriginalStart(1), r.toOriginalEnd(2))).toBe('近');
    expect(input.slice(r.toOriginalStart(0), r.toOriginalEnd(2))).toBe(input);
  });

  // Past a few thousand pieces the passes assemble short runs from code units rather than
  // slices; the text and every offset must come out the same either way.
  it.each([10, 5000])('keeps text and offsets right with %i pinyin groups and comma repairs', (groups) => {
    const unit = '习(xí)近,,';
    const input = unit.repeat(groups);
    const r = normalize(input);
    expect(r.text).toBe('习近，'.repeat(groups));
    expect(r.counts.pinyin).toBe(groups);
    expect(r.counts.commas).toBe(groups);
    for (let k = 0; k < groups; k++) {
      const at = 3 * k;
      const from = unit.length * k;
      expect(input.slice(r.toOriginalStart(at), r.toOriginalEnd(at + 1))).toBe('习');
      expect(r.toOriginalStart(at + 1)).toBe(from + 5);
      expect(input.slice(r.toOriginalStart(at + 2), r.toOriginalEnd(at + 3))).toBe(',,');
    }
  });
});
