import { readFileSync } from 'node:fs';
import { parseReport } from '../index';
import { decodeReport } from './decode';
import { formatFor, type OutputOptions } from './formats/index';
import type { Rendered } from './formats/format';
import { CliError, describeFsError } from './problem';

/** One report to read. `bytes` is set when the caller already has them (standard input). */
export interface Task {
  /** The path as shown to the user. */
  path: string;
  bytes?: Uint8Array;
}

/** How every task of a run is read and rendered; plain data, since workers get it too. */
export interface TaskSettings {
  /** A WHATWG encoding label; absent means detect. */
  encoding?: string;
  output: OutputOptions;
}

/** A report's share of the output, or the one-line reason it could not be read. */
export type Outcome = { rendered: Rendered } | { problem: string };

/** Makes the function that reads, decodes, parses and renders one report. */
export function taskRunner(settings: TaskSettings): (task: Task) => Outcome {
  const { render } = formatFor(settings.output);
  return (task) => {
    const { path } = task;
    let text: string;
    try {
      text = decodeReport(task.bytes ?? readFileSync(path), settings.encoding);
    } catch (error) {
      const reason = error instanceof CliError ? error.message : describeFsError(error);
      return { problem: `cannot read ${path}: ${reason}` };
    }
    return { rendered: render({ path, text, result: parseReport(text) }) };
  };
}
