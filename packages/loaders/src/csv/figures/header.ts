import { normaliseHeader } from '../header';
import { figuresCsvColumns, type FiguresCsvColumn } from './format';
import type { FiguresIssues } from './issues';
import type { FiguresRow } from './rows';

/** The file's columns, as stage 2 read them from the header row. */
export interface FiguresHeader {
  readonly line: number;
  /** The header cells as written. */
  readonly cells: readonly string[];
  /** The column of each cell. */
  readonly columns: readonly FiguresCsvColumn[];
  /** The columns the file has. */
  readonly has: ReadonlySet<FiguresCsvColumn>;
}

/** Each column by its match key. */
const columnByKey: ReadonlyMap<string, FiguresCsvColumn> = new Map(figuresCsvColumns.map((c) => [normaliseHeader(c), c]));
const columnKeys = [...columnByKey.keys()];

/** Levenshtein distance with two rows (both strings short: the caller checks lengths first). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The longest column key: a key longer by 3 or more can be no near miss. */
const longestKey = Math.max(...columnKeys.map((c) => c.length));

/** Character counts of a key (code units), for the cheap lower bound on an edit distance. */
function histogram(s: string): Map<number, number> {
  const h = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h.set(c, (h.get(c) ?? 0) + 1);
  }
  return h;
}
const keyHistograms = columnKeys.map((c) => [c, histogram(c)] as const);

/**
 * A known column whose key is within edit distance 2 of an unknown key, for "did you mean".
 * Bounded: a key whose length differs from a column's by 3 or more, or whose characters differ
 * by more than 4 (each edit changes at most two character counts), is not compared with it; and
 * a key longer than any column's by 3 is compared with none. 100,000 unknown names cost little,
 * a 24 MB name nothing.
 */
function suggestColumn(key: string): FiguresCsvColumn | undefined {
  if (key.length > longestKey + 2) return undefined;
  const h = histogram(key);
  let best: string | undefined;
  let bestDistance = 3;
  for (const [c, ch] of keyHistograms) {
    if (Math.abs(c.length - key.length) >= bestDistance) continue;
    let diff = 0;
    for (const [k, n] of h) diff += Math.abs(n - (ch.get(k) ?? 0));
    for (const [k, n] of ch) if (!h.has(k)) diff += n;
    if (diff > 2 * (bestDistance - 1)) continue;
    const distance = editDistance(key, c);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best === undefined ? undefined : columnByKey.get(best);
}

/** A header as shown in a message: cut to 80 characters. */
function shownHeader(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
}

/**
 * Stage 2 of reading a CSV of figures: the columns. Each header cell is matched by
 * {@link normaliseHeader} (case, spacing and punctuation ignored); an empty, unknown (with a
 * "did you mean" for a near miss, and a hint when the whole header looks split by another
 * delimiter) or repeated column is a problem, and then no row is read.
 *
 * @param header - The header row.
 * @param issues - Where problems go.
 * @returns The columns, or `undefined` when one of them is not known.
 * @example
 * readFiguresHeader({ line: 1, cells: ['Operation-Name', 'VALUE'] }, figuresIssues('f.csv'))?.columns;
 * // => ['operation_name', 'value']
 */
export function readFiguresHeader(header: FiguresRow, issues: FiguresIssues): FiguresHeader | undefined {
  const columns: FiguresCsvColumn[] = [];
  const seen = new Map<FiguresCsvColumn, number>();
  let ok = true;
  header.cells.forEach((raw, i) => {
    const key = normaliseHeader(raw);
    const column = columnByKey.get(key);
    if (raw.trim() === '') {
      issues.add('empty_header', header.line, i + 1, 'the header cell is empty; name the column or delete it');
      ok = false;
    } else if (column === undefined) {
      const guess = suggestColumn(key);
      const delimiterHint =
        header.cells.length === 1 && /[;\t,]/.test(raw)
          ? ` (is the delimiter ${JSON.stringify(/;/.test(raw) ? ';' : /\t/.test(raw) ? '\t' : ',')}? pass it as the delimiter option)`
          : '';
      issues.add(
        'unknown_column',
        header.line,
        shownHeader(raw),
        `unknown column${guess ? ` (did you mean "${guess}"?)` : ''}${delimiterHint}; the columns are listed in the @icestat/loaders README`,
      );
      ok = false;
    } else if (seen.has(column)) {
      issues.add('duplicate_column', header.line, shownHeader(raw), `the column appears twice (first as column ${(seen.get(column) ?? 0) + 1})`);
      ok = false;
    } else {
      seen.set(column, i);
      columns.push(column);
    }
  });
  return ok ? { line: header.line, cells: header.cells, columns, has: new Set(columns) } : undefined;
}
