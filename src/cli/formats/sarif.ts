import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { CHECK_CODES, PARSE_CODES, type Diagnostic, type Severity } from '../../index';
import { countsOf, shownBy, Tally, type FindingsOptions } from './findings';
import type { FindingsFormat } from './format';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SEVERITIES = { error: 'error', warning: 'warning', note: 'info' } as const satisfies Record<string, Severity>;
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/xxgk-report';

/**
 * A path as a SARIF artifact URI: relative to the working directory, with `/` between its
 * segments and each segment percent-encoded (`<stdin>` is `%3Cstdin%3E`, Chinese names are
 * UTF-8 escapes). A file outside the working directory gets its absolute `file:` URL.
 */
export function artifactUri(path: string): string {
  const full = resolve(path);
  const inside = relative(process.cwd(), full);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return pathToFileURL(full).href;
  return inside.split(sep).map(encodeURIComponent).join('/');
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
  message?: { text: string };
}

/** Where a finding is: its report, and with a position, its region (columns as the positions count them). */
function locationOf(uri: string, diagnostic: Diagnostic | undefined): SarifLocation {
  const position = diagnostic?.position;
  if (!position) return { physicalLocation: { artifactLocation: { uri } } };
  const { start, end } = position;
  return {
    physicalLocation: {
      artifactLocation: { uri },
      region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
    },
  };
}

/** The severity a code is registered with (docs/diagnostics.md), or `fallback` for one not in the lists. */
function registered(code: string, fallback: Severity): Severity {
  return (PARSE_CODES as Record<string, Severity>)[code] ?? (CHECK_CODES as Record<string, Severity>)[code] ?? fallback;
}

/**
 * SARIF 2.1.0: one run whose tool lists a rule per code the results use, with the code's
 * registered severity as its default level, and a result per finding shown (error, warning, or
 * note for info). Regions are 1-based lines and columns counted in UTF-16 code units
 * (`columnKind: 'utf16CodeUnits'`), end column exclusive, as the positions count. A pair's
 * results point into the later report, and name the earlier one as a related location. Input
 * problems and unpaired reports are notifications of the run's invocation.
 */
export function sarifFormat(options: FindingsOptions): FindingsFormat {
  const shown = shownBy(options);
  return {
    render({ path, previous, diagnostics }) {
      const uri = artifactUri(path);
      const related =
        previous === undefined ? undefined : [{ id: 0, ...locationOf(artifactUri(previous), undefined), message: { text: "last year's report" } }];
      const results = diagnostics.filter(shown).map((diagnostic) => ({
        ruleId: diagnostic.code,
        level: LEVELS[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [locationOf(uri, diagnostic)],
        ...(related && { relatedLocations: related }),
      }));
      return { output: JSON.stringify(results), ...countsOf(diagnostics) };
    },
    unpaired({ path, reason }) {
      const notification = { level: 'note', message: { text: `not compared: ${reason}` }, locations: [locationOf(artifactUri(path), undefined)] };
      return { output: JSON.stringify(notification), errors: 0, warnings: 0, unpaired: true };
    },
    printer() {
      const tally = new Tally(options);
      const results: Array<Record<string, unknown>> = [];
      const notifications: unknown[] = [];
      let problems = 0;
      return {
        item(rendered) {
          tally.add(rendered);
          if (rendered.unpaired) notifications.push(JSON.parse(rendered.output));
          else results.push(...(JSON.parse(rendered.output) as Array<Record<string, unknown>>));
          return '';
        },
        problem(message) {
          problems++;
          notifications.push({ level: 'error', message: { text: message } });
          return '';
        },
        end() {
          const rules: Array<{ id: string; defaultConfiguration: { level: unknown } }> = [];
          const index = new Map<string, number>();
          for (const result of results) {
            const id = result.ruleId as string;
            if (!index.has(id)) {
              index.set(id, rules.length);
              const severity = SEVERITIES[result.level as keyof typeof SEVERITIES];
              rules.push({ id, defaultConfiguration: { level: LEVELS[registered(id, severity)] } });
            }
            result.ruleIndex = index.get(id);
          }
          const invocation = { executionSuccessful: problems === 0, ...(notifications.length > 0 && { toolExecutionNotifications: notifications }) };
          const log = {
            version: '2.1.0',
            $schema: SCHEMA,
            runs: [
              {
                tool: { driver: { name: 'xxgk-report', version, informationUri: INFORMATION_URI, rules } },
                invocations: [invocation],
                columnKind: 'utf16CodeUnits',
                results,
              },
            ],
          };
          return `${JSON.stringify(log, null, 2)}\n`;
        },
        get failed() {
          return tally.failed;
        },
      };
    },
  };
}
