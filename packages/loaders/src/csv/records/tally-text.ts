// The tally engine over CSV text, shared by the one-thread path and the workers of tallyArrestRecords.
import type { RecordTableName, TallyDimension, TallySnapshot } from '@icestat/core';
import { createTally, groupOf } from '@icestat/core/internal';
import type { TablePlan } from '../../tables/plan';
import type { SplitRow } from '../../tables/rows';
import { CACHE_SLOTS } from './cell-cache';
import { DAY_SLOTS } from './date-cells';
import type { ResolvedReadOptions } from './options';
import type { LoadReport } from './report';
import { createRowReader, type RowReader } from './row-reader';

/** What tallying one stretch of text gives: the counts, the report, and what the parallel path checks. */
export interface TextTally {
  readonly snapshot: TallySnapshot;
  readonly report: LoadReport;
  /**
   * Line breaks (LF, CRLF, lone CR: the rule every reader numbers lines by) in the text read, when
   * the plan asks (the header given to a later range not counted); else 0.
   */
  readonly lineBreaks: number;
  /** Whether the text ended inside a quoted value. */
  readonly endedInsideQuote: boolean;
}

/** How to tally a stretch of text; {@link tallyText} reads it, on this thread or in a worker. */
export interface TextTallyPlan {
  readonly file: string;
  readonly by: readonly TallyDimension[];
  /** The date field the time dimensions read; the table's main date when not given. */
  readonly date?: string;
  readonly excludeDuplicates: boolean;
  readonly read: ResolvedReadOptions;
  /** A header row to read first, for a range of a file that does not start with one. */
  readonly header?: string;
  /** Count the line breaks read (a range of a file read in parallel needs them to renumber lines). */
  readonly countLines?: boolean;
}

/** Line breaks in `text` by the one rule: each LF, and each CR not followed by an LF (a CR that ends a chunk waits for the next). */
function lineBreaksIn(text: string, crBefore: boolean): { breaks: number; crAfter: boolean } {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) n++;
  // A CR that ended the previous chunk is a break of its own unless this chunk starts with its LF.
  if (crBefore && text.charCodeAt(0) !== 10) n++;
  return { breaks: n, crAfter: text.charCodeAt(text.length - 1) === 13 };
}

/**
 * Tallies CSV text chunk by chunk into a tally snapshot: the engine of {@link tallyArrestRecords},
 * shared by its single-threaded path and its workers.
 *
 * @param chunks - Decoded text chunks.
 * @param plan - Dimensions, read options, and a header for ranges that lack one.
 * @returns The snapshot, the report and the bookkeeping of a range.
 * @example
 * const { snapshot } = await tallyText([text], { file: 'x.csv', by: ['aor'], excludeDuplicates: false, read: resolveReadOptions() });
 */
export async function tallyText(chunks: AsyncIterable<string> | Iterable<string>, plan: TextTallyPlan): Promise<TextTally> {
  const engine = tallyEngine(plan);
  const rows = engine.rows;
  if (plan.header !== undefined) rows.push(plan.header);
  let lineBreaks = 0;
  let cr = false;
  const countLines = plan.countLines === true;
  for await (const text of chunks) {
    if (countLines && text.length > 0) {
      const b = lineBreaksIn(text, cr);
      lineBreaks += b.breaks;
      cr = b.crAfter;
    }
    rows.push(text);
  }
  if (cr) lineBreaks++;
  rows.end();
  return { snapshot: engine.snapshot(), report: rows.report(), lineBreaks, endedInsideQuote: rows.endedInsideQuote };
}

/**
 * Tallies rows already split into cells (from a spreadsheet or Parquet reader) by the same rules
 * as {@link tallyText}.
 *
 * @param rows - The rows, header and title rows included.
 * @param plan - Dimensions and read options.
 * @returns The snapshot and the report.
 * @example
 * const { snapshot } = await tallyRows([{ cells: ['Event Date', 'Responsible AOR'] }, { cells: ['2025-01-02', 'SEA'] }], plan);
 */
export async function tallyRows(rows: AsyncIterable<SplitRow> | Iterable<SplitRow>, plan: TextTallyPlan): Promise<TextTally> {
  const engine = tallyEngine(plan);
  let n = 0;
  for await (const row of rows as AsyncIterable<SplitRow>) {
    engine.rows.pushRow(row);
    if (++n % 4096 === 0) await Promise.resolve();
  }
  engine.rows.end();
  return { snapshot: engine.snapshot(), report: engine.rows.report(), lineBreaks: 0, endedInsideQuote: false };
}

/** Days whose group each time dimension remembers: more than 50 years of days. */
const MAX_DAYS = 20_000;

/** Value ids a row reader gives: its cell caches' slots, then the day table's. */
const ID_LIMIT = CACHE_SLOTS + DAY_SLOTS;

/** Counts by group number, one level a dimension: arrays of arrays, numbers at the last level. */
type Level = (Level | number | undefined)[];

/** The group numbers of one dimension: names in order of first sight, and what each value id gave. */
interface DimensionGroups {
  readonly names: string[];
  readonly numbers: Map<string, number>;
  /** By value id: the value the group below was worked out for, and its group number (sized once the header is read). */
  idValues: unknown[];
  idGroups: Int32Array;
  /** Time dimensions: the group of each plain `YYYY-MM-DD` seen without an id (timestamps hardly repeat). */
  readonly days: Map<string, string> | null;
}

/**
 * The row reader of a tally and its counts. Each accepted row is counted by the group number of
 * its value on each dimension, worked out once per value id the reader gives (a cell-cache slot,
 * a day) and looked up by it after that: a row then costs a few array reads, not a string-keyed
 * Map lookup and a `groupOf` per dimension. The counts become a core tally once, at the end.
 */
function tallyEngine(plan: TextTallyPlan): { readonly rows: RowReader; snapshot(): TallySnapshot } {
  const { by, excludeDuplicates, read, file } = plan;
  const dims = by.length;
  const tallyOptions = { by, excludeDuplicates, ...(plan.date ? { date: plan.date } : {}) };
  let table: RecordTableName = read.table === 'auto' ? 'arrests' : read.table;
  // Per dimension, the column it reads (the plan refuses a header without one).
  let dimensionColumns: number[] = [];
  let duplicateColumn = -1;
  let dateColumn = -1;
  let rows: RowReader | undefined;
  const groups: DimensionGroups[] = by.map((d) => ({
    names: [],
    numbers: new Map(),
    idValues: [],
    idGroups: new Int32Array(0),
    days: d === 'fiscalYear' || d === 'month' || d === 'day' ? new Map() : null,
  }));
  // Per value id of the date column: the value whose date was already seen (the date range).
  let dateIdValues: unknown[] = [];
  const root: Level = [];
  let total = 0;
  let seen = 0;
  let duplicates = 0;
  let first: string | undefined;
  let last: string | undefined;

  const onHeader = (columns: TablePlan): void => {
    // The table's own checks of the dimensions and date (they throw here, before any row).
    createTally({ ...tallyOptions, table: columns.table });
    table = columns.table;
    const date = plan.date ?? columns.spec.mainDate;
    dimensionColumns = by.map((d) => columns.fields.indexOf(d === 'fiscalYear' || d === 'month' || d === 'day' ? date : (columns.spec.dimensions[d] ?? '')));
    duplicateColumn = columns.fields.indexOf('duplicateLikely');
    dateColumn = columns.fields.indexOf(date);
    groups.forEach((g, i) => {
      if (dimensionColumns[i]! < 0) return;
      // Ids past the cell caches' slots name days: only a time dimension's column has them.
      const ids = g.days === null ? CACHE_SLOTS : ID_LIMIT;
      g.idValues = new Array<unknown>(ids).fill(undefined);
      g.idGroups = new Int32Array(ids);
    });
    if (dateColumn >= 0) dateIdValues = new Array<unknown>(ID_LIMIT).fill(undefined);
  };

  /** The group number of a value on dimension `i` (MISSING for a column the file lacks). */
  const groupNumber = (i: number, v: unknown): number => {
    const g = groups[i]!;
    let name: string | undefined;
    const days = g.days;
    if (days !== null && typeof v === 'string' && v.length === 10) {
      name = days.get(v);
      if (name === undefined) {
        name = groupOf(by[i]!, v);
        if (days.size < MAX_DAYS) days.set(v, name);
      }
    } else name = groupOf(by[i]!, v);
    let k = g.numbers.get(name);
    if (k === undefined) {
      k = g.names.length;
      g.names.push(name);
      g.numbers.set(name, k);
    }
    return k;
  };

  /** Widens the tally's date range by a date value (ISO, a timestamp's day counted). */
  const seeDate = (value: unknown): void => {
    if (typeof value !== 'string' || value.length < 10) return;
    const day = value.length === 10 ? value : value.slice(0, 10);
    if (first === undefined || day < first) first = day;
    if (last === undefined || day > last) last = day;
  };

  const onAccept = (): void => {
    const values = rows!.values;
    const ids = rows!.valueIds;
    seen++;
    if (excludeDuplicates && duplicateColumn >= 0 && values[duplicateColumn] === true) {
      duplicates++;
      return;
    }
    if (dateColumn >= 0) {
      const v = values[dateColumn];
      const id = ids[dateColumn]!;
      if (id < 0 || dateIdValues[id] !== v) {
        seeDate(v);
        if (id >= 0) dateIdValues[id] = v;
      }
    }
    if (dims === 0) {
      total++;
      return;
    }
    let level = root;
    for (let i = 0; i < dims; i++) {
      const column = dimensionColumns[i]!;
      let k: number;
      if (column < 0) k = groupNumber(i, null);
      else {
        const v = values[column];
        const id = ids[column]!;
        const g = groups[i]!;
        const known = id >= 0 && id < g.idGroups.length;
        if (known && g.idValues[id] === v) k = g.idGroups[id]!;
        else {
          k = groupNumber(i, v);
          if (known) {
            g.idValues[id] = v;
            g.idGroups[id] = k;
          }
        }
      }
      if (i === dims - 1) level[k] = ((level[k] as number | undefined) ?? 0) + 1;
      else {
        let next = level[k] as Level | undefined;
        if (next === undefined) {
          next = [];
          level[k] = next;
        }
        level = next;
      }
    }
  };

  /** The counts as a core tally snapshot: `[group values, count]` for every group counted. */
  const snapshot = (): TallySnapshot => {
    const out: [string[], number][] = [];
    if (dims === 0) {
      if (total > 0) out.push([[], total]);
    } else {
      const path: string[] = new Array<string>(dims);
      const walk = (level: Level, depth: number): void => {
        level.forEach((child, k) => {
          if (child === undefined) return;
          path[depth] = groups[depth]!.names[k]!;
          if (depth === dims - 1) out.push([path.slice(), child as number]);
          else walk(child as Level, depth + 1);
        });
      };
      walk(root, 0);
    }
    const tally = createTally({ ...tallyOptions, table });
    tally.merge({
      by,
      excludeDuplicates,
      seen,
      excluded: { duplicates },
      ...(first !== undefined && last !== undefined ? { dates: [first, last] } : {}),
      groups: out,
    });
    return tally.snapshot();
  };

  const needs = { by, ...(plan.date ? { date: plan.date } : {}), duplicates: excludeDuplicates };
  rows = createRowReader({ file, read, needs, onHeader, onAccept });
  return { rows, snapshot };
}
