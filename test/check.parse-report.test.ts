import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../src/index';

const REPORT_003 = readFileSync(new URL('fixtures/corpus/003_669b05754e9fb909.txt', import.meta.url), 'utf8');
const isCheck = (code: string) => /^(arithmetic|narrative)\//.test(code);

describe('parseReport and the checker', () => {
  it('checks by default, adding the checker’s findings to the parser’s', () => {
    const unchecked = parseReport(REPORT_003, { check: false });
    const checked = parseReport(REPORT_003);
    expect(unchecked.diagnostics.filter((d) => isCheck(d.code))).toEqual([]);
    const findings = checkReport(unchecked.report, { text: REPORT_003 });
    expect(findings.length).toBeGreaterThan(0);
    expect(checked.diagnostics).toHaveLength(unchecked.diagnostics.length + findings.length);
    expect(checked.diagnostics.filter((d) => isCheck(d.code))).toEqual(expect.arrayContaining(findings));
    expect(checked.report).toEqual(unchecked.report);
  });

  it('returns diagnostics in input order, those without a position last', () => {
    const offsets = parseReport(REPORT_003).diagnostics.map((d) => d.position?.start.offset ?? Infinity);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('still throws a TypeError for what is not a string', () => {
    expect(() => parseReport(42 as unknown as string)).toThrow(new TypeError('parseReport expects the report as a string, got number'));
    expect(() => parseReport(null as unknown as string, { check: false })).toThrow(TypeError);
  });
});
