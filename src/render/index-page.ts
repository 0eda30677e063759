import { expectOptions } from '../arguments';
import { expectIndexEntries, type IndexEntry } from './arguments';
import { escapeHtml } from './html';
import { htmlPage } from './page';
import { LOCALES, type Locale } from '../messages/index';
import { strings } from './strings';
import { REPORT_CSS } from './style';

/** Options of {@link renderIndex}. */
export interface RenderIndexOptions {
  /** The language of the page's own words, `zh-CN` (default) or `en`. */
  locale?: Locale;
}

/** Schemes a link of the index may have; a link with any other (`javascript:`, `data:`…) is not made. */
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'file']);

/**
 * The link as a browser would read it, or undefined when it must not be made: browsers drop tabs
 * and line breaks anywhere in a URL and control characters and spaces at its ends, so
 * `java\tscript:` is a scheme too.
 */
export function safeHref(href: string): string | undefined {
  const read = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(read);
  if (scheme && !SAFE_SCHEMES.has((scheme[1] as string).toLowerCase())) return undefined;
  return href;
}

/**
 * The index page of a directory of reports: one self-contained page (no script, nothing loaded,
 * the same policy and style as the visual report) with a row per report: its file (a link to its
 * page), agency, year, and how many errors and warnings were found. Rows are in the order given.
 *
 * @param entries - One per report: `path` (shown), `href` (the link to its visual report; relative,
 *   or `http:`, `https:` or `file:`, any other scheme is shown as text and not linked), the
 *   `report` and its `diagnostics`.
 * @param options - See {@link RenderIndexOptions}.
 * @throws {TypeError} When `entries` is not an array of such entries, or `options` is neither
 *   undefined nor an object whose `locale` is `zh-CN` or `en` (or undefined).
 */
export function renderIndex(entries: readonly IndexEntry[], options: RenderIndexOptions = {}): string {
  expectIndexEntries('renderIndex', 'entries', entries);
  expectOptions('renderIndex', 'options', options, { locale: LOCALES });
  const s = strings(options.locale);
  const count = (entry: IndexEntry, severity: 'error' | 'warning') => entry.diagnostics.filter((d) => d.severity === severity).length;
  let errors = 0;
  let warnings = 0;
  const rows = entries.map((entry) => {
    const e = count(entry, 'error');
    const w = count(entry, 'warning');
    errors += e;
    warnings += w;
    const href = safeHref(entry.href);
    const path = escapeHtml(entry.path);
    const link = href !== undefined ? `<a href="${escapeHtml(href)}">${path}</a>` : `${path} <span class="note">${escapeHtml(s.noLink)}</span>`;
    const { agency, year } = entry.report.meta;
    const mark = (n: number, severity: 'error' | 'warning') =>
      n > 0 ? ` class="hl sev-${severity}" data-mark="${escapeHtml(s.severity[severity].sign)}" data-severity="${severity}"` : '';
    return `<tr><td class="path">${link}</td><td class="agency">${escapeHtml(agency ?? '')}</td><td>${year ?? ''}</td><td${mark(e, 'error')}>${e}</td><td${mark(w, 'warning')}>${w}</td></tr>`;
  });
  const c = s.columns;
  const body = [
    '<header class="top">',
    `<h1>${escapeHtml(s.indexTitle)}</h1>`,
    `<p>${escapeHtml(s.indexSummary(entries.length, errors, warnings))}</p>`,
    '</header>',
    '<main class="index">',
    '<div class="table-wrap">',
    '<table class="index">',
    `<thead><tr>${[c.report, c.agency, c.year, c.errors, c.warnings].map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</div>',
    '</main>',
  ].join('\n');
  return htmlPage({ lang: s.lang, title: s.indexTitle, css: REPORT_CSS, body });
}
