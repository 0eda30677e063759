import { countsOf, shownBy, Tally, type FindingsOptions } from './findings';
import type { FindingsFormat } from './format';

/** `JSON.stringify(value, null, 2)` as it reads `depth` levels down a document. */
function indented(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  // JSON.stringify escapes line breaks inside strings, so every \n here is layout, safe to indent.
  return `${pad}${JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`)}`;
}

/**
 * One JSON document: check `{ files: [{ path, errors, warnings, diagnostics }], errors,
 * warnings }`; compare `{ pairs: [{ previous, current, errors, warnings, diagnostics }],
 * unpaired: [{ path, agency, year, reason }], errors, warnings }`. `errors` and `warnings` count
 * every finding, `diagnostics` holds those shown (as for text: errors and warnings, info with
 * --verbose, only what fails with --quiet). Printed entry by entry, yet byte-identical to
 * `JSON.stringify(document, null, 2)`.
 */
export function findingsJsonFormat(options: FindingsOptions): FindingsFormat {
  const shown = shownBy(options);
  const key = options.command === 'compare' ? 'pairs' : 'files';
  return {
    render({ path, previous, diagnostics }) {
      const counts = countsOf(diagnostics);
      const where = previous === undefined ? { path } : { previous, current: path };
      return { output: indented({ ...where, ...counts, diagnostics: diagnostics.filter(shown) }, 2), ...counts };
    },
    unpaired(entry) {
      // Held by the printer until the end: the list comes after the pairs.
      return { output: JSON.stringify(entry), errors: 0, warnings: 0, unpaired: true };
    },
    printer() {
      const tally = new Tally(options);
      const unpaired: unknown[] = [];
      return {
        item(rendered) {
          tally.add(rendered);
          if (rendered.unpaired) {
            unpaired.push(JSON.parse(rendered.output));
            return '';
          }
          return `${tally.units === 1 ? `{\n  "${key}": [\n` : ',\n'}${rendered.output}`;
        },
        end() {
          const rest = { ...(options.command === 'compare' && { unpaired }), errors: tally.errors, warnings: tally.warnings };
          // The rest of the document's members, without its opening brace.
          const tail = JSON.stringify(rest, null, 2).slice(2);
          return `${tally.units === 0 ? `{\n  "${key}": [],\n` : '\n  ],\n'}${tail}\n`;
        },
        get failed() {
          return tally.failed;
        },
      };
    },
  };
}
