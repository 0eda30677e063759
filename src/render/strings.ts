import type { CellOrigin } from '../ast';
import type { Severity } from '../diagnostics';
import type { Locale } from '../messages/index';


/** The words of the visual report and the index page in one language. */
export interface Strings {
  /** The `lang` of the page. */
  lang: string;
  /** A severity's name, and the sign standing beside it wherever colour marks it. */
  severity: Record<Severity, { name: string; sign: string }>;
  /** A cell's origin: the sign marking the cell, its name, and what it means. */
  origin: Record<Exclude<CellOrigin, 'read'>, { sign: string; name: string; meaning: string }>;
  pageTitle: (title: string) => string;
  untitled: string;
  summary: (errors: number, warnings: number, infos: number) => string;
  legend: string;
  legendSeverity: (name: string) => string;
  findings: string;
  noFindings: string;
  source: string;
  sourceHint: string;
  noSource: string;
  line: (line: number) => string;
  lines: (from: number, to: number) => string;
  showSource: (line: number) => string;
  showCell: string;
  cellsNotInTable: (count: number) => string;
  cellsNamed: (count: number) => string;
  rawText: (raw: string) => string;
  reportText: string;
  unassigned: string;
  skipToFindings: string;
  keyboardHint: string;
  // The index page.
  indexTitle: string;
  indexSummary: (reports: number, errors: number, warnings: number) => string;
  columns: { report: string; agency: string; year: string; errors: string; warnings: string };
  noLink: string;
}

const ZH: Strings = {
  lang: 'zh-CN',
  severity: {
    error: { name: '错误', sign: '×' },
    warning: { name: '警告', sign: '!' },
    info: { name: '提示', sign: 'i' },
  },
  origin: {
    inferred: { sign: '推', name: '推算', meaning: '原文数字少于单元格，本值由表格的勾稽关系推算得出' },
    split: { sign: '拆', name: '拆分', meaning: '原文数字连写在一起（如 713000074），本值由勾稽关系拆分得出' },
  },
  pageTitle: (title) => `${title} · 检查结果`,
  untitled: '政府信息公开工作年度报告',
  summary: (errors, warnings, infos) => `错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个`,
  legend: '图例',
  legendSeverity: (name) => `${name}：有“${name}”级问题涉及的单元格`,
  findings: '发现的问题',
  noFindings: '未发现问题。',
  source: '原文',
  sourceHint: '选择问题旁的“原文”链接，在此查看原文中的相应位置。',
  noSource: '未提供原文。',
  line: (line) => `第 ${line} 行`,
  lines: (from, to) => `第 ${from}–${to} 行`,
  showSource: (line) => `原文第 ${line} 行`,
  showCell: '表中单元格',
  cellsNotInTable: (count) => `${count} 个单元格不在表中`,
  cellsNamed: (count) => `涉及 ${count} 个单元格`,
  rawText: (raw) => `原文为“${raw}”`,
  reportText: '正文',
  unassigned: '未能归入表格的行',
  skipToFindings: '跳到发现的问题',
  keyboardHint: '用 Tab 键可逐个到达标记的单元格和问题；鼠标悬停或键盘聚焦在单元格上时显示问题说明。',
  indexTitle: '政府信息公开工作年度报告 · 检查结果',
  indexSummary: (reports, errors, warnings) => `共 ${reports} 份报告，错误 ${errors} 个，警告 ${warnings} 个`,
  columns: { report: '报告', agency: '机关', year: '年度', errors: '错误', warnings: '警告' },
  noLink: '（无链接）',
};

const EN: Strings = {
  lang: 'en',
  severity: {
    error: { name: 'Error', sign: '×' },
    warning: { name: 'Warning', sign: '!' },
    info: { name: 'Info', sign: 'i' },
  },
  origin: {
    inferred: { sign: '≈', name: 'Inferred', meaning: 'the text has fewer numbers than cells; this value follows from the table’s identities' },
    split: { sign: '÷', name: 'Split', meaning: 'the text runs numbers together (such as 713000074); this value was split out by the table’s identities' },
  },
  pageTitle: (title) => `${title} · findings`,
  untitled: 'Government information disclosure annual report',
  summary: (errors, warnings, infos) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info`,
  legend: 'Legend',
  legendSeverity: (name) => `${name}: a cell a finding of this severity names`,
  findings: 'Findings',
  noFindings: 'No findings.',
  source: 'Source',
  sourceHint: 'Choose a finding’s “source” link to see the place in the original text here.',
  noSource: 'No source text was given.',
  line: (line) => `line ${line}`,
  lines: (from, to) => `lines ${from}–${to}`,
  showSource: (line) => `source, line ${line}`,
  showCell: 'cell in the table',
  cellsNotInTable: (count) => `${count} cell${count === 1 ? '' : 's'} not in the tables`,
  cellsNamed: (count) => `${count} cell${count === 1 ? '' : 's'}`,
  rawText: (raw) => `written as “${raw}”`,
  reportText: 'Text',
  unassigned: 'Lines not assigned to the table',
  skipToFindings: 'Skip to the findings',
  keyboardHint: 'Tab moves through the marked cells and the findings; hovering over a cell or focusing it shows its findings.',
  indexTitle: 'Government information disclosure annual reports · findings',
  indexSummary: (reports, errors, warnings) =>
    `${reports} report${reports === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  columns: { report: 'Report', agency: 'Agency', year: 'Year', errors: 'Errors', warnings: 'Warnings' },
  noLink: '(no link)',
};

/** The visual report's own words in a language (the form's labels stay as the form has them). */
export function strings(locale: Locale = 'zh-CN'): Strings {
  return locale === 'en' ? EN : ZH;
}
