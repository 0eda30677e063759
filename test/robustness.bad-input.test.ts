import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index';

const REPORT_000 = readFileSync(new URL('./fixtures/corpus/000_ec7f0e0f1bb37103.txt', import.meta.url), 'utf8');

describe('a table whose zeros are left blank', () => {
  // Table 三 of 000 (lines 53–78) with every 0 left blank, and its （七）总计 made 29 where the
  // outcomes add up to 28.
  const lines = REPORT_000.split('\n');
  for (let i = 52; i < 78; i++) lines[i] = (lines[i] as string).replace(/\t0(?=\t|$)/g, '\t');
  lines[76] = (lines[76] as string).replace('\t28\t', '\t29\t');
  const text = lines.join('\n');

  it('finds every row: a row left blank under its group label is a row with blank cells', () => {
    const { report, diagnostics } = parseReport(text);
    expect(diagnostics.filter((d) => d.code === 'table/missing-row')).toEqual([]);
    const table = report.tables.applications;
    for (const row of ['denied.stateSecret', 'notProcessed.complaint', 'other.overdueCorrection'] as const) {
      expect(table?.rows[row]?.naturalPerson, row).toMatchObject({ state: 'blank', value: null });
    }
    expect(table?.rows.total?.naturalPerson.value).toBe(29);
  });

  it('says the wrong 总计 would not add up with blanks as 0, as a warning, not as unknown', () => {
    const { diagnostics } = parseReport(text);
    const outcomes = diagnostics.filter((d) => d.code === 'arithmetic/not-assessable' && d.message.includes('各项办理结果之和') && d.message.includes('（七）总计 29'));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.severity).toBe('warning');
    expect(outcomes[0]?.message).toContain('with blank cells as 0 it does not hold');
    expect(outcomes[0]?.message).toContain('(difference -1)');
  });

  it('gathers the identities that would hold with blanks as 0 into one warning per table', () => {
    const { diagnostics } = parseReport(text);
    const gathered = diagnostics.filter((d) => d.code === 'arithmetic/not-assessable' && d.message.includes('they all hold'));
    expect(gathered).toHaveLength(1);
    expect(gathered[0]?.message).toMatch(/^表三: \d+ identities cannot be checked: \d+ cells are blank/);
    expect(gathered[0]?.cells?.length).toBeGreaterThan(100);
  });

  it('with blankAsZero, the wrong 总计 is an error', () => {
    const { diagnostics } = parseReport(text, { blankAsZero: true });
    const failed = diagnostics.filter((d) => d.code === 'arithmetic/applications-outcomes');
    expect(failed.map((d) => d.severity)).toEqual(['error']);
    expect(diagnostics.filter((d) => d.code === 'arithmetic/not-assessable')).toEqual([]);
  });
});
