import { createTally, type TallyDimension, type TallyResult } from '@icestat/core';
import { textChunks } from '../../shared/input';
import { resolveReadOptions, type ReadArrestRecordsOptions } from './options';
import { tallyInParallel } from './parallel';
import { sourceName, type RecordSource } from './read';
import type { LoadReport } from './report';
import { tallyText, type TextTally, type TextTallyPlan } from './tally-text';

/** Options of {@link tallyArrestRecords}: the tally's, and the reader's. */
export interface TallyArrestRecordsOptions extends ReadArrestRecordsOptions {
  /** Dimensions to group by, in order; none gives a single total. */
  readonly by: readonly TallyDimension[];
  /** Leave out rows flagged `duplicate_likely`; counted in the tally's `excluded.duplicates`. */
  readonly excludeDuplicates?: boolean;
  /**
   * Worker threads for a file path on Node: `'auto'` (the default) uses every core for files of
   * at least `minBytesPerWorker` per core; `1` reads on this thread only. The counts, report and
   * rejections are the same either way.
   */
  readonly workers?: number | 'auto';
  /** Bytes each worker should have at least; smaller files are read on one thread. Default 8 MiB. */
  readonly minBytesPerWorker?: number;
}

async function oneThread(part: Promise<TextTally>): Promise<{ snapshots: TextTally['snapshot'][]; report: LoadReport }> {
  const { snapshot, report } = await part;
  return { snapshots: [snapshot], report };
}

/**
 * Tallies a record-level arrest CSV straight into core's streaming tally, without holding rows
 * and without building a record per row: only the columns the tally groups by become values,
 * and each row goes in as `tally.addGroup(values, duplicateLikely)`. Every row is checked by the
 * same rules as {@link readArrestRecords} (a row it would reject is rejected here, and the
 * reports agree), so the tally counts exactly the records the reader would yield.
 *
 * A large file given by path is split into byte ranges read by worker threads, one per core,
 * whose tallies are merged (core's `merge`); a range that turns out to start inside a quoted
 * value (a line break within quotes at the split) makes the whole file be read again on one
 * thread, so the result never depends on where the file was split.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, or `{ text }`.
 * @param options - `by` and `excludeDuplicates` for the tally; `workers`; the reader's options besides.
 * @returns The tally's result (`seen` equals the report's `accepted`) and the load report.
 * @throws {@link IcestatError} `invalid_input` for an unknown or repeated dimension, bad read
 *   options, or CSV text passed as a string; `not_determinable` when no column of the file maps
 *   to a dimension of `by` (naming it and the headers seen); `parse_error` for a malformed header row, or for
 *   the first bad row with `onRejection: 'throw'`; `unsupported_encoding` for bytes that are not
 *   UTF-8. Errors of the input itself (a missing file, an abort) pass through.
 * @example
 * const { tally, report } = await tallyArrestRecords('arrests.csv', { by: ['fiscalYear', 'criminality'] });
 * tally.rows[0]; // => { fiscalYear: 'FY2017', criminality: 'convicted', count: 317 }
 * report.accepted === tally.seen; // => true
 */
export async function tallyArrestRecords(
  source: RecordSource,
  options: TallyArrestRecordsOptions,
): Promise<{ tally: TallyResult; report: LoadReport }> {
  const { by, excludeDuplicates = false } = options;
  const tally = createTally({ by, excludeDuplicates }); // checks the dimensions before any input is touched
  const read = resolveReadOptions(options);
  const file = sourceName(source, options, 'tallyArrestRecords');
  const plan: TextTallyPlan = { file, by, excludeDuplicates, read };
  const parallel = await tallyInParallel(source, plan, options);
  const { snapshots, report } = parallel ?? (await oneThread(tallyText(textChunks(source, options), plan)));
  for (const s of snapshots) tally.merge(s);
  return { tally: tally.result(), report };
}
