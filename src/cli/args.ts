import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from './problem';

const FORMATS = ['json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Read from directories when no `--ext` is given, and always in addition to it: text, markdown
 * and saved web pages (parseReport reads a page's markup itself).
 */
const DEFAULT_EXTENSIONS = ['.txt', '.md', '.html', '.htm'] as const;

/** `['.a', '.b', '.c']` → `.a, .b and .c` (with `or` for `word`). */
export function listOf(items: readonly string[], word: 'and' | 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/**
 * Files larger than this many megabytes are refused unread. Reports are tens of kilobytes; a file
 * this big is a misplaced dump or log, and reading it whole would only exhaust the memory.
 */
export const DEFAULT_MAX_SIZE_MB = 64;
/** A larger text does not fit in a JavaScript string (V8 caps strings at 2^29 code units). */
const MAX_MAX_SIZE_MB = 256;
/** What --max-size counts in. */
export const MEGABYTE = 1024 * 1024;

/** What a `check` or `parse` run was asked to do. */
export interface RunOptions {
  command: 'check' | 'parse';
  /** Files, directories and `-`, as given. */
  inputs: string[];
  format: Format;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Lower-case, with the dot. */
  extensions: string[];
  /** A WHATWG encoding label; absent means detect. */
  encoding?: string;
  jobs: number;
  /** Files larger than this many bytes are refused unread. */
  maxBytes: number;
  /** Read blank table cells as 0 (parseReport's blankAsZero). */
  blankAsZero: boolean;
}

export type Invocation = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: RunOptions };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  ext: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'max-size': { type: 'string' },
  'blank-as-zero': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

// An option meant for the other command is a mistake worth saying, not something to ignore.
const ONLY_FOR = { format: 'parse', strict: 'check', quiet: 'check', verbose: 'check' } as const;

export function helpText(): string {
  return `Usage: xxgk-report <check|parse> [options] <file|dir|->...

Reads Chinese government information-disclosure annual reports (政府信息公开工作年度报告).
Directories are searched for ${listOf(DEFAULT_EXTENSIONS, 'and')} files; - reads standard input.

Commands:
  check                 List what could not be read or does not add up, as path:line:column
  parse                 Print the reports as data

Options:
  -f, --format <name>   parse: json (default), ndjson or csv
      --strict          check: warnings fail the run too
  -q, --quiet           check: print only the findings that fail the run
      --verbose         check: print info findings too
      --ext <ext>       also read files with this extension in directories (repeatable)
      --encoding <name> decode input as this encoding (default: detect UTF-8, UTF-16, GB18030, Big5;
                        a web page's declared charset first)
      --blank-as-zero   read blank table cells as 0 (default: blank, with value null)
      --max-size <MB>   refuse larger files, unread (default: ${DEFAULT_MAX_SIZE_MB}, at most ${MAX_MAX_SIZE_MB})
  -j, --jobs <n>        threads to read files on (default: ${availableParallelism()}, the cores here)
  -h, --help            print this help
      --version         print the version

Only regular files are read: FIFOs, sockets and devices in directories are skipped.

Exit status: 0 when nothing fails, 1 when a finding fails the check, 2 on a usage or input problem.
Output closed early (| head) does not change it: the run still reads every file.
`;
}

/** Reads the command line. Throws {@link UsageError} for anything it cannot make sense of. */
export function parseCommandLine(argv: readonly string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages go on with advice about `--` that does not fit on the one line we print.
    throw new UsageError((error as Error).message.split('. ')[0] ?? String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...inputs] = positionals;
  if (command === undefined) throw new UsageError('missing command: check or parse');
  if (command !== 'check' && command !== 'parse') {
    throw new UsageError(`unknown command "${command}": use check or parse`);
  }
  for (const [name, owner] of Object.entries(ONLY_FOR)) {
    if (values[name as keyof typeof ONLY_FOR] !== undefined && owner !== command) {
      throw new UsageError(`--${name} applies to ${owner}, not ${command}`);
    }
  }
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  if (inputs.length === 0) throw new UsageError(`nothing to ${command}: give files, directories or - for standard input`);

  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}": use ${FORMATS.join(', ')}`);
  }
  const jobs = values.jobs ?? String(availableParallelism());
  if (!/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs needs a whole number of at least 1, got "${jobs}"`);
  const maxSize = values['max-size'] ?? String(DEFAULT_MAX_SIZE_MB);
  if (!/^[1-9]\d*$/.test(maxSize) || Number(maxSize) > MAX_MAX_SIZE_MB) {
    throw new UsageError(`--max-size needs a whole number of megabytes from 1 to ${MAX_MAX_SIZE_MB}, got "${maxSize}"`);
  }
  if (values.encoding !== undefined) {
    try {
      new TextDecoder(values.encoding);
    } catch {
      throw new UsageError(`unknown encoding "${values.encoding}"`);
    }
  }

  const options: RunOptions = {
    command,
    inputs,
    format: format as Format,
    strict: values.strict ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    extensions: extensions(values.ext ?? []),
    jobs: Number(jobs),
    maxBytes: Number(maxSize) * MEGABYTE,
    blankAsZero: values['blank-as-zero'] ?? false,
  };
  if (values.encoding !== undefined) options.encoding = values.encoding;
  return { kind: 'run', options };
}

/** `--ext xml,shtml --ext .ASPX` → the defaults plus `.xml`, `.shtml`, `.aspx`. */
function extensions(given: readonly string[]): string[] {
  const all = new Set<string>(DEFAULT_EXTENSIONS);
  for (const list of given) {
    for (const item of list.split(',')) {
      const ext = item.trim().toLowerCase();
      if (ext) all.add(ext.startsWith('.') ? ext : `.${ext}`);
    }
  }
  return [...all];
}
