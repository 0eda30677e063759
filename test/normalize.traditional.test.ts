import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { describe, expect, it } from 'vitest';
import { hasTraditional, normalize } from '../src/normalize/index';
import { survey } from '../src/normalize/traditional';

const CORPUS = join(__dirname, 'fixtures', 'corpus');

// Traditional-only: a one-character TSCharacters key whose first value differs from it.
const traditional = new Set<string>();
for (const entry of TSCharacters.split('|')) {
  const [key = '', value = ''] = entry.split(' ');
  if ([...key].length === 1 && key !== [...value][0]) traditional.add(key);
}

function corpus(prefix: string): string {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no corpus report ${prefix}`);
  return readFileSync(join(CORPUS, name), 'utf8');
}

describe('hasTraditional', () => {
  it('finds traditional-only characters, including astral ones', () => {
    expect(hasTraditional('关注人數达')).toBe(true);
    expect(hasTraditional('年度報告')).toBe(true);
    expect(hasTraditional('a𡻕b')).toBe(true);
  });

  it('ignores characters shared by both scripts', () => {
    expect(hasTraditional('政府信息公开工作年度报告')).toBe(false);
    // 著 and 覆 are valid simplified characters; only phrase rules change them.
    expect(hasTraditional('将著重做好，覆盖')).toBe(false);
    expect(hasTraditional('')).toBe(false);
    expect(hasTraditional('\uD842')).toBe(false);
  });

  it('agrees with the dictionary wherever the character stands: odd lengths, pairs split across words and chunks', () => {
    const reference = (text: string) => [...text].some((char) => traditional.has(char));
    const pool = ['报', '告', '数', '年', 'a', '1', '\t', '\n', '數', '報', '𡻕', '𠀀', '\uD842', '\uDC00', '，'];
    const char = fc.constantFrom(...pool);
    const scanned = 1 << 16; // code units the scan copies at a time
    const filler = '年度报告'.repeat(scanned / 4);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), fc.constantFrom(0, 1, scanned - 3, scanned - 2, scanned - 1), (chars, padding) => {
        const text = filler.slice(0, padding) + chars.join('');
        expect(hasTraditional(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('is surveyed as a walk over code points counts it, with the lines that hold it gathered into blocks', () => {
    const han = /^\p{Script=Han}$/u;
    // Lines holding a traditional character, those at most 3 lines apart in one block.
    const reference = (text: string, convert: boolean) => {
      let hanCount = 0;
      let traditionalCount = 0;
      const blocks: number[] = [];
      let blockLine = -1;
      let start = 0;
      text.split('\n').forEach((line, index) => {
        let holds = false;
        for (const char of line) {
          if (han.test(char)) hanCount++;
          if (traditional.has(char)) {
            traditionalCount++;
            holds = true;
          }
        }
        const end = start + line.length;
        if (convert && holds) {
          if (blocks.length === 0 || index - blockLine > 3) blocks.push(start, end);
          else blocks[blocks.length - 1] = end;
          blockLine = index;
        }
        start = end + 1;
      });
      return { han: hanCount, traditional: traditionalCount, blocks };
    };
    const chars = ['报', '數', '報', '國', '㗲', '𡻕', '𠀀', '\uD842', '\uDC00', '，', '。', 'a', '1', '\n', '\n', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 60 }), fc.boolean(), (picked, convert) => {
        const text = picked.join('');
        expect(survey(text, convert)).toEqual(reference(text, convert));
      }),
    );
    expect(survey(corpus('002'), true)).toEqual(reference(corpus('002'), true));
  });

  it('finds no traditional characters in the simplified corpus reports except 003', () => {
    expect(hasTraditional(corpus('000'))).toBe(false);
    expect(hasTraditional(corpus('001'))).toBe(false);
    expect(hasTraditional(corpus('003'))).toBe(true);
    expect(hasTraditional(corpus('004'))).toBe(false);
  });
});

describe('traditional to simplified', () => {
  it('converts corpus report 002 into the standard headings and labels', () => {
    const r = normalize(corpus('002'));
    expect(r.script).toBe('traditional');
    for (const phrase of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '行政规范性文件',
      '本年新收政府信息公开申请数量',
      '结转下年度继续办理',
      '四、政府信息公开行政复议、行政诉讼情况',
      '(单位:万元)',
      '(惠民惠企)',
    ]) {
      expect(r.text).toContain(phrase);
    }
    expect(r.text).not.toContain('(xí)');
    expect(r.text).not.toMatch(/\((?:[a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü][a-z]*)\)/u);
    expect(r.text).not.toContain(',,');
    expect(hasTraditional(r.text)).toBe(false);
    expect(r.counts.pinyin).toBe(229);
    expect(r.counts.traditional).toBeGreaterThan(500);
  });

  it('uses the Taiwan variants: 著重 becomes 着重', () => {
    expect(normalize('將著重做好').text).toBe('将着重做好');
  });

  it('never uses the phrase locales: 文件 stays 文件', () => {
    expect(normalize('行政規範性文件').text).toBe('行政规范性文件');
    expect(normalize('建立健全，整合資源').text).toBe('建立健全，整合资源');
  });

  it.each([
    ['乾淨', '干净'],
    ['幹部', '干部'],
    ['餘額', '余额'],
    ['行政複議', '行政复议'],
    ['依法答覆申請', '依法答复申请'],
    ['全面覆蓋', '全面覆盖'],
  ])('%s -> %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('converts 003\'s stray 數 but still calls the report simplified', () => {
    const input = corpus('003');
    const r = normalize(input);
    expect(r.script).toBe('simplified');
    expect(r.counts.traditional).toBe(1);
    expect(r.text).toContain('关注人数达');
    expect(r.text).not.toContain('數');
    expect(r.text.length).toBe(input.length);
  });

  it('leaves 答覆 on a line with nothing traditional-only, since 覆 is also simplified', () => {
    expect(normalize('依法答覆').text).toBe('依法答覆');
  });

  it('converts only the lines holding traditional characters', () => {
    // 接著 is left as it is on a line with no traditional-only character.
    const r = normalize('接著说明\n接著說明\n');
    expect(r.text).toBe('接著说明\n接着说明\n');
    expect(r.counts.traditional).toBe(2);
  });

  it('reports the script but keeps the characters when conversion is off', () => {
    const input = '年度報告(bào)';
    const r = normalize(input, { convertTraditional: false });
    expect(r.text).toBe('年度報告');
    expect(r.script).toBe('traditional');
    expect(r.counts.traditional).toBe(0);
  });

  it('puts the threshold at 2% of the Han characters', () => {
    const simplified = '政'.repeat(98);
    expect(normalize(`${simplified}數數`).script).toBe('traditional');
    expect(normalize(`${simplified}政數`).script).toBe('simplified');
    expect(normalize('abc 123').script).toBe('simplified');
  });

  it('maps characters whose UTF-16 width changes', () => {
    // 㗲 (BMP) becomes 𠵾 (astral); 𡻕 (astral) becomes 岁 (BMP).
    const input = '甲㗲乙𡻕丙';
    const r = normalize(input);
    expect(r.text).toBe('甲𠵾乙岁丙');
    expect(r.counts.traditional).toBe(2);
    const span = (a: number, b: number) => input.slice(r.toOriginalStart(a), r.toOriginalEnd(b));
    expect(span(0, 1)).toBe('甲');
    expect(span(1, 3)).toBe('㗲');
    expect(span(3, 4)).toBe('乙');
    expect(span(4, 5)).toBe('𡻕');
    expect(span(5, 6)).toBe('丙');
    expect(r.toOriginalStart(6)).toBe(input.length);
  });

  it('is idempotent on the converted corpus report', () => {
    const once = normalize(corpus('002')).text;
    expect(normalize(once).text).toBe(once);
  });
});
