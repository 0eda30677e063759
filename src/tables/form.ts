import P from 'parsimmon';

/**
 * The form's row order as a grammar over a table's items. Each item is one character: the row its
 * label names (a character per row of the form), or `?` for values that no label names. The
 * grammar is made from the form's rows, in the order grammar/ lists them:
 *
 *     table := gap (row₀ gap)? (row₁ gap)? … (rowₙ gap)?     gap := '?'*
 *
 * Every named row once at most, in the form's order, with runs of unnamed values between them. A
 * parse gives each run its place: after the named row before it, before the named row after it,
 * which is where its values can belong. Named rows out of the form's order do not parse: then no
 * run has a place, and its values are set aside rather than placed by an order the text breaks.
 */

/** A run of unnamed items and the rows of the form it stands between. */
export interface Gap {
  /** Indexes of the run's items in the sequence. */
  items: number[];
  /** Order of the named row before the run (-1 at the table's start). */
  after: number;
  /** Order of the named row after the run (the number of rows at the table's end). */
  before: number;
}

/** What an item is to the grammar: the order of the row it names, or `undefined` for unnamed values. */
export type FormSymbol = number | undefined;

const UNNAMED = '?';
// Rows are characters from here on: never `?`, and far from any surrogate.
const FIRST_ROW = 0x100;
const rowCode = (order: number) => String.fromCharCode(FIRST_ROW + order);

/**
 * The grammar of a form of `rows` rows: the gaps of a sequence, each with the rows around it.
 * Grammars are made once per size (the three tables have three): a parser is a constant, it keeps
 * nothing of what it parsed.
 */
export function formGrammar(rows: number): P.Parser<Gap[]> {
  let grammar = grammars.get(rows);
  if (!grammar) grammars.set(rows, (grammar = makeGrammar(rows)));
  return grammar;
}

const grammars = new Map<number, P.Parser<Gap[]>>();

// Where the parse stands, as an offset only: `P.index` also counts lines and columns, each time.
const offset: P.Parser<number> = P((_, i) => P.makeSuccess(i, i));

function makeGrammar(rows: number): P.Parser<Gap[]> {
  // A run of unnamed items, as the index of its first and how many there are.
  const run = P.seqMap(offset, P.regexp(/\?*/), (from, text) => ({ from, length: text.length }));
  const parts: P.Parser<{ order: number; from: number; length: number } | null>[] = [run.map((gap) => ({ order: -1, ...gap }))];
  for (let order = 0; order < rows; order++) {
    parts.push(P.seqMap(P.string(rowCode(order)), run, (_, gap) => ({ order, ...gap })).or(P.succeed(null)));
  }
  return P.seq(...parts)
    .skip(P.eof)
    .map((found) => {
      const named = found.filter((part): part is NonNullable<typeof part> => part !== null);
      return named.flatMap((part, k) => {
        if (part.length === 0) return [];
        const items = Array.from({ length: part.length }, (_, i) => part.from + i);
        return [{ items, after: part.order, before: named[k + 1]?.order ?? rows }];
      });
    });
}

/**
 * Places the unnamed items of a sequence between the named ones, by the form's order. Undefined
 * when the named rows are out of that order (or one is named twice).
 */
export function readForm(grammar: P.Parser<Gap[]>, symbols: readonly FormSymbol[]): Gap[] | undefined {
  const text = symbols.map((symbol) => (symbol === undefined ? UNNAMED : rowCode(symbol))).join('');
  const parsed = grammar.parse(text);
  return parsed.status ? parsed.value : undefined;
}
