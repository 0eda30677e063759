import type { Line } from '../lines/split';

// A report's title: `…政府信息公开工作年度报告`, short, not a sentence.
const TITLE = /(?:年度|工作)报告/;
const MAX_TITLE = 60;
// How far above its part 一 a report's title may stand: the agency, a date, a source line and an
// opening paragraph between them.
const TITLE_REACH = 15;

/**
 * The line a later report starts on, given the line of its part 一 heading: its title line when
 * one stands shortly above (the text after the previous report's last part), else the heading.
 */
export function reportStart(lines: readonly Line[], heading: number, previousEnd: number): number {
  for (let i = heading - 1; i >= Math.max(previousEnd, heading - TITLE_REACH); i--) {
    const text = (lines[i] as Line).text.trim();
    if (text.length <= MAX_TITLE && TITLE.test(text) && !/[。；]/.test(text)) return i;
  }
  return heading;
}
