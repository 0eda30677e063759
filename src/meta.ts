import type { Meta, Period } from './ast';
import type { Line } from './lines/split';
import { stripMarkdown } from './structure/headings';

/** Facts the report states about itself, found around its parts. */
export type MetaFacts = Omit<Meta, 'formatVersion' | 'script'>;

/** Where the closing block (issuing office, date) starts, if the report has one. */
export interface Closing {
  firstLine: number;
  issuer: string | null;
  date: string | null;
}

const TITLE_LINE = /(?:年度|工作)报告/;
// The title inside the first sentence: `特向社会公开 2022 年渠县政府信息公开工作年度报告。`
// Tried from every four digits, with a gap of at most 30: it is only run on the first 3,000
// characters (`head` below).
const TITLE_IN_TEXT = /(\d{4})\s*年度?\s*([^\s，。、；：《》“”"]{0,30}?)(?:政府信息公开|政务公开)(?:工作)?年度报告/;
// `(.*?)` and `(.*)$` backtrack against each other when `$` fails (a U+2028): both are only run
// on title lines of at most 60 characters.
const TITLE_PARTS = /^(.*?)(\d{4})年度?(.*)$/;
const AGENCY_AFTER_YEAR = /^(.*?)(?:政府信息公开|政务公开|信息公开)/;
const DOCUMENT_NUMBER = /^[\u4e00-\u9fff]{1,12}\s*[〔[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d{1,4}\s*号$/;
// Bounded gaps: the period sentence is short, and bounds keep the search linear.
const PERIOD =
  /统计(?:期限?|周期)[^。]{0,20}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。\d]{0,12}?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:印发)?$/;
const ISSUER_LINE = /^[\u4e00-\u9fff（）()·]{2,30}$/;

const iso = (year: string, month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** Finds the closing block: an issuing office line and a date line after the last part's text. */
export function findClosing(lines: readonly Line[], from: number): Closing | undefined {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const date = DATE_LINE.exec(stripMarkdown((lines[i] as Line).text.trim()));
    if (!date) continue;
    let issuerLine = i - 1;
    while (issuerLine >= from && (lines[issuerLine] as Line).text.trim() === '') issuerLine--;
    const issuerText = issuerLine >= from ? stripMarkdown((lines[issuerLine] as Line).text.trim()) : '';
    const issuer = ISSUER_LINE.test(issuerText) ? issuerText : null;
    return { firstLine: issuer ? issuerLine : i, issuer, date: iso(date[1] as string, date[2] as string, date[3] as string) };
  }
  return undefined;
}

/** Reads title, agency, year, period and document number from the text before the first part. */
export function readMetaFacts(lines: readonly Line[], preambleEnd: number, text: string, closing: Closing | undefined): MetaFacts {
  let title: string | null = null;
  let agency: string | null = null;
  let year: number | null = null;
  let documentNumber: string | null = null;

  for (let i = 0; i < preambleEnd; i++) {
    const line = stripMarkdown((lines[i] as Line).text.trim());
    if (!documentNumber && DOCUMENT_NUMBER.test(line)) documentNumber = squeeze(line);
    if (!title && line.length <= 60 && TITLE_LINE.test(line) && !/[。；]/.test(line)) {
      title = squeeze(line);
      // A title wrapped over two lines (`2024 年上海市科委政府信息公开工作` / `年度报告`): the
      // line before, short and no sentence, is its start.
      const before = i > 0 ? stripMarkdown((lines[i - 1] as Line).text.trim()) : '';
      if (!/\d{4}/.test(title) && before !== '' && before.length + line.length <= 60 && !/[。；，]/.test(before) && /\d{4}/.test(before)) title = squeeze(before + line);
      const parts = TITLE_PARTS.exec(title);
      if (parts) {
        year = Number(parts[2]);
        agency = (parts[1] as string) || (AGENCY_AFTER_YEAR.exec(parts[3] as string)?.[1] ?? null);
      }
    }
  }
  const head = text.slice(0, 3000);
  if (!title) {
    const found = TITLE_IN_TEXT.exec(head);
    if (found) {
      title = squeeze(found[0]);
      year = Number(found[1]);
      agency = squeeze(found[2] as string) || null;
    }
  }
  let period: Period | null = null;
  const stated = PERIOD.exec(head);
  if (stated) {
    const [, y1, m1, d1, y2, m2, d2] = stated as unknown as string[];
    period = { start: iso(y1 as string, m1 as string, d1 as string), end: iso((y2 ?? y1) as string, m2 as string, d2 as string) };
    year ??= Number(y1);
  }
  return {
    title,
    agency: agency || null,
    year,
    period,
    documentNumber,
    issuer: closing?.issuer ?? null,
    date: closing?.date ?? null,
  };
}
