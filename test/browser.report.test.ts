import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../src/diagnostics';
import { parseReport, renderReport } from '../src/index';
import { HOSTILE, hasChromium, hostileText, launchBrowser, screenshotPath, suiteName } from './helpers/browser';
import { corpusReport } from './helpers/corpus';

// Functions given to page.evaluate and $eval run in the page, where these are globals. tsconfig has
// no DOM library (src/ must not lean on one), so they are declared here, for this file alone.
declare const document: any, window: any, getComputedStyle: any, innerHeight: number, location: { href: string };
declare function scrollTo(x: number, y: number): void;

// The visual report in a real browser (Debian's chromium): what it highlights, what the keyboard
// reaches, what runs (nothing). One browser for the file; each page is written to a temporary
// directory and opened from disk, as a reader would open the CLI's output.

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

describe.skipIf(!hasChromium)(suiteName('the visual report in chromium'), () => {
  let browser: Browser;
  let dir: string;
  /** Errors the pages threw: none may, as they run no script. */
  const errors: string[] = [];
  const pageFor = async (name: string, html: string): Promise<Page> => {
    const path = join(dir, `${name}.html`);
    writeFileSync(path, html);
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`${name}: ${String(error)}`));
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(pathToFileURL(path).href);
    return page;
  };
  const seed = corpusReport('003');
  const { report, diagnostics } = parseReport(seed.text);
  const html = renderReport(report, { layout: 'html', diagnostics, text: seed.text });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-report-visual-'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('highlights each cell the findings of 003 name with the class of the worst of them', async () => {
    const page = await pageFor('003', html);
    const expected = new Map<string, Severity>();
    for (const diagnostic of diagnostics) {
      for (const ref of diagnostic.cells ?? []) {
        const key = `${ref.table}:${ref.row}:${ref.column}`;
        const before = expected.get(key);
        if (!before || RANK[diagnostic.severity] > RANK[before]) expected.set(key, diagnostic.severity);
      }
    }
    const found = await page.$$eval('td[data-cell]', (cells) =>
      cells.map((cell) => ({
        key: cell.getAttribute('data-cell') as string,
        classes: [...cell.classList],
        background: getComputedStyle(cell).backgroundColor,
        mark: getComputedStyle(cell, '::before').content,
      })),
    );
    const present = found.filter((cell) => expected.has(cell.key));
    // The findings name cells of 一、 and 二、 too, which table 三 lost (they are listed below it).
    expect(present.length).toBe(26);
    for (const cell of present) {
      const severity = expected.get(cell.key) as Severity;
      expect(cell.classes, cell.key).toContain(`sev-${severity}`);
      expect(cell.background, cell.key).toBe(severity === 'error' ? 'rgb(253, 236, 234)' : 'rgb(255, 243, 205)');
      // The sign drawn before the value, so colour is not all that tells.
      expect(cell.mark, cell.key).toMatch(severity === 'error' ? /^"×/ : /^"!/);
    }
    const plain = found.filter((cell) => !expected.has(cell.key) && !cell.key.startsWith('reviewLitigation:'));
    expect(plain.length).toBeGreaterThan(100);
    for (const cell of plain) expect(cell.classes.filter((name) => name.startsWith('sev-')), cell.key).toEqual([]);
    // The inferred cells of table 四: warned about, and marked 推.
    const inferred = found.filter((cell) => cell.key.startsWith('reviewLitigation:'));
    expect(inferred).toHaveLength(15);
    for (const cell of inferred) expect(cell.classes).toEqual(['hl', 'sev-warning', 'o-inferred']);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(0);
    await page.screenshot({ path: screenshotPath('visual-report-003.png'), fullPage: true });
    await page.close();
  });

  it('shows a finding’s lines of the source in the side panel when its link is followed', async () => {
    const page = await pageFor('003-source', html);
    const panel = () =>
      page.$eval('aside.source', (aside) => ({
        hint: getComputedStyle(aside.querySelector('.hint')).display,
        shown: [...aside.querySelectorAll('.excerpt')].filter((excerpt) => getComputedStyle(excerpt).display !== 'none').map((excerpt) => excerpt.id),
        position: getComputedStyle(aside).position,
      }));
    expect(await panel()).toEqual({ hint: 'block', shown: [], position: 'fixed' });
    const too = diagnostics.findIndex((diagnostic) => diagnostic.code === 'table/too-many-values') + 1;
    const span = diagnostics[too - 1]?.position as NonNullable<Diagnostic['position']>;
    await page.click(`#f-${too} a[href^="#src-"]`);
    const shown = await panel();
    expect(shown.hint).toBe('none');
    expect(shown.shown).toHaveLength(1);
    const excerpt = await page.$eval(`#${shown.shown[0]}`, (element) => ({
      mark: element.querySelector('mark')?.textContent,
      current: element.querySelector('.ln.current')?.getAttribute('data-line'),
      lines: element.querySelectorAll('.ln').length,
      inView: element.getBoundingClientRect().top < innerHeight,
    }));
    expect(excerpt).toEqual({ mark: seed.text.slice(span.start.offset, span.end.offset), current: '49', lines: 5, inView: true });
    await page.screenshot({ path: screenshotPath('visual-report-003-source.png') });
    await page.close();
  });

  it('lets the keyboard reach a finding and a highlighted cell, with a visible focus and the finding’s message', async () => {
    const page = await pageFor('003-keyboard', html);
    const reached = { cell: undefined as undefined | { key: string; outline: string; tip: string }, finding: undefined as undefined | { id: string; outline: string } };
    for (let i = 0; i < 200 && !(reached.cell && reached.finding); i++) {
      await page.keyboard.press('Tab');
      const active = await page.evaluate(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return {
          tag: element.tagName,
          id: element.id,
          key: element.getAttribute('data-cell'),
          highlighted: element.classList.contains('hl'),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          tip: getComputedStyle(element, '::after').content,
        };
      });
      if (!reached.cell && active.tag === 'TD' && active.highlighted) reached.cell = { key: active.key as string, outline: active.outline, tip: active.tip };
      if (!reached.finding && active.tag === 'LI' && /^f-\d+$/.test(active.id)) reached.finding = { id: active.id, outline: active.outline };
    }
    expect(reached.cell).toBeDefined();
    expect(reached.finding).toBeDefined();
    expect(reached.cell?.outline).toBe('solid 3px');
    expect(reached.finding?.outline).toBe('solid 3px');
    // The focused cell shows its findings: the title, drawn by ::after while it has focus.
    const named = diagnostics.filter((diagnostic: Diagnostic) =>
      (diagnostic.cells ?? []).some((ref) => `${ref.table}:${ref.row}:${ref.column}` === reached.cell?.key),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const diagnostic of named) expect(reached.cell?.tip).toContain(diagnostic.message);
    await page.close();
  });

  it('runs nothing of a hostile report and shows its text as written', async () => {
    const source = hostileText();
    const parsed = parseReport(source);
    const page = await pageFor('hostile', renderReport(parsed.report, { layout: 'html', diagnostics: parsed.diagnostics, text: source }));
    await page.click('a[href^="#src-"]');
    const state = await page.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => !a.getAttribute('href')?.startsWith('#')).length,
      text: document.body.innerText,
      cell: document.querySelector('[data-cell="activeDisclosure:regulations:repealed"]')?.textContent,
    }));
    expect(state.pwned).toBeUndefined();
    expect(state).toMatchObject({ scripts: 0, images: 0, javascriptLinks: 0, cell: '<script>window.__pwned=' });
    expect(errors).toEqual([]);
    // innerText is what shows: the part's text is in a closed <details>, so open it first.
    await page.$$eval('details', (all) => all.forEach((details) => ((details as unknown as { open: boolean }).open = true)));
    const shown = await page.evaluate(() => document.body.innerText);
    for (const hostile of Object.values(HOSTILE)) expect(shown).toContain(hostile);
    await page.close();
  });
});
