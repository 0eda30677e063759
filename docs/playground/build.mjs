// Writes docs/playground/xxgk-report.js, the library for the playground: the package's ESM build
// (dist/index.js) wrapped as one classic script that sets `globalThis.xxgkReport`.
//
// Why a classic script and not `<script type="module">`: Chromium refuses module scripts from a
// page opened from disk (file://, origin `null`), and the playground must work opened from disk.
// Why a build step and not a committed copy: a copy would go stale with every change of src/.
// The file is git-ignored; `npm run playground` (build, then this) writes it, and the browser
// tests write their own copy next to a copy of the page.
//
// The bundle is made for `platform: 'browser'`, so an import of a Node module (`node:fs`…) in
// dist/index.js fails this build instead of failing in a reader's browser.
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const here = dirname(fileURLToPath(import.meta.url));

/** The playground's own files, which go with the library script wherever the page is served from. */
export const PLAYGROUND_FILES = ['index.html', 'playground.js', 'playground.css'];

/**
 * Bundles `library` (the ESM build) as `xxgk-report.js` in `outDir`; with `copyPage`, copies the
 * page and its script there too (for a playground served from elsewhere, as the tests do).
 */
export async function buildPlayground({ library = resolve(here, '../../dist/index.js'), outDir = here, copyPage = false } = {}) {
  if (!existsSync(library)) throw new Error(`${library} is missing: run \`npm run build\` first (or \`npm run playground\`)`);
  await build({
    config: false,
    entry: { 'xxgk-report': library },
    format: ['iife'],
    globalName: 'xxgkReport',
    platform: 'browser',
    target: 'es2020',
    outDir,
    outExtension: () => ({ js: '.js' }),
    dts: false,
    minify: true,
    sourcemap: false,
    clean: false,
    silent: true,
  });
  if (copyPage) for (const file of PLAYGROUND_FILES) copyFileSync(join(here, file), join(outDir, file));
  return join(outDir, 'xxgk-report.js');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await buildPlayground();
  console.log(`wrote ${written}; open ${join(here, 'index.html')} in a browser`);
}
