import { statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { checkHierarchy, compareReports, type Diagnostic } from '../index';
import { commandHelpText, helpText, nothingFound, parseCommandLine } from './args';
import { useColor } from './color';
import { pairReports, type CompareStep, type ComparedReport } from './compare';
import { findingsFormat, formatFor, type Collected, type OutputOptions } from './formats/index';
import { runTasks, serveTasks } from './pool';
import { CliError, UsageError } from './problem';
import { createProgress } from './progress';
import type { Task } from './task';
import { expandInputs, STDIN } from './walk';

/** How standard input is named in findings and data. */
const STDIN_NAME = '<stdin>';

/**
 * Standard input, or as much of it as shows it is over `maxBytes`: an endless or huge stream is
 * refused as a file over the limit is, instead of filling the memory.
 */
async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // Leaving the loop destroys the stream: the writer gets EPIPE and stops.
    if (size > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

/**
 * Writes to stdout or stderr unless the reader has gone (`| head`): output nobody reads is
 * skipped, but the run goes on to its end, so its exit status still tells whether the reports
 * passed and could all be read.
 */
function writeIfRead(stream: NodeJS.WriteStream, text: string): void {
  if (text && stream.writable) stream.write(text);
}

/**
 * check --format html --out: where each report's page goes in the output directory, with `/`:
 * its path inside the directory operand it was found in, or a named file's name, plus `.html`
 * (`<stdin>` is `stdin.html`). A name taken already (two operands' files of one name) gets `-2`,
 * `-3`… before `.html`, so no page overwrites another; `index.html` is the index's.
 */
function pageNames(inputs: readonly string[], paths: readonly string[]): string[] {
  const dirs = inputs.filter((input) => input !== STDIN && isDirectory(input)).map((dir) => join(dir, sep));
  const taken = new Set<string>(['index.html']);
  return paths.map((path) => {
    const dir = dirs.find((prefix) => path.startsWith(prefix));
    const name = path === STDIN ? 'stdin' : dir === undefined ? basename(path) : relative(dir, path).split(sep).join('/');
    let page = `${name}.html`;
    for (let n = 2; taken.has(page.toLowerCase()); n++) page = `${name}-${n}.html`;
    taken.add(page.toLowerCase());
    return page;
  });
}

/** Runs the command line; resolves to the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  const invocation = parseCommandLine(argv);
  if (invocation.kind === 'help') {
    process.stdout.write(invocation.command === undefined ? helpText() : commandHelpText(invocation.command));
    return 0;
  }
  if (invocation.kind === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const { options } = invocation;
  const { command, inputs } = options;
  // compare: two files are the pair to compare; anything else is paired by agency and year.
  const givenPair = command === 'compare' && inputs.length === 2 && inputs.every((input) => input === STDIN || !isDirectory(input));
  if (command === 'compare' && inputs.length === 1 && inputs[0] !== undefined && (inputs[0] === STDIN || !isDirectory(inputs[0]))) {
    throw new UsageError("compare needs two reports (last year's, then this year's) or a directory of reports", command);
  }
  if (command === 'sum' && inputs[0] !== STDIN && isDirectory(inputs[0] as string)) {
    throw new UsageError('sum needs the summary report first, a file (or -), then its parts', command);
  }
  // One named file (or -) prints its result as is; anything that can hold several prints a
  // list, so a script sees the same shape whether a folder happens to hold one report or ten.
  const single = inputs.length === 1 && (inputs[0] === STDIN || !isDirectory(inputs[0] as string));
  if (options.format === 'html' && options.out === undefined && !single) {
    throw new UsageError('check --format html prints one report\'s page: for several reports (or a directory), write their pages with --out <dir>', command);
  }
  const paths = expandInputs(inputs, options.extensions, (message) => writeIfRead(process.stderr, `xxgk-report: ${message}\n`));
  // A build step pointed at the wrong folder must not pass by checking nothing.
  if (paths.length === 0) throw new CliError(nothingFound(options.extensions, inputs.join(', ')));
  // sum: the summary is the first path; a parts directory holding it does not make it a part.
  if (command === 'sum' && paths.length < 2) throw new CliError(`sum has no parts: ${nothingFound(options.extensions, inputs.slice(1).join(', '))}`);
  const pages = options.out === undefined ? undefined : pageNames(inputs, paths);
  if (givenPair && paths.length < 2) throw new UsageError('compare needs two different reports, or a directory of reports', command);
  const tasks: Task[] = [];
  for (const [i, path] of paths.entries()) {
    const task: Task = path === STDIN ? { path: STDIN_NAME, bytes: await readStdin(options.maxBytes) } : { path };
    if (pages) task.page = pages[i] as string;
    tasks.push(task);
  }

  const { format, strict, quiet, verbose, maxBytes, blankAsZero, convertTraditional, locale } = options;
  const isTTY = process.stdout.isTTY === true;
  const output: OutputOptions = {
    command,
    format,
    strict,
    quiet,
    verbose,
    positions: options.positions,
    headers: options.headers,
    single,
    // Code frames are for a person at a terminal; in a pipe they would break one-finding-per-line.
    frames: isTTY,
    color: useColor(options.color, isTTY),
    locale,
  };
  if (options.maxWarnings !== undefined) output.maxWarnings = options.maxWarnings;
  if (options.out !== undefined) output.out = options.out;
  const printer = formatFor(output).printer();
  const progress = createProgress(tasks.length, process.stderr);
  const write = (stream: NodeJS.WriteStream, text: string) => {
    if (!text) return;
    // Only output to the same terminal would land on the bar's line.
    if (stream.isTTY) progress.clear();
    writeIfRead(stream, text);
  };
  let unreadable = 0;
  // compare: the reports, held until all are read, to be paired.
  const collected: ComparedReport[] = [];
  await runTasks(tasks, {
    jobs: options.jobs,
    settings: { output, maxBytes, blankAsZero, convertTraditional, locale, ...(options.encoding !== undefined && { encoding: options.encoding }) },
    workerUrl: new URL(import.meta.url),
    onOutcome(outcome) {
      if ('problem' in outcome) {
        unreadable++;
        write(process.stderr, `xxgk-report: ${outcome.problem}\n`);
        write(process.stdout, printer.problem?.(outcome.problem) ?? '');
      } else {
        if (outcome.note !== undefined) write(process.stderr, `xxgk-report: ${outcome.note}\n`);
        if (command === 'compare' || command === 'sum') collected.push(JSON.parse(outcome.rendered.output) as Collected);
        else write(process.stdout, printer.item(outcome.rendered));
      }
      progress.tick();
    },
  });
  progress.clear();
  // Two files given, one of them unreadable: there is no pair left to compare.
  if (command === 'compare' && !(givenPair && collected.length < 2)) {
    const findings = findingsFormat(output);
    const steps: CompareStep[] = givenPair
      ? [{ kind: 'pair', previous: collected[0] as ComparedReport, current: collected[1] as ComparedReport }]
      : pairReports(collected);
    for (const step of steps) {
      if (step.kind === 'unpaired') {
        write(process.stdout, printer.item(findings.unpaired(step.entry)));
        continue;
      }
      const { previous, current } = step;
      const diagnostics = compareReports(previous.report, current.report, { locale });
      const rendered = findings.render({ path: current.path, previous: previous.path, ...(current.text !== undefined && { source: current.text }), diagnostics });
      write(process.stdout, printer.item(rendered));
    }
  }
  // sum: only with every report read; a sum without a part would find differences that are not there.
  if (command === 'sum' && unreadable === 0) {
    const [summary, ...parts] = collected as [ComparedReport, ...ComparedReport[]];
    // The findings name the parts by their paths rather than `parts[0]`.
    const diagnostics = checkHierarchy(
      summary.report,
      parts.map((part) => part.report),
      { locale, names: parts.map((part) => part.path) },
    );
    const rendered = findingsFormat(output).render({ path: summary.path, ...(summary.text !== undefined && { source: summary.text }), diagnostics });
    write(process.stdout, printer.item(rendered));
  }
  write(process.stdout, printer.end());
  return unreadable > 0 ? 2 : printer.failed ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // Not there: expandInputs says so.
    return false;
  }
}

if (isMainThread) {
  // `xxgk-report check dir | head` closes the pipe early: that is the reader's choice, not an
  // error. Exiting there would exit before the status is known (with threads, the run is still
  // going when the error comes), so the run goes on, writing nothing more there (writeIfRead).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.exitCode = 2;
    if (error instanceof CliError) {
      const hint = error instanceof UsageError ? ` (${error.hint})` : '';
      writeIfRead(process.stderr, `xxgk-report: ${error.message}${hint}\n`);
    } else {
      // A bug, not a finding: keep the stack for the report, and stay off exit 1, which says
      // "a report failed the check" to build scripts.
      writeIfRead(process.stderr, `xxgk-report: internal error, please report it\n${(error as Error).stack ?? String(error)}\n`);
    }
  }
} else {
  serveTasks();
}
