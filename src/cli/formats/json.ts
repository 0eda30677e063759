import { concatenate, plain, type Format, type ReadReport } from './format';

const withPath = ({ path, result }: ReadReport) => ({ path, ...result });

/** Leaves out every `position` member, wherever it is (nodes, cells, diagnostics). */
const noPositions = (key: string, value: unknown) => (key === 'position' ? undefined : value);

/**
 * JSON. `single`: the one report's ParseResult as is. Otherwise an array of `{ path, ...result }`,
 * printed element by element yet byte-identical to `JSON.stringify(array, null, 2)`. Without
 * `positions`, the same without any `position` member.
 */
export function jsonFormat(single: boolean, positions = true): Format {
  const replacer = positions ? undefined : noPositions;
  if (single) {
    return { render: ({ result }) => plain(`${JSON.stringify(result, replacer, 2)}\n`), printer: () => concatenate() };
  }
  return {
    // JSON.stringify escapes line breaks inside strings, so every \n here is layout, safe to indent.
    render: (read) => plain(`  ${JSON.stringify(withPath(read), replacer, 2).replaceAll('\n', '\n  ')}`),
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

/** NDJSON: one `{ path, ...result }` per line (without `position` members unless `positions`). */
export function ndjsonFormat(positions = true): Format {
  const replacer = positions ? undefined : noPositions;
  return { render: (read) => plain(`${JSON.stringify(withPath(read), replacer)}\n`), printer: () => concatenate() };
}
