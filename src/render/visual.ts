import type { Cell, Position, Report, TableKey } from '../ast';
import { cellRef, isCell } from '../check/cells';
import type { CellRef, Diagnostic, Severity } from '../diagnostics';
import type { Locale } from '../messages/index';
import { excerptHtml, excerptRange, sourceLines, type ExcerptRange, type SourceLines } from './excerpt';
import { escapeHtml, type CellDecorator } from './html';
import { htmlPage } from './page';
import { strings, type Strings } from './strings';
import { REPORT_CSS } from './style';

/** What the visual report is drawn from besides the report. */
export interface VisualOptions {
  diagnostics: readonly Diagnostic[];
  /** The text the report was read from, for the source panel. */
  text?: string;
  locale?: Locale;
}

/** How the report's body is written: the html layout with the visual report's additions. */
export interface BodyWriter {
  decorate: CellDecorator;
  /** Lines after a table (the lines of it no row took). */
  afterTable(key: TableKey): string[];
  /** A part's text, as the paragraphs the html layout writes. */
  text(paragraphs: string[]): string[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const refKey = (ref: CellRef) => `${ref.table}\u0000${ref.row}\u0000${ref.column}`;
const hasOwn = Object.prototype.hasOwnProperty;

/** The cell of the report a reference names, when the report has it. */
function cellAt(report: Report, ref: CellRef): Cell | undefined {
  // A finding's references may name anything (`__proto__` included): only own keys are looked up.
  if (!hasOwn.call(report.tables, ref.table)) return undefined;
  const table = (report.tables as Record<string, { rows: Record<string, unknown> } | undefined>)[ref.table];
  if (!table || !hasOwn.call(table.rows, ref.row)) return undefined;
  const row = table.rows[ref.row] as Record<string, unknown> | undefined;
  if (!row || !hasOwn.call(row, ref.column)) return undefined;
  const cell = row[ref.column];
  return isCell(cell) ? cell : undefined;
}

const samePosition = (a: Position, b: Position) => a.start.offset === b.start.offset && a.end.offset === b.end.offset;
const within = (inner: Position, outer: Position) => inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;

/** Every cell of the report with its reference, in no particular order. */
function allCells(report: Report): { ref: CellRef; cell: Cell }[] {
  const out: { ref: CellRef; cell: Cell }[] = [];
  for (const [table, value] of Object.entries(report.tables)) {
    if (!value) continue;
    for (const [row, cells] of Object.entries(value.rows as Record<string, Record<string, unknown> | undefined>)) {
      if (!cells) continue;
      for (const [column, cell] of Object.entries(cells)) {
        if (isCell(cell)) out.push({ ref: cellRef(table as TableKey, row, column), cell });
      }
    }
  }
  return out;
}

/** A finding as the page shows it. */
interface Finding {
  diagnostic: Diagnostic;
  /** 1-based, the number in the list and in its id (`f-1`). */
  number: number;
  /**
   * The cells it names: `cells`; for a `cell/` finding without them, the cell at its position, or
   * for cell/inferred and cell/split, the cells inferred or split within its span.
   */
  refs: CellRef[];
  /** The id of its excerpt in the source panel, when there is one. */
  excerpt?: string;
  /** The line its position starts on. */
  line?: number;
}

/** An excerpt of the source panel and the findings shown with it. */
interface Excerpt {
  id: string;
  range: ExcerptRange;
  findings: Finding[];
}

function findingsOf(report: Report, diagnostics: readonly Diagnostic[]): Finding[] {
  let cells: { ref: CellRef; cell: Cell }[] | undefined;
  return diagnostics.map((diagnostic, i) => {
    let refs = diagnostic.cells ? [...diagnostic.cells] : [];
    const position = diagnostic.position;
    if (refs.length === 0 && position && diagnostic.code.startsWith('cell/')) {
      cells ??= allCells(report);
      // cell/inferred and cell/split stand at the line whose values were inferred or split: they
      // name the cells of that line the values came to that way.
      const origin = diagnostic.code === 'cell/inferred' ? 'inferred' : diagnostic.code === 'cell/split' ? 'split' : undefined;
      const named = origin
        ? ({ cell }: { cell: Cell }) => cell.origin === origin && within(cell.position, position)
        : ({ cell }: { cell: Cell }) => samePosition(cell.position, position);
      refs = cells.filter(named).map(({ ref }) => ref);
    }
    return { diagnostic, number: i + 1, refs, ...(position ? { line: position.start.line } : {}) };
  });
}

/** The excerpts of the source panel: one per span, shared by the findings at the same span. */
function excerptsOf(findings: Finding[], lines: SourceLines): Excerpt[] {
  const bySpan = new Map<string, Excerpt>();
  for (const finding of findings) {
    const position = finding.diagnostic.position;
    if (!position) continue;
    const range = excerptRange(lines, position);
    const key = `${range.start}:${range.end}`;
    let excerpt = bySpan.get(key);
    if (!excerpt) {
      excerpt = { id: `src-${bySpan.size + 1}`, range, findings: [] };
      bySpan.set(key, excerpt);
    }
    excerpt.findings.push(finding);
    finding.excerpt = excerpt.id;
    finding.line = range.first;
  }
  return [...bySpan.values()];
}

const badge = (s: Strings, severity: Severity) =>
  `<span class="badge sev-${severity}">${escapeHtml(`${s.severity[severity].sign} ${s.severity[severity].name}`)}</span>`;

/** The state of the cells of the tables: which findings name each, and the ids they get. */
class Highlights {
  private readonly byCell = new Map<string, Finding[]>();
  /** The id of each cell written, by its key. */
  readonly ids = new Map<string, string>();

  constructor(
    private readonly report: Report,
    findings: readonly Finding[],
    private readonly s: Strings,
  ) {
    for (const finding of findings) {
      for (const ref of finding.refs) {
        const key = refKey(ref);
        const list = this.byCell.get(key);
        if (!list) this.byCell.set(key, [finding]);
        else if (!list.includes(finding)) list.push(finding);
      }
    }
  }

  /** The attributes and content of a value cell. */
  readonly decorate: CellDecorator = (span) => {
    if (!span.ref) return undefined;
    const key = refKey(span.ref);
    const cell = cellAt(this.report, span.ref);
    const findings = this.byCell.get(key) ?? [];
    const origin = cell?.origin === 'inferred' || cell?.origin === 'split' ? cell.origin : undefined;
    const raw = cell && (cell.state === 'unreadable' || cell.state === 'recovered') ? cell.raw : undefined;
    // An unreadable cell has no value to show: what it holds is shown instead.
    const html = cell?.state === 'unreadable' ? escapeHtml(cell.raw) : undefined;
    const data = ` data-cell="${escapeHtml(`${span.ref.table}:${span.ref.row}:${span.ref.column}`)}"`;
    if (findings.length === 0 && !origin) return { attributes: data, ...(html !== undefined ? { html } : {}) };

    const id = `c${this.ids.size + 1}`;
    this.ids.set(key, id);
    const severity = findings.reduce<Severity | undefined>(
      (worst, finding) => (!worst || RANK[finding.diagnostic.severity] > RANK[worst] ? finding.diagnostic.severity : worst),
      undefined,
    );
    const classes = [...(severity ? ['hl', `sev-${severity}`] : []), ...(origin ? [`o-${origin}`] : [])];
    const mark = [...(severity ? [this.s.severity[severity].sign] : []), ...(origin ? [this.s.origin[origin].sign] : [])].join(' ');
    const title = [
      ...findings.map((finding) => `${this.s.severity[finding.diagnostic.severity].name}：${finding.diagnostic.message}`),
      ...(origin ? [`${this.s.origin[origin].name}：${this.s.origin[origin].meaning}`] : []),
      ...(raw !== undefined ? [this.s.rawText(raw)] : []),
    ].join('\n');
    const described = findings.map((finding) => `f-${finding.number}`).join(' ');
    const attributes = [
      ` id="${id}"`,
      ` class="${classes.join(' ')}"`,
      ' tabindex="0"',
      ` data-mark="${escapeHtml(mark)}"`,
      ...(severity ? [` data-severity="${severity}"`] : []),
      ` title="${escapeHtml(title)}"`,
      ...(described ? [` aria-describedby="${described}"`] : []),
      data,
    ].join('');
    return { attributes, ...(html !== undefined ? { html } : {}) };
  };

  /** Whether the tables hold a cell of this reference. */
  has(ref: CellRef): boolean {
    return this.ids.has(refKey(ref));
  }

  idOf(ref: CellRef): string | undefined {
    return this.ids.get(refKey(ref));
  }
}

/** The lines of a table the reader could not place in a row, with the findings at them. */
function unassignedLines(report: Report, key: TableKey, findings: readonly Finding[], s: Strings, ids: { next: number }): string[] {
  const table = report.tables[key];
  if (!table || table.unassigned.length === 0) return [];
  const rows = table.unassigned.map((entry) => {
    const at = findings.filter((finding) => finding.diagnostic.position && samePosition(finding.diagnostic.position, entry.position));
    const severity = at.reduce<Severity | undefined>(
      (worst, finding) => (!worst || RANK[finding.diagnostic.severity] > RANK[worst] ? finding.diagnostic.severity : worst),
      undefined,
    );
    const label = escapeHtml(entry.label);
    const head = severity
      ? `<th id="u${ids.next++}" class="hl sev-${severity}" tabindex="0" data-mark="${escapeHtml(s.severity[severity].sign)}" data-severity="${severity}" title="${escapeHtml(
          at.map((finding) => `${s.severity[finding.diagnostic.severity].name}：${finding.diagnostic.message}`).join('\n'),
        )}" aria-describedby="${at.map((finding) => `f-${finding.number}`).join(' ')}">${label}</th>`
      : `<th>${label}</th>`;
    const values = entry.values.map((cell) => `<td>${escapeHtml(cell.raw)}</td>`).join('');
    return `<tr>${head}${values}<td><code>${escapeHtml(entry.reason)}</code></td></tr>`;
  });
  return ['<div class="unassigned">', `<h4>${escapeHtml(s.unassigned)}</h4>`, '<div class="table-wrap"><table>', '<tbody>', ...rows, '</tbody>', '</table></div>', '</div>'];
}

function legend(s: Strings): string[] {
  const severities = SEVERITIES.map(
    (severity) =>
      `<li><span class="swatch hl sev-${severity}" data-mark="${escapeHtml(s.severity[severity].sign)}">0</span>${escapeHtml(
        s.legendSeverity(s.severity[severity].name),
      )}</li>`,
  );
  const origins = (['inferred', 'split'] as const).map(
    (origin) =>
      `<li><span class="swatch o-${origin}" data-mark="${escapeHtml(s.origin[origin].sign)}">0</span>${escapeHtml(
        `${s.origin[origin].name}：${s.origin[origin].meaning}`,
      )}</li>`,
  );
  return [
    '<section class="legend" aria-labelledby="legend-heading">',
    `<h2 id="legend-heading">${escapeHtml(s.legend)}</h2>`,
    '<ul>',
    ...severities,
    ...origins,
    '</ul>',
    `<p class="note">${escapeHtml(s.keyboardHint)}</p>`,
    '</section>',
  ];
}

function findingItem(finding: Finding, s: Strings, highlights: Highlights): string {
  const { diagnostic } = finding;
  const links: string[] = [];
  if (finding.line !== undefined) {
    links.push(
      finding.excerpt
        ? `<a href="#${finding.excerpt}">${escapeHtml(s.showSource(finding.line))}</a>`
        : `<span>${escapeHtml(s.line(finding.line))}</span>`,
    );
  }
  const first = finding.refs.map((ref) => highlights.idOf(ref)).find((id) => id !== undefined);
  if (first) links.push(`<a href="#${first}">${escapeHtml(s.showCell)}</a>`);
  if (finding.refs.length > 0) {
    const missing = finding.refs.filter((ref) => !highlights.has(ref)).length;
    links.push(`<span>${escapeHtml(s.cellsNamed(finding.refs.length))}${missing > 0 ? escapeHtml(`（${s.cellsNotInTable(missing)}）`) : ''}</span>`);
  }
  return [
    `<li id="f-${finding.number}" class="sev-${diagnostic.severity}" tabindex="0" data-severity="${diagnostic.severity}">`,
    badge(s, diagnostic.severity),
    `<code>${escapeHtml(diagnostic.code)}</code>`,
    `<span class="message">${escapeHtml(diagnostic.message)}</span>`,
    links.length > 0 ? `<span class="links">${links.join('')}</span>` : '',
    '</li>',
  ].join('');
}

function sourcePanel(excerpts: readonly Excerpt[], lines: SourceLines | undefined, s: Strings): string[] {
  const out = ['<aside class="source" aria-labelledby="source-heading">', `<h2 id="source-heading">${escapeHtml(s.source)}</h2>`];
  out.push(`<p class="hint">${escapeHtml(lines ? s.sourceHint : s.noSource)}</p>`);
  if (!lines) return [...out, '</aside>'];
  for (const excerpt of excerpts) {
    const { first, last } = excerpt.range;
    const where = first === last ? s.line(first) : s.lines(first, last);
    out.push(
      `<section class="excerpt" id="${excerpt.id}" tabindex="-1" aria-label="${escapeHtml(where)}">`,
      `<h3>${escapeHtml(where)}</h3>`,
      '<ul>',
      ...excerpt.findings.map(
        (finding) =>
          `<li><a href="#f-${finding.number}">${escapeHtml(
            `${s.severity[finding.diagnostic.severity].sign} ${s.severity[finding.diagnostic.severity].name} ${finding.number}`,
          )}</a> <code>${escapeHtml(finding.diagnostic.code)}</code> ${escapeHtml(finding.diagnostic.message)}</li>`,
      ),
      '</ul>',
      `<pre>${excerptHtml(lines, excerpt.range)}</pre>`,
      '</section>',
    );
  }
  out.push('</aside>');
  return out;
}

/**
 * The visual report: one page, its tables in the template's form with the cells findings name
 * marked by severity, the findings listed below them, and beside them the source panel where a
 * finding's link shows its lines of the original text.
 */
export function visualReport(
  report: Report,
  options: VisualOptions,
  body: (writer: BodyWriter) => string,
): string {
  const s = strings(options.locale);
  const findings = findingsOf(report, options.diagnostics);
  const lines = options.text !== undefined ? sourceLines(options.text) : undefined;
  const excerpts = lines ? excerptsOf(findings, lines) : [];
  const highlights = new Highlights(report, findings, s);
  const unassignedIds = { next: 1 };
  const tables = body({
    decorate: highlights.decorate,
    afterTable: (key) => unassignedLines(report, key, findings, s, unassignedIds),
    text: (paragraphs) =>
      paragraphs.length === 0 ? [] : ['<details class="text">', `<summary>${escapeHtml(s.reportText)}</summary>`, ...paragraphs, '</details>'],
  });

  const count = (severity: Severity) => findings.filter((finding) => finding.diagnostic.severity === severity).length;
  const { meta } = report;
  const heading = meta.title ?? (meta.agency && meta.year !== null ? `${meta.agency}${meta.year}年政府信息公开工作年度报告` : s.untitled);
  const page = [
    `<a class="skip" href="#findings">${escapeHtml(s.skipToFindings)}</a>`,
    '<header class="top">',
    `<h1>${escapeHtml(s.pageTitle(heading))}</h1>`,
    `<p>${escapeHtml(s.summary(count('error'), count('warning'), count('info')))}</p>`,
    '</header>',
    '<main class="with-panel">',
    ...legend(s),
    '<article class="report">',
    tables,
    '</article>',
    '<section id="findings" aria-labelledby="findings-heading">',
    `<h2 id="findings-heading">${escapeHtml(s.findings)}</h2>`,
    findings.length === 0 ? `<p>${escapeHtml(s.noFindings)}</p>` : ['<ol class="findings">', ...findings.map((finding) => findingItem(finding, s, highlights)), '</ol>'].join('\n'),
    '</section>',
    '</main>',
    ...sourcePanel(excerpts, lines, s),
  ].join('\n');
  return htmlPage({ lang: s.lang, title: s.pageTitle(heading), css: REPORT_CSS, body: page });
}
