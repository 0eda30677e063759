import { describe, expect, it } from 'vitest';
import { formatDiagnostics, parseReport, type Diagnostic } from '../src/index';

const TEXT = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t0\t2\n未经复议直接起诉\t0\t0\t0\t0\t0\n复议后起诉\t0\t0\t0\t0\t0';
const { diagnostics } = parseReport(TEXT);
const error = diagnostics.find((d) => d.severity === 'error') as Diagnostic;

describe('formatDiagnostics', () => {
  it('writes one line per finding, path:line:column first, in the order of the text', () => {
    const lines = formatDiagnostics(diagnostics, { path: 'r.txt' }).trimEnd().split('\n');
    expect(lines).toHaveLength(diagnostics.length);
    expect(lines).toContain(`r.txt:2:1  error  ${error.code}  ${error.message}`);
    // Whole-report findings (no position) come last, with the path alone.
    expect(lines[lines.length - 1]).toMatch(/^r\.txt {2}/);
  });

  it('frames errors under their line when given the source, every finding with frame: all', () => {
    const framed = formatDiagnostics([error], { source: TEXT, path: 'r.txt' }).split('\n');
    expect(framed[1]).toBe('  2 | 行政复议    1    0    0    0    2');
    expect(framed[2]).toMatch(/^ {4}\| \^+$/);
    expect(formatDiagnostics([error], { path: 'r.txt' }).split('\n')).toHaveLength(2);
    expect(formatDiagnostics([error], { source: TEXT, frame: 'none' }).split('\n')).toHaveLength(2);
    const warning = { ...error, severity: 'warning' as const };
    expect(formatDiagnostics([warning], { source: TEXT }).split('\n')).toHaveLength(2);
    expect(formatDiagnostics([warning], { source: TEXT, frame: 'all' }).split('\n')).toHaveLength(4);
  });

  it('colours the severity and dims the code only when asked', () => {
    expect(formatDiagnostics([error])).not.toContain('\u001b[');
    expect(formatDiagnostics([error], { color: true })).toContain('\u001b[1;31merror\u001b[0m');
  });

  it('keeps a message with line breaks on one line', () => {
    expect(formatDiagnostics([{ ...error, message: 'a\nb\r\n  c' }]).trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects what is not a list of diagnostics', () => {
    expect(() => formatDiagnostics(parseReport(TEXT) as never)).toThrow(/^formatDiagnostics: diagnostics must be an array of diagnostics .*, got an object$/);
    expect(() => formatDiagnostics([{}] as never)).toThrow(TypeError);
    expect(() => formatDiagnostics([], { frame: 'yes' as never })).toThrow(/^formatDiagnostics: options\.frame must be one of 'errors', 'all', 'none'/);
    expect(formatDiagnostics([])).toBe('');
  });
});
