/**
 * The PDF reader's own messages, in each language (the library's catalogs, src/messages/, hold
 * the rest). They live here so that xxgk-report/pdf, which imports the library as a separate
 * build, does not bundle a second copy of those catalogs.
 */

import type { Locale } from '../messages/index';

/** Why pdf.js could not open bytes as a PDF. */
export type PdfTrouble = { kind: 'empty' } | { kind: 'locked' } | { kind: 'notPdf'; reason: string } | { kind: 'damaged'; reason: string };

/** The messages of the `pdf/…` codes. */
export interface PdfMessages {
  pdfNoText(p: { pages: number }): string;
  pdfUnreadable(p: PdfTrouble): string;
}

const en: PdfMessages = {
  pdfNoText: ({ pages }) =>
    `The PDF has no text layer (${pages === 1 ? 'its one page draws no text' : `none of its ${pages} pages draws any text`}, page numbers aside: ` +
    'a scan, or text turned into outlines): OCR it first, then read the text with parseReport',
  pdfUnreadable: (trouble) => {
    const why =
      trouble.kind === 'empty'
        ? 'there are none (0 bytes)'
        : trouble.kind === 'locked'
          ? 'the PDF is locked with a password'
          : trouble.kind === 'notPdf'
            ? `they do not start with %PDF- (another kind of file; pdf.js: ${trouble.reason})`
            : `the PDF is damaged (pdf.js: ${trouble.reason})`;
    return `The bytes are not a readable PDF: ${why}`;
  },
};

const zhCN: PdfMessages = {
  pdfNoText: ({ pages }) =>
    `该 PDF 没有文字层（${pages === 1 ? '唯一的一页' : `全部${pages}页`}除页码外没有任何文字：可能是扫描件，或文字已转为轮廓）：请先进行 OCR 文字识别，再用 parseReport 读取文本`,
  pdfUnreadable: (trouble) => {
    const why =
      trouble.kind === 'empty'
        ? '没有任何字节（0 字节）'
        : trouble.kind === 'locked'
          ? '该 PDF 设有密码'
          : trouble.kind === 'notPdf'
            ? `不以 %PDF- 开头，是其他类型的文件（pdf.js：\`${trouble.reason}\`）`
            : `该 PDF 已损坏（pdf.js：\`${trouble.reason}\`）`;
    return `这些字节不是可读取的 PDF：${why}`;
  },
};

/** The PDF reader's messages in a locale (English when none is given). */
export function pdfMessages(locale: Locale = 'en'): PdfMessages {
  return locale === 'zh-CN' ? zhCN : en;
}
