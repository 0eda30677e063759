import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createProgress } from '../src/cli/progress';

/** A stand-in for process.stderr that records what is written to it. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('the progress bar', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('on a terminal: drawn once the run has lasted a moment, redrawn at most every 100 ms, cleared', () => {
    const { written, stream: tty } = stream(true);
    const progress = createProgress(4, tty, {});
    progress.tick();
    // A run this short is over before a bar would help.
    expect(written).toEqual([]);
    vi.advanceTimersByTime(300);
    progress.tick();
    // Within 100 ms of the last drawing: skipped.
    progress.tick();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r█{12}░{12} 2\/4 files$/);
    vi.advanceTimersByTime(100);
    progress.tick();
    progress.clear();
    expect(written.slice(1)).toEqual([`\r${'█'.repeat(24)} 4/4 files`, '\r\x1b[2K']);
  });

  test.each([
    ['a pipe or a file', false, {}],
    ['CI', true, { CI: 'true' }],
    ['a dumb terminal', true, { TERM: 'dumb' }],
  ])('never in %s', (_, isTTY, env) => {
    const { written, stream: target } = stream(isTTY);
    const progress = createProgress(4, target, env);
    vi.advanceTimersByTime(1000);
    for (let i = 0; i < 4; i++) progress.tick();
    progress.clear();
    expect(written).toEqual([]);
  });
});
