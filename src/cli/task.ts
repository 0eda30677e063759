import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DecodeError, decodeReport, parseReport, type DecodedReport, type Locale, type ParseOptions, type ParseResult } from '../index';
import { MEGABYTE, PDF_EXTENSION } from './args';
import { formatFor, type OutputOptions } from './formats/index';
import type { Rendered } from './formats/format';
import { CliError, describeFsError } from './problem';
import { notRegular, specialKind } from './walk';

/**
 * One report to read. `bytes` is set when the caller already has them (standard input, read no
 * further than just past the size limit).
 */
export interface Task {
  /** The path as shown to the user. */
  path: string;
  bytes?: Uint8Array;
  /** check --format html --out: where its page goes, relative to the output directory. */
  page?: string;
}

/** How every task of a run is read and rendered; plain data, since workers get it too. */
export interface TaskSettings {
  /** A WHATWG encoding label; absent means detect. */
  encoding?: string;
  /** Files (and standard input) larger than this many bytes are refused unread. */
  maxBytes: number;
  /** Read blank table cells as 0 (parseReport's `blankAsZero`). */
  blankAsZero?: boolean;
  /** false: leave traditional characters as they are (parseReport's `convertTraditional`). */
  convertTraditional?: boolean;
  /** The language of the messages (parseReport's `locale`). */
  locale: Locale;
  output: OutputOptions;
}

/**
 * A report's share of the output (with a one-line `note` for stderr when its decoding is a guess
 * that may be wrong), or the one-line reason it could not be read.
 */
export type Outcome = { rendered: Rendered; note?: string } | { problem: string };

/** What parsePdf's message says when pdfjs-dist cannot be imported (src/pdf/load.ts). */
const NO_PDFJS = /needs pdfjs-dist/;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** A PDF by its name, or (standard input, a report under another name) by its first bytes. */
function isPdf(path: string, bytes: Uint8Array): boolean {
  return extname(path).toLowerCase() === PDF_EXTENSION || PDF_MAGIC.every((byte, i) => bytes[i] === byte);
}

const internalError = (path: string, error: unknown) =>
  // Text that decodes (or a PDF, which parsePdf reads whatever its bytes) is the library's to
  // read, whatever it holds: this is a bug. Still one line, like any problem, so the batch's
  // other reports and their output stand.
  ({ problem: `cannot read ${path}: internal error (${String(error).split('\n')[0]}), please report it` });

/**
 * Makes the function that reads, decodes, parses and renders one report: at once for a text, as
 * a promise for a PDF (pdf.js reads asynchronously). It never throws nor rejects: a report it
 * cannot read, or one that trips a bug, is a problem outcome, so one file never takes the others'
 * output down with it.
 */
export function taskRunner(settings: TaskSettings): (task: Task) => Outcome | Promise<Outcome> {
  const { render } = formatFor(settings.output);
  const options: ParseOptions = {
    ...(settings.blankAsZero && { blankAsZero: true }),
    ...(settings.convertTraditional === false && { convertTraditional: false }),
    locale: settings.locale,
  };
  const done = (task: Task, text: string, result: ParseResult, note?: string): Outcome => {
    const { path } = task;
    const rendered = render({ path, text, result, ...(task.page !== undefined && { page: task.page }) });
    return note === undefined ? { rendered } : { rendered, note: `${path}: ${note}` };
  };
  const readPdf = async (task: Task, bytes: Uint8Array): Promise<Outcome> => {
    const { path } = task;
    let read;
    try {
      // Loaded on the first PDF, so that reading texts needs neither it nor pdfjs-dist.
      const { parsePdf } = await import('../pdf/index');
      read = await parsePdf(bytes, options);
    } catch (error) {
      if (NO_PDFJS.test(String(error))) return { problem: `cannot read ${path}: reading a PDF needs pdfjs-dist, which is not installed: npm install pdfjs-dist` };
      return internalError(path, error);
    }
    try {
      // Positions, and so code frames, point into the text rebuilt from the PDF.
      return done(task, read.text, { report: read.report, diagnostics: read.diagnostics });
    } catch (error) {
      return internalError(path, error);
    }
  };
  return (task) => {
    const { path } = task;
    let decoded: DecodedReport;
    try {
      const bytes = task.bytes ?? readRegularFile(path, settings.maxBytes);
      // Standard input comes read to just past the limit; a file may have grown as it was read.
      checkSize(bytes.length, settings.maxBytes);
      // --encoding is about text: a PDF says itself how its text is encoded.
      if (isPdf(path, bytes)) return readPdf(task, bytes);
      decoded = decodeReport(bytes, settings.encoding === undefined ? undefined : { encoding: settings.encoding });
    } catch (error) {
      const reason = error instanceof DecodeError ? decodeProblem(error) : error instanceof CliError ? error.message : describeFsError(error);
      return { problem: `cannot read ${path}: ${reason}` };
    }
    try {
      return done(task, decoded.text, parseReport(decoded.text, options), decoded.alternative === undefined ? undefined : BIG5_NOTE);
    } catch (error) {
      return internalError(path, error);
    }
  };
}

/** What the CLI says of a file it read as GB18030 that may be Big5 (its decoding's `alternative`). */
const BIG5_NOTE = 'read as GB18030, but it may be Big5 (traditional Chinese): if the output looks garbled, try --encoding big5';

/** A decoding failure as the CLI words it: with the option that helps where one does. */
function decodeProblem(error: DecodeError): string {
  return error.reason === 'undetected' ? 'not text (neither UTF-8, GB18030 nor Big5; try --encoding)' : error.message;
}

/**
 * The bytes of a regular file of at most `maxBytes`. What the path is and how big it is are
 * asked of the open file, before anything is read: the walk saw a regular file, but the path may
 * since have become a FIFO (reading one waits for a writer forever), a device (/dev/zero never
 * ends) or a file too large to hold in memory.
 */
function readRegularFile(path: string, maxBytes: number): Uint8Array {
  // Non-blocking, so that opening a FIFO does not wait for a writer before it can be refused;
  // the flag changes nothing for a regular file. (Windows has no such flag, and no FIFOs by path.)
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    const special = specialKind(stats);
    if (special) throw new CliError(notRegular(special));
    checkSize(stats.size, maxBytes);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new CliError(`larger than the ${maxBytes / MEGABYTE} MB limit (--max-size)`);
}
