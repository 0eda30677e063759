import { NARRATIVE_CLAIMS, PROCESSING_FEES, SECTIONS, YEAR_REFERENCE_WORDS } from '../../grammar/index';
import type { Position, Report, Section, SectionKey } from '../ast';
import type { CellRef, Diagnostic } from '../diagnostics';
import type { FeesCharged, Messages } from '../messages/index';
import { periodStatement } from '../meta';
import { normalize } from '../normalize/index';
import { foldDigits } from '../tables/cell';
import { cellRef, read } from './cells';
import { finding } from './codes';
import { columnName, formatNumber, rowName, tableName } from '../messages/names';
import { createLocator, sentencesWith, type Locator } from './sentences';

/** What the claim checks need besides the report. */
export interface ClaimContext {
  locate: Locator;
  blankAsZero: boolean;
  /** The text the report was parsed from, when the caller gave it. */
  text: string | undefined;
  say: Messages;
}

const numeralOf = (key: SectionKey) => SECTIONS.find((s) => s.key === key)?.numeral ?? '';

/** The sentences of a part's text (between 。；！？ and line breaks, trimmed). */
function sentencesOf(section: Section): string[] {
  const bounds = sentencesWith(section.text, undefined);
  const out: string[] = [];
  for (let i = 0; i < bounds.length; i += 2) out.push(section.text.slice(bounds[i], bounds[i + 1]));
  return out;
}

const quoted = (sentence: string) => (sentence.length > 40 ? `${sentence.slice(0, 38)}…` : sentence);

// ---------------------------------------------------------------------------------------------
// Years: the title's, the statistics period's, part 一's.

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;
// A year opening a sentence: `2022年，…`, `2022 年度，…`, `2024年市科委有…`.
const OPENING_YEAR = /^((?:19|20)\d{2})\s*年(度)?\s*(.?.?)/;
const MENTIONED_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/g;
// Ordinals a sentence may open with before its year: `一是`, `1.`, `（一）`.
const LEADING_ORDINAL = /^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、])\s*/;

/** The year a sentence of part 一 opens with as the time it reports on, if it does (see YEAR_REFERENCE_WORDS). */
function openingYear(sentence: string): number | undefined {
  const opening = OPENING_YEAR.exec(sentence.replace(LEADING_ORDINAL, ''));
  if (!opening) return undefined;
  const after = (opening[3] as string).trimStart();
  // A date (`2022年12月`) or a reference (`2022年以来`) dates no work of the year.
  if (/^\d/.test(after) || YEAR_REFERENCE_WORDS.some((word) => after.startsWith(word))) return undefined;
  return Number(opening[1]);
}

/** The year of the title (`…2023年…报告`), or null. */
function titleYear(report: Report): number | null {
  const found = report.meta.title ? YEAR_IN_TITLE.exec(foldDigits(report.meta.title)) : null;
  return found ? Number(found[1]) : null;
}

/** The year of the statistics period, when it starts and ends in one year; else null. */
function periodYear(report: Report): number | null {
  const period = report.meta.period;
  if (!period) return null;
  const [start, end] = [period.start.slice(0, 4), period.end.slice(0, 4)];
  return start === end && /^\d{4}$/.test(start) ? Number(start) : null;
}

/** Where the statistics period is stated in the input; the first part (or the report) without it. */
function periodPosition(report: Report, context: ClaimContext): Position {
  const fallback = report.sections.overview?.position ?? report.position;
  if (context.text === undefined) return fallback;
  const statement = periodStatement(normalize(context.text).text);
  if (statement === undefined) return fallback;
  // The locator searches a part's span of the input: here the whole report is the span.
  const whole: Section = { type: 'section', key: 'overview', numeral: '', heading: '', text: '', subsections: [], position: report.position };
  return createLocator(report, context.text)(whole, [statement]);
}

/**
 * The report's own year against itself. Rule:
 * - the title's year and the statistics period's (a period within one year) differ: a warning at
 *   the period statement;
 * - part 一 never names the report's own years (the title's and the period's) and still dates its
 *   work to another year: two of its sentences open with that year (`2022年，…`), or its only
 *   sentence that opens with a year does. A year opening a sentence as a reference (`2022年以来`, `2022年12月`,
 *   `2022年结转`, YEAR_REFERENCE_WORDS) dates nothing; a year mentioned inside a sentence (`较
 *   2022年`, `上年`, `《2022年政务公开工作要点》`) is no date of the report's work either, but a
 *   mention of the report's own year anywhere in part 一 (even so) clears it.
 */
function yearMismatch(report: Report, context: ClaimContext): Diagnostic[] {
  const title = titleYear(report);
  const period = periodYear(report);
  const diagnostics: Diagnostic[] = [];
  if (title !== null && period !== null && title !== period) {
    const { start, end } = report.meta.period as { start: string; end: string };
    diagnostics.push(
      finding(
        'narrative/year-mismatch',
        context.say.titlePeriodYear({ year: title, title: report.meta.title ?? '', start, end }),
        periodPosition(report, context),
        [],
      ),
    );
  }
  const own = [title, period].filter((year): year is number => year !== null);
  const section = report.sections.overview;
  if (own.length === 0 || !section) return diagnostics;
  const text = foldDigits(section.text);
  for (const mention of text.matchAll(MENTIONED_YEAR)) if (own.includes(Number(mention[1]))) return diagnostics;
  const dated: { year: number; sentence: string }[] = [];
  for (const sentence of sentencesOf(section)) {
    const year = openingYear(foldDigits(sentence));
    if (year !== undefined) dated.push({ year, sentence });
  }
  // The year most sentences open with (the first of them on a tie); several years once each are a history, not a date.
  const countOf = (year: number) => dated.filter((entry) => entry.year === year).length;
  let shown = dated[0];
  for (const entry of dated) if (shown && countOf(entry.year) > countOf(shown.year)) shown = entry;
  if (!shown || (dated.length > 1 && countOf(shown.year) < 2)) return diagnostics;
  const message = context.say.overviewYear({
    year: shown.year,
    sentence: quoted(shown.sentence),
    more: countOf(shown.year) - 1,
    own: [...new Set(own)],
    titleYear: title,
    periodYear: period,
  });
  diagnostics.push(
    finding(
      'narrative/year-mismatch',
      message,
      context.locate(section, [shown.sentence]),
      [],
    ),
  );
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------
// Claims that everything was concluded.

type Claim = (typeof NARRATIVE_CLAIMS)[number];
let compiled: { claim: Claim; pattern: RegExp; context: RegExp; unless: RegExp }[] | undefined;
const claims = () =>
  (compiled ??= NARRATIVE_CLAIMS.map((claim) => ({
    claim,
    pattern: new RegExp(claim.pattern),
    context: new RegExp(claim.context),
    unless: new RegExp(claim.unless),
  })));

// The parts whose text speaks of the applications and cases of the tables.
const CLAIM_PARTS: readonly SectionKey[] = ['overview', 'applications', 'reviewLitigation'];

/** The rows of table 四 a sentence names: 复议 the review row (not as 复议后起诉), 诉讼 the two litigation rows. */
function caseRows(sentence: string): string[] {
  const review = /复议(?!后起诉)/.test(sentence.replace(/复议后起诉/g, ''));
  const litigation = /诉讼|起诉/.test(sentence);
  if (review && !litigation) return ['review'];
  if (litigation && !review) return ['litigationDirect', 'litigationAfterReview'];
  return ['review', 'litigationDirect', 'litigationAfterReview'];
}

function concluded(report: Report, context: ClaimContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const key of CLAIM_PARTS) {
    const section = report.sections[key];
    if (!section) continue;
    for (const sentence of sentencesOf(section)) {
      const folded = foldDigits(sentence);
      for (const { claim, pattern, context: about, unless } of claims()) {
        if (seen.has(claim.id) || !about.test(folded) || unless.test(folded)) continue;
        const match = pattern.exec(folded);
        if (!match) continue;
        const rows = claim.id === 'all-cases-closed' ? caseRows(folded) : [...claim.rows];
        const readings = rows.map((row) => read(report, cellRef(claim.table, row, claim.column), context.blankAsZero));
        const held = readings.filter((reading) => reading.value !== null && (reading.value as number) > 0);
        if (held.length === 0) continue;
        seen.add(claim.id);
        const phrase = sentence.slice(match.index, match.index + match[0].length);
        const cells = held.map((reading) => `${rowName(claim.table, reading.ref.row)} ${columnName(claim.table, claim.column)} ${formatNumber(reading.value as number)}`);
        const message = context.say.allConcluded({
          cases: claim.id === 'all-cases-closed',
          numeral: numeralOf(key),
          phrase,
          sentence: quoted(sentence),
          table: tableName(claim.table),
          cells,
        });
        diagnostics.push(
          finding(
            `narrative/${claim.id}`,
            message,
            context.locate(section, [sentence, phrase]),
            held.map((reading) => reading.ref),
          ),
        );
      }
    }
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------
// 信息处理费: part 六 silent while the report says fees were charged.

const CHARGED = new RegExp(PROCESSING_FEES.charged);
const NOT_CHARGED = new RegExp(PROCESSING_FEES.notCharged);
const FEE_PARTS: readonly SectionKey[] = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems'];

/** Where the report says 信息处理费 were charged: a sentence stating an amount above 0, or table 三's fee-notice row above 0. */
function feesCharged(report: Report, context: ClaimContext): { charged: FeesCharged; cells: CellRef[] } | undefined {
  for (const key of FEE_PARTS) {
    const section = report.sections[key];
    if (!section || !section.text.includes('处理费')) continue;
    for (const sentence of sentencesOf(section)) {
      const folded = foldDigits(sentence);
      const amount = CHARGED.exec(folded);
      if (!amount || Number(amount[1]) <= 0 || NOT_CHARGED.test(folded)) continue;
      return { charged: { kind: 'sentence', numeral: numeralOf(key), sentence: quoted(sentence) }, cells: [] };
    }
  }
  const notice = read(report, PROCESSING_FEES.notice, context.blankAsZero);
  if (notice.value !== null && notice.value > 0) {
    const { table, row, column } = PROCESSING_FEES.notice;
    return {
      charged: { kind: 'notice', table: tableName(table), row: rowName(table, row), column: columnName(table, column), value: formatNumber(notice.value) },
      cells: [notice.ref],
    };
  }
  return undefined;
}

/**
 * Part 六 says nothing of 信息处理费 (none of PROCESSING_FEES.mentions) while the report says
 * they were charged. Table 二's 行政事业性收费 (万元) is another matter and is no evidence.
 */
function feesUnreported(report: Report, context: ClaimContext): Diagnostic[] {
  const other = report.sections.other;
  if (!other || PROCESSING_FEES.mentions.some((word) => other.text.includes(word))) return [];
  const charged = feesCharged(report, context);
  if (!charged) return [];
  return [
    finding(
      'narrative/fees-unreported',
      context.say.feesUnreported({ heading: typeof other.heading === 'string' ? other.heading : SECTIONS[5].heading, charged: charged.charged }),
      other.position,
      charged.cells,
    ),
  ];
}

/**
 * What the text says that the report's own facts contradict: its year, "all concluded" against
 * table 三's carry-forward or table 四's pending cases, part 六 silent on fees that were charged.
 * None for a pre-2019 report.
 */
export function checkClaims(report: Report, context: ClaimContext): Diagnostic[] {
  if (report.meta.formatVersion === 'pre-2019') return [];
  return [...yearMismatch(report, context), ...concluded(report, context), ...feesUnreported(report, context)];
}
