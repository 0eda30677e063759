import { fc } from '@fast-check/vitest';
import { ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATIONS, REVIEW_LITIGATION, SECTIONS } from '../../grammar/index';
import type { Cell, Position, Report, Section, TableKey, Tables } from '../../src/ast';

// ---------------------------------------------------------------------------------------------
// A consistent report: every number is built so that every identity of grammar/ holds.

export type Values = Record<string, Record<string, number>>;

export interface Model {
  year: number;
  agency: string;
  activeDisclosure: { formatVersion: '2021' | '2019'; rows: Values; columns: string[] };
  applications: { rows: Values; columns: string[] };
  reviewLitigation: { rows: Values; columns: string[] };
}

export const APPLICANTS: readonly string[] = APPLICATIONS.applicantColumns;
const ORGANISATIONS: readonly string[] = APPLICATIONS.organisationColumns;
const PARTS = new Set(['newReceived', 'carriedOver', 'total', 'carriedForward']);
const LEAVES = APPLICATIONS.rows.filter((row) => !PARTS.has(row.key));
const GROUPS = APPLICATIONS.groups.map((group) => group.key);
const itemsOf = (group: string) => LEAVES.filter((row) => 'group' in row && row.group === group).map((row) => row.key);

/** Mostly zeros and small counts, as real tables are; now and then a large one. */
const count = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 41, max: 99_999 }) },
);
const perApplicant = fc.array(count, { minLength: APPLICANTS.length, maxLength: APPLICANTS.length });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const applications = fc
  .record({
    leaves: fc.array(perApplicant, { minLength: LEAVES.length, maxLength: LEAVES.length }),
    carriedForward: perApplicant,
    carriedOver: perApplicant,
    // Each group given as items only, as one row (the 2019 （六）其他处理), or as a row with its items.
    shapes: fc.array(fc.constantFrom('items', 'row', 'both'), { minLength: GROUPS.length, maxLength: GROUPS.length }),
    subtotalAt: fc.constantFrom(undefined, 1, APPLICANTS.length),
  })
  .map(({ leaves, carriedForward, carriedOver, shapes, subtotalAt }) => {
    const byColumn: Values = {};
    LEAVES.forEach((row, r) => {
      byColumn[row.key] = Object.fromEntries(APPLICANTS.map((c, i) => [c, leaves[r]?.[i] ?? 0]));
    });
    GROUPS.forEach((group, g) => {
      const shape = shapes[g];
      if (shape !== 'items') {
        byColumn[group] = Object.fromEntries(APPLICANTS.map((c) => [c, sum(itemsOf(group).map((item) => byColumn[item]?.[c] ?? 0))]));
      }
      if (shape === 'row') for (const item of itemsOf(group)) delete byColumn[item];
    });
    const total = Object.fromEntries(APPLICANTS.map((c, i) => [c, sum(leaves.map((leaf) => leaf[i] ?? 0))]));
    const forward = Object.fromEntries(APPLICANTS.map((c, i) => [c, carriedForward[i] ?? 0]));
    // 一 + 二 = 三 + 四 with 一 ≥ 0: 二 is at most 三 + 四.
    const over = Object.fromEntries(APPLICANTS.map((c, i) => [c, Math.min(carriedOver[i] ?? 0, (total[c] ?? 0) + (forward[c] ?? 0))]));
    const received = Object.fromEntries(APPLICANTS.map((c) => [c, (total[c] ?? 0) + (forward[c] ?? 0) - (over[c] ?? 0)]));
    const rows: Values = { newReceived: received, carriedOver: over, ...byColumn, total, carriedForward: forward };
    const columns = [...APPLICANTS, 'total'];
    if (subtotalAt !== undefined) columns.splice(subtotalAt, 0, 'legalSubtotal');
    for (const row of Object.values(rows)) {
      row.total = sum(APPLICANTS.map((c) => row[c] ?? 0));
      if (subtotalAt !== undefined) row.legalSubtotal = sum(ORGANISATIONS.map((c) => row[c] ?? 0));
    }
    return { rows, columns };
  });

const reviewLitigation = fc
  .array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
  .map((values) => ({
    columns: REVIEW_LITIGATION.columns.map((c) => c.key) as string[],
    rows: Object.fromEntries(
      REVIEW_LITIGATION.rows.map((row, r) => {
        const [upheld = 0, corrected = 0, other = 0, pending = 0] = values[r] ?? [];
        return [row.key, { upheld, corrected, other, pending, total: upheld + corrected + other + pending }];
      }),
    ),
  }));

const amount = fc.oneof(count, fc.integer({ min: 0, max: 99_999_999 }).map((n) => n / 1000));
const activeDisclosure = fc.constantFrom('2021' as const, '2019' as const).chain((formatVersion) => {
  const variant = formatVersion === '2021' ? ACTIVE_DISCLOSURE_2021 : ACTIVE_DISCLOSURE_2019;
  const cells = variant.blocks.flatMap((block) =>
    block.rows.flatMap((row) => block.columns.map((column) => ({ row, column }))),
  );
  const valueOf = (column: string) => (column === 'amount' ? amount : column === 'change' ? fc.integer({ min: -50, max: 50 }) : count);
  return fc.tuple(...cells.map((cell) => valueOf(cell.column))).map((values) => {
    const rows: Values = {};
    cells.forEach((cell, i) => {
      rows[cell.row] = { ...rows[cell.row], [cell.column]: values[i] ?? 0 };
    });
    const columns = [...new Set(variant.blocks.flatMap((block) => block.columns as readonly string[]))];
    return { formatVersion, rows, columns };
  });
});

export const model: fc.Arbitrary<Model> = fc.record({
  year: fc.integer({ min: 2019, max: 2025 }),
  agency: fc.constantFrom('渠县', '涞源县', '泸州市', '巫山县', '刚察县人民政府办公室'),
  activeDisclosure,
  applications,
  reviewLitigation,
});

// ---------------------------------------------------------------------------------------------
// The model as an AST, as a caller building a report would make it.

const NOWHERE: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function table<K extends TableKey>(key: K, values: { rows: Values; columns: string[] }): Tables[K] {
  const rows = Object.fromEntries(
    Object.entries(values.rows).map(([row, cells]) => [
      row,
      {
        type: 'row',
        key: row,
        label: '',
        position: NOWHERE,
        ...Object.fromEntries(
          Object.entries(cells).map(([column, value]) => [
            column,
            { type: 'cell', value, raw: String(value), state: 'number', position: NOWHERE } satisfies Cell,
          ]),
        ),
      },
    ]),
  );
  const formatVersion = key === 'activeDisclosure' ? { formatVersion: (values as Model['activeDisclosure']).formatVersion } : {};
  // Rows are built from the model's keys, which grammar/ gives: the AST's key types hold.
  return { type: 'table', key, layout: 'tab', columns: values.columns, rows, unassigned: [], position: NOWHERE, ...formatVersion } as unknown as Tables[K];
}

export function build(m: Model): Report {
  const received = m.applications.rows.newReceived?.total ?? 0;
  const concluded = m.applications.rows.total?.total ?? 0;
  const reviews = m.reviewLitigation.rows.review?.total ?? 0;
  const lawsuits = (m.reviewLitigation.rows.litigationDirect?.total ?? 0) + (m.reviewLitigation.rows.litigationAfterReview?.total ?? 0);
  const section = (key: 'overview' | 'problems' | 'other', text: string): Section => {
    const spec = SECTIONS.find((s) => s.key === key);
    return { type: 'section', key, numeral: spec?.numeral ?? '', heading: spec?.heading ?? '', text, subsections: [], position: NOWHERE };
  };
  return {
    type: 'report',
    meta: {
      title: null,
      agency: m.agency,
      year: m.year,
      period: { start: `${m.year}-01-01`, end: `${m.year}-12-31` },
      documentNumber: null,
      issuer: null,
      date: null,
      formatVersion: m.activeDisclosure.formatVersion,
      script: 'simplified',
    },
    sections: {
      // Part 一 states what the tables say, so a sound report has no narrative finding either.
      overview: section(
        'overview',
        `（二）依申请公开方面\n全年共收到政府信息公开申请${received}件，其中网上申请${Math.ceil(received / 2)}件、当面申请${Math.floor(received / 2)}件。` +
          `办结${concluded}件。因政府信息公开引发行政复议${reviews}件、行政诉讼${lawsuits}件。`,
      ),
      // Part 五 says something: an empty one is a finding of its own (structure/empty-problems).
      problems: section('problems', '政策解读形式较为单一，下一步将丰富解读形式。'),
      // 信息处理费 in 元 is never compared with table 二's 万元.
      other: section('other', '全年共收取政府信息公开信息处理费2080元。'),
    },
    tables: {
      activeDisclosure: table('activeDisclosure', m.activeDisclosure),
      applications: table('applications', m.applications),
      reviewLitigation: table('reviewLitigation', m.reviewLitigation),
    },
    position: NOWHERE,
  };
}

/** Every value of every table, keyed `table row column`. */
export function valuesOf(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, node] of Object.entries(report.tables)) {
    for (const [row, cells] of Object.entries(node.rows as Record<string, Record<string, unknown>>)) {
      for (const [column, cell] of Object.entries(cells)) {
        if ((cell as Cell | undefined)?.type === 'cell') out[`${key} ${row} ${column}`] = (cell as Cell).value;
      }
    }
  }
  return out;
}

