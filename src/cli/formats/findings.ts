import type { Diagnostic } from '../../index';
import type { Rendered } from './format';

/** What decides which findings are shown and whether the run fails. */
export interface FindingsOptions {
  command: 'check' | 'compare' | 'sum';
  /** Warnings fail the run too. */
  strict: boolean;
  /** Print only the findings that fail the run. */
  quiet: boolean;
  /** Print info findings too. */
  verbose: boolean;
  /** More warnings than this, in all, fail the run. */
  maxWarnings?: number;
  /** Print the source line under each error (for a terminal, where a person reads it). */
  frames: boolean;
  /** Colour the severities and codes (ANSI escapes). */
  color?: boolean;
}

/** The findings a run with these options shows. */
export function shownBy(options: FindingsOptions): (diagnostic: Diagnostic) => boolean {
  const fails = (d: Diagnostic) => d.severity === 'error' || (options.strict && d.severity === 'warning');
  return (d) => (options.quiet ? fails(d) : d.severity !== 'info' || options.verbose);
}

/** How many errors and warnings there are among `diagnostics`, shown or not. */
export function countsOf(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    if (diagnostic.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The counts of a run, as its printer adds them up, and whether they fail it. */
export class Tally {
  /** Reports checked, or pairs compared. */
  units = 0;
  unpaired = 0;
  errors = 0;
  warnings = 0;

  constructor(private readonly options: FindingsOptions) {}

  add(rendered: Rendered): void {
    if (rendered.unpaired) this.unpaired++;
    else this.units++;
    this.errors += rendered.errors;
    this.warnings += rendered.warnings;
  }

  /** Whether there are more warnings than --max-warnings allows. */
  get tooManyWarnings(): boolean {
    return this.options.maxWarnings !== undefined && this.warnings > this.options.maxWarnings;
  }

  get failed(): boolean {
    return this.errors > 0 || (this.options.strict && this.warnings > 0) || this.tooManyWarnings;
  }

  /** What the summary says when --max-warnings fails the run: `23 warnings, more than --max-warnings 10`. */
  get tooManyWarningsMessage(): string {
    return `${plural(this.warnings, 'warning')}, more than --max-warnings ${this.options.maxWarnings}`;
  }
}
