import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { CliError, describeFsError } from './problem';

/** The operand that means standard input. */
export const STDIN = '-';

/**
 * Turns the operands into the list of reports to read: files as given (whatever their extension),
 * directories searched recursively for `extensions`, `-` as is. Each directory's files come in
 * sorted order (by code unit, so the order is the same on every machine and locale); operands keep
 * the order they were given in; a path named twice is read once. Hidden entries and
 * node_modules are skipped. Only regular files are read: a FIFO, socket or device under a report
 * name in a directory (itself or the target of a symbolic link) is skipped, and `onSkip` told why.
 *
 * Throws {@link CliError} for an operand that does not exist, is such a special file, or is a
 * directory that cannot be listed.
 */
export function expandInputs(operands: readonly string[], extensions: readonly string[], onSkip: (message: string) => void): string[] {
  const paths: string[] = [];
  for (const operand of operands) {
    if (operand === STDIN) {
      paths.push(operand);
      continue;
    }
    const stats = stat(operand);
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(operand, extensions, { found, seen: new Set(), onSkip });
      paths.push(...found.sort(byCodeUnit));
    } else {
      // Named on purpose, so refused rather than skipped: reading a FIFO would wait for a writer
      // forever, /dev/zero would never end.
      const special = specialKind(stats);
      if (special) {
        throw new CliError(`cannot read ${operand}: ${notRegular(special)}; only regular files are read (- reads standard input)`);
      }
      paths.push(operand);
    }
  }
  return [...new Set(paths)];
}

interface Walk {
  found: string[];
  seen: Set<string>;
  onSkip: (message: string) => void;
}

function walk(dir: string, extensions: readonly string[], state: Walk): void {
  const { seen } = state;
  let names: string[];
  try {
    // A symbolic link back up the tree would otherwise be followed forever.
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    // Sorted here too (the paths found are sorted at the end), so what is skipped is told in a stable order.
    names = readdirSync(dir).sort(byCodeUnit);
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
    if (stats.isDirectory()) {
      walk(path, extensions, state);
      continue;
    }
    // Only a file that would have been read is worth a word; a socket named app.sock is not.
    if (!extensions.includes(extname(name).toLowerCase())) continue;
    const special = specialKind(stats);
    if (special) state.onSkip(`skipping ${path}: ${notRegular(special)}`);
    else state.found.push(path);
  }
}

/**
 * What a path that is neither a regular file nor a directory is (after symbolic links), for a
 * message; undefined for those two.
 */
export function specialKind(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return stats.isFile() || stats.isDirectory() ? undefined : 'an unknown kind of file';
}

export function notRegular(kind: string): string {
  return `not a regular file (${kind})`;
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
