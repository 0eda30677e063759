import { describe, expect, test, vi } from 'vitest';
import type { OutputOptions } from '../src/cli/formats/index';
import { runTasks } from '../src/cli/pool';
import { taskRunner, type Outcome, type Task, type TaskSettings } from '../src/cli/task';
import { clean, corpus } from './helpers/cli';

// A report that breaks the parser, without breaking the library: parseReport throws on this text
// only, the way a bug would.
vi.mock('../src/index', async (importOriginal) => {
  const library = await importOriginal<typeof import('../src/index')>();
  return {
    ...library,
    parseReport: (text: string, options?: Parameters<typeof library.parseReport>[1]) => {
      if (text.includes('BREAKS THE PARSER')) throw new TypeError("Cannot read properties of undefined (reading 'cells')");
      return library.parseReport(text, options);
    },
  };
});

const output: OutputOptions = { command: 'check', format: 'text', strict: false, quiet: false, verbose: false, single: false, frames: false };
const settings: TaskSettings = { output, maxBytes: 64 * 1024 * 1024, locale: 'en' };
const reports = ['000_ec7f0e0f1bb37103', '001_b5fe446b3f679b76', '002_451407376180ac87', '003_669b05754e9fb909', '004_0ca6d768b0b6ad6a'].map(
  (name) => `${corpus}/${name}.txt`,
);

describe('taskRunner', () => {
  test('a report whose parsing throws is a problem outcome, an internal error to report, not an exception', () => {
    const run = taskRunner(settings);
    const outcome = run({ path: 'broken.txt', bytes: Buffer.from('2022年度报告 BREAKS THE PARSER') });
    expect(outcome).toEqual({
      problem: "cannot read broken.txt: internal error (TypeError: Cannot read properties of undefined (reading 'cells')), please report it",
    });
    // The runner goes on with the next report.
    expect(run({ path: clean })).toEqual({ rendered: expect.objectContaining({ output: expect.stringContaining(`${clean}:9:81  warning  `) }) });
  });
});

describe('runTasks when a worker thread dies', () => {
  // Workers get their first task when they start, in order: worker 1 takes task 0, worker 2 task 1
  // (so those two are certain to go to the failing worker); the rest go to whichever thread is free.
  const tasks: Task[] = [
    { path: 'throw-me.txt' },
    { path: 'exit-me.txt' },
    ...reports,
    ...reports.slice(0, 2),
    // Read by a live worker, it kills it too; read by this thread, it is a missing file.
    { path: 'throw-later.txt' },
    ...reports.slice(2),
  ].map((task) => (typeof task === 'string' ? { path: task } : task));

  test.each([
    ['every worker dies, this thread reads the rest', 3],
    ['one worker lives on', 4],
  ])('%s: each task has its outcome, in order; the dead threads’ tasks are problems', async (_, jobs) => {
    const outcomes: Outcome[] = [];
    await runTasks(tasks, {
      jobs,
      settings,
      workerUrl: new URL('./fixtures/cli/failing-worker.mjs', import.meta.url),
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    expect(outcomes).toHaveLength(tasks.length);
    expect(outcomes[0]).toEqual({
      problem: 'cannot read throw-me.txt: the thread reading it stopped (Error: failing on purpose on throw-me.txt), please report it',
    });
    expect(outcomes[1]).toEqual({ problem: 'cannot read exit-me.txt: the thread reading it stopped (exit code 7), please report it' });
    tasks.forEach((task, i) => {
      const outcome = outcomes[i] as Outcome;
      if (task.path.endsWith('-me.txt') || task.path === 'throw-later.txt') {
        expect('problem' in outcome && outcome.problem.startsWith(`cannot read ${task.path}: `), task.path).toBe(true);
      } else {
        // Read here (the findings) or by the stand-in worker ("worker read …"): either names the file.
        expect('rendered' in outcome && outcome.rendered.output.includes(task.path), task.path).toBe(true);
      }
    });
  });
});
