import type { ParseResult } from '../../index';

/** A report that was read. */
export interface ReadReport {
  /** The path as shown to the user. */
  path: string;
  text: string;
  result: ParseResult;
}

/** One report's share of the output, and the counts a run's outcome depends on. */
export interface Rendered {
  output: string;
  errors: number;
  warnings: number;
}

/** The output around and between the reports, made in the main thread in input order. */
export interface Printer {
  item(rendered: Rendered): string;
  /** Called once, after the last report. */
  end(): string;
  /** Whether the run fails (only `check` fails). */
  readonly failed: boolean;
}

/**
 * An output format, in two halves. `render` turns one report into text where it was parsed,
 * which in a batch is a worker: a string crosses threads far more cheaply than a cloned AST, and
 * the serialising is spread over the cores too. `printer` joins the pieces in order.
 */
export interface Format {
  render(read: ReadReport): Rendered;
  printer(): Printer;
}

/** Output that counts no findings (only `check` counts them). */
export function plain(output: string): Rendered {
  return { output, errors: 0, warnings: 0 };
}

/** A printer that adds nothing between reports. */
export function concatenate(): Printer {
  return { item: (rendered) => rendered.output, end: () => '', failed: false };
}
