import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../src/index';
import { corpus } from './helpers/corpus';

/**
 * Inputs shaped to hit the worst case of each stage: one huge line, hundreds of thousands of
 * lines, a table with half a million values, a 20 MB report. Each must finish in seconds with
 * memory growing in proportion to its size.
 *
 * Memory is the process's peak resident set (`maxRSS`), measured against the resident set before
 * the first case. The peak only ever rises, so the cases run in order of their memory bound: a
 * case can then only fail its own bound, never inherit a higher peak from an earlier one.
 *
 * Bounds are two to five times what the cases take under vitest on a 2-core machine (the figures
 * are in docs/performance.md), so that a busy machine passes and a quadratic stage does not. The
 * half-million-value tables are the heaviest: every value becomes a positioned cell node.
 */

const MB = 1024 * 1024;

interface Case {
  name: string;
  build: () => string;
  seconds: number;
  /** Peak resident growth allowed, in MB, input included. */
  megabytes: number;
}

const numbers = (count: number, separator: string) => Array.from({ length: count }, (_, i) => String(i % 1000)).join(separator);

/** The corpus reports repeated up to `bytes` of UTF-8. */
function corpusOfSize(bytes: number): string {
  const unit = corpus()
    .map((report) => report.text)
    .join('\n');
  const copies = Math.ceil(bytes / Buffer.byteLength(unit));
  return Array.from({ length: copies }, () => unit).join('\n');
}

const cases: Case[] = [
  // Long runs inside one line: each used to be rescanned from every position by a `\s+$` regex
  // (30 s for the first two at 100,000 spaces).
  { name: 'a cell of 100,000 inner spaces', build: () => `规章\tx${' '.repeat(100_000)}y\t1`, seconds: 2, megabytes: 64 },
  { name: 'a line of 100,000 inner spaces', build: () => `x${' '.repeat(100_000)}y`, seconds: 2, megabytes: 64 },
  { name: 'a subsection of 100,000 spaces and a line separator', build: () => `一、总体情况\n（一）${' '.repeat(100_000)}x\u2028`, seconds: 2, megabytes: 64 },
  { name: 'a heading in markdown with 100,000 trailing-looking spaces', build: () => `## 一、总体情况${' '.repeat(100_000)}x`, seconds: 2, megabytes: 64 },
  // opencc-js stepped over ideographic description sequences in time exponential in their length.
  { name: 'a traditional line with 100,000 description characters', build: () => `總體情況${'⿰'.repeat(100_000)}。`, seconds: 2, megabytes: 64 },
  { name: 'a line of 1,000,000 tabs', build: () => '\t'.repeat(1_000_000), seconds: 3, megabytes: 96 },
  { name: 'a line of 1,000,000 pipes', build: () => '|'.repeat(1_000_000), seconds: 3, megabytes: 96 },
  { name: '300,000 （一） on one line', build: () => '（一）'.repeat(300_000), seconds: 3, megabytes: 96 },
  { name: '200,000 one-digit lines', build: () => Array.from({ length: 200_000 }, (_, i) => String(i % 10)).join('\n'), seconds: 5, megabytes: 192 },
  // A table of contents is told from headings by looking for a later heading of the same part.
  { name: '100,000 part headings, one under the other', build: () => Array<string>(100_000).fill('一、总体情况').join('\n'), seconds: 5, megabytes: 256 },
  { name: '300,000 （一） on separate lines', build: () => Array<string>(300_000).fill('（一）').join('\n'), seconds: 5, megabytes: 256 },
  // Every word and number of the text is a token (a million here, about 190 bytes each).
  { name: 'a 20 MB report (the corpus repeated)', build: () => corpusOfSize(20_000_000), seconds: 15, megabytes: 768 },
  {
    name: 'a table heading and a row of 500,000 numbers',
    build: () => `三、收到和处理政府信息公开申请情况\n本年新收\t${numbers(500_000, '\t')}`,
    seconds: 10,
    megabytes: 1024,
  },
  {
    name: 'a table heading followed by 500,000 numbers, one per line',
    build: () => `三、收到和处理政府信息公开申请情况\n${numbers(500_000, '\n')}`,
    seconds: 10,
    megabytes: 1024,
  },
];

describe('pathological inputs finish in seconds with bounded memory', () => {
  let baseline = 0;

  beforeAll(() => {
    // Loads the traditional-script converter and warms the engine, so neither is charged to a case.
    for (const report of corpus()) parseReport(report.text);
    baseline = process.memoryUsage().rss;
  });

  const ordered = [...cases].sort((a, b) => a.megabytes - b.megabytes);
  it.each(ordered.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const text = c.build();
    const started = performance.now();
    const { report, diagnostics } = parseReport(text);
    const seconds = (performance.now() - started) / 1000;
    const peak = process.resourceUsage().maxRSS * 1024;

    expect(report.type).toBe('report');
    expect(Array.isArray(diagnostics)).toBe(true);
    expect(seconds, `took ${seconds.toFixed(2)} s`).toBeLessThan(c.seconds);
    const grown = (peak - baseline) / MB;
    expect(grown, `peak RSS grew by ${grown.toFixed(0)} MB for ${(text.length / 1e6).toFixed(1)}M characters`).toBeLessThan(c.megabytes);
  });
});
