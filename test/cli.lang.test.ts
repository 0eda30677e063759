import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtPackage, damaged, repo, runCli } from './helpers/cli';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
});

/** The messages of `check --format json`, one per finding. */
function messages(stdout: string): string[] {
  const { files } = JSON.parse(stdout) as { files: { diagnostics: { message: string }[] }[] };
  return files.flatMap((file) => file.diagnostics.map((d) => d.message));
}

/** The CLI with these locale variables, and nothing else of the shell's. */
function withEnv(env: Record<string, string>, args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const chinese = (message: string) => /[\u4e00-\u9fff]/.test(message) && !/\b(?:cannot|not|the|and|row|cells?)\b/.test(message.replace(/`[^`]*`/g, ''));

describe('--lang', () => {
  test('zh writes every message in Chinese; en in English; the codes are the same', () => {
    const zh = runCli(root, ['check', '--format', 'json', '--lang', 'zh', damaged]);
    const en = runCli(root, ['check', '--format', 'json', '--lang', 'en', damaged]);
    expect(zh.status).toBe(en.status);
    const [zhMessages, enMessages] = [messages(zh.stdout), messages(en.stdout)];
    expect(zhMessages.length).toBeGreaterThan(0);
    expect(zhMessages.length).toBe(enMessages.length);
    expect(zhMessages.filter((message) => !chinese(message))).toEqual([]);
    expect(enMessages.filter(chinese)).toEqual([]);
  });

  test('without it, the language comes from LC_ALL, LC_MESSAGES or LANG', () => {
    const json = ['check', '--format', 'json', damaged];
    expect(messages(withEnv({ LANG: 'zh_CN.UTF-8' }, json).stdout).every(chinese)).toBe(true);
    expect(messages(withEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, json).stdout).some(chinese)).toBe(false);
    expect(messages(withEnv({ LC_MESSAGES: 'zh_TW' }, json).stdout).every(chinese)).toBe(true);
    expect(messages(withEnv({}, json).stdout).some(chinese)).toBe(false);
    // --lang wins over the environment.
    expect(messages(withEnv({ LANG: 'zh_CN.UTF-8' }, [...json.slice(0, 3), '--lang', 'en', damaged]).stdout).some(chinese)).toBe(false);
  });

  test('an unknown language is a usage error', () => {
    const run = runCli(root, ['check', '--lang', 'fr', damaged]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown language "fr": use zh or en/);
  });
});
