import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { parseReport } from '../src/index';
import { corpus } from './helpers/corpus';

/**
 * The parser remembers what it made of short labels and table lines across reports (see
 * src/memo.ts). A label cut from a report with `slice` points into the report in the engine, so
 * remembering the label itself would keep the whole report alive after its parse: a batch job
 * would hold on to every report it had read.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Parses a report of about 8 MB whose labels, and an unknown row, no earlier parse has seen. */
function parseLargeReport(): number {
  const [report] = corpus();
  const unseen = `其他未列明的申请情况说明${Math.random().toString(36).slice(2)}\t1\t0\t0\t0\t0\t0\t1`;
  const filler = '本机关坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作。'.repeat(40);
  const text = [report?.text ?? '', unseen, ...Array.from({ length: 4000 }, () => filler)].join('\n');
  return parseReport(text).diagnostics.length + text.length;
}

it('keeps no report alive once its parse is over', () => {
  const before = heapAfterCollection();
  const length = parseLargeReport();
  const retained = heapAfterCollection() - before;
  expect(length).toBeGreaterThan(4_000_000);
  // The text alone is 8 MB of UTF-16; what stays is the remembered labels and lines.
  expect(retained).toBeLessThan(2_000_000);
});
