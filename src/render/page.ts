import { escapeHtml } from './html';
import { sha256Base64 } from './sha256';

/**
 * The colours of the pages, each text colour with the background it stands on and its contrast
 * ratio (WCAG 2.1, relative luminance): every pair is at least 4.5:1 (AA for text), the borders and
 * the focus ring at least 3:1 against what is next to them. test/visual.report.test.ts recomputes
 * every ratio.
 */
export const PALETTE = {
  text: '#1b1b1b', // on white 17.2:1, on the panel 16.1:1, on the header cells 15.2:1
  muted: '#4a4a4a', // on white 8.9:1, on the panel 8.3:1
  background: '#ffffff',
  panel: '#f6f7f9',
  headerCell: '#eef1f5',
  rule: '#8c949e', // table rules, on white 3.1:1
  link: '#0b57d0', // on white 6.4:1, on the panel 6.0:1, on the error/warning/info fills 5.6/5.8/5.6:1; the focus ring too
  error: '#b42318', // white on it 6.6:1; on the error fill 5.8:1 (its border)
  errorFill: '#fdecea', // text on it 15.1:1
  warning: '#8a5300', // white on it 6.3:1; on the warning fill 5.7:1
  warningFill: '#fff3cd', // text on it 15.6:1
  info: '#1d5ba6', // white on it 6.8:1; on the info fill 5.9:1
  infoFill: '#e7f0fa', // text on it 15.0:1
  origin: '#5a3e8c', // white on it 8.4:1
  originFill: '#f3eefb', // text on it 15.1:1
  mark: '#ffe08a', // text on it 13.4:1
  tooltip: '#1b1b1b', // white on it 17.2:1
} as const;

/** Text and background pairs whose contrast the palette promises, at least `minimum`:1. */
export const CONTRAST_PAIRS: readonly { text: string; on: string; minimum: number }[] = [
  { text: PALETTE.text, on: PALETTE.background, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.panel, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.headerCell, minimum: 4.5 },
  { text: PALETTE.muted, on: PALETTE.background, minimum: 4.5 },
  { text: PALETTE.muted, on: PALETTE.panel, minimum: 4.5 },
  { text: PALETTE.link, on: PALETTE.background, minimum: 4.5 },
  { text: PALETTE.link, on: PALETTE.panel, minimum: 4.5 },
  { text: PALETTE.link, on: PALETTE.errorFill, minimum: 4.5 },
  { text: PALETTE.link, on: PALETTE.warningFill, minimum: 4.5 },
  { text: PALETTE.link, on: PALETTE.infoFill, minimum: 4.5 },
  { text: PALETTE.background, on: PALETTE.error, minimum: 4.5 },
  { text: PALETTE.background, on: PALETTE.warning, minimum: 4.5 },
  { text: PALETTE.background, on: PALETTE.info, minimum: 4.5 },
  { text: PALETTE.background, on: PALETTE.origin, minimum: 4.5 },
  { text: PALETTE.background, on: PALETTE.tooltip, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.errorFill, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.warningFill, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.infoFill, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.originFill, minimum: 4.5 },
  { text: PALETTE.text, on: PALETTE.mark, minimum: 4.5 },
  { text: PALETTE.error, on: PALETTE.errorFill, minimum: 3 },
  { text: PALETTE.warning, on: PALETTE.warningFill, minimum: 3 },
  { text: PALETTE.info, on: PALETTE.infoFill, minimum: 3 },
  { text: PALETTE.rule, on: PALETTE.background, minimum: 3 },
];

/**
 * The policy of every page: nothing loads and no script runs (`default-src 'none'`), the one
 * inline style is allowed by its hash, no `<base>` and no form may send anything anywhere.
 */
export function contentSecurityPolicy(css: string): string {
  return `default-src 'none'; style-src 'sha256-${sha256Base64(css)}'; base-uri 'none'; form-action 'none'`;
}

/**
 * A whole page: the policy first (a `<meta>` policy covers only what comes after it), then the
 * title, the style and the body (already HTML).
 */
export function htmlPage(page: { lang: string; title: string; css: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(page.css))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.css}</style>`,
    '</head>',
    '<body>',
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Fonts for Chinese text on the systems readers have, then any sans-serif. */
export const FONTS =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';
