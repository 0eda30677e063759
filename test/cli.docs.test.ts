import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, clean, corpus, repo, tempDir } from './helpers/cli';

const doc = readFileSync(join(repo, 'docs/cli.md'), 'utf8');
const SCRIPT = '// scripts/check-reports.mjs';

/** The recipe's script, and the lines of output the doc shows for it on the sample reports. */
function recipe(): { script: string; shown: string[] } {
  const script = new RegExp(`\`\`\`js\\n(${SCRIPT}[^]*?)\`\`\`\\n`).exec(doc);
  if (!script) throw new Error(`docs/cli.md has no \`\`\`js block starting with ${SCRIPT}`);
  const after = doc.slice(script.index + script[0].length);
  const shown = /```console\n\$ node scripts\/check-reports\.mjs test\/fixtures\/corpus\n([^]*?)\$ echo \$\?\n1\n```/.exec(after);
  if (!shown) throw new Error('docs/cli.md does not show the recipe run on test/fixtures/corpus');
  return { script: script[1] as string, shown: (shown[1] as string).trimEnd().split('\n') };
}

describe('the build-script recipe in docs/cli.md', () => {
  let run: (folder: string) => SpawnSyncReturns<string>;
  beforeAll(async () => {
    const root = await builtPackage();
    // Inside the built package, `import 'xxgk-report'` resolves to it, as in a project that
    // installed it.
    const path = join(root, `check-reports-${process.pid}.mjs`);
    writeFileSync(path, recipe().script);
    run = (folder) => spawnSync(process.execPath, [path, folder], { cwd: repo, encoding: 'utf8' });
  });

  test('fails on the sample reports with the findings the doc shows', () => {
    const result = run(corpus);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    // Compared up to the code: the doc stays true while messages are reworded.
    const upToCode = (line: string) => line.split('  ').slice(0, 2).join('  ');
    expect(result.stderr.trimEnd().split('\n').map(upToCode)).toEqual(recipe().shown.map(upToCode));
  });

  test('passes a folder whose reports add up', () => {
    const folder = tempDir();
    copyFileSync(clean, join(folder, 'report.txt'));
    const result = run(folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the console examples of docs/cli.md', () => {
  /** Each `$ npx xxgk-report …` run without a pipe or redirection, what the doc shows it print, and the status after it. */
  const runs = [...doc.matchAll(/```console\n([^]*?)```/g)].flatMap((block) => {
    const all: Array<{ command: string; shown: string[]; status?: number }> = [];
    let echo = false;
    for (const line of (block[1] as string).trimEnd().split('\n')) {
      if (line === '$ echo $?') echo = true;
      else if (line.startsWith('$ ')) {
        echo = false;
        all.push({ command: line.slice(2), shown: [] });
      } else if (echo) {
        const last = all.at(-1);
        if (last) last.status = Number(line);
      } else all.at(-1)?.shown.push(line);
    }
    return all.filter(
      ({ command, shown }) =>
        command.startsWith('npx xxgk-report ') &&
        !/[|>]/.test(command) &&
        // Output cut short (`…`) is an illustration, not a run.
        !shown.includes('…') &&
        // A run with code frames was made on a terminal.
        !shown.some((line) => /^ +\d* \| /.test(line)),
    );
  });
  let root: string;
  beforeAll(async () => {
    root = await builtPackage();
  });

  test('there are some', () => {
    expect(runs.length).toBeGreaterThan(10);
  });

  // Compared up to the code, as above: the doc stays true while messages are reworded.
  const upToCode = (line: string) => line.split('  ').slice(0, 3).join('  ');
  test.each(runs.map((run) => [run.command, run] as const))('%s', (_, { command, shown, status }) => {
    const args = command.slice('npx xxgk-report '.length).split(' ');
    const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    const printed = `${run.stderr}${run.stdout}`.trimEnd().split('\n').filter((line) => line !== '');
    expect(printed.map(upToCode)).toEqual(shown.map(upToCode));
    if (status !== undefined) expect(run.status).toBe(status);
  });
});
