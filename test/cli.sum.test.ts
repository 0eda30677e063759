import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, runCli, tempDir } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

/** A report holding only table 三's first row: `received` requests, all from natural persons. */
const report = (received: number) => `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t${received}\t0\t0\t0\t0\t0\t${received}\n`;

/** A summary of `summary` and a parts/ directory of reports of 3 and 5. */
function reports(summary: number): { summary: string; parts: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'parts'));
  writeFileSync(join(dir, 'summary.txt'), report(summary));
  writeFileSync(join(dir, 'parts/a.txt'), report(3));
  writeFileSync(join(dir, 'parts/b.txt'), report(5));
  return { summary: join(dir, 'summary.txt'), parts: join(dir, 'parts') };
}

describe('sum', () => {
  test('a summary that is not the sum of its parts: hierarchy/sum, exit 1, the parts named by path', () => {
    const { summary, parts } = reports(10);
    const run = runCli(root, ['sum', summary, parts]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split('  ').slice(0, 3).join('  '))).toEqual([
      `${summary}:2:18  error  hierarchy/sum`,
      `${summary}:2:31  error  hierarchy/sum`,
      '1 summary checked against its parts: 2 errors, 0 warnings',
    ]);
    expect(lines[0]).toContain(`the summary has 10, but its 2 parts sum to 8 (${parts}/a.txt 3 + ${parts}/b.txt 5) (difference +2)`);
  });

  test('a summary that is: exit 0', () => {
    const { summary, parts } = reports(8);
    const run = runCli(root, ['sum', summary, parts]);
    expect(run.stdout).toBe(`${summary}  ok\n1 summary checked against its parts: 0 errors, 0 warnings\n`);
    expect(run.status).toBe(0);
  });

  test('parts given as files; the summary in the parts directory is not one of them', () => {
    const { summary, parts } = reports(8);
    expect(runCli(root, ['sum', summary, join(parts, 'a.txt'), join(parts, 'b.txt')]).status).toBe(0);
    expect(runCli(root, ['sum', summary, join(parts, 'a.txt')]).status).toBe(1);
    writeFileSync(join(parts, 'summary.txt'), report(8));
    expect(runCli(root, ['sum', join(parts, 'summary.txt'), parts]).status).toBe(0);
  });

  test('the formats of check: json, sarif, github', () => {
    const { summary, parts } = reports(10);
    const json = runCli(root, ['sum', '-f', 'json', summary, parts]);
    expect(json.status).toBe(1);
    const document = JSON.parse(json.stdout);
    expect(document.errors).toBe(2);
    expect(document.files[0].path).toBe(summary);
    expect(document.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['hierarchy/sum', 'hierarchy/sum']);
    const sarif = runCli(root, ['sum', '-f', 'sarif', summary, parts]);
    expect(sarif.status).toBe(1);
    expect(JSON.parse(sarif.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['hierarchy/sum', 'hierarchy/sum']);
    const github = runCli(root, ['sum', '-f', 'github', summary, parts]);
    expect(github.stdout).toMatch(/^::error file=.*summary\.txt,line=2,col=18,endLine=2,endColumn=\d+,title=hierarchy\/sum::/);
    expect(github.status).toBe(1);
  });

  test('an unreadable part is an input problem, exit 2, and nothing is summed without it', () => {
    const { summary, parts } = reports(10);
    writeFileSync(join(parts, 'c.txt'), new Uint8Array([0, 1, 2]));
    const run = runCli(root, ['sum', summary, parts]);
    expect(run.stderr).toMatch(/^xxgk-report: cannot read .*c\.txt: not text/);
    expect(run.stdout).not.toContain('hierarchy/sum');
    expect(run.status).toBe(2);
  });

  test('usage: a summary and at least one part; the summary is a file', () => {
    const { summary, parts } = reports(8);
    const alone = runCli(root, ['sum', summary]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/sum needs the summary report, then its parts/);
    expect(runCli(root, ['sum', parts, summary]).status).toBe(2);
    const empty = tempDir();
    const none = runCli(root, ['sum', summary, empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^xxgk-report: sum has no parts: no \.txt/);
  });

  test('help: the overview lists sum; sum --help its usage, options and examples', () => {
    const overview = runCli(root, ['--help']).stdout;
    expect(overview).toMatch(/^ {2}sum {2,}\S/m);
    expect(overview).toContain('--out <dir>');
    const help = runCli(root, ['sum', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.startsWith('Usage: xxgk-report sum [options] <summary> ')).toBe(true);
    for (const option of ['--format', '--strict', '--max-warnings', '--quiet', '--color']) expect(help.stdout).toContain(option);
    expect(help.stdout).not.toContain('--headers');
    expect(runCli(root, ['check', '--help']).stdout).toMatch(/--out <dir>/);
  });
});
