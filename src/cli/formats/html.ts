import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderIndex, renderReport, type Diagnostic, type IndexEntry, type Locale, type Report } from '../../index';
import { CliError, describeFsError } from '../problem';
import { countsOf, shownBy, Tally, type FindingsOptions } from './findings';
import type { Format } from './format';

/** What crosses from the thread that read a report to the one that writes the pages, with --out. */
interface Page {
  path: string;
  page: string;
  html: string;
  report: Report;
  diagnostics: Diagnostic[];
}

function write(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}

/** A page's path relative to the index, as a link: each segment percent-encoded. */
const hrefOf = (page: string) => page.split('/').map(encodeURIComponent).join('/');

/**
 * `check --format html`: the library's visual report of each report (renderReport with its
 * findings and its text: the tables with the findings marked, and the source lines beside them),
 * showing the findings check would print (errors and warnings; info with --verbose, only what fails
 * with --quiet). Without `out`, the one report's page is the output. With `out`, each page is
 * written to `<out>/<page>` and the index of them all (renderIndex) to `<out>/index.html`, which is
 * the output too. The run fails as check's does.
 */
export function htmlFormat(options: FindingsOptions & { out?: string; locale?: Locale }): Format {
  const shown = shownBy(options);
  const { out, locale } = options;
  return {
    render({ path, text, result, page }) {
      const diagnostics = result.diagnostics.filter(shown);
      const html = renderReport(result.report, { layout: 'html', diagnostics, text, ...(locale && { locale }) });
      const counts = countsOf(result.diagnostics);
      if (out === undefined) return { output: html, ...counts };
      return { output: JSON.stringify({ path, page: page ?? 'report.html', html, report: result.report, diagnostics } satisfies Page), ...counts };
    },
    printer() {
      const tally = new Tally(options);
      const entries: IndexEntry[] = [];
      return {
        item(rendered) {
          tally.add(rendered);
          if (out === undefined) return rendered.output;
          const { path, page, html, report, diagnostics } = JSON.parse(rendered.output) as Page;
          write(join(out, page), html);
          entries.push({ path, href: hrefOf(page), report, diagnostics });
          return '';
        },
        end() {
          if (out === undefined) return '';
          const index = renderIndex(entries, locale && { locale });
          write(join(out, 'index.html'), index);
          return index;
        },
        get failed() {
          return tally.failed;
        },
      };
    },
  };
}
