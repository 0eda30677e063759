import { concatenate, plain, type Format, type ReadReport } from './format';

const withPath = ({ path, result }: ReadReport) => ({ path, ...result });

/**
 * JSON. `single`: the one report's ParseResult as is. Otherwise an array of `{ path, ...result }`,
 * printed element by element yet byte-identical to `JSON.stringify(array, null, 2)`.
 */
export function jsonFormat(single: boolean): Format {
  if (single) {
    return { render: ({ result }) => plain(`${JSON.stringify(result, null, 2)}\n`), printer: () => concatenate() };
  }
  return {
    // JSON.stringify escapes line breaks inside strings, so every \n here is layout, safe to indent.
    render: (read) => plain(`  ${JSON.stringify(withPath(read), null, 2).replaceAll('\n', '\n  ')}`),
    printer() {
      let count = 0;
      return {
        failed: false,
        item: ({ output }) => `${count++ === 0 ? '[\n' : ',\n'}${output}`,
        end: () => (count === 0 ? '[]\n' : '\n]\n'),
      };
    },
  };
}

/** NDJSON: one `{ path, ...result }` per line. */
export function ndjsonFormat(): Format {
  return { render: (read) => plain(`${JSON.stringify(withPath(read))}\n`), printer: () => concatenate() };
}
