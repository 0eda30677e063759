import { parentPort, Worker, workerData } from 'node:worker_threads';
import { taskRunner, type Outcome, type Task, type TaskSettings } from './task';

/**
 * Below this many files one thread reads them all: a worker's start-up (a fresh V8 isolate that
 * loads the library and warms up its parser) would not pay for itself.
 */
export const MIN_FILES_FOR_WORKERS = 8;

export interface PoolOptions {
  /** Threads in all, this one included. */
  jobs: number;
  settings: TaskSettings;
  /** The module workers start from; it must call {@link serveTasks} when not on the main thread. */
  workerUrl: URL;
  /** Called once per task, in the order of `tasks`, whatever order they finish in. */
  onOutcome: (outcome: Outcome) => void;
}

interface Request {
  index: number;
  task: Task;
}

interface Reply {
  index: number;
  outcome: Outcome;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the tasks on up to `jobs` threads and hands the outcomes over in order. This thread takes
 * tasks too, one per event-loop turn so that the workers' replies are still received: it starts
 * at once while the workers boot, so a batch never waits on a worker that has not started.
 *
 * A worker that dies (an uncaught exception, running out of memory, an exit) costs only the task
 * it was reading, which becomes a problem outcome; the threads left, this one at least, read the
 * rest. It is not replaced: a worker that cannot live would only die again on the next task.
 */
export async function runTasks(tasks: readonly Task[], options: PoolOptions): Promise<void> {
  const run = taskRunner(options.settings);
  const workerCount = tasks.length < MIN_FILES_FOR_WORKERS ? 0 : Math.min(options.jobs, tasks.length) - 1;
  // Finished out of order: held here until every task before them is handed over.
  const waiting = new Map<number, Outcome>();
  let nextOut = 0;
  let nextIn = 0;
  // Set when handing an outcome over failed: nothing more is taken or handed over after that.
  let stopped = false;
  const take = () => (stopped || nextIn >= tasks.length ? undefined : nextIn++);
  const settle = (index: number, outcome: Outcome) => {
    if (stopped) return;
    waiting.set(index, outcome);
    for (let ready = waiting.get(nextOut); ready; ready = waiting.get(nextOut)) {
      waiting.delete(nextOut++);
      options.onOutcome(ready);
    }
  };
  const workers = Array.from({ length: workerCount }, () => new Worker(options.workerUrl, { workerData: options.settings }));
  const served = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        // One task at a time: the one a dying worker takes down with it.
        let current: number | undefined;
        let failure: string | undefined;
        const feed = () => {
          current = take();
          if (current === undefined) return resolve();
          worker.postMessage({ index: current, task: tasks[current] as Task } satisfies Request);
        };
        const lost = (reason: string) => {
          if (current === undefined) return;
          const index = current;
          current = undefined;
          const { path } = tasks[index] as Task;
          settle(index, { problem: `cannot read ${path}: the thread reading it stopped (${reason.split('\n')[0]}), please report it` });
        };
        // An exception in onOutcome is the caller's, and ends the run as it would on this thread.
        const guarded =
          <A extends unknown[]>(handler: (...args: A) => void) =>
          (...args: A) => {
            try {
              handler(...args);
            } catch (error) {
              stopped = true;
              reject(error);
            }
          };
        worker.on(
          'message',
          guarded(({ index, outcome }: Reply) => {
            current = undefined;
            settle(index, outcome);
            feed();
          }),
        );
        // A reply that could not be received: its task is lost, the worker itself lives on.
        worker.on(
          'messageerror',
          guarded((error: Error) => {
            lost(String(error));
            feed();
          }),
        );
        // Always followed by 'exit'.
        worker.on('error', (error) => {
          failure = String(error);
        });
        // Also the terminate() below, once every task was taken: nothing is in flight then.
        worker.on(
          'exit',
          guarded((code: number) => {
            lost(failure ?? `exit code ${code}`);
            resolve();
          }),
        );
        feed();
      }),
  );
  const local = async () => {
    for (let index = take(); index !== undefined; index = take()) {
      // A text is read at once; a PDF is a promise (pdf.js is asynchronous).
      const outcome = run(tasks[index] as Task);
      settle(index, outcome instanceof Promise ? await outcome : outcome);
      if (workers.length > 0) await nextTurn();
    }
  };
  try {
    await Promise.all([local(), ...served]);
  } catch (error) {
    stopped = true;
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The worker side: answers each task with its outcome. */
export function serveTasks(): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks() runs in a worker thread');
  const run = taskRunner(workerData as TaskSettings);
  port.on('message', ({ index, task }: Request) => {
    const outcome = run(task);
    // The runner never rejects; a worker has one task at a time, so a PDF's reply comes before the next request.
    if (outcome instanceof Promise) void outcome.then((ready) => port.postMessage({ index, outcome: ready } satisfies Reply));
    else port.postMessage({ index, outcome } satisfies Reply);
  });
}
