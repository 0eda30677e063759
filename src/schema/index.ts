import {
  ACTIVE_DISCLOSURE_2019,
  ACTIVE_DISCLOSURE_2021,
  APPLICATIONS,
  FORMAT_VERSIONS,
  REVIEW_LITIGATION,
  SECTIONS,
  TABLES,
} from '../../grammar/index';

/**
 * The JSON Schema (draft 2020-12) of what `parseReport` returns and the CLI's `parse` prints:
 * `{ report, diagnostics }`, one object of a list (with `path`) or one NDJSON line. Made from
 * grammar/, like the AST's types: every row and column key of each table, each format version.
 * The build writes it to `dist/schema.json`, exported as `xxgk-report/schema.json`, for users
 * who read the CLI's JSON from other languages.
 */
export function parseResultSchema(): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
  const object = (properties: Record<string, unknown>, required: readonly string[] = Object.keys(properties)) => ({
    type: 'object',
    properties,
    required: [...required],
    additionalProperties: false,
  });
  const nullable = (type: string) => ({ type: [type, 'null'] });
  const keysOf = (entries: readonly { key: string }[]) => entries.map((entry) => entry.key);

  /** Rows keyed by row, each with the cells of its columns (optional ones allowed, none else). */
  const rows = (columnsOfRow: Record<string, readonly string[]>, optional: readonly string[] = []) => ({
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(columnsOfRow).map(([row, columns]) => [
        row,
        {
          type: 'object',
          properties: {
            ...rowInfo(row),
            ...Object.fromEntries([...columns, ...optional].map((column) => [column, ref('cell')])),
          },
          required: ['type', 'key', 'label', 'position', ...columns],
          additionalProperties: false,
        },
      ]),
    ),
    additionalProperties: false,
  });
  const rowInfo = (row: string) => ({
    type: { const: 'row' },
    key: { const: row },
    label: { type: 'string' },
    placedBy: { const: 'order' },
    position: ref('position'),
  });
  /** Each row's columns, from the blocks of table 二. */
  const blockColumns = (table: { blocks: readonly { rows: readonly string[]; columns: readonly string[] }[] }) =>
    Object.fromEntries(table.blocks.flatMap((block) => block.rows.map((row) => [row, block.columns])));
  const table = (key: string, columns: readonly string[], rowsSchema: unknown, extra: Record<string, unknown> = {}) =>
    object({
      type: { const: 'table' },
      key: { const: key },
      layout: { enum: ['tab', 'pipe', 'cell-per-line', 'space', 'glued'] },
      columns: { type: 'array', items: { enum: [...columns] } },
      unassigned: { type: 'array', items: ref('unassignedRow') },
      position: ref('position'),
      rows: rowsSchema,
      ...extra,
    });
  const applicationRows = [...keysOf(APPLICATIONS.rows), ...keysOf(APPLICATIONS.groups)];
  const applicationColumns = keysOf(APPLICATIONS.columns);
  const optionalColumns = keysOf(APPLICATIONS.optionalColumns);

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'xxgk-report ParseResult',
    description: 'What parseReport returns and `xxgk-report parse` prints (with `path` in a list or NDJSON).',
    type: 'object',
    properties: { path: { type: 'string' }, report: ref('report'), diagnostics: { type: 'array', items: ref('diagnostic') } },
    required: ['report', 'diagnostics'],
    additionalProperties: false,
    $defs: {
      point: object({ line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 }, offset: { type: 'integer', minimum: 0 } }),
      position: object({ start: ref('point'), end: ref('point') }),
      cell: object(
        {
          type: { const: 'cell' },
          value: nullable('number'),
          raw: { type: 'string' },
          state: { enum: ['number', 'blank', 'notApplicable', 'recovered', 'unreadable'] },
          unit: { type: 'string' },
          assumedZero: { type: 'boolean' },
          origin: { enum: ['read', 'split', 'inferred'] },
          position: ref('position'),
          box: object({ page: { type: 'integer', minimum: 1 }, x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' } }),
        },
        ['type', 'value', 'raw', 'state', 'position'],
      ),
      unassignedRow: object(
        {
          type: { const: 'unassignedRow' },
          key: { type: 'string' },
          label: { type: 'string' },
          reason: { type: 'string' },
          values: { type: 'array', items: ref('cell') },
          position: ref('position'),
        },
        ['type', 'label', 'reason', 'values', 'position'],
      ),
      subsection: object({ type: { const: 'subsection' }, numeral: { type: 'string' }, heading: { type: 'string' }, text: { type: 'string' }, position: ref('position') }),
      section: object({
        type: { const: 'section' },
        key: { enum: keysOf(SECTIONS) },
        numeral: { type: 'string' },
        heading: { type: 'string' },
        text: { type: 'string' },
        subsections: { type: 'array', items: ref('subsection') },
        position: ref('position'),
      }),
      meta: object({
        title: nullable('string'),
        agency: nullable('string'),
        year: { type: ['integer', 'null'] },
        period: { oneOf: [{ type: 'null' }, object({ start: { type: 'string' }, end: { type: 'string' } })] },
        documentNumber: nullable('string'),
        issuer: nullable('string'),
        date: nullable('string'),
        formatVersion: { enum: [...FORMAT_VERSIONS] },
        script: { enum: ['simplified', 'traditional'] },
      }),
      report: object({
        type: { const: 'report' },
        meta: ref('meta'),
        sections: object(Object.fromEntries(keysOf(SECTIONS).map((key) => [key, ref('section')])), []),
        tables: object(
          {
            activeDisclosure: {
              oneOf: [
                table('activeDisclosure', keysOf(ACTIVE_DISCLOSURE_2021.columns), rows(blockColumns(ACTIVE_DISCLOSURE_2021)), { formatVersion: { const: '2021' } }),
                table('activeDisclosure', keysOf(ACTIVE_DISCLOSURE_2019.columns), rows(blockColumns(ACTIVE_DISCLOSURE_2019)), { formatVersion: { const: '2019' } }),
              ],
            },
            applications: table(
              'applications',
              [...applicationColumns, ...optionalColumns],
              rows(Object.fromEntries(applicationRows.map((row) => [row, applicationColumns])), optionalColumns),
            ),
            reviewLitigation: table(
              'reviewLitigation',
              keysOf(REVIEW_LITIGATION.columns),
              rows(Object.fromEntries(keysOf(REVIEW_LITIGATION.rows).map((row) => [row, keysOf(REVIEW_LITIGATION.columns)]))),
            ),
          },
          [],
        ),
        position: ref('position'),
      }),
      diagnostic: object(
        {
          code: { type: 'string', pattern: '^[a-z]+/[a-z0-9-]+$' },
          severity: { enum: ['error', 'warning', 'info'] },
          message: { type: 'string' },
          position: ref('position'),
          cells: { type: 'array', items: object({ table: { enum: keysOf(TABLES) }, row: { type: 'string' }, column: { type: 'string' } }) },
        },
        ['code', 'severity', 'message'],
      ),
    },
  };
}
