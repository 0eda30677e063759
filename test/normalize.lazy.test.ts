import { describe, expect, it, vi } from 'vitest';

// Wraps the real builder so the test can see when (and how often) a converter is built.
vi.mock('opencc-js/core', async (importOriginal) => {
  const real = await importOriginal<typeof import('opencc-js/core')>();
  return { ...real, ConverterBuilder: vi.fn(real.ConverterBuilder) };
});

const { ConverterBuilder } = await import('opencc-js/core');
const { hasTraditional, normalize } = await import('../src/normalize/index');

describe('converter construction', () => {
  it('builds nothing at import time or for simplified text', () => {
    expect(ConverterBuilder).not.toHaveBeenCalled();
    normalize('政府信息公开工作年度报告');
    hasTraditional('年度報告');
    normalize('年度報告', { convertTraditional: false });
    expect(ConverterBuilder).not.toHaveBeenCalled();
  });

  it('builds the tw -> cn converter once, on first need', () => {
    expect(normalize('年度報告').text).toBe('年度报告');
    expect(normalize('總體情況').text).toBe('总体情况');
    expect(ConverterBuilder).toHaveBeenCalledTimes(1);
  });
});
