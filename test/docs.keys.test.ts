import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION, SECTIONS } from '../grammar/index';

// The AST reference lists every public key: when grammar/ gains one, the docs must say so.
const ast = readFileSync(join(import.meta.dirname, '..', 'docs', 'ast.md'), 'utf8');

const keys = [
  ...SECTIONS.map((s) => s.key),
  ...[ACTIVE_DISCLOSURE_2021, ACTIVE_DISCLOSURE_2019].flatMap((t) => [...t.rows.map((r) => r.key), ...t.columns.map((c) => c.key)]),
  ...APPLICATIONS.rows.map((r) => r.key),
  ...APPLICATIONS.groups.map((g) => g.key),
  ...APPLICATIONS.columns.map((c) => c.key),
  ...APPLICATIONS.optionalColumns.map((c) => c.key),
  ...REVIEW_LITIGATION.rows.map((r) => r.key),
  ...REVIEW_LITIGATION.columns.map((c) => c.key),
];

describe('docs/ast.md', () => {
  it.each([...new Set(keys)])('documents the key %s', (key) => {
    expect(ast).toContain(`\`${key}\``);
  });
});
