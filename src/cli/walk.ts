import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CliError, describeFsError } from './problem';

/** The operand that means standard input. */
export const STDIN = '-';

/**
 * Turns the operands into the list of reports to read: files as given (whatever their extension),
 * directories searched recursively for `extensions`, `-` as is. Each directory's files come in
 * sorted order (by code unit, so the order is the same on every machine and locale); operands keep
 * the order they were given in; a path named twice is read once. Hidden entries and
 * node_modules are skipped.
 *
 * Throws {@link CliError} for an operand that does not exist or a directory that cannot be listed.
 */
export function expandInputs(operands: readonly string[], extensions: readonly string[]): string[] {
  const paths: string[] = [];
  for (const operand of operands) {
    if (operand === STDIN) {
      paths.push(operand);
      continue;
    }
    if (stat(operand).isDirectory()) {
      const found: string[] = [];
      walk(operand, extensions, found, new Set());
      paths.push(...found.sort(byCodeUnit));
    } else {
      paths.push(operand);
    }
  }
  return [...new Set(paths)];
}

function walk(dir: string, extensions: readonly string[], found: string[], seen: Set<string>): void {
  let names: string[];
  try {
    // A symbolic link back up the tree would otherwise be followed forever.
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = readdirSync(dir);
  } catch (error) {
    throw new CliError(`cannot read ${dir}: ${describeFsError(error)}`);
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      // Only a dangling or looping symbolic link fails here (the directory itself was listed):
      // it leads to no report.
      continue;
    }
    if (stats.isDirectory()) walk(path, extensions, found, seen);
    else if (extensions.includes(extname(name).toLowerCase())) found.push(path);
  }
}

function stat(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
