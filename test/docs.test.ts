import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Runs every ```ts example of README.md and docs/: `from 'xxgk-report'` points at the source, and
 * each `expression; //=> value` line checks that the expression equals the value shown. A block
 * preceded by `<!-- skip-test -->` is not run.
 */
const root = join(import.meta.dirname, '..');
const scratch = join(import.meta.dirname, '.docs-examples');

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

interface Example {
  file: string;
  line: number;
  code: string;
}

function examples(file: string): Example[] {
  const found: Example[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] as string)) continue;
    const skipped = i > 0 && /<!--\s*skip-test\s*-->/.test(lines[i - 1] as string);
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] as string)) end++;
    if (!skipped) found.push({ file: relative(root, file), line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

const CLAIM = /^(\s*)(.+?);?\s*\/\/=>\s*(.+)$/;

/** Turns `expr; //=> value` lines into recorded claims, and points the import at the source. */
function instrument(code: string): string {
  const source = join(root, 'src', 'index').replace(/\\/g, '/');
  const pdf = join(root, 'src', 'pdf', 'index').replace(/\\/g, '/');
  const body = code
    .replace(/from\s+['"]xxgk-report['"]/g, `from '${source}'`)
    .replace(/from\s+['"]xxgk-report\/pdf['"]/g, `from '${pdf}'`)
    .split('\n')
    .map((line, i) => {
      const claim = CLAIM.exec(line);
      if (!claim) return line;
      return `${claim[1]}__claims.push({ line: ${i + 1}, actual: (${claim[2]}), expected: (${claim[3]}) });`;
    })
    .join('\n');
  return `export const __claims: { line: number; actual: unknown; expected: unknown }[] = [];\n${body}\n`;
}

const all = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))].flatMap(examples);

describe('examples in the docs run and show true results', () => {
  mkdirSync(scratch, { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds examples to run', () => {
    expect(all.length).toBeGreaterThan(3);
  });

  it.each(all.map((example, i) => [`${example.file}:${example.line}`, example, i] as const))('%s', async (_, example, i) => {
    const path = join(scratch, `example-${i}.ts`);
    writeFileSync(path, instrument(example.code));
    const module = (await import(path)) as { __claims: { line: number; actual: unknown; expected: unknown }[] };
    for (const claim of module.__claims) {
      expect(claim.actual, `${example.file}:${example.line + claim.line - 1}`).toEqual(claim.expected);
    }
  });
});
