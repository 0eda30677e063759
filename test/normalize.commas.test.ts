import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index';

const plain = { convertTraditional: false };

describe('comma artifacts', () => {
  it.each([
    ['一,、总体情况', '一、总体情况'],
    ['情况,。始终', '情况。始终'],
    ['细化,；二是', '细化；二是'],
    ['如下,：一', '如下：一'],
    ['公开,，政务', '公开，政务'],
    ['三,,、本年度', '三、本年度'],
  ])('deletes commas before enumerating punctuation: %s', (input, expected) => {
    const r = normalize(input, plain);
    expect(r.text).toBe(expected);
    expect(r.counts.commas).toBe(1);
  });

  it('turns a doubled comma into a full-width comma, whatever surrounds it', () => {
    expect(normalize('2022年,,我们', plain).text).toBe('2022年，我们');
    expect(normalize('之和,,等于', plain).text).toBe('之和，等于');
    expect(normalize('a,,b', plain).text).toBe('a，b');
  });

  it('turns a lone comma in prose into a full-width comma', () => {
    const r = normalize('机制,开展“三统一”,完善,“试点”与,(一)和,（二）', plain);
    expect(r.text).toBe('机制，开展“三统一”，完善，“试点”与，(一)和，（二）');
    expect(r.counts.commas).toBe(5);
  });

  it.each([
    ['digit grouping', '共1,234件'],
    ['Han then digit', '申请,2022年'],
    ['digit then Han', '1,万'],
    ['Latin', 'a,b'],
    ['a comma with a space', '处理的, 只计'],
    ['three commas', '甲,,,乙'],
    ['a comma at the edges', ',甲,'],
    ['no Han on either side', '”,“ ”,('],
  ])('leaves %s alone', (_, input) => {
    const r = normalize(input, plain);
    expect(r.text).toBe(input);
    expect(r.counts.commas).toBe(0);
  });

  it('sees Han neighbours across removed pinyin and zero-width characters', () => {
    expect(normalize('習(xí),近\u200B,平', plain).text).toBe('習，近，平');
  });

  it('maps a doubled comma to the whole original run and a deleted one to nothing', () => {
    const input = '年,,我,、你';
    const r = normalize(input, plain);
    expect(r.text).toBe('年，我、你');
    const span = (a: number, b: number) => input.slice(r.toOriginalStart(a), r.toOriginalEnd(b));
    expect(span(1, 2)).toBe(',,');
    expect(span(2, 3)).toBe('我');
    expect(span(3, 4)).toBe('、');
    expect(span(2, 4)).toBe('我,、');
  });
});
