import type { Messages, NoValue } from './types';

// The form's own words (labels, 元, 信息处理费) stay in Chinese: they are what a reader looks for
// in the report. Rows and columns are named by their AST key where a program would look them up.

const keys = (named: readonly { key: string }[]) => named.map((n) => n.key).join(', ');
const plural = (count: number, word: string) => `${word}${count === 1 ? '' : 's'}`;

const noValue = (why: NoValue): string => {
  if (why.kind === 'notApplicable') return `not applicable (\`${why.raw}\`)`;
  if (why.kind === 'unreadable') return `unreadable (\`${why.raw}\`)`;
  return why.kind;
};

const NOT_A_REPORT = {
  empty: 'the text is empty',
  pdf: 'it is a PDF file read as text: read it with xxgk-report/pdf, or give its text (pdftotext)',
  zip: 'it is a zip archive read as text, such as a Word (.docx) file: save the document as text first',
  doc: 'it is an old Word (.doc) or Excel file read as text: save the document as text first',
  markup: "it is markup (HTML or XML) whose text holds none of a report's parts",
  binary: 'it holds control characters: binary data, not text',
  nothing: 'it has no title (…年度报告), none of the six parts and none of the three tables',
  misdecoded: 'its characters are not the text of the file (see text/wrong-encoding)',
} as const;

/** The messages in English. */
export const en: Messages = {
  where: ({ table, label, rows }) => (rows ? `${table} rows ${keys(rows)}` : label ? `${table} ${label}` : table),
  noValue,

  missingRow: ({ table, row }) => `${table}: row ${row.key} (${row.label}) was not found`,
  ambiguousLabel: ({ table, label, rows }) =>
    `${table}: the labels before these values (${label}) name several rows (${keys(rows)}); the values are placed by their order`,
  duplicateRow: ({ table, row, label }) => `${table}: row ${row.key} (${label}) appears again; the first one is kept`,
  outOfOrder: ({ table }) =>
    `${table}: the rows named around these values are not in the form's order, so where the values belong cannot be told; left unassigned`,
  unknownRow: ({ table, label }) =>
    `${table}: ${label ? `row label ${label} names no row of the table` : 'values without a row they can belong to'}; left unassigned`,
  strayValue: ({ table, width, beforeItsRow }) =>
    beforeItsRow
      ? `${table}: a lone value between a label and its row of ${width} cells is not read as a cell`
      : `${table}: a lone value between rows of ${width} cells is not read as a row`,
  unplacedRows: ({ table, given, rows }) =>
    `${table}: ${given} rows of values for the ${rows.length} rows ${keys(rows)}: which is which cannot be told; left unassigned`,
  tooManyValues: ({ where, given, expected }) => `${where}: ${given} values for ${expected} cells; left unassigned`,
  tooFewValues: ({ where, given, expected }) =>
    `${where}: ${given} values for ${expected} cells; which cells are missing cannot be told, left unassigned`,
  noSplit: ({ where, text, expected }) =>
    `${where}: no reading of \`${text}\` as ${expected} cells satisfies the table's identities; the source's numbers do not add up, left unassigned`,
  ambiguousValues: ({ where, text, expected, readings, count, overflow }) => {
    const listed = overflow ? 'too many readings to list' : `${count} readings: ${readings.join('; ')}${count > readings.length ? '; …' : ''}`;
    return `${where}: \`${text}\` can be read as ${expected} cells in more than one way (${listed}); left unassigned`;
  },

  blankCells: ({ table, row, columns, blankAsZero }) =>
    `${table} ${row.key}: ${plural(columns.length, 'blank cell')} in ${keys(columns)}${blankAsZero ? ' (read as 0 because of blankAsZero)' : ' (value null, not 0)'}`,
  settled: ({ where, text, readings, stated, line }) =>
    `${where}: \`${text}\` has ${readings} readings; the one taken is the one agreeing with the text before the tables ` +
    `(${stated.map((hint) => `${hint.column.key} ${hint.value}`).join(', ')}, at line ${line}): confirm it`,
  inferred: ({ where, text }) => `${where}: \`${text}\` has fewer numbers than cells; the values are inferred from the table's identities`,
  split: ({ where, text }) => `${where}: the glued digits \`${text}\` were split into cells by the table's identities`,
  unitConverted: ({ where, raw, value }) => `${where}: \`${raw}\` is in 元; read as ${value} 万元`,
  unitMismatch: ({ where, raw, unit, amounts, value }) =>
    `${where}: \`${raw}\` is in ${unit}, in ${amounts ? 'a column of amounts in 万元' : 'a column that counts'}; read as ${value}: check the source`,
  outOfRange: ({ where, raw, digits }) => `${where}: \`${raw}\` (${digits} digits) is too large to be a count held exactly (over 2^53); left unread`,
  recovered: ({ where, raw, value }) => `${where}: \`${raw}\` read as ${value} (a character next to it was lost)`,
  unreadable: ({ where, raw }) => `${where}: \`${raw}\` is not a number`,

  severalReports: ({ more, line }) =>
    `${more === 1 ? 'A second report starts' : `${more} more reports start`} here (\`${line}\`): only the first report is read; parseReports reads each`,
  wrongEncoding: (found) => {
    const why =
      found.kind === 'replacement'
        ? `${found.replaced} of its ${found.characters} characters are U+FFFD, which stands for bytes that were not text in the encoding used (reports are often saved as GB18030/GBK: decode them as that)`
        : found.kind === 'latin1'
          ? `${found.letters} accented Latin letters (such as \`${found.sample}\`) and almost no Chinese: Chinese bytes read as Latin-1 or Windows-1252 (decode the file as GB18030 or UTF-8)`
          : `${found.han} Chinese characters but none of the words every report uses (政府, 信息, 公开): most likely a Big5 file read as GB18030, or the reverse`;
    return `The text was decoded with the wrong encoding: ${why}`;
  },
  traditionalConverted: ({ count }) => `${count} traditional characters were read as simplified`,
  notAReport: (why) => `This is not an annual report's text: ${NOT_A_REPORT[why]}`,
  noTitle: () => 'No title line (…年度报告) was found',
  pre2019Format: () => 'This report follows the format used before 2019; its tables are not in the national format and are not read',
  missingSection: ({ numeral, heading }) => `Part ${numeral}、${heading} was not found`,
  missingTable: ({ table }) => `${table} was not found`,


  identityPlace: ({ table, column, row }) => (column !== undefined ? `${table}, column ${column}` : `${table}, row ${row}`),
  side: ({ terms, sum, listed }) => {
    const [first] = terms;
    const last = terms[terms.length - 1];
    if (!first || !last) return sum;
    if (terms.length === 1) return `${first.name} ${sum}`;
    if (terms.length > listed) return `the ${terms.length} terms ${first.name} … ${last.name} = ${sum}`;
    return `${terms.map((term) => `${term.name} ${term.value}`).join(' + ')} = ${sum}`;
  },
  identityFails: ({ place, identity, left, right, difference, assumedZero, wrongColumn }) =>
    `${place}: ${identity} does not hold: ${left}, but ${right} (difference ${difference})` +
    (assumedZero.length > 0 ? `; blank cells counted as 0: ${assumedZero.join(', ')}` : '') +
    (wrongColumn
      ? `; ${wrongColumn.other} is off by the opposite amount while ${wrongColumn.total} balances: ` +
        `an application was likely filed under the wrong column (${wrongColumn.at} or ${wrongColumn.other})`
      : ''),
  identityUnchecked: ({ place, identity, unread, withZeros }) =>
    `${place}: ${identity} cannot be checked: ${unread.map((term) => `${term.term} is ${noValue(term.why)}`).join(', ')}` +
    (withZeros ? `; with blank cells as 0 it does not hold: ${withZeros.left}, but ${withZeros.right} (difference ${withZeros.difference})` : ''),
  blanksHolding: ({ table, identities, cells, rows, moreRows }) =>
    `${table}: ${identities} identities cannot be checked: ${cells} cells are blank (in ${rows.join(', ')}${moreRows > 0 ? ` and ${moreRows} more rows` : ''}); ` +
    'with blank cells as 0 they all hold (read blanks as 0 with blankAsZero if blank means 0 here)',
  rowsMissing: ({ table, identity, rows }) =>
    `${table}: ${identity} cannot be checked in any column: ` +
    rows.map((row) => `${row.label} (${row.setAsideAs ? `read but not assigned: ${row.setAsideAs}` : 'not found'})`).join(', '),
  negative: ({ table, row, column, value }) => `${table}, ${row} ${column}: ${value} is negative; counts and amounts cannot be`,
  notWhole: ({ table, row, column, value }) => `${table}, ${row} ${column}: ${value} is not a whole number; this column counts`,

  statedCount: ({ stated, sum, phrase, cell, value, difference }) =>
    `Part 一 states ${sum ? `${sum} = ${stated}` : stated} (“${phrase}”), but ${cell} is ${value} (difference ${difference})`,
  titlePeriodYear: ({ year, title, start, end }) =>
    `The title is for ${year} (\`${title}\`), but the statistics period is ${start} to ${end}: one of them was not updated (a report copied from another year's?)`,
  overviewYear: ({ year, sentence, more, own, titleYear, periodYear }) => {
    const where = [titleYear !== null ? `the title ${titleYear}` : '', periodYear !== null ? `the statistics period ${periodYear}` : ''].filter(Boolean).join(', ');
    return (
      `Part 一 dates its work to ${year} (“${sentence}”${more > 0 ? `, and ${more} more ${plural(more, 'sentence')}` : ''}) ` +
      `and never names ${own.join(' or ')}, the report's year (${where}): part 一 may be another year's text`
    );
  },
  allConcluded: ({ cases, numeral, phrase, sentence, table, cells }) =>
    `Part ${numeral} says ${cases ? 'every case was concluded' : 'every application was concluded'} (“${phrase}” in “${sentence}”), ` +
    `but ${table} has ${cells.join(', ')}: ${cases ? 'cases are still pending' : 'applications are carried forward to next year'}`,
  feesUnreported: ({ heading, charged }) => {
    const said =
      charged.kind === 'sentence'
        ? `part ${charged.numeral} says “${charged.sentence}”`
        : `${charged.table} ${charged.row} ${charged.column} is ${charged.value} (a 收费通知 was sent: fees were charged)`;
    return `Part 六、${heading} says nothing of 信息处理费, but ${said}: part 六 should report the fees charged (in 元)`;
  },
  misnumberedSection: ({ numeral, heading, written, writtenHeading }) =>
    `Part ${numeral}、${heading} is numbered ${written} (\`${written}、${writtenHeading}\`); it was recognised by its heading's words, as part ${numeral}`,
  emptyProblems: ({ heading, text }) =>
    `Part 五、${heading} ${text === '' ? 'is empty' : `says only \`${text}\``}: ` +
    "the format asks for the main problems of the year's disclosure work and how they are being addressed",

  carriedOver: ({ table, row, column, thisYear, lastRow, lastYear, difference }) =>
    `${table}, ${row} ${column}: ${thisYear}, but last year's ${lastRow} was ${lastYear} (difference ${difference})`,
  inForce: (p) =>
    `${p.table}, ${p.row}: ${p.inForce} ${p.thisYear}, but last year's ${p.lastYear} + ${p.issued} ${p.issuedValue} − ${p.repealed} ${p.repealedValue} = ` +
    `${p.expected} (difference ${p.difference}; documents that lapse without repeal also explain a shortfall)`,
  differentAgencies: ({ agencies }) => `The reports are of different agencies (${agencies.join(' and ')}); they were not compared`,
  notConsecutive: ({ before, now }) => `The reports are for ${before} and ${now}, not for consecutive years; they were not compared`,

  part: ({ index, name, agency }) => `${name ?? `parts[${index}]`}${agency ? ` (${agency})` : ''}`,
  partTrouble: ({ part, trouble }) => {
    switch (trouble.kind) {
      case 'noTable':
        return `${part} has no ${trouble.table}`;
      case 'otherFormat':
        return `${part}'s ${trouble.table} is in the ${trouble.theirs} format, the summary's in the ${trouble.ours}`;
      case 'noRow':
        return `${part} has no row ${trouble.row}`;
      case 'noColumn':
        return `${part} has no ${trouble.column} in ${trouble.row}`;
      case 'noValue':
        return `${part} has ${trouble.row} ${trouble.column} ${noValue(trouble.why)}`;
    }
  },
  summarySum: ({ where, own, parts, sum, terms, zeros, difference }) => {
    const listed = terms.length > 0 ? terms.map((term) => `${term.part} ${term.value}`).join(' + ') : 'every part 0';
    return (
      `${where}: the summary has ${own}, but its ${parts} parts sum to ${sum} ` +
      `(${listed}${terms.length > 0 && zeros > 0 ? `; 0 in the other ${zeros}` : ''}) (difference ${difference})`
    );
  },
  summaryCellNoValue: ({ where, why }) => `${where}: the summary's cell is ${noValue(why)}`,
  partNoValue: ({ where, trouble }) => `${where}: ${trouble}`,
  summaryUnchecked: ({ table, cells, reasons, more }) =>
    `${table}: ${cells} ${plural(cells, 'cell')} of the summary cannot be checked against its parts: ${reasons.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
  differentYears: ({ year, others }) =>
    `The summary is for ${year}, but ${others.map((other) => `${other.part} ${other.year}`).join(', ')}: reports of different years were not compared`,
};
