import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IDENTITIES, NARRATIVE_FACTS } from '../grammar/index';
import { CHECK_CODES, PARSE_CODES } from '../src/index';

const DOCS = readFileSync(new URL('../docs/diagnostics.md', import.meta.url), 'utf8');
/** The codes of the table in docs/diagnostics.md, with the severity it gives each. */
const documented = new Map(
  [...DOCS.matchAll(/^\| `([a-z0-9-]+\/[a-z0-9-]+)` \| (error|warning|info) \|/gm)].map((row) => [row[1] as string, row[2] as string]),
);

describe('diagnostic codes', () => {
  it('has a checker code for every identity and narrative fact of grammar/', () => {
    for (const identity of IDENTITIES) expect(CHECK_CODES[`arithmetic/${identity.id}`]).toBe('error');
    for (const fact of NARRATIVE_FACTS) expect(CHECK_CODES[`narrative/${fact.id}`]).toBe('warning');
  });

  it('documents every code, parse and check, once, with its severity', () => {
    const all = { ...PARSE_CODES, ...CHECK_CODES };
    expect(Object.fromEntries(documented)).toEqual(all);
    expect([...DOCS.matchAll(/^\| `[a-z0-9-]+\/[a-z0-9-]+` \|/gm)]).toHaveLength(Object.keys(all).length);
  });
});
