import type { Diagnostic, ParseResult } from '../../index';

/** A report that was read. */
export interface ReadReport {
  /** The path as shown to the user. */
  path: string;
  text: string;
  result: ParseResult;
  /** check --format html --out: where its page goes, relative to the output directory (with `/`). */
  page?: string;
}

/** One report's (or pair's) share of the output, and the counts a run's outcome depends on. */
export interface Rendered {
  output: string;
  errors: number;
  warnings: number;
  /** Set for a report `compare` found no pair for: not a report or pair compared, so not counted as one. */
  unpaired?: true;
}

/** The output around and between the reports, made in the main thread in input order. */
export interface Printer {
  item(rendered: Rendered): string;
  /** Called once, after the last report. */
  end(): string;
  /**
   * Told each input problem (a file that could not be read, already said on stderr), for a format
   * that records them in its document; returns what to print then (usually nothing).
   */
  problem?(message: string): string;
  /** Whether the run fails (only `check` and `compare` fail). */
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

/** What `check` and `compare` print: the findings of one report, or of one pair of reports. */
export interface Findings {
  /** Where the positions point: the report checked, or the later report of a pair. */
  path: string;
  /** compare: the earlier report of the pair (last year's). */
  previous?: string;
  /** The text `path` was read from, for code frames. */
  source?: string;
  /** Every finding: the counts take them all; what is shown depends on the options. */
  diagnostics: readonly Diagnostic[];
}

/** A report `compare` could not pair with the same agency's report of the year before or after. */
export interface Unpaired {
  path: string;
  agency: string | null;
  year: number | null;
  /** Why, as a clause: `no report of 渠县 for 2021 or 2023`. */
  reason: string;
}

/** A format of findings: `check` renders them in the worker that read the report, `compare` here. */
export interface FindingsFormat {
  render(findings: Findings): Rendered;
  unpaired(entry: Unpaired): Rendered;
  printer(): Printer;
}

/** Output that counts no findings (only `check` and `compare` count them). */
export function plain(output: string): Rendered {
  return { output, errors: 0, warnings: 0 };
}

/** A printer that adds nothing between reports. */
export function concatenate(): Printer {
  return { item: (rendered) => rendered.output, end: () => '', failed: false };
}
