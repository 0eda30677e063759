/** A progress line on a terminal. */
export interface Progress {
  tick(): void;
  /** Removes the line, so other output starts on a clean line; the next tick draws it again. */
  clear(): void;
}

const NONE: Progress = { tick() {}, clear() {} };
/** Runs shorter than this finish before a bar would help, and drawing it would only flicker. */
const DELAY_MS = 250;
const REDRAW_MS = 100;
const BAR = 24;

/**
 * A bar for `total` files on `stream`, drawn only when a person is watching it: never into a pipe
 * or a file, on a dumb terminal, or in CI (whose logs keep every redraw).
 */
export function createProgress(total: number, stream: NodeJS.WriteStream, env = process.env): Progress {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  if (!stream.isTTY || ci || env.TERM === 'dumb' || total < 2) return NONE;
  const started = Date.now();
  let done = 0;
  let drawnAt = 0;
  let shown = false;
  return {
    tick() {
      done++;
      const now = Date.now();
      if (now - started < DELAY_MS || (shown && now - drawnAt < REDRAW_MS && done < total)) return;
      const filled = Math.round((BAR * done) / total);
      stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${done}/${total} files`);
      drawnAt = now;
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
