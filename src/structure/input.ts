/**
 * What an input is when it is not a report's text: another kind of file read as text, text
 * decoded with the wrong encoding, or nothing. The parser reads whatever it is given; these
 * say why nothing of a report was found in it.
 */

import type { Misdecoding, NotAReport } from '../messages/index';

const REPLACEMENT = 0xfffd;
// A few replacement characters are a damaged copy; this many, and this share of the text, are a
// whole file decoded with the wrong encoding (a GB18030 file read as UTF-8 gives one or two per
// character).
const MIN_REPLACED = 20;
const MIN_REPLACED_SHARE = 0.05;
// Latin-1 letters in bulk and no Han: Chinese bytes decoded as Windows-1252 or ISO-8859-1.
const MIN_LATIN1 = 40;
// Words every report uses: many Han characters and none of these is text decoded wrongly (Big5
// bytes read as GB18030 give valid, meaningless characters).
const REPORT_WORDS = /政府|信息|公开|公開|資訊|年度|申请|申請/;
const MIN_HAN_FOR_WORDS = 200;

/** How the text shows it was decoded with the wrong encoding, or undefined when it does not. */
export function misdecoding(text: string): Misdecoding | undefined {
  let replaced = 0;
  let nonSpace = 0;
  let latin1 = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === REPLACEMENT) replaced++;
    else if (code >= 0x4e00 && code <= 0x9fff) han++;
    else if (code >= 0xc0 && code <= 0xff) latin1++;
    if (code > 0x20 && code !== 0x3000) nonSpace++;
  }
  if (replaced >= MIN_REPLACED && replaced >= nonSpace * MIN_REPLACED_SHARE) {
    return { kind: 'replacement', replaced, characters: nonSpace };
  }
  if (latin1 >= MIN_LATIN1 && han < latin1 / 10) {
    const sample = /[\u00c0-\u00ff]{2,}/.exec(text)?.[0].slice(0, 8) ?? '';
    return { kind: 'latin1', letters: latin1, sample };
  }
  if (han >= MIN_HAN_FOR_WORDS && !REPORT_WORDS.test(text)) {
    return { kind: 'noReportWords', han };
  }
  return undefined;
}

/** Why a text that holds nothing of a report is none: what it looks like instead. */
export function notAReport(text: string): NotAReport {
  const head = text.slice(0, 1024).trimStart();
  if (head.length === 0) return 'empty';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0') || head.startsWith('\ufffd\ufffd\u0011\ufffd')) return 'doc';
  if (/^(?:<!doctype html|<html|<\?xml|<head|<body)/i.test(head)) return 'markup';
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head)) return 'binary';
  return 'nothing';
}
