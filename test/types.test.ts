import { describe, expectTypeOf, it } from 'vitest';
import type { DiagnosticCode } from '../src/index';

describe('diagnostic codes are a literal union', () => {
  it('takes every code the checks emit and rejects a typo', () => {
    expectTypeOf<'narrative/new-received'>().toMatchTypeOf<DiagnosticCode>();
    expectTypeOf<'years/different-agencies'>().toMatchTypeOf<DiagnosticCode>();
    expectTypeOf<'hierarchy/sum'>().toMatchTypeOf<DiagnosticCode>();
    expectTypeOf<'arithmetic/applications-balance'>().toMatchTypeOf<DiagnosticCode>();
    expectTypeOf<'narrative/new-recieved'>().not.toMatchTypeOf<DiagnosticCode>();
    expectTypeOf<'hierarchy/summ'>().not.toMatchTypeOf<DiagnosticCode>();
    // @ts-expect-error a code no check emits does not compile
    const typo: DiagnosticCode = 'years/carried-overr';
    void typo;
  });
});
