import type { Diagnostic, Severity } from '../../index';
import { countsOf, shownBy, Tally, type FindingsOptions } from './findings';
import type { FindingsFormat } from './format';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message, escaped as the runner reads it back: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: the message's escapes, and `:` and `,`, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** In the order of the text format: by position, findings about the whole report last. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (!a.position || !b.position) return (a.position ? 0 : 1) - (b.position ? 0 : 1);
  return a.position.start.offset - b.position.start.offset;
}

/** `::name key=value,…::message`, the properties in the order given, those undefined left out. */
function command(name: string, properties: ReadonlyArray<[string, string | number | undefined]>, message: string): string {
  const given = properties.filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  const list = given.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${list === '' ? '' : ` ${list}`}::${escapeData(message)}\n`;
}

/**
 * GitHub Actions workflow commands, one per finding shown, in the order of the text format:
 * `::error file=PATH,line=L,col=C,endLine=…,endColumn=…,title=CODE::MESSAGE` (`::warning` for a
 * warning, `::notice` for info), which a workflow step shows as annotations on the file. Lines and
 * columns are the positions' (1-based, UTF-16 code units, end column exclusive), the columns only
 * for a span within one line, as GitHub takes them; a finding about the whole report has only `file`. A pair's findings name last year's report at the end of the
 * message. An unpaired report is a `::notice`; too many warnings for --max-warnings an `::error`
 * without a file. Nothing else is printed, not even a summary.
 */
export function githubFormat(options: FindingsOptions): FindingsFormat {
  const shown = shownBy(options);
  return {
    render({ path, previous, diagnostics }) {
      let output = '';
      for (const diagnostic of diagnostics.filter(shown).sort(byPosition)) {
        const start = diagnostic.position?.start;
        const end = diagnostic.position?.end;
        // GitHub takes columns only for a span within one line.
        const oneLine = start?.line === end?.line;
        const message = previous === undefined ? diagnostic.message : `${diagnostic.message} (compared with ${previous})`;
        output += command(
          COMMANDS[diagnostic.severity],
          [
            ['file', path],
            ['line', start?.line],
            ['col', oneLine ? start?.column : undefined],
            ['endLine', end?.line],
            ['endColumn', oneLine ? end?.column : undefined],
            ['title', diagnostic.code],
          ],
          message,
        );
      }
      return { output, ...countsOf(diagnostics) };
    },
    unpaired({ path, reason }) {
      const output = options.quiet ? '' : command('notice', [['file', path], ['title', 'unpaired']], `not compared: ${reason}`);
      return { output, errors: 0, warnings: 0, unpaired: true };
    },
    printer() {
      const tally = new Tally(options);
      return {
        item(rendered) {
          tally.add(rendered);
          return rendered.output;
        },
        end: () => (tally.tooManyWarnings ? command('error', [['title', 'too many warnings']], tally.tooManyWarningsMessage) : ''),
        get failed() {
          return tally.failed;
        },
      };
    },
  };
}
