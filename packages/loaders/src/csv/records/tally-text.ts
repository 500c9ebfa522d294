// The tally engine over CSV text, shared by the one-thread path and the workers of tallyArrestRecords.
import {
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
  /** Line feeds in the text read when the plan asks (the header given to a later range not counted); else 0. */
  readonly newlines: number;
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
  /** Count the line feeds read (a range of a file read in parallel needs them to renumber lines). */
  readonly countLines?: boolean;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
  let newlines = 0;
  const countLines = plan.countLines === true;
  for await (const text of chunks) {
    if (countLines) newlines += countNewlines(text);
    rows.push(text);
  }
  rows.end();
  return { snapshot: tally.snapshot(), report: rows.report(), newlines, endedInsideQuote: rows.endedInsideQuote };
}

