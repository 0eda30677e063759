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
// A crawler's label before the title (`标题：河北省教育厅2019年…`); its title may be cut short
// (`…工作年度报...`), and is still the title.
const TITLE_LABEL = /^(?:标题|题目|文章标题)\s*[:：]\s*/;
const LABELLED_TITLE = /信息公开|政务公开|年度报/;
// The line of an agency's name standing above its title (`淮安市洪泽区人民政府` /
// `2024 年政府信息公开工作年度报告`): a name, ending as names of bodies and places end.
const AGENCY_END = /(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|院|中心|署|会|所|站|部|处|区|县|市|州|盟|旗|镇|乡|街道|办事处)$/;
// The year below a title that has none: `政府信息公开工作年度报告` / `（2023年度）`.
const YEAR_LINE = /^[（(]?\s*(\d{4})\s*年度?\s*[)）]?$/;

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

  const lineAt = (i: number) => (i >= 0 && i < lines.length ? stripMarkdown((lines[i] as Line).text.trim()) : '');
  for (let i = 0; i < preambleEnd; i++) {
    let line = lineAt(i);
    if (!documentNumber && DOCUMENT_NUMBER.test(line)) documentNumber = squeeze(line);
    if (title) continue;
    const labelled = TITLE_LABEL.exec(line);
    if (labelled) line = line.slice(labelled[0].length);
    if (line.length <= 60 && !/[。；]/.test(line) && (TITLE_LINE.test(line) || (labelled && LABELLED_TITLE.test(line)))) {
      title = squeeze(line);
      // The lines above the title line that are the title's start, wrapped: the first to be read.
      let first = i;
      // A title wrapped over two lines (`2024 年上海市科委政府信息公开工作` / `年度报告`): the
      // line before, short and no sentence, is its start.
      const before = labelled ? '' : lineAt(i - 1);
      if (!/\d{4}/.test(title) && before !== '' && before.length + line.length <= 60 && !/[。；，]/.test(before) && /\d{4}/.test(before)) {
        title = squeeze(before + line);
        first = i - 1;
      }
      let parts = TITLE_PARTS.exec(title);
      let named = parts ? (parts[1] as string) || (AGENCY_AFTER_YEAR.exec(parts[3] as string)?.[1] ?? '') : '';
      // A title with no year, the year below it: `政府信息公开工作年度报告` / `（2023年度）`.
      const below = parts ? null : YEAR_LINE.exec(lineAt(i + 1));
      if (below && i + 1 < preambleEnd) {
        year = Number(below[1]);
        named = AGENCY_AFTER_YEAR.exec(title)?.[1] ?? '';
        title = squeeze(`${title}${lineAt(i + 1)}`);
      }
      // The agency's name on a line of its own above (`淮安市洪泽区人民政府` / `2024 年…年度报告`),
      // a blank line between them at most.
      const name = named === '' && !labelled ? agencyAbove(lines, first) : undefined;
      if (name !== undefined) title = squeeze(name + title);
      if (parts) {
        parts = TITLE_PARTS.exec(title) ?? parts;
        year = Number(parts[2]);
      }
      agency = name ?? (named || null);
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

/** The agency's name on the line above a title's first line (a blank line between them at most), if that line is one. */
function agencyAbove(lines: readonly Line[], first: number): string | undefined {
  let i = first - 1;
  if (i >= 0 && (lines[i] as Line).text.trim() === '') i--;
  if (i < 0) return undefined;
  const text = stripMarkdown((lines[i] as Line).text.trim()).replace(/[\s\u3000]+/g, '');
  return ISSUER_LINE.test(text) && AGENCY_END.test(text) && !/\d/.test(text) ? text : undefined;
}

/**
 * The statement of the statistics period in a report's text (`统计期限自2022年1月1日起至2022年12月31日止`),
 * as it stands in the text, searched where {@link readMetaFacts} searches it; undefined without one.
 */
export function periodStatement(text: string): string | undefined {
  return PERIOD.exec(text.slice(0, 3000))?.[0];
}
