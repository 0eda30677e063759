#!/usr/bin/env node
// Prints what xxgk-report reads from a report: its metadata, the three tables and every finding.
// Usage: node summary.mjs [report.txt]   (with xxgk-report installed; in its repository, after `npm run build`)
// Without a file it reads gangcha-2022.txt, a damaged sample report shipped with the package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseReport } from 'xxgk-report';

const path = process.argv[2] ?? createRequire(import.meta.url).resolve('xxgk-report/samples/gangcha-2022.txt');
const { report, diagnostics } = parseReport(readFileSync(path, 'utf8'));
const { meta } = report;

console.log(`${meta.title ?? '(no title)'}`);
console.log(`agency ${meta.agency ?? '?'} · year ${meta.year ?? '?'} · format ${meta.formatVersion} · ${meta.script}`);
if (meta.period) console.log(`period ${meta.period.start} – ${meta.period.end}`);

for (const table of Object.values(report.tables)) {
  console.log(`\n${table.key} (${table.layout} layout)`);
  const widths = table.columns.map((c) => Math.max(c.length, 8) + 1);
  console.log(`  ${''.padEnd(26)}${table.columns.map((c, i) => c.padStart(widths[i])).join('')}`);
  for (const [key, row] of Object.entries(table.rows)) {
    const cells = table.columns.map((c, i) => String(row[c] ? (row[c].value ?? '·') : '').padStart(widths[i]));
    console.log(`  ${key.padEnd(26)}${cells.join('')}`);
  }
  for (const row of table.unassigned) {
    console.log(`  line ${row.position.start.line}: ${row.values.length} values not assigned (${row.reason})`);
  }
}

const shown = diagnostics.filter((d) => d.severity !== 'info');
console.log(`\n${shown.length} finding${shown.length === 1 ? '' : 's'}:`);
for (const d of shown) {
  const at = d.position ? `${d.position.start.line}:${d.position.start.column}` : '-';
  console.log(`  ${at.padEnd(7)} ${d.severity.padEnd(7)} ${d.code}  ${d.message}`);
}
