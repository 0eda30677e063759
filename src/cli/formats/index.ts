import type { RunOptions } from '../args';
import { checkFormat } from './check';
import { csvFormat } from './csv';
import type { Format } from './format';
import { jsonFormat, ndjsonFormat } from './json';

/** What decides the output; plain data, since workers get it too. */
export type OutputOptions = Pick<RunOptions, 'command' | 'format' | 'strict' | 'quiet' | 'verbose'> & {
  /** One named input: print its JSON result as is rather than in a list. */
  single: boolean;
  /** Show the source line under each error. */
  frames: boolean;
};

export function formatFor(options: OutputOptions): Format {
  if (options.command === 'check') return checkFormat(options);
  if (options.format === 'csv') return csvFormat();
  if (options.format === 'ndjson') return ndjsonFormat();
  return jsonFormat(options.single);
}
