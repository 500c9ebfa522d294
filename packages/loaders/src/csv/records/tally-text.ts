// The tally engine over CSV text, shared by the one-thread path and the workers of tallyArrestRecords.
import type { RecordTableName, TallyDimension, TallySnapshot } from '@icestat/core';
import { createTally, groupOf, MISSING } from '@icestat/core/internal';
import type { TablePlan } from '../../tables/plan';
import type { SplitRow } from '../../tables/rows';
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

/** The row reader of a tally and its counts: the tally is made once the header says the table. */
function tallyEngine(plan: TextTallyPlan): { readonly rows: RowReader; snapshot(): TallySnapshot } {
  const { by, excludeDuplicates, read, file } = plan;
  let tally: ReturnType<typeof createTally> | undefined;
  const groups: string[] = by.map(() => MISSING);
  // Per dimension, the column it reads (the plan refuses a header without one).
  let dimensionColumns: number[] = [];
  let duplicateColumn = -1;
  let dateColumn = -1;
  let rows: RowReader | undefined;

  const onHeader = (columns: TablePlan): void => {
    tally = createTally({ by, excludeDuplicates, table: columns.table, ...(plan.date ? { date: plan.date } : {}) });
    const date = plan.date ?? columns.spec.mainDate;
    dimensionColumns = by.map((d) => columns.fields.indexOf(d === 'fiscalYear' || d === 'month' || d === 'day' ? date : (columns.spec.dimensions[d] ?? '')));
    duplicateColumn = columns.fields.indexOf('duplicateLikely');
    dateColumn = columns.fields.indexOf(date);
  };
  // Per time dimension, the group of each day seen (a plain `YYYY-MM-DD`; timestamps hardly
  // repeat): its fiscal year or month is worked out once, not once a row (groupOf is pure).
  const dayGroups: (Map<string, string> | null)[] = by.map((d) => (d === 'fiscalYear' || d === 'month' || d === 'day' ? new Map() : null));
  const onAccept = (): void => {
    const values = rows!.values;
    for (let i = 0; i < by.length; i++) {
      const column = dimensionColumns[i]!;
      if (column < 0) {
        groups[i] = MISSING;
        continue;
      }
      const v = values[column];
      const days = dayGroups[i];
      if (days == null || typeof v !== 'string' || v.length !== 10) {
        groups[i] = groupOf(by[i]!, v);
        continue;
      }
      let g = days.get(v);
      if (g === undefined) {
        g = groupOf(by[i]!, v);
        if (days.size < MAX_DAYS) days.set(v, g);
      }
      groups[i] = g;
    }
    tally!.addGroup(groups, duplicateColumn >= 0 && values[duplicateColumn] === true, dateColumn >= 0 ? (values[dateColumn] as string | null) : undefined);
  };
  const needs = { by, ...(plan.date ? { date: plan.date } : {}), duplicates: excludeDuplicates };
  rows = createRowReader({ file, read, needs, onHeader, onAccept });
  const table: RecordTableName = read.table === 'auto' ? 'arrests' : read.table;
  return { rows, snapshot: () => (tally ?? createTally({ by, excludeDuplicates, table, ...(plan.date ? { date: plan.date } : {}) })).snapshot() };
}
