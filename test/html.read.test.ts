import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHtml, readHtml } from '../src/html/index';
import { parseReport } from '../src/index';

const REPORT_000 = readFileSync(new URL('./fixtures/corpus/000_ec7f0e0f1bb37103.txt', import.meta.url), 'utf8');

/** The text a page's report reads as, and the markup each piece of it maps back to. */
function read(html: string) {
  const { text, map } = readHtml(html);
  const markup = (piece: string) => {
    const at = text.indexOf(piece);
    if (at === -1) throw new Error(`${piece} is not in ${JSON.stringify(text)}`);
    return html.slice(map.start(at), map.end(at + piece.length));
  };
  return { text, markup };
}

/** 000's text as a Word page: every tab line a table row of cells, the rest paragraphs. */
function asWordPage(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (c: string) =>
    `<td width=57 style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt;mso-hansi-font-family:"Times New Roman"'>${c === '' ? '<o:p>&nbsp;</o:p>' : `${escape(c)}<o:p></o:p>`}</span></p></td>`;
  let html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0cm;}</style></head><body><div class=WordSection1>\n`;
  let table = false;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (!table) html += '<table class=MsoNormalTable border=1>\n';
      table = true;
      html += `<tr>${line.split('\t').map(cell).join('')}</tr>\n`;
    } else {
      if (table) html += '</table>\n';
      table = false;
      if (line.trim()) html += `<p class=MsoNormal><span style='font-size:16.0pt'>${escape(line)}<o:p></o:p></span></p>\n`;
    }
  }
  return `${html}</div></body></html>`;
}

describe('telling a page from text', () => {
  it.each([
    ['<!DOCTYPE html><html><body></body></html>', true],
    ['\uFEFF  <html><body>', true],
    ['<?xml version="1.0"?><html xmlns:o="urn:schemas-microsoft-com:office:office">', true],
    ['一、总体情况\n<p>说明</p>\n<div>a</div><table><tr><td>1</td></tr></table>', true],
    [REPORT_000, false],
    ['一、总体情况\n本年 <b> 收到 </b>', false],
  ])('%#', (input, html) => {
    expect(isHtml(input)).toBe(html);
  });

  it('input: text reads markup as text, input: html reads it as a page', () => {
    const page = asWordPage(REPORT_000);
    expect(parseReport(page, { input: 'text' }).report.tables.applications?.rows.newReceived?.total.value).not.toBe(32);
    expect(parseReport(page).report.tables.applications?.rows.newReceived?.total.value).toBe(32);
    const fragment = `<p>${REPORT_000.split('\n').join('</p><p>')}</p>`.replace(/\t/g, '</p><p>');
    expect(isHtml(`x${fragment}`)).toBe(true);
    expect(parseReport(REPORT_000, { input: 'html' }).report.meta.title).toBe('2022年渠县政府信息公开工作年度报告');
  });
});

describe('a page as text', () => {
  it('leaves out the head, scripts, styles, the menu, the breadcrumb and the footer', () => {
    const { text } = read(
      '<html><head><title>标题</title><style>td{}</style><script>var x = "<td>一、总体情况</td>";</script></head><body>' +
        '<div class="nav">首页 政务公开</div><div class="position">当前位置：首页 > 年报</div><nav>菜单</nav>' +
        '<p>一、总体情况</p><p>正文。</p><div class="footer">网站标识码 ICP备</div><footer>主办</footer></body></html>',
    );
    expect(text).toBe('一、总体情况\n正文。\n');
  });

  it('reads the article a CMS keeps in #zoom, with the title above it, and not the sidebar', () => {
    const { text } = read(
      '<body><div class="list"><a>2021年某县政府信息公开工作年度报告</a><a>2020年某县政府信息公开工作年度报告</a><a>通知</a></div>' +
        `<h1 class="title">2022年某县政府信息公开工作年度报告</h1><div class="info">发布日期：2023-01-30</div>` +
        `<div id="zoom"><p>一、总体情况</p><p>${'本机关全面推进政务公开工作。'.repeat(5)}</p></div></body>`,
    );
    expect(text.split('\n')[0]).toBe('2022年某县政府信息公开工作年度报告');
    expect(text).not.toContain('2021年');
    expect(text).not.toContain('通知');
  });

  it('collapses whitespace as a browser shows it, keeps &nbsp; and maps entities to their markup', () => {
    const { text, markup } = read('<p>本年\n   度&nbsp;情况 &amp; 说明</p>');
    expect(text).toBe('本年 度\u00a0情况 & 说明\n');
    expect(markup('&')).toBe('&amp;');
    expect(markup('度\u00a0情')).toBe('度&nbsp;情');
    expect(markup('本年 度')).toBe('本年\n   度');
  });

  it('expands rowspan and colspan into empty fields, as a table copied from Word has them', () => {
    const { text } = read(
      '<table><tr><td rowspan="2">信息内容</td><td colspan="2">本年</td><td rowspan="2">总计</td></tr>' +
        '<tr><td>制发</td><td>废止</td></tr><tr><td><p>规章</p></td><td>1</td><td>2</td><td>3</td></tr></table>',
    );
    expect(text.split('\n').filter(Boolean)).toEqual(['信息内容\t本年\t\t总计', '\t制发\t废止\t', '规章\t1\t2\t3']);
  });

  it('joins the paragraphs and line breaks of a cell, and blanks &nbsp; and <o:p> cells', () => {
    const { text } = read('<table><tr><td><p>一、本年新收政府信息</p><p>公开申请数量</p></td><td>1<br>2</td><td><o:p>&nbsp;</o:p></td><td></td><td>5</td></tr></table>');
    expect(text.split('\n').filter(Boolean)).toEqual(['一、本年新收政府信息公开申请数量\t1 2\t\u00a0\t\t5']);
  });

  it('reads a table that lays the page out as paragraphs, and the data table inside it as a table', () => {
    const { text } = read('<table><tr><td><p>一、总体情况</p><p>正文。</p><table><tr><td>行政复议</td><td>1</td></tr></table></td></tr></table>');
    expect(text.split('\n').filter(Boolean)).toEqual(['一、总体情况', '正文。', '行政复议\t1']);
  });
});

describe('a report read from its page', () => {
  const page = asWordPage(REPORT_000);
  const fromPage = parseReport(page);
  const fromText = parseReport(REPORT_000);
  const values = (tables: unknown) => JSON.stringify(tables, (key, value) => (key === 'position' || key === 'raw' ? undefined : value));

  it('has the values, parts and diagnostics of its text', () => {
    expect(values(fromPage.report.tables)).toBe(values(fromText.report.tables));
    expect(fromPage.report.meta).toEqual(fromText.report.meta);
    expect(Object.keys(fromPage.report.sections)).toEqual(Object.keys(fromText.report.sections));
    expect(fromPage.diagnostics.map((d) => d.code)).toEqual(fromText.diagnostics.map((d) => d.code));
  });

  it('points every cell at its text inside the markup', () => {
    let cells = 0;
    for (const table of Object.values(fromPage.report.tables)) {
      for (const row of Object.values(table.rows)) {
        for (const cell of Object.values(row as object)) {
          if ((cell as { type?: string }).type !== 'cell') continue;
          const { position, raw } = cell as { position: { start: { offset: number }; end: { offset: number } }; raw: string };
          expect(page.slice(position.start.offset, position.end.offset)).toBe(raw);
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
    const total = fromPage.report.tables.applications?.rows.newReceived?.total;
    expect(total?.raw).toBe('32');
    expect(page.slice(0, total?.position.start.offset).split('\n').length).toBe(total?.position.start.line);
  });

  it('a page with no report in it is one structure/not-a-report error', () => {
    const home = '<!DOCTYPE html><html><head><title>某县人民政府</title></head><body><div class="nav">首页</div><p>欢迎访问</p><div class="footer">网站标识码</div></body></html>';
    const { diagnostics } = parseReport(home);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['error structure/not-a-report']);
    expect(diagnostics[0]?.message).toContain('markup');
  });
});
