// parsePdf against pdf.js's own text extraction on the PDF fixtures, side by side in one process.
// A benchmark, not a test: it measures, prints, and marks the target met or missed, but exits 0
// either way (timings depend on the machine and on what else runs on it).
//
//   node test/bench/pdf.mjs             use dist/pdf.js if it is newer than src/, else build
//   node test/bench/pdf.mjs --build     always bundle src/pdf/index.ts with esbuild
//   node test/bench/pdf.mjs --turns 31  alternate the two that many times (default 21)
//
// The floor is what any reader of a PDF's text positions must pay: pdf.js opening the document
// and running getTextContent on every page (then destroying it). parsePdf does that too, then
// lays the text out, reads it with parseReport, and puts boxes on the cells. The two take turns,
// one call each (which of them goes first alternating), and the medians of their times are
// compared. The last column is what parsePdf adds: parseReport on the rebuilt text, timed alone.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './texts.mjs';

const TARGET_RATIO = 1.5;
const turnsAt = process.argv.indexOf('--turns');
const TURNS = turnsAt === -1 ? 21 : Math.max(3, Number(process.argv[turnsAt + 1]) || 21);
const WARMUP = 3;

// The bundle imports pdfjs-dist, which Node resolves from the importing file's directory up: the
// scratch directory sits inside this checkout, in node_modules/.cache.
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const scratch = mkdtempSync(join(cache, 'xxgk-bench-pdf-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => n.toFixed(digits);

function newestSource() {
  let newest = 0;
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, 'src'));
  visit(join(root, 'grammar'));
  return newest;
}

/**
 * parsePdf and parseReport: dist/pdf.js and dist/index.js when they are current, else an esbuild
 * bundle of src/pdf/index.ts and src/index.ts (pdfjs-dist left external).
 */
async function libraryBuild() {
  const dist = join(root, 'dist', 'pdf.js');
  if (!process.argv.includes('--build') && existsSync(dist) && statSync(dist).mtimeMs >= newestSource()) {
    const [{ parsePdf }, { parseReport }] = await Promise.all([import(pathToFileURL(dist).href), import(pathToFileURL(join(root, 'dist', 'index.js')).href)]);
    return { parsePdf, parseReport, label: 'dist/pdf.js (current with src/)' };
  }
  const { build } = await import('esbuild');
  const file = join(scratch, 'pdf.mjs');
  await build({
    stdin: {
      contents: "export { parsePdf } from './src/pdf/index.ts'; export { parseReport } from './src/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    nodePaths: [join(root, 'node_modules')],
    external: ['pdfjs-dist', 'pdfjs-dist/*'],
    logLevel: 'warning',
  });
  const why = process.argv.includes('--build') ? '--build' : existsSync(dist) ? 'dist/pdf.js is older than src/' : 'no dist/pdf.js';
  const { parsePdf, parseReport } = await import(pathToFileURL(file).href);
  return { parsePdf, parseReport, label: `esbuild bundle of src/pdf/index.ts (${why})` };
}

const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

/** The floor: pdf.js's getTextContent over every page, as parsePdf calls it. */
async function textContent(bytes) {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, isOffscreenCanvasSupported: false, verbosity: 0 });
  const document = await task.promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

async function timed(run) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const build = await libraryBuild();
const { parsePdf, parseReport } = build;

const directory = join(root, 'test', 'fixtures', 'pdf');
const fixtures = readdirSync(directory).filter((file) => file.endsWith('.pdf')).sort();

console.log('xxgk-report PDF benchmark: parsePdf against pdf.js getTextContent over all pages');
console.log(`  library: ${build.label}; node ${process.version}; load ${loadavg().map((l) => fmt(l, 2)).join(' ')}`);
console.log(`  ${TURNS} turns after ${WARMUP} warm-up turns; in each turn one getTextContent pass and one parsePdf, which first alternating`);
console.log();
console.log('  file        bytes  pages  items  cells  getTextContent ms  parsePdf ms  ratio   parseReport ms');

const verdicts = [];
let sink = 0;
for (const file of fixtures) {
  const bytes = readFileSync(join(directory, file));
  const floorTimes = [];
  const parseTimes = [];
  let result;
  for (let turn = 0; turn < WARMUP + TURNS; turn++) {
    const floor = () =>
      timed(async () => {
        sink += await textContent(bytes);
      });
    const parse = () =>
      timed(async () => {
        result = await parsePdf(bytes);
        sink += result.diagnostics.length;
      });
    // Which goes first alternates, so that neither always pays for the other's garbage.
    let floorMs;
    let parseMs;
    if (turn % 2 === 0) {
      floorMs = await floor();
      parseMs = await parse();
    } else {
      parseMs = await parse();
      floorMs = await floor();
    }
    if (turn >= WARMUP) {
      floorTimes.push(floorMs);
      parseTimes.push(parseMs);
    }
  }
  const floorMs = median(floorTimes);
  const parseMs = median(parseTimes);
  const ratios = floorTimes.map((f, i) => parseTimes[i] / f);
  const ratio = parseMs / floorMs;
  let cells = 0;
  for (const table of Object.values(result.report.tables)) {
    for (const row of Object.values(table.rows)) for (const value of Object.values(row ?? {})) if (value?.type === 'cell') cells++;
  }
  const items = await textContent(bytes);
  const readTimes = [];
  for (let i = 0; i < 30; i++) readTimes.push(await timed(async () => (sink += parseReport(result.text).diagnostics.length)));
  console.log(
    `  ${file.padEnd(9)} ${String(bytes.length).padStart(7)} ${String(result.pages.length).padStart(6)} ${String(items).padStart(6)} ${String(cells).padStart(6)} ${fmt(floorMs).padStart(18)} ${fmt(parseMs).padStart(12)} ${fmt(ratio, 2).padStart(6)}× ${fmt(median(readTimes), 2).padStart(15)}   (median of per-turn ratios ${fmt(median(ratios), 2)}×)`,
  );
  verdicts.push(`  ${(ratio <= TARGET_RATIO ? 'met' : 'MISSED').padEnd(6)}  parsePdf ≤ ${TARGET_RATIO}× getTextContent on ${file}: ${fmt(ratio, 2)}×`);
}
console.log();
console.log('Targets');
for (const line of verdicts) console.log(line);
if (sink === -1) console.log('');
