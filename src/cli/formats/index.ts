import type { Locale, Report } from '../../index';
import type { RunOptions } from '../args';
import { csvFormat } from './csv';
import type { FindingsOptions } from './findings';
import { findingsJsonFormat } from './findings-json';
import { plain, type FindingsFormat, type Format } from './format';
import { githubFormat } from './github';
import { htmlFormat } from './html';
import { jsonFormat, ndjsonFormat } from './json';
import { sarifFormat } from './sarif';
import { textFormat } from './text';

/** What decides the output; plain data, since workers get it too. */
export type OutputOptions = Pick<RunOptions, 'command' | 'format' | 'strict' | 'quiet' | 'verbose' | 'maxWarnings'> &
  Partial<Pick<RunOptions, 'positions' | 'headers' | 'out'>> & {
    /** One named input: print its JSON result as is rather than in a list. */
    single: boolean;
    /** Show the source line under each error. */
    frames: boolean;
    /** Colour the findings. */
    color?: boolean;
    /** The language of the visual report's own words. */
    locale?: Locale;
  };

/** The format `check` and `compare` print their findings in. */
export function findingsFormat(options: OutputOptions): FindingsFormat {
  const findings: FindingsOptions = { ...options, command: options.command === 'parse' ? 'check' : options.command };
  if (options.format === 'json') return findingsJsonFormat(findings);
  if (options.format === 'sarif') return sarifFormat(findings);
  if (options.format === 'github') return githubFormat(findings);
  return textFormat(findings);
}

/**
 * What `compare` and `sum` need of a report, to pair and compare it (or sum it) in the main thread: its path, the
 * report, and its text when code frames are shown, as JSON (see {@link Collected}).
 */
export interface Collected {
  path: string;
  report: Report;
  text?: string;
}

export function formatFor(options: OutputOptions): Format {
  if (options.command === 'check' && options.format === 'html') return htmlFormat({ ...options, command: 'check' });
  if (options.command === 'check') {
    const findings = findingsFormat(options);
    return {
      render: ({ path, text, result }) => findings.render({ path, source: text, diagnostics: result.diagnostics }),
      printer: () => findings.printer(),
    };
  }
  if (options.command === 'compare' || options.command === 'sum') {
    const withText = options.frames && options.format === 'text';
    return {
      render: ({ path, text, result: { report } }) => plain(JSON.stringify({ path, report, ...(withText && { text }) } satisfies Collected)),
      // compare and sum print through findingsFormat once every report is in.
      printer: () => findingsFormat(options).printer(),
    };
  }
  const positions = options.positions ?? true;
  if (options.format === 'csv') return csvFormat(options.headers);
  if (options.format === 'ndjson') return ndjsonFormat(positions);
  return jsonFormat(options.single, positions);
}
