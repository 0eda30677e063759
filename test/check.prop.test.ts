import { fc, test } from '@fast-check/vitest';
import { ConverterBuilder } from 'opencc-js/core';
import * as cn2t from 'opencc-js/preset/cn2t';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_DISCLOSURE_2019,
  ACTIVE_DISCLOSURE_2021,
  APPLICATIONS,
  REVIEW_LITIGATION,
  SECTIONS,
} from '../grammar/index';
import type { Cell, Position, Report, Section, TableKey, Tables } from '../src/ast';
import type { CellRef, Diagnostic } from '../src/diagnostics';
import { checkReport, parseReport, renderReport, type RenderLayout } from '../src/index';

// ---------------------------------------------------------------------------------------------
// A consistent report: every number is built so that every identity of grammar/ holds.

type Values = Record<string, Record<string, number>>;

interface Model {
  year: number;
  agency: string;
  activeDisclosure: { formatVersion: '2021' | '2019'; rows: Values; columns: string[] };
  applications: { rows: Values; columns: string[] };
  reviewLitigation: { rows: Values; columns: string[] };
}

const APPLICANTS: readonly string[] = APPLICATIONS.applicantColumns;
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

const model: fc.Arbitrary<Model> = fc.record({
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

function build(m: Model): Report {
  const received = m.applications.rows.newReceived?.total ?? 0;
  const concluded = m.applications.rows.total?.total ?? 0;
  const reviews = m.reviewLitigation.rows.review?.total ?? 0;
  const lawsuits = (m.reviewLitigation.rows.litigationDirect?.total ?? 0) + (m.reviewLitigation.rows.litigationAfterReview?.total ?? 0);
  const section = (key: 'overview' | 'other', text: string): Section => {
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
function valuesOf(report: Report): Record<string, number | null> {
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

// ---------------------------------------------------------------------------------------------
// Noise real reports carry, applied to the rendered text.

/** Labels of grammar/ and the variants real reports write for them: their key phrases. */
const VARIANTS = new Map<string, readonly string[]>();
for (const entry of [
  ...APPLICATIONS.rows,
  ...APPLICATIONS.groups,
  ...APPLICATIONS.headings,
  ...APPLICATIONS.columns,
  ...APPLICATIONS.optionalColumns,
  ...REVIEW_LITIGATION.rows,
  ...REVIEW_LITIGATION.columns,
  ...ACTIVE_DISCLOSURE_2021.rows,
  ...ACTIVE_DISCLOSURE_2021.columns,
  ...ACTIVE_DISCLOSURE_2019.rows,
  ...ACTIVE_DISCLOSURE_2019.columns,
]) {
  VARIANTS.set(entry.label, [entry.label, ...entry.phrases]);
}
for (const section of SECTIONS) {
  VARIANTS.set(`${section.numeral}、${section.heading}`, [section.heading, ...section.phrases].map((p) => `${section.numeral}、${p}`));
}

const PINYIN = ['(xí)', '(zhuǎn)', '(gōng)', '(shēn)'];
const HAN = /\p{Script=Han}/u;

interface Noise {
  variants: boolean;
  spaced: boolean;
  gaps: boolean;
  fuse: boolean;
  nbsp: boolean;
  /** Values as `1,234` or in full-width digits. */
  numberForms: boolean;
  /** Doubled punctuation from bad conversions: `一,、本年新收`. */
  commas: boolean;
  lostCharacter: boolean;
  pinyin: boolean;
  markdown: boolean;
  traditional: boolean;
  crlf: boolean;
  /** Picks, used in turn, for where each kind of noise lands. */
  picks: number[];
}

const noise: fc.Arbitrary<Noise> = fc.record({
  variants: fc.boolean(),
  spaced: fc.boolean(),
  gaps: fc.boolean(),
  fuse: fc.boolean(),
  nbsp: fc.boolean(),
  numberForms: fc.boolean(),
  commas: fc.boolean(),
  lostCharacter: fc.boolean(),
  pinyin: fc.boolean(),
  markdown: fc.boolean(),
  traditional: fc.boolean(),
  crlf: fc.boolean(),
  picks: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }),
});

const toTraditional = ConverterBuilder(cn2t)({ from: 'cn', to: 'tw' });
const isValue = (cell: string) => /^-?\d+(?:\.\d+)?$/.test(cell) || cell === '/';

function noisy(text: string, layout: RenderLayout, n: Noise): string {
  let turn = 0;
  const pick = (range: number) => (n.picks[turn++ % n.picks.length] ?? 0) % range;
  const sometimes = () => pick(3) === 0;

  const label = (cell: string): string => {
    let out = cell;
    const variants = VARIANTS.get(out);
    if (n.variants && variants) out = variants[pick(variants.length)] ?? out;
    // Labels are BMP text, so string indices are characters.
    const han = () => [...out].flatMap((ch, i) => (HAN.test(ch) ? [i + 1] : []));
    if (n.spaced && han().length > 1 && sometimes()) {
      const at = han()[pick(han().length - 1)] ?? 0;
      out = `${out.slice(0, at)} ${out.slice(at)}`;
    }
    if (n.commas && out.includes('、') && sometimes()) out = out.replace('、', ',、');
    // Pinyin right after its character: `習(xí)`.
    if (n.pinyin && han().length > 0 && sometimes()) {
      const at = han()[pick(han().length)] ?? 0;
      out = `${out.slice(0, at)}${PINYIN[pick(PINYIN.length)]}${out.slice(at)}`;
    }
    return out;
  };
  const value = (cell: string): string => {
    let out = cell;
    if (n.lostCharacter && /^\d+$/.test(out) && sometimes()) out = pick(2) ? `${out}?` : `?${out}`;
    else if (n.numberForms && sometimes()) {
      const [whole = '', fraction] = out.split('.');
      out = pick(2)
        ? `${whole.replace(/\B(?=(?:\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`
        : out.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    }
    if (n.nbsp && sometimes()) out = [`\u00a0${out}`, `${out}\u00a0`, ` ${out} `][pick(3)] ?? out;
    return out;
  };
  const row = (cells: string[]): string[] => {
    // Which cells are labels is read before the noise makes values look less like values.
    const labels = cells.flatMap((cell, i) => (cell !== '' && !isValue(cell) ? [i] : []));
    const firstValue = cells.findIndex(isValue);
    let out = cells.map((cell) => (cell === '' ? cell : isValue(cell) ? value(cell) : label(cell)));
    const [first, second] = labels;
    // Merged cells left as empty cells before the values.
    if (n.gaps && firstValue > 0 && sometimes()) out = [...out.slice(0, firstValue), '', ...out.slice(firstValue)];
    // Group and item labels in one cell: `（三）不予公开 1.属于国家秘密`.
    if (n.fuse && first !== undefined && second !== undefined && sometimes()) {
      out = [...out.slice(0, first), `${out[first]} ${out[second]}`, ...out.slice(first + 1, second), ...out.slice(second + 1)];
    }
    return out;
  };
  const line = (text: string): string => {
    const variants = VARIANTS.get(text);
    if (!variants) return text;
    const heading = n.variants ? (variants[pick(variants.length)] ?? text) : text;
    return n.markdown ? `## ${heading}` : heading;
  };

  const lines = text.split('\n');
  const out: string[] = [];
  if (layout === 'cell-per-line') {
    for (let i = 0; i < lines.length; ) {
      if (!(lines[i] as string).startsWith('\t')) out.push(line(lines[i++] as string));
      else {
        const cells: string[] = [];
        while (i < lines.length && (lines[i] as string).startsWith('\t')) cells.push((lines[i++] as string).slice(1));
        out.push(...row(cells).map((cell) => `\t${cell}`));
      }
    }
  } else {
    for (const text of lines) {
      if (layout === 'tab' && text.includes('\t')) out.push(row(text.split('\t')).join('\t'));
      else if (layout === 'pipe' && text.startsWith('| ') && !text.startsWith('| ---')) {
        out.push(`| ${row(text.slice(2, -2).split(' | ')).join(' | ')} |`);
      } else out.push(line(text));
    }
  }
  let result = out.join('\n');
  if (n.traditional) result = toTraditional(result);
  if (n.crlf) result = result.replace(/\n/g, '\r\n');
  return result;
}

// ---------------------------------------------------------------------------------------------

const layout = fc.constantFrom<RenderLayout>('tab', 'pipe', 'cell-per-line');
const arithmetic = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code.startsWith('arithmetic/'));
const errors = (diagnostics: Diagnostic[]) => arithmetic(diagnostics).filter((d) => d.severity === 'error');
const involves = (diagnostic: Diagnostic, ref: CellRef) =>
  diagnostic.cells?.some((cell) => cell.table === ref.table && cell.row === ref.row && cell.column === ref.column) ?? false;

describe('a consistent report', () => {
  test.prop([model, layout, noise])('rendered in any layout with real-world noise, parses back to its values with no finding', (m, l, n) => {
    const report = build(m);
    const text = noisy(renderReport(report, { layout: l }), l, n);
    const { report: back, diagnostics } = parseReport(text);
    expect(valuesOf(back)).toEqual(valuesOf(report));
    expect(arithmetic(diagnostics)).toEqual([]);
    expect(diagnostics.filter((d) => d.code.startsWith('narrative/'))).toEqual([]);
  });
});

/** A cell of table 三 or 四 of a model, and another whole, non-negative value for it. */
const changedCell = model.chain((m) => {
  const cells = (['applications', 'reviewLitigation'] as const).flatMap((t) =>
    Object.entries(m[t].rows).flatMap(([row, values]) => Object.keys(values).map((column) => ({ table: t, row, column }))),
  );
  return fc.record({
    m: fc.constant(m),
    ref: fc.constantFrom(...cells),
    delta: fc.integer({ min: 1, max: 1000 }),
    down: fc.boolean(),
  });
});

describe('changing any one cell of table 三 or 四', () => {
  test.prop([changedCell])('is caught by an arithmetic error naming the cell, and by no error that does not involve it', ({ m, ref, delta, down }) => {
    const report = build(m);
    const cell = (report.tables[ref.table]?.rows as Record<string, Record<string, Cell>>)[ref.row]?.[ref.column] as Cell;
    const old = cell.value as number;
    cell.value = down && old > 0 ? old - Math.min(delta, old) : old + delta;
    const found = errors(checkReport(report));
    expect(found.some((d) => involves(d, ref))).toBe(true);
    expect(found.filter((d) => !involves(d, ref))).toEqual([]);
  });
});

/** A row of table 三 and two applicant columns holding different values there. */
const swapped = model.chain((m) => {
  const pairs = Object.entries(m.applications.rows).flatMap(([row, values]) =>
    APPLICANTS.flatMap((a, i) => APPLICANTS.slice(i + 1).flatMap((b) => (values[a] !== values[b] ? [{ row, a, b }] : []))),
  );
  return fc.record({ m: fc.constant(m), swap: pairs.length > 0 ? fc.constantFrom(...pairs) : fc.constant(undefined) });
});

describe('swapping the values of two applicant columns in one row of table 三', () => {
  test.prop([swapped])('is reported as an application likely filed under the wrong column', ({ m, swap }) => {
    fc.pre(swap !== undefined);
    if (!swap) return;
    const report = build(m);
    const row = (report.tables.applications?.rows as Record<string, Record<string, Cell>>)[swap.row] as Record<string, Cell>;
    const [a, b] = [row[swap.a] as Cell, row[swap.b] as Cell];
    [a.value, b.value] = [b.value, a.value];
    const hinted = errors(checkReport(report)).filter((d) => d.message.includes('an application was likely filed under the wrong column'));
    for (const column of [swap.a, swap.b]) {
      expect(hinted.some((d) => involves(d, { table: 'applications', row: swap.row, column }))).toBe(true);
    }
  });
});

describe('found by these properties', () => {
  it('reads the label 大量反覆 (opencc’s Taiwan form of 大量反复) as 4.无正当理由大量反复申请', () => {
    // The normaliser converts only lines holding a traditional-only character: 反 and 覆 are both
    // simplified characters too, so this line stays as written, and grammar/ lists the spelling.
    const text = ['三、收到和處理政府信息公開申請情況', '（五）不予處理', '大量反覆\t0\t1\t0\t0\t0\t0\t1'].join('\n');
    const rows = parseReport(text).report.tables.applications?.rows;
    expect(rows?.['notProcessed.massive']?.commercial.value).toBe(1);
  });
});
