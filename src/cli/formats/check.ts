import { formatDiagnostics, type Diagnostic } from '../../index';
import type { Format } from './format';

export interface CheckOptions {
  /** Warnings fail the run too. */
  strict: boolean;
  /** Print only the findings that fail the run. */
  quiet: boolean;
  /** Print info findings too. */
  verbose: boolean;
  /** Print the source line under each error (for a terminal, where a person reads it). */
  frames: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Findings, file by file in position order (`path  ok` for a file without any shown, unless
 * quiet), then one summary line.
 */
export function checkFormat(options: CheckOptions): Format {
  const fails = (d: Diagnostic) => d.severity === 'error' || (options.strict && d.severity === 'warning');
  const shown = (d: Diagnostic) => (options.quiet ? fails(d) : d.severity !== 'info' || options.verbose);
  return {
    render({ path, text, result }) {
      let errors = 0;
      let warnings = 0;
      for (const diagnostic of result.diagnostics) {
        if (diagnostic.severity === 'error') errors++;
        if (diagnostic.severity === 'warning') warnings++;
      }
      let output = formatDiagnostics(result.diagnostics.filter(shown), { path, source: text, frame: options.frames ? 'errors' : 'none' });
      // Every file is named, so a file that was skipped is told apart from one that passed.
      if (output === '' && !options.quiet) output = `${path}  ok\n`;
      return { output, errors, warnings };
    },
    printer() {
      let files = 0;
      let errors = 0;
      let warnings = 0;
      return {
        item(rendered) {
          files++;
          errors += rendered.errors;
          warnings += rendered.warnings;
          return rendered.output;
        },
        end: () => `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
        get failed() {
          return errors > 0 || (options.strict && warnings > 0);
        },
      };
    },
  };
}
