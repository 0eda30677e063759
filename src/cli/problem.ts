/**
 * A problem with the command line or with an input, as opposed to a finding in a report. It is
 * printed as one line, without a stack (the user can act on it; a stack would only bury it), and
 * the run exits 2.
 */
export class CliError extends Error {
  override name = 'CliError';
}

/** A {@link CliError} in the command line itself: its message points at `--help`. */
export class UsageError extends CliError {
  override name = 'UsageError';

  /** `command`: the command the line names, whose own help the hint then points at. */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }

  /** Where to look: `xxgk-report check --help`, or the overview when no command was named. */
  get hint(): string {
    return `see xxgk-report ${this.command === undefined ? '' : `${this.command} `}--help`;
  }
}

/** Turns a Node file-system error into the few words a user needs, without the syscall noise. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return error instanceof Error ? (error.message.split('\n')[0] ?? code ?? 'unknown error') : String(error);
  }
}
