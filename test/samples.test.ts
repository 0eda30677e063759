import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { repo } from './helpers/cli';

/** samples/README.md's table: each shipped sample and the fixture it is a copy of. */
const listed = [...readFileSync(join(repo, 'samples/README.md'), 'utf8').matchAll(/^\| `([^`]+)` \|.*\| `(test\/fixtures\/[^`]+)` \|$/gm)].map(
  (row) => ({ sample: row[1] as string, fixture: row[2] as string }),
);

describe('the sample reports shipped in the package', () => {
  test('samples/README.md lists every file of samples/, and only those', () => {
    const files = readdirSync(join(repo, 'samples')).filter((name) => name !== 'README.md');
    expect(listed.map((row) => row.sample).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThan(3);
  });

  test.each(listed.map((row) => [row.sample, row] as const))('%s is its fixture byte for byte', (_, { sample, fixture }) => {
    expect(readFileSync(join(repo, 'samples', sample)).equals(readFileSync(join(repo, fixture)))).toBe(true);
  });

  test('xxgk-report/samples/<file> resolves to the file, from ESM and CommonJS alike', () => {
    // A self-reference, resolved as from a file inside the package.
    const require = createRequire(join(repo, 'test', 'x.js'));
    expect(require.resolve('xxgk-report/samples/luzhou-2022.txt')).toBe(join(repo, 'samples/luzhou-2022.txt'));
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('xxgk-report/samples/luzhou-2022.txt'))"], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(esm.trim()).toBe(pathToFileURL(join(repo, 'samples/luzhou-2022.txt')).href);
  });
});
