import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index';
import { formGrammar, readForm } from '../src/tables/form';

describe('the form grammar', () => {
  const grammar = formGrammar(5);

  it('places each run of unnamed items between the named rows around it', () => {
    // rows 0 and 3 named; unnamed items before, between and after them
    expect(readForm(grammar, [undefined, 0, undefined, undefined, 3, undefined])).toEqual([
      { items: [0], after: -1, before: 0 },
      { items: [2, 3], after: 0, before: 3 },
      { items: [5], after: 3, before: 5 },
    ]);
    expect(readForm(grammar, [1, 2, 4])).toEqual([]);
  });

  it('does not parse named rows out of the form’s order, or one named twice', () => {
    expect(readForm(grammar, [3, undefined, 1])).toBeUndefined();
    expect(readForm(grammar, [1, undefined, 1])).toBeUndefined();
  });

  it('leaves unnamed values unassigned when the named rows around them break the order', () => {
    // Table 四's rows named in the wrong order, with an unnamed row of values between them: by
    // order it would be 复议后起诉's, but the order is broken, so nothing says whose it is.
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '复议后起诉\t0\t0\t0\t0\t0',
      '\t1\t0\t0\t0\t1',
      '行政复议\t2\t0\t0\t0\t2',
    ].join('\n');
    const { report, diagnostics } = parseReport(text);
    const table = report.tables.reviewLitigation;
    expect(table?.rows.review?.total.value).toBe(2);
    expect(table?.rows.litigationAfterReview?.total.value).toBe(0);
    expect(table?.rows.litigationDirect).toBeUndefined();
    expect(diagnostics.find((d) => d.code === 'table/unplaced-values')?.position?.start.line).toBe(3);
  });
});
