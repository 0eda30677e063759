// `npm run bench:compare -- [rev]`: how much time parseReport takes on the corpus reports now,
// against the same call at a git revision (default HEAD), with both builds in one process.
//
// The benchmark's separate timings drift by more than most changes on a shared machine. Here the
// two builds take turns every couple of passes, each turn next to a pass of the floor, and the
// figure is the median of the per-turn ratios, which the drift moves little.
//
//   node test/bench/compare.mjs              the working tree against HEAD
//   node test/bench/compare.mjs main~3       against another revision
//   node test/bench/compare.mjs HEAD --only 002 --rounds 600
//   node test/bench/compare.mjs HEAD --redraw
//
// --redraw parses, in each pass, the reports with their counts multiplied by a factor drawn from 2
// to 97: every value cell (a cell that is one number, maybe with a lost character after it) and
// every count stated in the text (a number before 件, 个, 条, 次, 项 or 起). The tables still add up and the text still agrees with
// them, but their lines are new, so what the library remembers from one report to the next helps
// only with what real reports share (labels, zeros), not with a report it has seen whole before.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleLibrary } from './bundle.mjs';
import { corpusReports, floor, root } from './texts.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const revision = args.find((arg, i) => !arg.startsWith('--') && !['--only', '--rounds'].includes(args[i - 1] ?? '')) ?? 'HEAD';
const rounds = Number(option('--rounds', '300'));
const only = option('--only', '');

const scratch = mkdtempSync(join(tmpdir(), 'xxgk-compare-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** The library at `tree` (see bundle.mjs), imported. */
async function load(tree, name) {
  const outfile = join(scratch, `${name}.mjs`);
  await bundleLibrary(tree, outfile);
  return import(pathToFileURL(outfile).href);
}

const before = join(scratch, 'before');
mkdirSync(before);
// Only what the library is built from: src/ and grammar/ as the revision has them.
const archive = execFileSync('git', ['archive', revision, 'src', 'grammar'], { cwd: root });
execFileSync('tar', ['-x', '-C', before], { input: archive });
const old = await load(before, 'before');
const now = await load(root, 'now');

const corpus = corpusReports()
  .filter((report) => report.name.startsWith(only))
  .map((report) => report.text);
if (corpus.length === 0) throw new Error(`no corpus report starts with ${only}`);

// Factors in a fixed sequence (a linear congruential generator), so that runs compare alike.
let seed = 1;
const factor = () => 2 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 96);
const COUNTS = /(?<=^|\t|\| *)\d+(?=[?？]? *(?:\t|\||$))|\d+(?=\s*[件个条次项起])/gm;
const scaled = (k) => corpus.map((text) => text.replace(COUNTS, (count) => String(Number(count) * k)));
const pool = args.includes('--redraw') ? Array.from({ length: 256 }, () => scaled(factor())) : [corpus];
// Within a turn, both builds and the floor read the same texts.
let turn = 0;
const textsOf = (pass) => pool[(turn * 4 + pass) % pool.length];

// Measured calls add their results here, so that none of them is dead code to the engine.
let sink = 0;
const parse = (library, passes) => {
  const start = performance.now();
  for (let i = 0; i < passes; i++) for (const text of textsOf(i)) sink += library.parseReport(text).diagnostics.length;
  return (performance.now() - start) / passes;
};
const scan = (passes) => {
  const start = performance.now();
  for (let i = 0; i < passes; i++) for (const text of textsOf(i)) sink += floor(text);
  return (performance.now() - start) / passes;
};

// Warm-up: both builds optimised before the first turn counts.
parse(old, 400);
parse(now, 400);
scan(3000);
const beforeRatios = [];
const nowRatios = [];
const shares = [];
for (let round = 0; round < rounds; round++) {
  turn = round;
  // Each build goes first every other turn, so that neither always runs where the other left the caches.
  let a;
  let b;
  let floorBefore;
  let floorNow;
  if (round % 2 === 0) {
    floorBefore = scan(15);
    a = parse(old, 2);
    floorNow = scan(15);
    b = parse(now, 2);
  } else {
    floorNow = scan(15);
    b = parse(now, 2);
    floorBefore = scan(15);
    a = parse(old, 2);
  }
  beforeRatios.push(a / floorBefore);
  nowRatios.push(b / floorNow);
  shares.push(b / a);
}
const quantile = (values, q) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) * q)];
const fmt = (value, digits = 3) => value.toFixed(digits);

console.log(
  `parseReport on ${corpus.length === 1 ? `corpus report ${only}` : `${corpus.length} corpus reports`}${pool.length > 1 ? ', counts scaled anew for each pass' : ''}, ${rounds} turns each`,
);
console.log(`  ${revision.padEnd(14)} ${fmt(quantile(beforeRatios, 0.5), 2)}× the floor`);
console.log(`  ${'working tree'.padEnd(14)} ${fmt(quantile(nowRatios, 0.5), 2)}× the floor`);
console.log(`  time now / time at ${revision}: ${fmt(quantile(shares, 0.5))} (quartiles ${fmt(quantile(shares, 0.25))}–${fmt(quantile(shares, 0.75))})`);
