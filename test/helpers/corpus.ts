import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The hand-checked expectations stored next to each corpus report. */
export interface Expected {
  meta: Record<string, unknown>;
  tables: Record<string, Record<string, Record<string, number | null>>>;
  recovered: { table: string; row: string; column: string; raw: string; line: number }[];
  damaged: { table: string; line: number; label: string | null; values: number; expected: number }[];
}

export interface CorpusReport {
  name: string;
  text: string;
  expected: Expected;
}

const directory = join(import.meta.dirname, '..', 'fixtures', 'corpus');

/** The five corpus reports with their golden expectations. */
export function corpus(): CorpusReport[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return {
        name,
        text: readFileSync(join(directory, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(directory, `${name}.expected.json`), 'utf8')) as Expected,
      };
    });
}

/** One corpus report by its number, e.g. `003`. */
export function corpusReport(number: string): CorpusReport {
  const found = corpus().find((report) => report.name.startsWith(number));
  if (!found) throw new Error(`no corpus report ${number}`);
  return found;
}
