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
import type { Cell } from '../src/ast';
import { APPLICANTS, build, model, valuesOf } from './helpers/model';
import type { CellRef, Diagnostic } from '../src/diagnostics';
import { checkReport, parseReport, renderReport, type RenderLayout } from '../src/index';

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
    Object.entries(m[t].rows).flatMap(([row, values]) => Object.keys(values).map((column) => ({ table: t, row, column }) as CellRef)),
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
      expect(hinted.some((d) => involves(d, { table: 'applications', row: swap.row, column } as CellRef))).toBe(true);
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
