import { NOT_APPLICABLE, UNITS } from '../../grammar/index';
import type { CellState } from '../ast';

/** What a cell's text says, before it becomes a node. */
export interface CellReading {
  readonly state: CellState;
  readonly value: number | null;
  readonly unit?: string;
}

// Digits with optional thousands groups (ASCII or full-width comma) and decimals, then an
// optional unit. Every quantifier is over a class that the next token cannot start with.
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:[,，]\\d{3})+|\\d+)(?:\\.(\\d+))?[\\s\\u3000]*(${[...UNITS.money, ...UNITS.count].join('|')})?$`);
// A digit run that lost a character next to it: `0?`, `?0`, `3？`.
const RECOVERED = /^[?？]*(\d+)[?？]*$/;
const NOT_APPLICABLE_SET: ReadonlySet<string> = new Set(NOT_APPLICABLE);
const LONGEST_NOT_APPLICABLE = Math.max(...NOT_APPLICABLE.map((text) => text.length));

const FULL_WIDTH = /[０-９．]/;

/** Full-width digits and the full-width dot to ASCII, leaving everything else alone. */
export function foldDigits(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function isPad(code: number): boolean {
  return code <= 32 || code === 0x3000 || code === 0xa0;
}

/** First characters of the texts NUMBER or RECOVERED can match: a digit, a sign, a `?`. */
const MAY_START_VALUE: ReadonlySet<number> = new Set([...'0123456789+-?？'].map((c) => c.charCodeAt(0)));

/** The value of a run of ASCII digits short enough to be exact, else -1. */
function digitsValue(text: string): number {
  if (text.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

// Readings are shared (and frozen) where they can be: those without a value, since most cells a
// parse reads are labels, and those of the small counts most values are.
const BLANK: CellReading = Object.freeze({ state: 'blank', value: null });
const NOT_APPLICABLE_READING: CellReading = Object.freeze({ state: 'notApplicable', value: null });
const UNREADABLE: CellReading = Object.freeze({ state: 'unreadable', value: null });
const SMALL_COUNTS = 1024;
const smallCounts: CellReading[] = [];

function countReading(value: number): CellReading {
  if (value >= SMALL_COUNTS) return Object.freeze({ state: 'number', value });
  let reading = smallCounts[value];
  if (!reading) smallCounts[value] = reading = Object.freeze({ state: 'number', value });
  return reading;
}

/** Reads the text of one table cell. The result is frozen, and may be shared with other calls. */
export function readCell(text: string): CellReading {
  const padded = text.length > 0 && (isPad(text.charCodeAt(0)) || isPad(text.charCodeAt(text.length - 1)));
  // trim() removes exactly what `\s` matches (U+3000 included) in one pass; a `\s+$` regex would
  // rescan a run of inner spaces from each of its positions, quadratic in the run.
  const bare = padded ? text.trim() : text;
  if (bare === '') return BLANK;
  const first = bare.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const value = digitsValue(bare);
    if (value !== -1) return countReading(value);
  }
  if (bare.length <= LONGEST_NOT_APPLICABLE && NOT_APPLICABLE_SET.has(bare)) return NOT_APPLICABLE_READING;
  // Labels are most of the rest: a first character no value starts with settles them without
  // the regexes below.
  if (!MAY_START_VALUE.has(first) && !(first >= 0xff10 && first <= 0xff19)) return UNREADABLE;
  const trimmed = foldDigits(bare);
  const number = NUMBER.exec(trimmed);
  if (number) {
    const digits = (number[2] as string).replace(/[,，]/g, '');
    const value = Number(`${number[1]}${digits}${number[3] ? `.${number[3]}` : ''}`);
    return Object.freeze(number[4] ? { state: 'number', value, unit: number[4] } : { state: 'number', value });
  }
  const recovered = RECOVERED.exec(trimmed);
  if (recovered && trimmed.length > (recovered[1] as string).length) {
    return Object.freeze({ state: 'recovered', value: Number(recovered[1]) });
  }
  return UNREADABLE;
}

/** True when a reading is a value: a number (maybe recovered) or not-applicable, not text or blank. */
export function holdsValue(reading: CellReading): boolean {
  return reading.state === 'number' || reading.state === 'recovered' || reading.state === 'notApplicable';
}
