import { NARRATIVE_FACTS } from '../../grammar/index';
import type { Report, Section } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Messages } from '../messages/index';
import { foldDigits } from '../tables/cell';
import { cellRef, read } from './cells';
import { finding } from './codes';
import { columnName, formatDifference, formatNumber, rowName, tableName } from '../messages/names';
import { requiredPhrases } from './phrases';
import { sentencesWith, type Locator } from './sentences';

type Fact = (typeof NARRATIVE_FACTS)[number];

interface CompiledFact {
  fact: Fact;
  pattern: RegExp;
  context: RegExp;
  rows: readonly string[];
  /** For a fact that lists the parts of another's total. */
  parts?: { of: string; after: string; counts: RegExp };
  /** Phrases one of which every match of `pattern` holds; undefined when the pattern does not say. */
  phrases: readonly string[] | undefined;
}

interface Compiled {
  facts: CompiledFact[];
  /**
   * Finds the phrases one of which a sentence must hold to state any fact; undefined when that
   * is not known. It runs on the section text as written unless a phrase has a digit or a point,
   * which folding could make or unmake.
   */
  search: RegExp | undefined;
  searchFolded: boolean;
}

let compiled: Compiled | undefined;

const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

// Compiled on first use, so that importing the library stays cheap.
function compile(): Compiled {
  if (compiled) return compiled;
  // Facts mostly share a context: one expression each, so that a sentence is tested once per context.
  const contexts = new Map<string, RegExp>();
  const facts = NARRATIVE_FACTS.map((fact) => {
    let context = contexts.get(fact.context);
    if (!context) contexts.set(fact.context, (context = new RegExp(fact.context)));
    const entry: CompiledFact = {
      fact,
      pattern: new RegExp(fact.pattern, 'g'),
      context,
      rows: typeof fact.row === 'string' ? [fact.row] : fact.row,
      phrases: requiredPhrases(fact.pattern),
    };
    if ('partsOf' in fact) entry.parts = { of: fact.partsOf, after: fact.after, counts: new RegExp(fact.counts, 'g') };
    return entry;
  });
  // Parts are only read after the match of the fact they add up to, so that fact's phrases cover them.
  const totals = facts.filter((fact) => !fact.parts);
  const phrases = totals.every((fact) => fact.phrases) ? [...new Set(totals.flatMap((fact) => fact.phrases ?? []))] : undefined;
  compiled = {
    facts,
    search: phrases && new RegExp(phrases.map(escape).join('|'), 'g'),
    searchFolded: phrases?.some((phrase) => /[0-9.０-９．]/.test(phrase)) ?? false,
  };
  return compiled;
}

function holdsOne(text: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (text.includes(phrase)) return true;
  return false;
}

const countOf = (match: RegExpExecArray) => Number((match[1] as string).replace(/,/g, ''));

function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push(match);
  return matches;
}

/** A statement of a count in a sentence: where it stands and what it says. */
interface Statement {
  fact: CompiledFact;
  stated: number;
  /** The sentence's words that state it. */
  phrase: string;
  /** How the count is made up, when it is a sum of parts. */
  sum?: string;
}

/**
 * What a sentence states: the first match of each fact, and, after a total's match and the word
 * that introduces its parts (其中), the parts, when every count there is one.
 */
function statements(text: string, folded: string): Statement[] {
  const { facts } = compile();
  const found: Statement[] = [];
  const ends = new Map<string, number>();
  let context: RegExp | undefined;
  let inContext = false;
  for (const fact of facts) {
    if (fact.parts || (fact.phrases && !holdsOne(folded, fact.phrases))) continue;
    if (fact.context !== context) {
      context = fact.context;
      inContext = context.test(folded);
    }
    if (!inContext) continue;
    fact.pattern.lastIndex = 0;
    const match = fact.pattern.exec(folded);
    if (!match) continue;
    ends.set(fact.fact.id, match.index + match[0].length);
    found.push({ fact, stated: countOf(match), phrase: text.slice(match.index, match.index + match[0].length) });
  }
  if (ends.size === 0) return found;
  for (const fact of facts) {
    const end = fact.parts ? ends.get(fact.parts.of) : undefined;
    if (!fact.parts || end === undefined) continue;
    const start = folded.indexOf(fact.parts.after, end);
    if (start === -1) continue;
    const clause = folded.slice(start);
    const parts = allMatches(fact.pattern, clause);
    if (parts.length < 2 || parts.length !== allMatches(fact.parts.counts, clause).length) continue;
    const values = parts.map(countOf);
    found.push({
      fact,
      stated: values.reduce((a, b) => a + b, 0),
      phrase: text.slice(start),
      sum: values.map(formatNumber).join(' + '),
    });
  }
  return found;
}

function compare(report: Report, statement: Statement, section: Section, sentence: string, context: NarrativeContext): Diagnostic | undefined {
  const { fact, rows } = statement.fact;
  const readings = rows.map((row) => read(report, cellRef(fact.table, row, fact.column), context.blankAsZero));
  if (readings.some((reading) => reading.value === null)) return undefined;
  const value = readings.reduce((sum, reading) => sum + (reading.value as number), 0);
  if (value === statement.stated) return undefined;
  const cell = `${tableName(fact.table)} ${rows.map((row) => rowName(fact.table, row)).join(' + ')} ${columnName(fact.table, fact.column)}`;
  const message = context.say.statedCount({
    stated: formatNumber(statement.stated),
    ...(statement.sum ? { sum: statement.sum } : {}),
    phrase: statement.phrase,
    cell,
    value: formatNumber(value),
    difference: formatDifference(statement.stated - value),
  });
  return finding(
    `narrative/${fact.id}`,
    message,
    context.locate(section, [sentence, statement.phrase]),
    readings.map((reading) => reading.ref),
  );
}

/** What the narrative check needs besides the report. */
export interface NarrativeContext {
  locate: Locator;
  blankAsZero: boolean;
  say: Messages;
}

/**
 * Compares the counts part 一 states (NARRATIVE_FACTS in grammar/) with the tables: a warning for
 * each sentence whose count differs. A fact whose cells have no value is not compared.
 */
export function checkNarrative(report: Report, context: NarrativeContext): Diagnostic[] {
  const section = report.sections.overview;
  if (!section) return [];
  const diagnostics: Diagnostic[] = [];
  const { search, searchFolded } = compile();
  const text = section.text;
  const bounds = sentencesWith(searchFolded ? foldDigits(text) : text, search);
  for (let i = 0; i < bounds.length; i += 2) {
    const sentence = text.slice(bounds[i], bounds[i + 1]);
    // Folding full-width digits keeps every offset, so a match indexes the sentence as written.
    for (const statement of statements(sentence, foldDigits(sentence))) {
      const diagnostic = compare(report, statement, section, sentence, context);
      if (diagnostic) diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}
