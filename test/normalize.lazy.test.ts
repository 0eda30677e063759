import { describe, expect, it, vi } from 'vitest';

// Wraps the real builder so the test can see when (and how often) a converter is built.
vi.mock('../src/normalize/tw-to-cn', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/normalize/tw-to-cn')>();
  return { ...real, createTwToCn: vi.fn(real.createTwToCn) };
});

const { createTwToCn } = await import('../src/normalize/tw-to-cn');
const { hasTraditional, normalize } = await import('../src/normalize/index');

describe('converter construction', () => {
  it('builds nothing at import time or for simplified text', () => {
    expect(createTwToCn).not.toHaveBeenCalled();
    normalize('政府信息公开工作年度报告');
    hasTraditional('年度報告');
    normalize('年度報告', { convertTraditional: false });
    expect(createTwToCn).not.toHaveBeenCalled();
  });

  it('builds the tw -> cn converter once, on first need', () => {
    expect(normalize('年度報告').text).toBe('年度报告');
    expect(normalize('總體情況').text).toBe('总体情况');
    expect(createTwToCn).toHaveBeenCalledTimes(1);
  });
});
