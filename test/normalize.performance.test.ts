import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index';

const CORPUS = join(__dirname, 'fixtures', 'corpus');
const reports = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));

/** Milliseconds taken by `run`. */
function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

// Guards against accidental quadratic behaviour, not a benchmark: the limits are several times
// what a slow CI machine needs.
describe('size guards', () => {
  it('normalises 20 MB of report text in a few seconds', () => {
    // Simplified reports with CRLF line ends and NBSP, and one traditional report in ten blocks.
    const simplified = reports
      .filter((r) => !/習\(xí\)/.test(r))
      .join('\n')
      .replace(/\n/g, '\r\n')
      .replace(/ /g, '\u00A0');
    const traditional = reports.find((r) => /習\(xí\)/.test(r)) as string;
    const block = simplified.repeat(9) + traditional;
    const input = block.repeat(Math.ceil(20_000_000 / block.length)).slice(0, 20_000_000);
    let result: ReturnType<typeof normalize> | undefined;
    const ms = time(() => {
      result = normalize(input);
    });
    const r = result as ReturnType<typeof normalize>;
    expect(r.counts.pinyin).toBeGreaterThan(10_000);
    expect(r.counts.lineBreaks).toBeGreaterThan(100_000);
    expect(r.text).not.toContain('\r');
    // Offsets still line up at the far end.
    const last = r.text.length - 1;
    expect(input.slice(r.toOriginalStart(last), r.toOriginalEnd(last + 1))).toBe(input.at(-1) === '\n' ? '\r\n' : input.slice(-1));
    expect(ms).toBeLessThan(6_000);
  });

  it.each([
    ['a million `(` after a Han character', `漢${'('.repeat(1_000_000)}`],
    ['a million `漢(`', '漢('.repeat(1_000_000)],
    ['a million commas', `漢${','.repeat(1_000_000)}漢`],
    ['a million `漢,`', '漢,'.repeat(1_000_000)],
    ['a million zero-width spaces', '\u200B'.repeat(1_000_000)],
    ['a million CRs', '\r'.repeat(1_000_000)],
    ['one line of a million traditional characters', '數'.repeat(1_000_000)],
  ])('stays linear on %s', (_, input) => {
    expect(time(() => normalize(input))).toBeLessThan(2_000);
  });
});
