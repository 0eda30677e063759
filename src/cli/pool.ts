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
 */
export async function runTasks(tasks: readonly Task[], options: PoolOptions): Promise<void> {
  const run = taskRunner(options.settings);
  const workerCount = tasks.length < MIN_FILES_FOR_WORKERS ? 0 : Math.min(options.jobs, tasks.length) - 1;
  // Finished out of order: held here until every task before them is handed over.
  const waiting = new Map<number, Outcome>();
  let nextOut = 0;
  let nextIn = 0;
  // Set when a thread fails: nothing more is handed over after the error.
  let stopped = false;
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
        const feed = () => {
          if (nextIn >= tasks.length) return resolve();
          const index = nextIn++;
          worker.postMessage({ index, task: tasks[index] as Task } satisfies Request);
        };
        worker.on('message', ({ index, outcome }: Reply) => {
          settle(index, outcome);
          feed();
        });
        worker.on('error', reject);
        // After resolve() this is the terminate() below, and rejecting then changes nothing.
        worker.on('exit', (code) => reject(new Error(`a worker stopped early (exit code ${code})`)));
        feed();
      }),
  );
  const local = async () => {
    while (!stopped && nextIn < tasks.length) {
      const index = nextIn++;
      settle(index, run(tasks[index] as Task));
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
    port.postMessage({ index, outcome: run(task) } satisfies Reply);
  });
}
