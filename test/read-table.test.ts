import { describe, expect, it } from 'vitest';
import { readTable } from '../src/read-table';

describe('readTable', () => {
  it('interprets cells from elsewhere against the format', () => {
    const { table, diagnostics } = readTable('applications', [
      ['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      ['一、本年新收政府信息公开申请数量', '10', '2', '0', '0', '0', '0', '12'],
      ['（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
      ['（七）总计', '10', '2', '0', '0', '0'],
    ]);
    expect(table.rows.newReceived?.total.value).toBe(12);
    expect(table.rows['denied.stateSecret']?.total.value).toBe(0);
    expect(table.rows.total).toBeUndefined();
    // Two of its seven cells are missing, and could be any two: the readings are listed.
    const damaged = diagnostics.find((d) => d.code === 'table/ambiguous-values');
    expect(damaged?.position?.start.line).toBe(4);
  });

  it('reads a cell holding a pipe or a line break as one cell', () => {
    const { table } = readTable('reviewLitigation', [
      ['行政|复议', '1', '0', '0', '0', '1'],
      ['未经复议\n直接起诉', '0', '0', '0', '0', '0'],
      ['复议后起诉', '0', '0', '0', '0', '0'],
    ]);
    expect(table.rows.review?.total.value).toBe(1);
    expect(table.rows.litigationDirect?.label).toBe('未经复议 直接起诉');
  });
});
