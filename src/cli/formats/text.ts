import { formatDiagnostics } from '../../index';
import { countsOf, plural, shownBy, Tally, type FindingsOptions } from './findings';
import type { FindingsFormat } from './format';

/**
 * Findings as people and editors read them: one line per finding, `path:line:column  severity
 * code  message`, report by report in position order, with `path  ok` for a report without any
 * shown (unless quiet); then one summary line. A pair of `compare` is headed by its two paths,
 * `previous → current`, its findings pointing into the current report.
 */
export function textFormat(options: FindingsOptions): FindingsFormat {
  const shown = shownBy(options);
  return {
    render({ path, previous, source, diagnostics }) {
      let output = formatDiagnostics(diagnostics.filter(shown), {
        path,
        ...(source !== undefined && { source }),
        frame: options.frames ? 'errors' : 'none',
        color: options.color === true,
      });
      // Every report (and pair) is named, so one that was skipped is told apart from one that passed.
      const name = previous === undefined ? path : `${previous} → ${path}`;
      if (output === '') output = options.quiet ? '' : `${name}  ok\n`;
      else if (previous !== undefined) output = `${name}\n${output}`;
      return { output, ...countsOf(diagnostics) };
    },
    unpaired({ path, reason }) {
      return { output: options.quiet ? '' : `${path}  unpaired  ${reason}\n`, errors: 0, warnings: 0, unpaired: true };
    },
    printer() {
      const tally = new Tally(options);
      return {
        item(rendered) {
          tally.add(rendered);
          return rendered.output;
        },
        end() {
          const done =
            options.command === 'check'
              ? `${plural(tally.units, 'file')} checked`
              : options.command === 'sum'
                ? `${tally.units === 1 ? '1 summary' : `${tally.units} summaries`} checked against its parts`
                : `${plural(tally.units, 'pair')} compared`;
          const unpaired = tally.unpaired > 0 ? `; ${plural(tally.unpaired, 'report')} unpaired` : '';
          const summary = `${done}: ${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')}${unpaired}\n`;
          return tally.tooManyWarnings ? `${summary}too many warnings: ${tally.tooManyWarningsMessage}\n` : summary;
        },
        get failed() {
          return tally.failed;
        },
      };
    },
  };
}
