import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Locale } from '../index';
import { UsageError } from './problem';

export const COMMANDS = ['check', 'parse', 'compare', 'sum'] as const;
export type Command = (typeof COMMANDS)[number];

/** What the findings of `check` and `compare` are printed as; text first, the default. */
const FINDINGS_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
/** What `parse` prints the reports as; json first, the default. */
const DATA_FORMATS = ['json', 'ndjson', 'csv'] as const;
/** `check` only: the visual report of the library, a page per report. */
const PAGE_FORMATS = ['html'] as const;
const FORMATS: Record<Command, readonly string[]> = {
  check: [...FINDINGS_FORMATS, ...PAGE_FORMATS],
  parse: DATA_FORMATS,
  compare: FINDINGS_FORMATS,
  sum: FINDINGS_FORMATS,
};
export type Format = (typeof FINDINGS_FORMATS)[number] | (typeof DATA_FORMATS)[number] | (typeof PAGE_FORMATS)[number];

/** The column names of `parse --format csv`: the output's keys, or the form's own Chinese labels. */
const HEADERS = ['keys', 'zh'] as const;
export type Headers = (typeof HEADERS)[number];

/**
 * Read from directories when no `--ext` is given, and always in addition to it: text, markdown
 * and saved web pages (parseReport reads a page's markup itself).
 */
const DEFAULT_EXTENSIONS = ['.txt', '.md', '.html', '.htm'] as const;
/** Read from directories too, with xxgk-report/pdf (which needs pdfjs-dist). */
export const PDF_EXTENSION = '.pdf';

/** What is said when directories hold nothing to read: `no .txt, .md, .html or .htm files in reports/, nor .pdf files`. */
export function nothingFound(extensions: readonly string[], where: string): string {
  const texts = extensions.filter((ext) => ext !== PDF_EXTENSION);
  return `no ${listOf(texts, 'or')} files in ${where}${extensions.includes(PDF_EXTENSION) ? `, nor ${PDF_EXTENSION} files` : ''}`;
}
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

/** What a `check`, `parse` or `compare` run was asked to do. */
export interface RunOptions {
  command: Command;
  /** Files, directories and `-`, as given. */
  inputs: string[];
  format: Format;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
  /** More warnings than this (in all) fail the run; absent means no limit. */
  maxWarnings?: number;
  /** `--color` (true) or `--no-color` (false), whichever came last; absent means decide (see color.ts). */
  color?: boolean;
  /** Lower-case, with the dot. */
  extensions: string[];
  /** A WHATWG encoding label; absent means detect. */
  encoding?: string;
  jobs: number;
  /** Files larger than this many bytes are refused unread. */
  maxBytes: number;
  /** Read blank table cells as 0 (parseReport's blankAsZero). */
  blankAsZero: boolean;
  /** Convert traditional characters to simplified (parseReport's convertTraditional). */
  convertTraditional: boolean;
  /** parse: keep the `position` fields in JSON and NDJSON. */
  positions: boolean;
  /** parse --format csv: the column names. */
  headers: Headers;
  /** check --format html: the directory the pages and their index are written to. */
  out?: string;
  /** The language of the findings' messages (and of the visual report's words). */
  locale: Locale;
}

export type Invocation = { kind: 'help'; command?: Command } | { kind: 'version' } | { kind: 'run'; options: RunOptions };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  headers: { type: 'string' },
  'no-positions': { type: 'boolean' },
  out: { type: 'string' },
  ext: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'max-size': { type: 'string' },
  'blank-as-zero': { type: 'boolean' },
  'no-traditional': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

// An option meant for another command is a mistake worth saying, not something to ignore.
const FINDINGS = ['check', 'compare', 'sum'] as const;
const ONLY_FOR: Partial<Record<OptionName, readonly Command[]>> = {
  strict: FINDINGS,
  quiet: FINDINGS,
  verbose: FINDINGS,
  'max-warnings': FINDINGS,
  color: FINDINGS,
  'no-color': FINDINGS,
  headers: ['parse'],
  'no-positions': ['parse'],
  out: ['check'],
};

// The options every command takes, as every help screen lists them.
const COMMON_OPTIONS = `      --ext <ext>         also read files with this extension in directories (repeatable)
      --encoding <name>   decode input as this encoding (default: detect UTF-8, UTF-16, GB18030, Big5;
                          a web page's declared charset first)
      --blank-as-zero     read blank table cells as 0 (default: blank, with value null)
      --no-traditional    read traditional characters as they are (default: as simplified)
      --lang <zh|en>      the language of the messages (default: zh where LC_ALL, LC_MESSAGES or
                          LANG is zh_*, en otherwise)
      --max-size <MB>     refuse larger files, unread (default: ${DEFAULT_MAX_SIZE_MB}, at most ${MAX_MAX_SIZE_MB})
  -j, --jobs <n>          threads to read files on (default: ${availableParallelism()}, the cores here)
  -h, --help              print this help
  -v, --version           print the version`;

const FINDINGS_OPTIONS = `  -f, --format <name>     text (default), json, sarif (SARIF 2.1.0) or github (GitHub Actions annotations)
      --strict            warnings fail the run too
      --max-warnings <n>  more than n warnings in all fail the run
  -q, --quiet             print only the findings that fail the run
      --verbose           print info findings too
      --color, --no-color colour the findings, or not (default: on a terminal, unless NO_COLOR is set;
                          FORCE_COLOR forces it)`;

const EXIT_STATUS = `Exit status: 0 when nothing fails, 1 when a finding fails the run, 2 on a usage or input problem.
Output closed early (| head) does not change it: the run still reads every file.`;

/** The overview, for `xxgk-report --help`. */
export function helpText(): string {
  return `Usage: xxgk-report <check|parse|compare> [options] <file|dir|->...
       xxgk-report sum [options] <summary> <file|dir>...

Reads Chinese government information-disclosure annual reports (政府信息公开工作年度报告).
Directories are searched for ${listOf(DEFAULT_EXTENSIONS, 'and')} files, and ${PDF_EXTENSION} files (read with
pdfjs-dist: npm install pdfjs-dist); - reads standard input.

Commands:
  check                 List what could not be read or does not add up, as path:line:column
  parse                 Print the reports as data
  compare               Compare reports with the same agency's report of the year before
  sum                   Check that a summary report (汇总) is the sum of its parts' reports

Options:
  -f, --format <name>   check, compare, sum: text (default), json, sarif or github
                        check: html too, the visual report (a page per report)
                        parse: json (default), ndjson or csv
      --out <dir>       check --format html: write each page and an index.html there
      --strict          check, compare, sum: warnings fail the run too
      --max-warnings <n>
                        check, compare, sum: more than n warnings in all fail the run
  -q, --quiet           check, compare, sum: print only the findings that fail the run
      --verbose         check, compare, sum: print info findings too
      --color, --no-color
                        check, compare, sum: colour the findings, or not (default: on a terminal)
      --headers <name>  parse --format csv: keys (default) or zh, the form's own labels
      --no-positions    parse: leave the position fields out of JSON and NDJSON
      --ext <ext>       also read files with this extension in directories (repeatable)
      --encoding <name> decode input as this encoding (default: detect UTF-8, UTF-16, GB18030, Big5;
                        a web page's declared charset first)
      --blank-as-zero   read blank table cells as 0 (default: blank, with value null)
      --no-traditional  read traditional characters as they are (default: as simplified)
      --lang <zh|en>    the language of the messages (default: zh where LANG is zh_*, else en)
      --max-size <MB>   refuse larger files, unread (default: ${DEFAULT_MAX_SIZE_MB}, at most ${MAX_MAX_SIZE_MB})
  -j, --jobs <n>        threads to read files on (default: ${availableParallelism()}, the cores here)
  -h, --help            print this help
  -v, --version         print the version

xxgk-report <command> --help prints a command's options, with examples.

Only regular files are read: FIFOs, sockets and devices in directories are skipped.

${EXIT_STATUS}
`;
}

/** The help of one command, for `xxgk-report <command> --help`. */
export function commandHelpText(command: Command): string {
  switch (command) {
    case 'check':
      return `Usage: xxgk-report check [options] <file|dir|->...

Lists what could not be read in each report and what does not add up: one finding per line,
path:line:column  severity  code  message, a file with none as path  ok, then a summary line.
A PDF's positions point into the text rebuilt from it (as xxgk-report/pdf reads it).

Options:
${FINDINGS_OPTIONS.replace('\n', `
                          or html: the visual report, the tables with the findings marked: one file's
                          page on stdout; with --out, every page written there and the index on stdout
`)}
      --out <dir>         --format html: write each report's page to <dir>/<path>.html (its path
                          in the directory given, or its file name) and the index to <dir>/index.html
${COMMON_OPTIONS}

Examples:
  xxgk-report check reports/                          every report in reports/, recursively
  xxgk-report check --format html --out site/ reports/ > /dev/null
                                                      a page per report and site/index.html
  xxgk-report check --format sarif reports/ > xxgk-report.sarif
                                                      for code scanning (GitHub, editors' SARIF viewers)

Exit status: 0 when nothing fails, 1 when a finding fails the run (an error; a warning with
--strict; more warnings than --max-warnings), 2 on a usage or input problem.
`;
    case 'parse':
      return `Usage: xxgk-report parse [options] <file|dir|->...

Prints the reports as data: one named file as its ParseResult, several (or a directory) as a list
of { path, report, diagnostics }.

Options:
  -f, --format <name>     json (default), ndjson (one report per line) or csv (one row per report)
      --headers <name>    csv: the column names, keys (default: applications.granted.total) or zh
                          (the form's labels: 表三 （一）予以公开 总计)
      --no-positions      json, ndjson: leave out every position field (a smaller output)
${COMMON_OPTIONS}

Examples:
  xxgk-report parse report.txt | jq .report.meta      one report's title, agency, year…
  xxgk-report parse --format ndjson --no-positions reports/ > reports.ndjson
  xxgk-report parse --format csv --headers zh reports/ > reports.csv
                                                      for a spreadsheet, with Chinese column names

Exit status: 0 when every file was read, 2 on a usage or input problem.
`;
    case 'compare':
      return `Usage: xxgk-report compare [options] <last year's report> <this year's report>
       xxgk-report compare [options] <dir|file>...

Compares reports of one agency in consecutive years: this year's 上年结转 against last year's
结转下年度继续办理 (years/carried-over, an error), 现行有效 rolled forward by 制发 and 废止
(years/in-force, a warning). Two files are compared as given, last year's first. A directory (or
more files) is read whole: each report is paired with the same agency's report of the year before,
and the reports that have no such pair are listed as unpaired. Findings print as check prints them.

Options:
${FINDINGS_OPTIONS}
${COMMON_OPTIONS}

Examples:
  xxgk-report compare 2022.txt 2023.txt               this year's report against last year's
  xxgk-report compare reports/                        every agency's consecutive years
  xxgk-report compare --format github reports/        as annotations in a GitHub Actions run

Exit status: 0 when nothing fails, 1 when a finding fails the run (an error; a warning with
--strict; more warnings than --max-warnings), 2 on a usage or input problem.
`;
    case 'sum':
      return `Usage: xxgk-report sum [options] <summary> <file|dir>...

Checks a summary report (汇总: a city's over its departments' or districts') against the reports
it sums, cell by cell: each cell of the summary's tables must be the sum of the parts' same cell
(hierarchy/sum, an error). Cells that cannot be summed are said (hierarchy/not-assessable), and
parts of another year are not compared (hierarchy/different-years). The first operand is the
summary; the rest, files or directories, are its parts (the summary itself is not one). The
findings point into the summary, name the parts by path, and print as check prints them.

Options:
${FINDINGS_OPTIONS}
${COMMON_OPTIONS}

Examples:
  xxgk-report sum summary.txt parts/                  the summary against every report in parts/
  xxgk-report sum --format github city.txt a.txt b.txt
                                                      as annotations in a GitHub Actions run

Exit status: 0 when nothing fails, 1 when a finding fails the run (an error; a warning with
--strict; more warnings than --max-warnings), 2 on a usage or input problem (also when a part
cannot be read: a sum without it would be wrong).
`;
  }
}

/** The commands, as the messages list them: `check, parse, compare or sum`. */
const COMMAND_CHOICES = listOf(COMMANDS, 'or');
/** `check, compare and sum, not parse`: the commands an option applies to. */
function ownersOf(owners: readonly Command[], command: Command): string {
  return `${listOf(owners, 'and')}, not ${command}`;
}

/** The languages of `--lang`, and the locale of the library's messages each stands for. */
const LANGS: Readonly<Record<string, Locale>> = { zh: 'zh-CN', 'zh-CN': 'zh-CN', en: 'en' };

/**
 * The language of the findings when `--lang` is not given: Chinese where the locale of the
 * messages (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them) is Chinese (`zh_CN.UTF-8`,
 * `zh_TW`), English otherwise (`C`, `en_US.UTF-8`, unset).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh-CN' : 'en';
}

const isCommand = (word: string | undefined): word is Command => (COMMANDS as readonly string[]).includes(word ?? '');

/** Reads the command line. Throws {@link UsageError} for anything it cannot make sense of. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Invocation {
  // The command, if one is named, for the hint after a usage problem (its own help).
  const named = argv.find((word) => isCommand(word));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // Node's messages go on with advice about `--` that does not fit on the one line we print.
    throw new UsageError((error as Error).message.split('. ')[0] ?? String(error), named);
  }
  const { values, positionals, tokens } = parsed;
  const [command, ...inputs] = positionals;
  if (values.help) return isCommand(command) ? { kind: 'help', command } : { kind: 'help' };
  if (values.version) return { kind: 'version' };

  if (command === undefined) throw new UsageError(`missing command: ${COMMAND_CHOICES}`);
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}": use ${COMMAND_CHOICES}`);
  const usage = (message: string) => new UsageError(message, command);
  for (const [name, owners] of Object.entries(ONLY_FOR)) {
    if (values[name as OptionName] !== undefined && !owners.includes(command)) {
      throw usage(`--${name} applies to ${ownersOf(owners, command)}`);
    }
  }
  if (values.quiet && values.verbose) throw usage('--quiet and --verbose cannot be used together');
  if (inputs.length === 0) throw usage(`nothing to ${command}: give files, directories or - for standard input`);
  if (command === 'sum' && inputs.length < 2) throw usage('sum needs the summary report, then its parts (files or directories)');

  const formats = FORMATS[command];
  const format = values.format ?? (formats[0] as string);
  if (!formats.includes(format)) {
    const pages = formats.filter((name) => (PAGE_FORMATS as readonly string[]).includes(name));
    const rest = listOf(formats.filter((name) => !pages.includes(name)), 'or');
    throw usage(`unknown format "${format}" for ${command}: use ${rest}${pages.length > 0 ? ` (or ${listOf(pages, 'or')}, the visual report)` : ''}`);
  }
  const headers = values.headers ?? 'keys';
  if (!(HEADERS as readonly string[]).includes(headers)) throw usage(`unknown headers "${headers}": use ${listOf(HEADERS, 'or')}`);
  if (values.headers !== undefined && format !== 'csv') throw usage('--headers applies to --format csv');
  if (values.out !== undefined && format !== 'html') throw usage('--out applies to --format html');
  if (values.out === '') throw usage('--out needs a directory');
  const jobs = values.jobs ?? String(availableParallelism());
  if (!/^[1-9]\d*$/.test(jobs)) throw usage(`--jobs needs a whole number of at least 1, got "${jobs}"`);
  const maxSize = values['max-size'] ?? String(DEFAULT_MAX_SIZE_MB);
  if (!/^[1-9]\d*$/.test(maxSize) || Number(maxSize) > MAX_MAX_SIZE_MB) {
    throw usage(`--max-size needs a whole number of megabytes from 1 to ${MAX_MAX_SIZE_MB}, got "${maxSize}"`);
  }
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^(0|[1-9]\d*)$/.test(maxWarnings)) {
    throw usage(`--max-warnings needs a whole number of at least 0, got "${maxWarnings}"`);
  }
  const locale = values.lang === undefined ? localeFromEnv(env) : LANGS[values.lang];
  if (locale === undefined) throw usage(`unknown language "${values.lang}": use zh or en`);
  if (values.encoding !== undefined) {
    try {
      new TextDecoder(values.encoding);
    } catch {
      throw usage(`unknown encoding "${values.encoding}"`);
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
    convertTraditional: !(values['no-traditional'] ?? false),
    positions: !(values['no-positions'] ?? false),
    headers: headers as Headers,
    locale,
  };
  if (maxWarnings !== undefined) options.maxWarnings = Number(maxWarnings);
  // --color and --no-color: the last one given counts, so an alias can be overridden.
  const colour = tokens.filter((token) => token.kind === 'option' && (token.name === 'color' || token.name === 'no-color')).at(-1);
  if (colour?.kind === 'option') options.color = colour.name === 'color';
  if (values.encoding !== undefined) options.encoding = values.encoding;
  if (values.out !== undefined) options.out = values.out;
  return { kind: 'run', options };
}

/** `--ext xml,shtml --ext .ASPX` → the defaults (with .pdf) plus `.xml`, `.shtml`, `.aspx`. */
function extensions(given: readonly string[]): string[] {
  const all = new Set<string>([...DEFAULT_EXTENSIONS, PDF_EXTENSION]);
  for (const list of given) {
    for (const item of list.split(',')) {
      const ext = item.trim().toLowerCase();
      if (ext) all.add(ext.startsWith('.') ? ext : `.${ext}`);
    }
  }
  return [...all];
}
