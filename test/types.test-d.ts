/**
 * The public types, checked by the compiler: vitest's typecheck mode (vitest.config.ts) runs tsc
 * over this file, so a failed `expectTypeOf` fails the suite, and so does a `@ts-expect-error`
 * above a line that compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ActiveDisclosureTable,
  ApplicationsColumnKey,
  ApplicationsRowKey,
  ApplicationsTable,
  Cell,
  CellRef,
  DecodedReport,
  DecodeOptions,
  DiagnosticCode,
  ParseCode,
  ReviewLitigationColumnKey,
  ReviewLitigationRowKey,
  ReviewLitigationTable,
  RowInfo,
  TableKey,
  Tables,
  UnassignedReason,
} from '../src/index';
import { CHECK_CODES, decodeReport } from '../src/index';

describe('diagnostic codes are a literal union', () => {
  it('takes every code the checks emit and rejects a typo', () => {
    expectTypeOf<'narrative/new-received'>().toExtend<DiagnosticCode>();
    expectTypeOf<'narrative/all-cases-closed'>().toExtend<DiagnosticCode>();
    expectTypeOf<'years/different-agencies'>().toExtend<DiagnosticCode>();
    expectTypeOf<'hierarchy/sum'>().toExtend<DiagnosticCode>();
    expectTypeOf<'arithmetic/applications-balance'>().toExtend<DiagnosticCode>();
    expectTypeOf<'table/unknown-row'>().toExtend<DiagnosticCode>();
    expectTypeOf<'narrative/new-recieved'>().not.toExtend<DiagnosticCode>();
    expectTypeOf<'hierarchy/summ'>().not.toExtend<DiagnosticCode>();
    // Not a template of any string: a code under a known prefix that grammar/ has no id for.
    expectTypeOf<'narrative/anything'>().not.toExtend<DiagnosticCode>();
    expectTypeOf<'arithmetic/anything'>().not.toExtend<DiagnosticCode>();
    expectTypeOf<string>().not.toExtend<DiagnosticCode>();
    // @ts-expect-error a code no check emits does not compile
    const typo: DiagnosticCode = 'years/carried-overr';
    void typo;
  });

  it('CHECK_CODES is keyed by the checks’ codes, none of the parser’s', () => {
    expectTypeOf<keyof typeof CHECK_CODES>().toEqualTypeOf<Exclude<DiagnosticCode, ParseCode>>();
    // @ts-expect-error a misspelled key is not a key of it
    void CHECK_CODES['narrative/new-recieved'];
  });

  it('the reason a row was set aside is one of its codes', () => {
    expectTypeOf<UnassignedReason>().toExtend<DiagnosticCode>();
    expectTypeOf<ApplicationsTable['unassigned'][number]['reason']>().toEqualTypeOf<UnassignedReason>();
    expectTypeOf<ApplicationsTable['unassigned'][number]['key']>().toEqualTypeOf<ApplicationsRowKey | undefined>();
  });
});

describe('a CellRef is one table’s row and column', () => {
  it('takes a row and a column of its table', () => {
    expectTypeOf({ table: 'applications', row: 'newReceived', column: 'total' } as const).toExtend<CellRef>();
    expectTypeOf({ table: 'reviewLitigation', row: 'review', column: 'upheld' } as const).toExtend<CellRef>();
    expectTypeOf({ table: 'activeDisclosure', row: 'regulations', column: 'issued' } as const).toExtend<CellRef>();
  });

  it('narrows its row and column by its table', () => {
    const narrow = (ref: CellRef) => {
      if (ref.table === 'reviewLitigation') {
        expectTypeOf(ref.row).toEqualTypeOf<ReviewLitigationRowKey>();
        expectTypeOf(ref.column).toEqualTypeOf<ReviewLitigationColumnKey>();
      }
      if (ref.table === 'applications') expectTypeOf(ref.column).toEqualTypeOf<ApplicationsColumnKey>();
    };
    void narrow;
  });

  it('rejects a row of another table, an unknown row and a misspelled column', () => {
    // @ts-expect-error review is a row of table 四, not of table 三
    const otherTable: CellRef = { table: 'applications', row: 'review', column: 'total' };
    // @ts-expect-error no table has this row
    const unknownRow: CellRef = { table: 'reviewLitigation', row: 'reviews', column: 'upheld' };
    // @ts-expect-error the column is naturalPerson
    const misspelled: CellRef = { table: 'applications', row: 'newReceived', column: 'naturalPersons' };
    // @ts-expect-error newReceived is a column of nothing in table 四
    const otherColumn: CellRef = { table: 'reviewLitigation', row: 'review', column: 'newReceived' };
    void [otherTable, unknownRow, misspelled, otherColumn];
  });
});

describe('tables are typed per table', () => {
  it('columns are the table’s column keys', () => {
    expectTypeOf<ApplicationsTable['columns']>().toEqualTypeOf<ApplicationsColumnKey[]>();
    expectTypeOf<ReviewLitigationTable['columns']>().toEqualTypeOf<ReviewLitigationColumnKey[]>();
    expectTypeOf<NonNullable<Tables['applications']>['columns'][number]>().toEqualTypeOf<ApplicationsColumnKey>();
    const table = {} as ApplicationsTable;
    // @ts-expect-error a column key table 三 does not have
    const wrong: (typeof table.columns)[number] = 'upheld';
    void wrong;
  });

  it('table 二’s columns follow its format', () => {
    const columns = (table: ActiveDisclosureTable) => {
      if (table.formatVersion === '2021') expectTypeOf(table.columns).toEqualTypeOf<('issued' | 'repealed' | 'inForce' | 'decisions' | 'amount')[]>();
    };
    void columns;
  });

  it('Object.entries over a table’s rows gives its rows, typed', () => {
    const applications = {} as NonNullable<Tables['applications']>;
    for (const [key, row] of Object.entries(applications.rows)) {
      expectTypeOf(key).toEqualTypeOf<string>();
      expectTypeOf(row.total).toEqualTypeOf<Cell>();
      expectTypeOf(row.key).toEqualTypeOf<ApplicationsRowKey>();
      expectTypeOf(row).toExtend<RowInfo<ApplicationsRowKey>>();
    }
    const review = {} as NonNullable<Tables['reviewLitigation']>;
    for (const [, row] of Object.entries(review.rows)) {
      expectTypeOf(row.upheld).toEqualTypeOf<Cell>();
      expectTypeOf(row.key).toEqualTypeOf<ReviewLitigationRowKey>();
    }
    // Table 二 is typed once its format is known: its rows differ between the two.
    const active = {} as NonNullable<Tables['activeDisclosure']>;
    if (active.formatVersion === '2021') {
      for (const [, row] of Object.entries(active.rows)) expectTypeOf(row.key).toEqualTypeOf<'regulations' | 'normativeDocuments' | 'licensing' | 'punishment' | 'enforcement' | 'fees'>();
    }
  });

  it('table keys are grammar/’s', () => {
    expectTypeOf<TableKey>().toEqualTypeOf<'activeDisclosure' | 'applications' | 'reviewLitigation'>();
  });
});

describe('decodeReport', () => {
  it('takes bytes and an encoding, and gives the text and the encoding', () => {
    expectTypeOf(decodeReport).parameters.toEqualTypeOf<[bytes: Uint8Array, options?: DecodeOptions]>();
    expectTypeOf(decodeReport).returns.toEqualTypeOf<DecodedReport>();
    expectTypeOf<DecodedReport['alternative']>().toEqualTypeOf<'big5' | undefined>();
    // @ts-expect-error a string is text already: parseReport reads it
    decodeReport('政府信息公开');
    // @ts-expect-error the encoding is an option
    decodeReport(new Uint8Array(), 'gbk');
  });
});
