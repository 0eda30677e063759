import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../src/index';
import { HOSTILE, buildLibrary, hasChromium, hostileText, launchBrowser, screenshotPath, suiteName } from './helpers/browser';
import { corpusReport } from './helpers/corpus';

// Functions given to page.evaluate and $eval run in the page, where these are globals. tsconfig has
// no DOM library (src/ must not lean on one), so they are declared here, for this file alone.
declare const document: any, window: any, getComputedStyle: any, innerHeight: number, location: { href: string };
declare function scrollTo(x: number, y: number): void;

// docs/playground in a real browser, opened from disk as a reader would: the page, its script and
// the library bundled from the package's own ESM build (dist/index.js, built here as tsup.config.ts
// builds it) by docs/playground/build.mjs, all in a temporary directory, so docs/ stays as it is.

describe.skipIf(!hasChromium)(suiteName('the playground in chromium'), () => {
  let browser: Browser;
  let dir: string;
  let library: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-report-playground-'));
    const [built, launched] = await Promise.all([buildLibrary(join(dir, 'dist')), launchBrowser()]);
    library = built;
    browser = launched;
    const { buildPlayground } = (await import('../docs/playground/build.mjs')) as {
      buildPlayground: (options: { library: string; outDir: string; copyPage: boolean }) => Promise<string>;
    };
    await buildPlayground({ library, outDir: dir, copyPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function playground(): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1100 });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    return page;
  }

  /** Pastes `text` into the text box (as a paste does: the value changes, an input event follows), and waits for the report. */
  async function paste(page: Page, text: string): Promise<Frame> {
    await page.$eval(
      '#report-text',
      (textarea, value) => {
        (textarea as unknown as { value: string }).value = value;
        textarea.dispatchEvent(new window.InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      },
      text,
    );
    return shownReport(page);
  }

  async function shownReport(page: Page): Promise<Frame> {
    await page.waitForFunction(() => document.getElementById('report-view').srcdoc.length > 0);
    const handle = await page.waitForSelector('#report-view');
    // The srcdoc is set; wait until the frame has loaded it.
    for (;;) {
      const frame = await handle?.contentFrame();
      if (frame && (await frame.evaluate(() => document.readyState === 'complete' && document.querySelectorAll('table').length > 0))) return frame;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('shows the tables of the traditional-script report 002 pasted into it', async () => {
    const page = await playground();
    const { text } = corpusReport('002');
    const frame = await paste(page, text);
    const { report, diagnostics } = parseReport(text);
    expect(await page.$eval('#status', (status) => status.textContent)).toBe(`泸州市 · 2022年 · 错误 0 个，警告 20 个，提示 1 个`);
    const shown = await frame.evaluate(() => ({
      tables: document.querySelectorAll('article table').length,
      regulations: [...document.querySelectorAll('[data-cell^="activeDisclosure:regulations:"]')].map((cell) => cell.textContent),
      total: document.querySelector('[data-cell="applications:total:total"]')?.textContent,
      review: document.querySelector('[data-cell="reviewLitigation:review:total"]')?.textContent,
      warnings: document.querySelectorAll('td.sev-warning').length,
      findings: document.querySelectorAll('#findings li').length,
      heading: document.querySelector('h1')?.textContent,
      width: document.querySelector('article table:nth-of-type(1)')?.getBoundingClientRect().width,
    }));
    expect(shown).toMatchObject({
      tables: 3,
      regulations: ['1', '0', '5'],
      total: String(report.tables.applications?.rows.total?.total.value),
      review: '26',
      warnings: diagnostics.filter((d) => d.code === 'cell/recovered').length,
      findings: diagnostics.length,
    });
    expect(shown.heading).toContain('泸州市');
    // The frame's links stay in the frame: a finding's source link shows its excerpt.
    await frame.click('#f-1 a[href^="#src-"]');
    expect(await frame.evaluate(() => [location.href, document.querySelector(':target')?.id])).toEqual(['about:srcdoc#src-1', 'src-1']);
    await frame.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('playground-002.png') });
    // And table 三, the largest, scrolled into the frame's view.
    await frame.evaluate(() => document.querySelectorAll('article h3')[2].scrollIntoView());
    await page.screenshot({ path: screenshotPath('playground-002-table3.png') });
    await page.close();
  });

  /**
   * `text` in GB 18030 (two-byte characters only, as reports use): Node decodes GB 18030 but has
   * no encoder, so the table is the decoder's, turned round.
   */
  function gb18030(text: string): Buffer {
    const decoder = new TextDecoder('gb18030', { fatal: true });
    const bytes = new Map<string, [number, number]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (!bytes.has(character)) bytes.set(character, [lead, trail]);
      }
    }
    const out: number[] = [];
    for (const character of text) {
      const code = character.codePointAt(0) as number;
      if (code < 0x80) out.push(code);
      else {
        const pair = bytes.get(character);
        if (!pair) throw new Error(`no two-byte GB 18030 for ${character}`);
        out.push(...pair);
      }
    }
    return Buffer.from(out);
  }

  it('reads an opened file, in GB 18030 as well as UTF-8', async () => {
    const page = await playground();
    const { text } = corpusReport('003');
    const encoded = gb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    const input = await page.$('#report-file');
    for (const [name, bytes] of [['003-gb18030.txt', encoded], ['003-utf8.txt', Buffer.from(text, 'utf8')]] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await page.$eval('#report-view', (iframe) => iframe.removeAttribute('srcdoc'));
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
      const frame = await shownReport(page);
      expect(await page.$eval('#report-text', (textarea) => (textarea as unknown as { value: string }).value), name).toBe(text);
      expect(await frame.evaluate(() => document.querySelectorAll('td.sev-error').length), name).toBe(26);
      expect(await page.$eval('#status', (status) => status.textContent), name).toMatch(new RegExp(`^已打开 ${name.replace('.', '\\.')}。 刚察县人民政府办公室`));
    }
    await page.close();
  });

  it('runs nothing of a hostile report pasted into it, and shows its text as written', async () => {
    const page = await playground();
    const frame = await paste(page, hostileText());
    await frame.click('a[href^="#src-"]');
    await frame.$$eval('details', (all) => all.forEach((details) => ((details as unknown as { open: boolean }).open = true)));
    for (const context of [page, frame]) {
      expect(await context.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    const shown = await frame.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      text: document.body.innerText,
      cell: document.querySelector('[data-cell="activeDisclosure:regulations:repealed"]')?.textContent,
    }));
    expect(shown).toMatchObject({ scripts: 0, images: 0, cell: '<script>window.__pwned=' });
    for (const hostile of Object.values(HOSTILE)) expect(shown.text).toContain(hostile);
    // The playground's own page: its two scripts, and nothing of the report.
    expect(await page.$$eval('script', (scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual(['xxgk-report.js', 'playground.js']);
    expect(await page.$eval('#report-view', (iframe) => iframe.getAttribute('sandbox'))).toBe('');
    await page.close();
  });

  it('loads dist/index.js, the ESM build, as a module in the browser, where it reads as in Node', async () => {
    // Module scripts need http (chromium refuses them from file://): a server of dist/ for this.
    const server: Server = createServer((request, response) => {
      if (request.url === '/index.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(readFileSync(library));
      } else {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        // The module's exports on window, to call from the test.
        response.end('<!DOCTYPE html><meta charset="utf-8"><title>esm</title><script type="module">import * as library from "./index.js"; window.library = library;</script>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const { text } = corpusReport('002');
      await page.waitForFunction(() => 'library' in window);
      const inBrowser = await page.evaluate((source) => {
        const { library } = window as unknown as { library: { parseReport(text: string): unknown } };
        const hasBuffer = typeof (globalThis as { Buffer?: unknown }).Buffer !== 'undefined';
        return { hasBuffer, result: JSON.parse(JSON.stringify(library.parseReport(source))) as unknown };
      }, text);
      expect(inBrowser.hasBuffer).toBe(false);
      expect(inBrowser.result).toEqual(JSON.parse(JSON.stringify(parseReport(text))));
      await page.close();
    } finally {
      server.close();
    }
  });
});
