import { createTally, IcestatError, tallyDimensions, type RecordTableName, type TallyDimension, type TallyResult } from '@icestat/core';
import { checkOptions, describeValue } from '../../shared/args';
import { textChunks, type InputSource } from '../../shared/input';
import { resolveReadOptions, type ReadArrestRecordsOptions, type ReadRecordsOptions } from './options';
import { tallyInParallel } from './parallel';
import { openSource, sourceName, type RecordSource } from './read';
import { mergeReports, partName } from './sources';
import type { LoadReport } from './report';
import { tallyRows, tallyText, type TextTally, type TextTallyPlan } from './tally-text';

/** How a tally of records runs: the dimensions, the duplicate rule, and the worker threads. */
interface TallyRunOptions {
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

/** Options of {@link tallyRecords}: the tally's, and the reader's. */
export interface TallyRecordsOptions extends ReadRecordsOptions, TallyRunOptions {
  /**
   * The date field the time dimensions (`fiscalYear`, `month`, `day`) read: the table's main
   * date by default (arrests: apprehension; encounters: event; removals: departed; detainers:
   * prepare; detentions: book-in), or another of its dates (`removalDate`, `bookOutDate`, …).
   */
  readonly date?: string;
}

/** Options of {@link tallyArrestRecords}: the tally's, and the reader's. */
export interface TallyArrestRecordsOptions extends ReadArrestRecordsOptions, TallyRunOptions {
  /** The date field the time dimensions read: `apprehensionDate` by default, or `departedDate`. */
  readonly date?: string;
}

async function oneThread(part: Promise<TextTally>): Promise<{ snapshots: TextTally['snapshot'][]; report: LoadReport }> {
  const { snapshot, report } = await part;
  return { snapshots: [snapshot], report };
}

/**
 * Tallies a record-level release of any table straight into core's streaming tally, without
 * holding rows and without building a record per row: only the columns the tally groups by
 * become values. Every row is checked by the same rules as {@link readRecords} (a row it would
 * reject is rejected here, and the reports agree), so the tally counts exactly the records the
 * reader would yield. The time dimensions read the table's main date or `date`; a dimension
 * whose field no column fills fails at once, naming it and the headers seen.
 *
 * The source may be the published file itself: CSV (gzip'd or zipped), an Excel workbook (read
 * by sheet: `sheet`, or `sheets: 'auto'` for a table split across tabs) or a Parquet file, told
 * apart by content. A Parquet file is read by the columns the table maps only (its report then
 * lists no `extra` columns); the xlsx and Parquet readers are loaded only when needed.
 *
 * A large file given by path is split into byte ranges read by worker threads, one per core,
 * whose tallies are merged (core's `merge`); a range that turns out to start inside a quoted
 * value makes the whole file be read again on one thread, so the result never depends on where
 * the file was split.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, bytes, `{ text }` or `{ rows }`.
 * @param options - `by`, `date` and `excludeDuplicates` for the tally; `table`, `sheet`,
 *   `sheets`, `workers`; the reader's options besides.
 * @returns The tally's result (`seen` equals the report's `accepted`) and the load report.
 * @throws {@link IcestatError} `invalid_input` for an unknown or repeated dimension, one the
 *   table does not have, a date it does not have, bad read options, CSV text passed as a
 *   string, a sheet the workbook does not have, or a workbook whose sheets hold several tables
 *   (or one table on several sheets) with no `table`, `sheet` or `sheets: 'auto'` to choose (the
 *   message lists each sheet and its table); `not_determinable` for a dimension no column fills; `parse_error` for a header that
 *   maps fewer than two known fields, a malformed header row, or the first bad row with
 *   `onRejection: 'throw'`; `unsupported_encoding` for bytes that are not UTF-8. Errors of the
 *   input itself (a missing file, an abort) pass through.
 * @example
 * const { tally, report } = await tallyRecords('ICERemovals_FY2016.csv', { table: 'auto', by: ['fiscalYear', 'aor'] });
 * report.table; // => 'removals' (counted by departed date)
 * await tallyRecords('UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx', { table: 'arrests', sheet: 'Arrests', by: ['fiscalYear'] });
 */
export async function tallyRecords(source: RecordSource, options: TallyRecordsOptions): Promise<{ tally: TallyResult; report: LoadReport }> {
  return runTally(source, options, 'tallyRecords');
}

/**
 * Tallies a record-level arrest release: {@link tallyRecords} with `table: 'arrests'`.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, `{ text }` or `{ rows }`.
 * @param options - As for {@link tallyRecords}, without `table`.
 * @returns The tally's result and the load report.
 * @throws {@link IcestatError} as {@link tallyRecords}.
 * @example
 * const { tally, report } = await tallyArrestRecords('arrests.csv', { by: ['fiscalYear', 'criminality'] });
 * tally.rows[0]; // => { fiscalYear: 'FY2017', criminality: 'convicted', count: 317 }
 * report.accepted === tally.seen; // => true
 */
export async function tallyArrestRecords(source: RecordSource, options: TallyArrestRecordsOptions): Promise<{ tally: TallyResult; report: LoadReport }> {
  checkOptions('tallyArrestRecords', options);
  return runTally(source, { ...options, table: 'arrests' }, 'tallyArrestRecords');
}

async function runTally(source: RecordSource, options: TallyRecordsOptions, fn: string): Promise<{ tally: TallyResult; report: LoadReport }> {
  checkOptions(fn, options);
  if (options === undefined || !Array.isArray(options.by)) {
    throw new IcestatError('invalid_input', `${fn}: options.by: expected an array of dimensions (it may be empty); received ${describeValue(options?.by)}`);
  }
  if (options.excludeDuplicates !== undefined && typeof options.excludeDuplicates !== 'boolean') {
    throw new IcestatError('invalid_input', `${fn}: options.excludeDuplicates: expected true or false; received ${describeValue(options.excludeDuplicates)}`);
  }
  const { by, excludeDuplicates = false, date } = options;
  const read = resolveReadOptions(options, date); // checks the table, preset, columns and date
  // Checks the dimensions before any input is touched (against the table, when it is named).
  const known: RecordTableName = read.table === 'auto' ? 'arrests' : read.table;
  if (read.table === 'auto') {
    // The table is not known yet: the dimensions must be ones some table has, each once.
    for (const [i, d] of by.entries()) {
      if (!(tallyDimensions as readonly string[]).includes(d)) {
        throw new IcestatError('invalid_input', `${fn}: unknown dimension "${d}"; expected one of ${tallyDimensions.join(', ')}`);
      }
      if (by.indexOf(d) !== i) throw new IcestatError('invalid_input', `${fn}: dimension "${d}" is given twice`);
    }
  } else createTally({ by, excludeDuplicates, table: known, ...(date ? { date } : {}) });
  const file = sourceName(source, options, fn);
  const plan: TextTallyPlan = { file, by, excludeDuplicates, read, ...(date ? { date } : {}) };
  const opened = await openSource(source, file, options, { by, ...(date ? { date } : {}) });
  let snapshots: TextTally['snapshot'][];
  let report: LoadReport;
  if (opened.kind === 'parts') {
    // A workbook's sheets (or a Parquet file's rows): each part tallied with its own header.
    snapshots = [];
    const parts: { sheet?: string; report: LoadReport }[] = [];
    for (const part of opened.parts) {
      const t = await tallyRows(part.rows, { ...plan, file: partName(file, part) });
      snapshots.push(t.snapshot);
      parts.push({ ...(part.sheet === undefined ? {} : { sheet: part.sheet }), report: t.report });
    }
    report = mergeReports(file, parts, read.maxRejections);
  } else {
    const text = opened.source;
    const parallel = await tallyInParallel(text, plan, options);
    ({ snapshots, report } =
      parallel ??
      (await oneThread(
        typeof text === 'object' && text !== null && 'rows' in text && typeof text.rows === 'object'
          ? tallyRows(text.rows, plan)
          : tallyText(textChunks(text as InputSource | { text: string }, { ...options, name: file }), plan),
      )));
  }
  const table = report.table === 'auto' ? known : report.table;
  const tally = createTally({ by, excludeDuplicates, table, ...(date ? { date } : {}) });
  for (const s of snapshots) tally.merge(s);
  return { tally: tally.result(), report };
}
