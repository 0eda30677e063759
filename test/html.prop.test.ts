import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cell, Report } from '../src/ast';
import { parseReport, renderReport } from '../src/index';
import { build, model, valuesOf } from './helpers/model';

/** A page around a fragment, as a site serves it: chrome before and after the article. */
const page = (fragment: string, chrome: boolean) =>
  chrome
    ? `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title><script>var nav = "<table>";</script></head><body>` +
      `<div class="nav">首页 政务公开</div><div class="position">当前位置：首页 &gt; 年度报告</div>` +
      `<div id="zoom">${fragment}</div><div class="footer">网站标识码 主办单位</div></body></html>`
    : fragment;

function cellsOf(report: Report): Cell[] {
  return Object.values(report.tables).flatMap((table) =>
    Object.values(table.rows as Record<string, Record<string, unknown>>).flatMap((row) =>
      Object.values(row).filter((cell): cell is Cell => (cell as { type?: string } | null)?.type === 'cell'),
    ),
  );
}

describe('a consistent report rendered as HTML', () => {
  test.prop([model, fc.boolean()])('parses back to its values, every cell pointing at its text in the markup', (m, chrome) => {
    const report = build(m);
    const html = page(renderReport(report, { layout: 'html' }), chrome);
    const { report: back, diagnostics } = parseReport(html);
    expect(valuesOf(back)).toEqual(valuesOf(report));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const cells = cellsOf(back);
    expect(cells.length).toBe(cellsOf(report).length);
    for (const cell of cells) expect(html.slice(cell.position.start.offset, cell.position.end.offset)).toBe(cell.raw);
  });
});
