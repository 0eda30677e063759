import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../src/index';
import { parseResultSchema } from '../src/schema/index';
import { builtPackage, repo, runCli } from './helpers/cli';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(parseResultSchema());
const errors = () => (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);

/** Every report text the tests keep, as a path under test/fixtures/. */
const fixtures = ['corpus', 'real', 'cli']
  .flatMap((dir) => readdirSync(join(repo, 'test/fixtures', dir)).filter((name) => /\.(txt|md)$/.test(name) && name !== 'README.md').map((name) => `test/fixtures/${dir}/${name}`));

describe('the JSON Schema of ParseResult', () => {
  it.each(fixtures)('holds for %s as parsed', (path) => {
    const result = JSON.parse(JSON.stringify(parseReport(readFileSync(join(repo, path), 'utf8'))));
    expect(validate(result), errors().join('\n')).toBe(true);
  });

  it('rejects what the format does not have: a row key, a column key, a cell state', () => {
    const result = JSON.parse(JSON.stringify(parseReport(readFileSync(join(repo, fixtures[0] as string), 'utf8'))));
    const rows = result.report.tables.applications.rows;
    const wrongRow = structuredClone(result);
    wrongRow.report.tables.applications.rows.newRecieved = rows.newReceived;
    expect(validate(wrongRow)).toBe(false);
    const wrongColumn = structuredClone(result);
    wrongColumn.report.tables.applications.rows.newReceived.naturalPersons = rows.newReceived.naturalPerson;
    expect(validate(wrongColumn)).toBe(false);
    const wrongState = structuredClone(result);
    wrongState.report.tables.applications.rows.newReceived.total.state = 'zero';
    expect(validate(wrongState)).toBe(false);
  });
});

describe('the CLI', () => {
  let root: string;
  beforeAll(async () => {
    root = await builtPackage();
  });

  it('ships the schema the library makes, as xxgk-report/schema.json', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.exports['./schema.json']).toBe('./dist/schema.json');
    expect(JSON.parse(readFileSync(join(root, 'dist/schema.json'), 'utf8'))).toEqual(parseResultSchema());
  });

  it('prints JSON and NDJSON the schema holds for, for every fixture', () => {
    const list = runCli(root, ['parse', 'test/fixtures/corpus', 'test/fixtures/real']);
    const parsed = JSON.parse(list.stdout) as unknown[];
    expect(parsed.length).toBeGreaterThan(15);
    for (const item of parsed) expect(validate(item), errors().join('\n')).toBe(true);
    const lines = runCli(root, ['parse', '--format', 'ndjson', 'test/fixtures/cli']).stdout.trim().split('\n');
    for (const line of lines) expect(validate(JSON.parse(line)), errors().join('\n')).toBe(true);
    const single = runCli(root, ['parse', 'test/fixtures/corpus/000_ec7f0e0f1bb37103.txt']);
    expect(validate(JSON.parse(single.stdout)), errors().join('\n')).toBe(true);
  });
});
