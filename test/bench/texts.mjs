// Inputs of the benchmark, shared by run.mjs and the child processes it starts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const corpusDirectory = join(root, 'test', 'fixtures', 'corpus');

/** The corpus reports, with the script their hand-checked expectations state. */
export function corpusReports() {
  return readdirSync(corpusDirectory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(corpusDirectory, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(corpusDirectory, file.replace(/\.txt$/, '.expected.json')), 'utf8'));
      return { name: file.replace(/\.txt$/, ''), text, bytes: Buffer.byteLength(text), script: expected.meta.script };
    });
}

/**
 * The corpus reports repeated, cut at a line break so that the text is as close to `bytes` UTF-8
 * bytes as whole lines allow. Every report appears in turn, the traditional one included.
 */
export function corpusOfSize(bytes) {
  const lines = corpusReports()
    .map((report) => report.text)
    .join('\n')
    .split('\n');
  const widths = lines.map((line) => Buffer.byteLength(line) + 1);
  const chosen = [];
  let size = 0;
  for (let i = 0; ; i = (i + 1) % lines.length) {
    if (size + widths[i] > bytes && chosen.length > 0) break;
    chosen.push(lines[i]);
    size += widths[i];
  }
  return chosen.join('\n');
}

const NUMBER = /\d+/g;

/**
 * The floor a line-oriented parser is compared with: split into lines, then one `/\d+/g` exec
 * loop per line. It reads every character once and allocates one string per line, as any parser
 * of this format must.
 */
export function floor(text) {
  let found = 0;
  for (const line of text.split('\n')) {
    NUMBER.lastIndex = 0;
    while (NUMBER.exec(line) !== null) found++;
  }
  return found;
}
