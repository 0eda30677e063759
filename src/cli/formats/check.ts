import type { Diagnostic } from '../../index';
import { codeFrame } from './frame';
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

function byPosition(a: Diagnostic, b: Diagnostic): number {
  // Findings without a position are about the whole report: after the located ones.
  if (!a.position || !b.position) return (a.position ? 0 : 1) - (b.position ? 0 : 1);
  return a.position.start.offset - b.position.start.offset;
}

/**
 * `path:line:column  severity  code  message`, the shape editors and CI annotators already turn
 * into links; a finding without a position gives just the path.
 */
function findingLine(path: string, diagnostic: Diagnostic): string {
  const start = diagnostic.position?.start;
  const where = start ? `${path}:${start.line}:${start.column}` : path;
  // One finding, one line: a message with a line break would split it for grep and annotators.
  // The lookbehind starts a match only where a run of whitespace starts; without it a long run
  // with no line break in it (a quoted cell) is rescanned from each of its positions.
  return `${where}  ${diagnostic.severity}  ${diagnostic.code}  ${diagnostic.message.replace(/(?<!\s)\s*[\r\n]\s*/g, ' ')}`;
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
      let output = '';
      let errors = 0;
      let warnings = 0;
      for (const diagnostic of [...result.diagnostics].sort(byPosition)) {
        if (diagnostic.severity === 'error') errors++;
        if (diagnostic.severity === 'warning') warnings++;
        if (!shown(diagnostic)) continue;
        output += `${findingLine(path, diagnostic)}\n`;
        if (options.frames && diagnostic.severity === 'error' && diagnostic.position) {
          output += `${codeFrame(text, diagnostic.position)}\n`;
        }
      }
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
