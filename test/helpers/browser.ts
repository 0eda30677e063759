import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Options } from 'tsup';
import { repo } from './cli';

/**
 * The browser tests run Debian's chromium through puppeteer-core, which downloads no browser.
 * .ci/run installs chromium (and fonts-noto-cjk, for the Chinese text of screenshots) when it is
 * missing; elsewhere the tests skip, saying why. CHROMIUM_PATH points them at another build.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`;

/** The name of a browser test suite, saying so when it is skipped. */
export function suiteName(name: string): string {
  if (hasChromium) return name;
  console.warn(SKIP_REASON);
  return `${name} (skipped: ${SKIP_REASON})`;
}

/** One headless chromium for a test file. */
export async function launchBrowser(): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=zh-CN'], headless: true });
}

/** Where the screenshots go (git-ignored), made when missing. */
export function screenshotPath(name: string): string {
  const dir = join(repo, 'test', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The strings a hostile report holds: each would run a script if it reached the page as markup. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  link: '<a href="javascript:window.__pwned=1">点我</a>',
} as const;

/**
 * Report 000 with the hostile strings in the text of part 一, and a `<script>` where table 二's
 * 规章 has its 本年废止件数: the cell is read as unreadable text `<script>window.__pwned=`, the rest of
 * the tag a line of its own, and the messages quote both.
 */
export function hostileText(): string {
  const text = readFileSync(join(repo, 'test/fixtures/corpus/000_ec7f0e0f1bb37103.txt'), 'utf8');
  const hostile = text
    .replace('一、总体情况\n', `一、总体情况\n${HOSTILE.script}${HOSTILE.img}${HOSTILE.link}\n`)
    .replace(/^规章\t0\t0\t0$/m, `规章\t0\t${HOSTILE.script}\t0`);
  if (hostile === text || !hostile.includes(`规章\t0\t${HOSTILE.script}`)) throw new Error('report 000 changed: fix hostileText()');
  return hostile;
}

/**
 * Builds the library as the package does (the first build of tsup.config.ts: dist/index.js, ESM,
 * its dependencies bundled), into `outDir`, and returns the file. Only the library: the CLI's
 * build is not needed here, and may be mid-change in this tree.
 */
export async function buildLibrary(outDir: string): Promise<string> {
  const { build } = await import('tsup');
  const { default: config } = (await import('../../tsup.config')) as { default: (cli: Options) => Options[] };
  const [library] = config({ outDir });
  await build({ ...library, format: ['esm'], config: false, outDir, dts: false, silent: true, clean: false });
  return join(outDir, 'index.js');
}
