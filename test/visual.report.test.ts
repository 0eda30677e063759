import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/ast';
import type { Diagnostic, Severity } from '../src/diagnostics';
import { parseReport, renderReport } from '../src/index';
import { renderIndex } from '../src/render/index';
import { safeHref } from '../src/render/index-page';
import { CONTRAST_PAIRS } from '../src/render/page';
import { sha256Base64 } from '../src/render/sha256';
import { HOSTILE, hostileText } from './helpers/browser';
import { corpus, corpusReport } from './helpers/corpus';

// The visual report: renderReport(report, { layout: 'html', diagnostics, text }) as one page,
// read back here with htmlparser2 (the browser tests check what a browser makes of it).

type Node = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.findAll>[number];

const all = (root: Node | Element, test: (element: Element) => boolean) => DomUtils.findAll(test, root.children as Element[]);
const byName = (root: Node | Element, name: string) => all(root, (element) => element.name === name);
const attr = (element: Element, name: string) => DomUtils.getAttributeValue(element, name);
const classes = (element: Element) => (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean);
const text = (node: Element | Node) => DomUtils.textContent(node as Element);
const byId = (root: Node, id: string) => all(root, (element) => attr(element, 'id') === id)[0];

function visual(number: string, options: { locale?: 'zh-CN' | 'en'; withText?: boolean } = {}) {
  const { text: source } = corpusReport(number);
  const { report, diagnostics } = parseReport(source);
  const html = renderReport(report, {
    layout: 'html',
    diagnostics,
    ...(options.withText === false ? {} : { text: source }),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  return { source, report, diagnostics, html, document: parseDocument(html) };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const worst = (severities: Severity[]) => severities.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
const cellKey = (ref: { table: string; row: string; column: string }) => `${ref.table}:${ref.row}:${ref.column}`;

/** The tables of the report itself (not the lines left unassigned). */
const reportTables = (document: Node) =>
  byName(document, 'table').filter((table) => {
    const wrapper = DomUtils.getParent(DomUtils.getParent(table) as Element) as Element | null;
    return !(wrapper && classes(wrapper).includes('unassigned'));
  });

describe('the visual report of the damaged report 003', () => {
  const { html, document, diagnostics, report, source } = visual('003');

  it('is one self-contained page: a policy first, one inline style allowed by its hash, no script, nothing loaded', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
    const [meta] = all(document, (element) => element.name === 'meta' && attr(element, 'http-equiv') === 'Content-Security-Policy');
    const policy = attr(meta as Element, 'content') ?? '';
    const styles = byName(document, 'style');
    expect(styles).toHaveLength(1);
    const css = text(styles[0] as Element);
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(byName(document, 'script')).toEqual([]);
    for (const name of ['link', 'img', 'iframe', 'object', 'embed', 'form', 'base']) expect(byName(document, name)).toEqual([]);
    // Every link stays in the page, and no attribute is an event handler or loads anything.
    for (const a of byName(document, 'a')) expect(attr(a, 'href')).toMatch(/^#[\w-]+$/);
    for (const element of all(document, () => true)) {
      for (const name of Object.keys(element.attribs)) expect(name).not.toMatch(/^(on|src$|srcset$|style$|formaction$)/);
    }
  });

  it('holds the three tables of the html layout, with the same cells', () => {
    const fragment = parseDocument(renderReport(report, { layout: 'html' }));
    const shape = (table: Element) =>
      byName(table, 'tr').map((tr) =>
        tr.children
          .filter((cell): cell is Element => (cell as Element).name === 'td' || (cell as Element).name === 'th')
          .map((cell) => `${cell.name}:${attr(cell, 'colspan') ?? 1}:${attr(cell, 'rowspan') ?? 1}:${text(cell)}`),
      );
    const tables = reportTables(document);
    expect(tables).toHaveLength(3);
    expect(tables.map(shape)).toEqual(byName(fragment, 'table').map(shape));
  });

  it('marks every cell a finding names with the worst severity among them, its sign, its messages, and makes it focusable', () => {
    const named = new Map<string, Diagnostic[]>();
    for (const diagnostic of diagnostics) {
      for (const ref of diagnostic.cells ?? []) named.set(cellKey(ref), [...(named.get(cellKey(ref)) ?? []), diagnostic]);
    }
    // cell/inferred stands on table 四's line: its inferred cells are its cells.
    const inferred = diagnostics.find((diagnostic) => diagnostic.code === 'cell/inferred') as Diagnostic;
    for (const column of ['upheld', 'corrected', 'other', 'pending', 'total']) {
      for (const row of ['review', 'litigationDirect', 'litigationAfterReview']) named.set(`reviewLitigation:${row}:${column}`, [inferred]);
    }
    const cells = all(document, (element) => element.name === 'td' && attr(element, 'data-cell') !== undefined);
    let highlighted = 0;
    for (const cell of cells) {
      const key = attr(cell, 'data-cell') as string;
      const findings = named.get(key);
      if (!findings) {
        expect(classes(cell).filter((name) => name.startsWith('sev-')), key).toEqual([]);
        continue;
      }
      highlighted++;
      const severity = worst(findings.map((finding) => finding.severity));
      expect(classes(cell), key).toEqual(expect.arrayContaining(['hl', `sev-${severity}`]));
      expect(attr(cell, 'data-severity')).toBe(severity);
      expect(attr(cell, 'tabindex')).toBe('0');
      expect(attr(cell, 'data-mark')?.startsWith({ error: '×', warning: '!', info: 'i' }[severity])).toBe(true);
      for (const finding of findings) expect(attr(cell, 'title'), key).toContain(finding.message);
      const described = (attr(cell, 'aria-describedby') ?? '').split(' ');
      for (const finding of findings) expect(described).toContain(`f-${diagnostics.indexOf(finding) + 1}`);
    }
    // 20 cells of 自然人, the 7 of （七）总计 (one shared), the 15 inferred of table 四.
    expect(highlighted).toBe(20 + 6 + 15);
  });

  it('marks the inferred cells of table 四 and explains the mark in the legend', () => {
    const inferred = all(document, (element) => classes(element).includes('o-inferred') && element.name === 'td');
    expect(inferred).toHaveLength(15);
    for (const cell of inferred) {
      expect(attr(cell, 'data-mark')).toContain('推');
      expect(attr(cell, 'title')).toContain('推算');
    }
    const legend = all(document, (element) => classes(element).includes('legend'))[0] as Element;
    expect(text(legend)).toContain('推算：原文数字少于单元格');
    expect(text(legend)).toContain('拆分：');
    for (const word of ['错误', '警告', '提示']) expect(text(legend)).toContain(word);
  });

  it('lists every finding, focusable, with its severity in words and a link to its lines in the source panel', () => {
    const items = all(document, (element) => element.name === 'li' && /^f-\d+$/.test(attr(element, 'id') ?? ''));
    expect(items).toHaveLength(diagnostics.length);
    expect(text(byId(document, 'findings-heading') as Element)).toBe('发现的问题');
    items.forEach((item, i) => {
      const diagnostic = diagnostics[i] as Diagnostic;
      expect(attr(item, 'tabindex')).toBe('0');
      expect(classes(item)).toContain(`sev-${diagnostic.severity}`);
      expect(text(item)).toContain({ error: '错误', warning: '警告', info: '提示' }[diagnostic.severity]);
      expect(text(item)).toContain(diagnostic.message);
      const link = byName(item, 'a').find((a) => attr(a, 'href')?.startsWith('#src-'));
      if (!diagnostic.position) {
        expect(link).toBeUndefined();
        return;
      }
      const excerpt = byId(document, (attr(link as Element, 'href') as string).slice(1)) as Element;
      expect(excerpt.name).toBe('section');
      expect((DomUtils.getParent(excerpt) as Element | null)?.name).toBe('aside');
      // The span's first line, numbered, with the span's text marked.
      const { start, end } = diagnostic.position;
      const line = all(excerpt, (element) => attr(element, 'data-line') === String(start.line))[0] as Element;
      expect(line, `${diagnostic.code} line ${start.line}`).toBeDefined();
      const marked = byName(line, 'mark').map(text).join('');
      const firstLine = source.slice(start.offset, end.offset).split(/\r\n|\r|\n/)[0] as string;
      expect(marked).toBe(firstLine.length > 240 ? marked : firstLine);
      expect(text(excerpt)).toContain(diagnostic.code);
    });
  });

  it('shows the lines table 三 could not take, marked with the finding at each', () => {
    const unassigned = all(document, (element) => classes(element).includes('unassigned'))[0] as Element;
    expect(text(unassigned)).toContain('未能归入表格的行');
    const heads = byName(unassigned, 'th');
    expect(heads.map(text)).toEqual(['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量']);
    for (const head of heads) {
      expect(classes(head)).toContain('sev-error');
      expect(attr(head, 'title')).toContain('8 values for 7 cells');
    }
  });

  it('says what the page is about in its title and header', () => {
    expect(text(byName(document, 'title')[0] as Element)).toBe('刚察县人民政府办公室2022年度政府信息公开工作年度报告 · 检查结果');
    expect(text(byName(document, 'header')[0] as Element)).toContain('错误 4 个，警告 2 个，提示 1 个');
  });
});

describe('the visual report of any report', () => {
  it.each(corpus().map((report) => [report.name] as const))('%s is under 200 kB', (name) => {
    const { html } = visual(name.slice(0, 3));
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(200 * 1024);
  });

  it('highlights the cell a cell/ finding without cells stands at (report 002, `0?` read as 0)', () => {
    const { document, diagnostics } = visual('002');
    const cell = all(document, (element) => attr(element, 'data-cell') === 'activeDisclosure:regulations:repealed')[0] as Element;
    expect(classes(cell)).toContain('sev-warning');
    expect(attr(cell, 'title')).toContain('原文为“0?”');
    const recovered = diagnostics.filter((d) => d.code === 'cell/recovered').length;
    expect(all(document, (element) => element.name === 'td' && classes(element).includes('sev-warning'))).toHaveLength(recovered);
  });

  it('in English with locale en; the form keeps its labels', () => {
    const { document } = visual('003', { locale: 'en' });
    expect(attr(byName(document, 'html')[0] as Element, 'lang')).toBe('en');
    expect(text(byId(document, 'findings-heading') as Element)).toBe('Findings');
    expect(text(document)).toContain('Warning');
    expect(text(document)).toContain('三、本年度办理结果');
    expect(text(byName(document, 'header')[0] as Element)).toContain('4 errors, 2 warnings, 1 info');
  });

  it('without the source text, names the lines and says the text was not given', () => {
    const { document, diagnostics } = visual('003', { withText: false });
    expect(all(document, (element) => classes(element).includes('excerpt'))).toEqual([]);
    expect(text(byName(document, 'aside')[0] as Element)).toContain('未提供原文');
    expect(text(byId(document, 'f-3') as Element)).toContain(`第 ${diagnostics[2]?.position?.start.line} 行`);
  });

  it('with no findings, says so', () => {
    const { report } = parseReport(corpusReport('000').text);
    const document = parseDocument(renderReport(report, { layout: 'html', diagnostics: [] }));
    expect(text(byId(document, 'findings') as Element)).toContain('未发现问题');
    expect(all(document, (element) => classes(element).includes('hl') && element.name === 'td')).toEqual([]);
  });
});

describe('hostile text', () => {
  const source = hostileText();
  const { report, diagnostics } = parseReport(source);
  // More of it where a caller's report can put it: a column key, the agency, a message.
  const changed = structuredClone(report) as Report;
  changed.meta.title = `${HOSTILE.script}标题`;
  changed.meta.agency = HOSTILE.img;
  (changed.tables.applications as { columns: string[] }).columns.push(`${HOSTILE.link}"'&`);
  const findings: Diagnostic[] = [...diagnostics, { code: 'narrative/new-received', severity: 'error', message: `${HOSTILE.script}${HOSTILE.img}`, cells: [] }];
  const html = renderReport(changed, { layout: 'html', diagnostics: findings, text: source });
  const document = parseDocument(html);

  it('reads the report as text: the cell holds `<script>`, the part its three tags', () => {
    const regulations = report.tables.activeDisclosure?.rows.regulations as Record<string, { raw: string }> | undefined;
    expect(regulations?.repealed?.raw).toBe('<script>window.__pwned=');
    expect(report.sections.overview?.text).toContain(HOSTILE.script + HOSTILE.img + HOSTILE.link);
  });

  it('writes every one of them as text: no element or attribute comes of them', () => {
    expect(byName(document, 'script')).toEqual([]);
    expect(byName(document, 'img')).toEqual([]);
    for (const a of byName(document, 'a')) expect(attr(a, 'href')).toMatch(/^#[\w-]+$/);
    for (const element of all(document, () => true)) {
      for (const name of Object.keys(element.attribs)) expect(name, element.name).not.toMatch(/^on/);
    }
    const shown = text(document);
    for (const hostile of Object.values(HOSTILE)) expect(shown).toContain(hostile);
    const cell = all(document, (element) => attr(element, 'data-cell') === 'activeDisclosure:regulations:repealed')[0] as Element;
    expect(text(cell)).toBe('<script>window.__pwned=');
    expect(attr(cell, 'title')).toContain('`<script>window.__pwned=` is not a number');
    expect(text(byName(document, 'title')[0] as Element)).toBe(`${HOSTILE.script}标题 · 检查结果`);
    expect(shown).toContain(`${HOSTILE.link}"'&`);
    // The source panel shows the text the tags stand in.
    const excerpts = all(document, (element) => classes(element).includes('excerpt')).map(text).join('\n');
    expect(excerpts).toContain(`规章\t0\t${HOSTILE.script}\t0`);
  });
});

describe('renderReport checks the options of the visual report', () => {
  const { report, diagnostics } = parseReport(corpusReport('003').text);
  const messageOf = (options: unknown) => {
    try {
      renderReport(report, options as never);
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('throws a TypeError naming the option', () => {
    expect(messageOf({ layout: 'html', diagnostics: 'none' })).toBe(
      'renderReport: options.diagnostics must be an array of diagnostics ({ code, severity, message, position?, cells? }, as parseReport returns), got a string',
    );
    expect(messageOf({ layout: 'html', diagnostics: [{ ...diagnostics[0], severity: 'fatal' }] })).toMatch(/got an array whose item 0 has severity 'fatal'$/);
    expect(messageOf({ layout: 'html', diagnostics: [{ ...diagnostics[0], cells: [{ table: 'applications', row: 1 }] }] })).toMatch(
      /got an array whose item 0 has cells\[0\]\.row a number$/,
    );
    expect(messageOf({ layout: 'html', diagnostics: [{ ...diagnostics[0], position: { start: {} } }] })).toMatch(/item 0 has position\.start line undefined$/);
    expect(messageOf({ diagnostics })).toBe(
      "renderReport: options.layout must be 'html' when options.diagnostics is given (the visual report is a page), got undefined (that is, 'tab')",
    );
    expect(messageOf({ layout: 'pipe', diagnostics })).toMatch(/got 'pipe'$/);
    expect(messageOf({ layout: 'html', diagnostics, text: 3 })).toBe('renderReport: options.text must be a string, got a number');
    expect(messageOf({ layout: 'html', diagnostics, locale: 'fr' })).toBe("renderReport: options.locale must be one of 'zh-CN', 'en', got 'fr'");
    expect(messageOf({ layout: 'html', text: 'x' })).toBe(
      'renderReport: options.diagnostics must be given with options.text (an option of the visual report), got undefined',
    );
  });

  it('leaves the other layouts as they were', () => {
    expect(renderReport(report, { layout: 'html', diagnostics: undefined })).toBe(renderReport(report, { layout: 'html' }));
  });
});

describe('renderIndex', () => {
  const entries = corpus().map((entry) => {
    const { report, diagnostics } = parseReport(entry.text);
    return { path: `reports/${entry.name}.txt`, href: `${entry.name}.html`, report, diagnostics };
  });
  const document = parseDocument(renderIndex(entries));

  it('is a page with one row per report: path linked to its page, agency, year, errors, warnings', () => {
    const rows = byName(byName(document, 'tbody')[0] as Element, 'tr');
    expect(rows).toHaveLength(entries.length);
    rows.forEach((row, i) => {
      const entry = entries[i] as (typeof entries)[number];
      const cells = byName(row, 'td').map(text);
      const count = (severity: Severity) => String(entry.diagnostics.filter((d) => d.severity === severity).length);
      expect(cells).toEqual([entry.path, entry.report.meta.agency ?? '', String(entry.report.meta.year ?? ''), count('error'), count('warning')]);
      expect(attr(byName(row, 'a')[0] as Element, 'href')).toBe(entry.href);
    });
    expect(byName(document, 'th').map(text)).toEqual(['报告', '机关', '年度', '错误', '警告']);
    const policy = all(document, (element) => attr(element, 'http-equiv') === 'Content-Security-Policy')[0] as Element;
    expect(attr(policy, 'content')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(byName(document, 'script')).toEqual([]);
    // 003's errors are marked as in the visual report.
    const errors = byName(rows[3] as Element, 'td')[3] as Element;
    expect(classes(errors)).toContain('sev-error');
  });

  it('links only to pages: a javascript: (or data:) link is shown as text, hostile text escaped', () => {
    const [entry] = entries;
    const hostile = [
      { ...entry, path: HOSTILE.script, href: 'javascript:window.__pwned=1' },
      { ...entry, path: 'b', href: ' Java\tScript:window.__pwned=1' },
      { ...entry, path: 'c', href: 'data:text/html,<script>window.__pwned=1</script>' },
      { ...entry, path: 'd', href: 'https://example.org/d.html' },
      { ...entry, path: 'e', href: 'sub dir/e.html?x="1"' },
    ] as typeof entries;
    const page = parseDocument(renderIndex(hostile, { locale: 'en' }));
    expect(byName(page, 'a').map((a) => attr(a, 'href'))).toEqual(['https://example.org/d.html', 'sub dir/e.html?x="1"']);
    expect(byName(page, 'script')).toEqual([]);
    expect(text(page)).toContain(HOSTILE.script);
    expect(text(page)).toContain('(no link)');
    expect(safeHref('file:///tmp/a.html')).toBe('file:///tmp/a.html');
    expect(safeHref('\u0001vbscript:x')).toBeUndefined();
  });

  it('checks its arguments', () => {
    expect(() => renderIndex('x' as never)).toThrow(
      new TypeError(
        'renderIndex: entries must be an array of entries ({ path: string, href: string, report: Report, diagnostics: Diagnostic[] }), got a string',
      ),
    );
    expect(() => renderIndex([{ ...entries[0], href: 1 }] as never)).toThrow(new TypeError('renderIndex: entries[0].href must be a string, got a number'));
    expect(() => renderIndex([{ ...entries[0], report: {} }] as never)).toThrow(/^renderIndex: entries\[0\]\.report must be a Report/);
    expect(() => renderIndex([{ ...entries[0], diagnostics: [1] }] as never)).toThrow(/^renderIndex: entries\[0\]\.diagnostics must be an array of diagnostics/);
    expect(() => renderIndex([], { locale: 'de' } as never)).toThrow(new TypeError("renderIndex: options.locale must be one of 'zh-CN', 'en', got 'de'"));
  });
});

describe('the pages’ colours and hashes', () => {
  const luminance = (hex: string) =>
    [0, 2, 4]
      .map((i) => Number.parseInt(hex.slice(1 + i, 3 + i), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] as number), 0);
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };

  it.each(CONTRAST_PAIRS.map((pair) => [`${pair.text} on ${pair.on}`, pair] as const))('%s is readable (WCAG AA)', (_, pair) => {
    expect(contrast(pair.text, pair.on)).toBeGreaterThanOrEqual(pair.minimum);
  });

  it('sha256Base64 is SHA-256 of the UTF-8 text, as node:crypto has it', () => {
    for (const input of ['', 'abc', '政府信息公开', 'a'.repeat(55), 'a'.repeat(56), 'b'.repeat(64), 'c'.repeat(1000), '\u{20000}\u0000€']) {
      expect(sha256Base64(input), JSON.stringify(input.slice(0, 10))).toBe(createHash('sha256').update(input, 'utf8').digest('base64'));
    }
  });
});

describe('the visual report of any findings', () => {
  const { text: source } = corpusReport('003');
  const { report } = parseReport(source);
  const number = fc.oneof(fc.integer({ min: -10, max: source.length + 10 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 1.5, 2 ** 53));
  const point = fc.record({ line: number, column: number, offset: number });
  const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'applications', 'total', 'naturalPerson', 'reviewLitigation', 'review'));
  const diagnostic = fc.record(
    {
      code: fc.oneof(fc.string(), fc.constantFrom('cell/recovered', 'cell/inferred', 'cell/split', 'table/x')),
      severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
      message: fc.string(),
      position: fc.record({ start: point, end: point }),
      cells: fc.array(fc.record({ table: key, row: key, column: key }), { maxLength: 4 }),
    },
    { requiredKeys: ['code', 'severity', 'message'] },
  );

  test.prop([fc.array(diagnostic, { maxLength: 8 }), fc.oneof(fc.constant(source), fc.string())], { numRuns: 100 })(
    'is a page, whatever the findings name and wherever they stand',
    (diagnostics, text) => {
      const page = renderReport(report, { layout: 'html', diagnostics: diagnostics as Diagnostic[], text });
      expect(page.endsWith('</html>\n')).toBe(true);
      expect(page).not.toContain('<script');
      expect(byName(parseDocument(page), 'li').filter((li) => /^f-\d+$/.test(attr(li, 'id') ?? ''))).toHaveLength(diagnostics.length);
    },
  );
});
