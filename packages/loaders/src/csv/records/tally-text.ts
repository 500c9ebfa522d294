// The tally engine over CSV text, shared by the one-thread path and the workers of tallyArrestRecords.
import {
  IcestatError,
  createTally,
  dimensionField,
  groupOf,
  MISSING,
  recordTables,
  type ArrestRecordField,
  type TallyDimension,
  type TallySnapshot,
} from '@icestat/core';
import type { ColumnPlan } from './columns';
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

/** Shown in an error: a header, cut short. */
function shortHeader(h: string): string {
  return JSON.stringify(h.length > 40 ? `${h.slice(0, 40)}…` : h);
}

/**
 * The error for a tally by a dimension no column of the file fills: counting every row as
 * `(missing)` would look like an answer and is not one.
 */
function unmappedDimensions(file: string, lacking: readonly TallyDimension[], columns: ColumnPlan): IcestatError {
  const seen = columns.headers.slice(0, 30).map(shortHeader).join(', ') + (columns.headers.length > 30 ? `, … (${columns.headers.length} columns)` : '');
  const what = lacking.map((d) => `"${d}" (field ${dimensionField(recordTables.arrests, d)})`).join(', ');
  const message = `${file}: cannot tally by ${what}: no column of the file maps to it; the header has ${seen || 'no columns'}. Map a column to the field with the columns option, or leave the dimension out of by`;
  return new IcestatError('not_determinable', message, {
    issues: lacking.map((d) => ({ code: 'missing_column', message: `no column maps to ${dimensionField(recordTables.arrests, d)}, needed to tally by ${d}`, file, column: dimensionField(recordTables.arrests, d) })),
  });
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
  const { by, excludeDuplicates, read, file } = plan;
  const tally = createTally({ by, excludeDuplicates });
  const fieldOf = (d: TallyDimension): ArrestRecordField => dimensionField(recordTables.arrests, d) as ArrestRecordField;
  const needs = new Set<ArrestRecordField>(by.map(fieldOf));
  if (excludeDuplicates) needs.add('duplicateLikely');

  const groups: string[] = by.map(() => MISSING);
  // Per dimension, the column it reads (-1 when the file has no such column: always MISSING).
  let dimensionColumns: number[] = [];
  let duplicateColumn = -1;
  let dateColumn = -1;
  let rows: RowReader | undefined = undefined;

  const onHeader = (columns: ColumnPlan): void => {
    dimensionColumns = by.map((d) => columns.fields.indexOf(fieldOf(d)));
    duplicateColumn = columns.fields.indexOf('duplicateLikely');
    dateColumn = columns.fields.indexOf('apprehensionDate');
    const lacking = by.filter((_, i) => dimensionColumns[i]! < 0);
    if (lacking.length > 0) throw unmappedDimensions(file, lacking, columns);
  };
  const onAccept = (): void => {
    const values = rows!.values;
    for (let i = 0; i < by.length; i++) {
      const column = dimensionColumns[i]!;
      groups[i] = column < 0 ? MISSING : groupOf(by[i]!, values[column]);
    }
    tally.addGroup(groups, duplicateColumn >= 0 && values[duplicateColumn] === true, dateColumn >= 0 ? (values[dateColumn] as string | null) : undefined);
  };
  rows = createRowReader({ file, read, needs, onHeader, onAccept });
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
  return { snapshot: tally.snapshot(), report: rows.report(), lineBreaks, endedInsideQuote: rows.endedInsideQuote };
}

