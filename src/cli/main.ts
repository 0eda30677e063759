import { statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { compareReports } from '../index';
import { commandHelpText, helpText, listOf, parseCommandLine } from './args';
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
  const paths = expandInputs(inputs, options.extensions, (message) => writeIfRead(process.stderr, `xxgk-report: ${message}\n`));
  // A build step pointed at the wrong folder must not pass by checking nothing.
  if (paths.length === 0) throw new CliError(`no ${listOf(options.extensions, 'or')} files in ${inputs.join(', ')}`);
  if (givenPair && paths.length < 2) throw new UsageError('compare needs two different reports, or a directory of reports', command);
  const tasks: Task[] = [];
  for (const path of paths) tasks.push(path === STDIN ? { path: STDIN_NAME, bytes: await readStdin(options.maxBytes) } : { path });

  const { format, strict, quiet, verbose, maxBytes, blankAsZero, convertTraditional } = options;
  const isTTY = process.stdout.isTTY === true;
  const output: OutputOptions = {
    command,
    format,
    strict,
    quiet,
    verbose,
    positions: options.positions,
    headers: options.headers,
    // One named file (or -) prints its result as is; anything that can hold several prints a
    // list, so a script sees the same shape whether a folder happens to hold one report or ten.
    single: inputs.length === 1 && paths[0] === inputs[0],
    // Code frames are for a person at a terminal; in a pipe they would break one-finding-per-line.
    frames: isTTY,
    color: useColor(options.color, isTTY),
  };
  if (options.maxWarnings !== undefined) output.maxWarnings = options.maxWarnings;
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
    settings: { output, maxBytes, blankAsZero, convertTraditional, ...(options.encoding !== undefined && { encoding: options.encoding }) },
    workerUrl: new URL(import.meta.url),
    onOutcome(outcome) {
      if ('problem' in outcome) {
        unreadable++;
        write(process.stderr, `xxgk-report: ${outcome.problem}\n`);
        write(process.stdout, printer.problem?.(outcome.problem) ?? '');
      } else {
        if (outcome.note !== undefined) write(process.stderr, `xxgk-report: ${outcome.note}\n`);
        if (command === 'compare') collected.push(JSON.parse(outcome.rendered.output) as Collected);
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
      const diagnostics = compareReports(previous.report, current.report);
      const rendered = findings.render({ path: current.path, previous: previous.path, ...(current.text !== undefined && { source: current.text }), diagnostics });
      write(process.stdout, printer.item(rendered));
    }
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
