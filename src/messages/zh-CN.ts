import type { Messages, NoValue } from './types';

// Rows and columns are named by their labels on the form (a key is for programs). Technical
// names stay as written: codes (`table/unknown-row`), options (blankAsZero), functions, file
// formats and encodings (PDF, GB18030), and text quoted from the source in backticks.

const labels = (named: readonly { label: string }[]) => named.map((n) => n.label).join('、');

const noValue = (why: NoValue): string => {
  if (why.kind === 'notApplicable') return `填为不适用（\`${why.raw}\`）`;
  if (why.kind === 'unreadable') return `无法识别（\`${why.raw}\`）`;
  return why.kind === 'blank' ? '为空' : '缺失';
};

const NOT_A_REPORT = {
  empty: '文本为空',
  pdf: '这是被当作文本读取的 PDF 文件：请用 xxgk-report/pdf 读取，或提供其文本（pdftotext）',
  zip: '这是被当作文本读取的 zip 压缩包，如 Word 的 .docx 文件：请先将文档另存为文本',
  doc: '这是被当作文本读取的旧版 Word（.doc）或 Excel 文件：请先将文档另存为文本',
  markup: '这是标记语言（HTML 或 XML），其文字中没有报告的任何部分',
  binary: '其中含有控制字符：这是二进制数据，不是文本',
  nothing: '没有标题（…年度报告），六个部分和三张表格一个也没有',
  misdecoded: '其中的字符不是文件原本的文字（见 text/wrong-encoding）',
} as const;

/** The messages in simplified Chinese. */
export const zhCN: Messages = {
  where: ({ table, label, rows }) => (rows ? `${table} ${labels(rows)}各行` : label ? `${table} ${label}` : table),
  noValue,

  missingRow: ({ table, row }) => `${table}：未找到“${row.label}”行`,
  ambiguousLabel: ({ table, label, rows }) => `${table}：这些数值前的标签（${label}）可指多行（${labels(rows)}），数值按顺序放置`,
  duplicateRow: ({ table, label }) => `${table}：“${label}”行再次出现，保留第一次出现的数值`,
  outOfOrder: ({ table }) => `${table}：这些数值前后的行不符合表格规定的顺序，无法判断数值属于哪一行，未予分配`,
  unknownRow: ({ table, label }) => (label ? `${table}：行标签“${label}”不是本表的行，未予分配` : `${table}：这些数值没有可归属的行，未予分配`),
  strayValue: ({ table, width, beforeItsRow }) =>
    beforeItsRow
      ? `${table}：标签与其后${width}个单元格的一行之间有一个孤立的数值，未作为单元格读取`
      : `${table}：各有${width}个单元格的两行之间有一个孤立的数值，未作为一行读取`,
  unplacedRows: ({ table, given, rows }) => `${table}：${given}行数值对应${rows.length}行（${labels(rows)}），无法判断哪行是哪行，未予分配`,
  tooManyValues: ({ where, given, expected }) => `${where}：${expected}个单元格给出了${given}个数值，未予分配`,
  tooFewValues: ({ where, given, expected }) => `${where}：${expected}个单元格只有${given}个数值，无法判断缺少哪些单元格，未予分配`,
  noSplit: ({ where, text, expected }) =>
    `${where}：\`${text}\`无论怎样拆分为${expected}个单元格，都不满足本表的勾稽关系（原文的数字本身对不上），未予分配`,
  ambiguousValues: ({ where, text, expected, readings, count, overflow }) => {
    const listed = overflow ? '读法太多，无法列出' : `${count}种读法：${readings.join('；')}${count > readings.length ? '；…' : ''}`;
    return `${where}：\`${text}\`拆分为${expected}个单元格有不止一种读法（${listed}），未予分配`;
  },

  blankCells: ({ table, row, columns, blankAsZero }) =>
    `${table} ${row.label}：${labels(columns)}${columns.length > 1 ? '均' : ''}为空${blankAsZero ? '（按 blankAsZero 选项读作 0）' : '（值留空，不作 0 计）'}`,
  settled: ({ where, text, readings, stated, line }) =>
    `${where}：\`${text}\`有${readings}种读法，采用的是与表格前正文一致的一种` +
    `（${stated.map((hint) => `${hint.column.label} ${hint.value}`).join('，')}，见第${line}行）：请核实`,
  inferred: ({ where, text }) => `${where}：\`${text}\`的数字少于单元格，各值由本表的勾稽关系推出`,
  split: ({ where, text }) => `${where}：粘连的数字\`${text}\`已按本表的勾稽关系拆分到各单元格`,
  unitConverted: ({ where, raw, value }) => `${where}：\`${raw}\`以元为单位，已折算为${value}万元`,
  unitMismatch: ({ where, raw, unit, amounts, value }) =>
    `${where}：\`${raw}\`的单位是${unit}，而本列${amounts ? '是以万元计的金额' : '是计数'}；读作${value}，请核对原文`,
  outOfRange: ({ where, raw, digits }) => `${where}：\`${raw}\`（${digits}位数字）过大，超出能精确表示的计数范围（2^53），未予读取`,
  recovered: ({ where, raw, value }) => `${where}：\`${raw}\`读作${value}（其旁的一个字符已丢失）`,
  unreadable: ({ where, raw }) => `${where}：\`${raw}\`不是数字`,

  severalReports: ({ more, line }) =>
    `此处开始${more === 1 ? '第二份报告' : `另外${more}份报告`}（\`${line}\`）：只读取了第一份报告；parseReports 可逐份读取`,
  wrongEncoding: (found) => {
    const why =
      found.kind === 'replacement'
        ? `${found.characters}个字符中有${found.replaced}个是 U+FFFD，代表所用编码无法解读的字节（报告常以 GB18030/GBK 保存，请按此解码）`
        : found.kind === 'latin1'
          ? `有${found.letters}个带重音符号的拉丁字母（如\`${found.sample}\`），几乎没有汉字：中文字节被当作 Latin-1 或 Windows-1252 读取（请按 GB18030 或 UTF-8 解码）`
          : `有${found.han}个汉字，却没有每份报告都会用到的词（政府、信息、公开）：很可能是 Big5 文件被当作 GB18030 读取，或者相反`;
    return `文本的解码方式有误：${why}`;
  },
  traditionalConverted: ({ count }) => `${count}个繁体字已按简体读取`,
  notAReport: (why) => `这不是年度报告的文本：${NOT_A_REPORT[why]}`,
  noTitle: () => '未找到标题行（…年度报告）',
  pre2019Format: () => '本报告采用 2019 年以前的格式，其表格不是全国统一的格式，未予读取',
  missingSection: ({ numeral, heading }) => `未找到第${numeral}部分“${numeral}、${heading}”`,
  missingTable: ({ table }) => `未找到${table}`,


  identityPlace: ({ table, column, row }) => (column !== undefined ? `${table}“${column}”列` : `${table}“${row}”行`),
  side: ({ terms, sum, listed }) => {
    const [first] = terms;
    const last = terms[terms.length - 1];
    if (!first || !last) return sum;
    if (terms.length === 1) return `${first.name} ${sum}`;
    if (terms.length > listed) return `${first.name}至${last.name}共${terms.length}项之和 = ${sum}`;
    return `${terms.map((term) => `${term.name} ${term.value}`).join(' + ')} = ${sum}`;
  },
  identityFails: ({ place, identity, left, right, difference, assumedZero, wrongColumn }) =>
    `${place}：不满足“${identity}”：${left}，而${right}（相差 ${difference}）` +
    (assumedZero.length > 0 ? `；空白单元格按 0 计：${assumedZero.join('、')}` : '') +
    (wrongColumn
      ? `；${wrongColumn.other}相差的数与之相反，而${wrongColumn.total}平衡：可能有申请记在了错误的列（${wrongColumn.at}或${wrongColumn.other}）`
      : ''),
  identityUnchecked: ({ place, identity, unread, withZeros }) =>
    `${place}：“${identity}”无法核对：${unread.map((term) => `${term.term}${noValue(term.why)}`).join('，')}` +
    (withZeros ? `；空白单元格按 0 计时不成立：${withZeros.left}，而${withZeros.right}（相差 ${withZeros.difference}）` : ''),
  blanksHolding: ({ table, identities, cells, rows, moreRows }) =>
    `${table}：${identities}项勾稽关系无法核对：${cells}个单元格为空（位于${rows.join('、')}${moreRows > 0 ? `及另外${moreRows}行` : ''}）；` +
    '空白单元格按 0 计时全部成立（如本表的空白即为 0，可用 blankAsZero 选项按 0 读取）',
  rowsMissing: ({ table, identity, rows }) =>
    `${table}：“${identity}”在各列均无法核对：` +
    rows.map((row) => `${row.label}（${row.setAsideAs ? `已读取但未分配：${row.setAsideAs}` : '未找到'}）`).join('，'),
  negative: ({ table, row, column, value }) => `${table} ${row} ${column}：${value} 是负数，而计数和金额不能为负`,
  notWhole: ({ table, row, column, value }) => `${table} ${row} ${column}：${value} 不是整数，而本列是计数`,

  statedCount: ({ stated, sum, phrase, cell, value, difference }) =>
    `第一部分称 ${sum ? `${sum} = ${stated}` : stated}（“${phrase}”），而${cell}为 ${value}（相差 ${difference}）`,
  titlePeriodYear: ({ year, title, start, end }) =>
    `标题的年度是${year}年（\`${title}\`），而统计期限是${start}至${end}：其中之一未更新（是否由其他年度的报告复制而来？）`,
  overviewYear: ({ year, sentence, more, own, titleYear, periodYear }) => {
    const where = [titleYear !== null ? `标题为${titleYear}年` : '', periodYear !== null ? `统计期限为${periodYear}年` : ''].filter(Boolean).join('，');
    return (
      `第一部分把工作记在${year}年（“${sentence}”${more > 0 ? `，另有${more}句` : ''}），` +
      `却从未提到本报告的年度${own.map((y) => `${y}年`).join('或')}（${where}）：第一部分可能是其他年度的文字`
    );
  },
  allConcluded: ({ cases, numeral, phrase, sentence, table, cells }) =>
    `第${numeral}部分称${cases ? '所有案件均已审结' : '所有申请均已办结'}（“${phrase}”，见“${sentence}”），` +
    `而${table}中${cells.join('，')}：${cases ? '仍有案件尚未审结' : '仍有申请结转下年度继续办理'}`,
  feesUnreported: ({ heading, charged }) => {
    const said =
      charged.kind === 'sentence'
        ? `第${charged.numeral}部分称“${charged.sentence}”`
        : `${charged.table} ${charged.row} ${charged.column}为 ${charged.value}（发出了收费通知，即收取了费用）`;
    return `第六部分“六、${heading}”未提及信息处理费，而${said}：第六部分应报告收取的费用（以元计）`;
  },
  misnumberedSection: ({ numeral, heading, written, writtenHeading }) =>
    `第${numeral}部分“${numeral}、${heading}”的编号写作${written}（\`${written}、${writtenHeading}\`）；已按标题的文字识别为第${numeral}部分`,
  emptyProblems: ({ heading, text }) =>
    `第五部分“五、${heading}”${text === '' ? '为空' : `只写了\`${text}\``}：格式要求写明本年度政府信息公开工作存在的主要问题和改进情况`,

  carriedOver: ({ table, row, column, thisYear, lastRow, lastYear, difference }) =>
    `${table} ${row} ${column}：本年为 ${thisYear}，而上年的${lastRow}为 ${lastYear}（相差 ${difference}）`,
  inForce: (p) =>
    `${p.table} ${p.row}：${p.inForce} ${p.thisYear}，而上年的 ${p.lastYear} + ${p.issued} ${p.issuedValue} − ${p.repealed} ${p.repealedValue} = ` +
    `${p.expected}（相差 ${p.difference}；未经废止而失效的文件也会造成差额）`,
  differentAgencies: ({ agencies }) => `两份报告属于不同机关（${agencies.join('和')}），未作比较`,
  notConsecutive: ({ before, now }) => `两份报告分别是${before}年和${now}年的，不是相邻年度，未作比较`,

  part: ({ index, name, agency }) => `${name ?? `第${index + 1}份下级报告`}${agency ? `（${agency}）` : ''}`,
  partTrouble: ({ part, trouble }) => {
    switch (trouble.kind) {
      case 'noTable':
        return `${part}没有${trouble.table}`;
      case 'otherFormat':
        return `${part}的${trouble.table}是${trouble.theirs}年格式，汇总报告的是${trouble.ours}年格式`;
      case 'noRow':
        return `${part}没有“${trouble.row}”行`;
      case 'noColumn':
        return `${part}的“${trouble.row}”行没有“${trouble.column}”列`;
      case 'noValue':
        return `${part}的${trouble.row} ${trouble.column}${noValue(trouble.why)}`;
    }
  },
  summarySum: ({ where, own, parts, sum, terms, zeros, difference }) => {
    const listed = terms.length > 0 ? terms.map((term) => `${term.part} ${term.value}`).join(' + ') : '各份均为 0';
    return (
      `${where}：汇总报告为 ${own}，而其${parts}份下级报告之和为 ${sum}` +
      `（${listed}${terms.length > 0 && zeros > 0 ? `；其余${zeros}份为 0` : ''}）（相差 ${difference}）`
    );
  },
  summaryCellNoValue: ({ where, why }) => `${where}：汇总报告的该单元格${noValue(why)}`,
  partNoValue: ({ where, trouble }) => `${where}：${trouble}`,
  summaryUnchecked: ({ table, cells, reasons, more }) =>
    `${table}：汇总报告有${cells}个单元格无法与下级报告核对：${reasons.join('；')}${more > 0 ? `；另有${more}处` : ''}`,
  differentYears: ({ year, others }) =>
    `汇总报告的年度是${year}年，而${others.map((other) => `${other.part}是${other.year}年`).join('，')}：不同年度的报告未作比较`,
};
