// Every call into @icestat/loaders' record-level API is in this module: the commands see plain
// options and results. The library reads every table (arrests, encounters, removals, detainers,
// detentions), finds the header below ICE's banner rows, picks the release preset, and opens
// gzip and zip itself; this module only adds what a terminal needs (progress, Ctrl-C).
import type { Readable } from 'node:stream';
import {
  createTally,
  dimensionField,
  IcestatError,
  recordTableNames,
  resolveRecordAor,
  recordTables as tableSpecs,
  type Dataset,
  type RecordTableName,
  type RecordTableSpec,
  type TallyDimension,
  type TallyResult,
} from '@icestat/core';
import {
  normaliseApprehensionType,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseState,
  readRecords,
  safeLoadFiguresCsv,
  safeParseFiguresCsv,
  tallyRecords,
  type LoadReport,
  type ReadRecordsOptions,
} from '@icestat/loaders/csv';
import type { SourceInspection } from '@icestat/loaders/inspect';

/** The record tables `--table` takes: `auto` (picked from the header) or one of the library's five. */
export const recordTables = ['auto', ...recordTableNames] as const;

/** A file to read: a path, or standard input (`-`). */
export type InputSpec =
  | { readonly kind: 'path'; readonly path: string; readonly name?: string }
  | { readonly kind: 'stdin'; readonly stream: Readable; readonly name?: string };

/** The input's name in reports and messages: as the user typed it. */
export function inputLabel(input: InputSpec): string {
  return input.name ?? (input.kind === 'path' ? input.path : '(stdin)');
}

/** What the command asks of a record-level read, before any loader option is built. */
export interface RecordReadOptions {
  /** `auto` or a table name. */
  readonly table?: string;
  /** A sheet of a workbook, by name or 1-based number (passed to the library, which reads workbooks). */
  readonly sheet?: string;
  /** The date field the time dimensions read (`removalDate`); the table's main date by default. */
  readonly date?: string;
  /** The 1-based line of the header row (found below the banner rows by default). */
  readonly headerRow?: number;
  /** Cells that mean "no value" besides blank (the library's default: NA, N/A, NULL, (null)). */
  readonly missingValues?: readonly string[];
  /** Extra header → field mappings laid over the preset (`--column "TOA Current Duty AOR=apprehensionAor"`). */
  readonly columns?: Readonly<Record<string, string | null>>;
  readonly delimiter?: string;
  /** The text's encoding when it is not UTF-8 (`latin1`, `windows-1252`, `utf-16le`, `utf-16be`). */
  readonly encoding?: string;
  /** Reject a row whose AOR icestat does not know, instead of counting it under its own label. */
  readonly strictAors?: boolean;
  /** How many rejections to keep with their line and reason (all are counted). */
  readonly maxRejections?: number;
}

/** Every field of every table, for `--column` and `--date` (the library checks it against the table read). */
export const recordFieldNames: readonly string[] = [...new Set(recordTableNames.flatMap((t) => Object.keys(tableSpecs[t].fields)))].sort();

/** Every date field of every table, for `--date`. */
export const recordDateFields: readonly string[] = [...new Set(recordTableNames.flatMap((t) => [...tableSpecs[t].dateFields]))].sort();

/** The encodings `--encoding` takes (the library's). */
export const textEncodings: readonly string[] = ['utf-8', 'latin1', 'windows-1252', 'utf-16le', 'utf-16be'];

/**
 * Checks the options the command can judge alone, so that a bad request fails before any input is
 * touched: the table's name, and a date that is a date field of some table.
 */
export function checkRecordOptions(options: RecordReadOptions): void {
  const table = options.table ?? 'auto';
  if (!(recordTables as readonly string[]).includes(table)) {
    throw new IcestatError('invalid_input', `--table: expected one of ${recordTables.join(', ')}; received "${table}"`);
  }
  if (options.encoding !== undefined && !textEncodings.includes(options.encoding)) {
    throw new IcestatError('invalid_input', `--encoding ${JSON.stringify(options.encoding)}: expected one of ${textEncodings.join(', ')}`);
  }
  if (options.date !== undefined && !recordDateFields.includes(options.date)) {
    throw new IcestatError('invalid_input', `--date ${JSON.stringify(options.date)}: expected a date field, one of ${recordDateFields.join(', ')}`);
  }
  if (table !== 'auto' && options.date !== undefined && !tableSpecs[table as RecordTableName].dateFields.includes(options.date as never)) {
    throw new IcestatError(
      'invalid_input',
      `--date ${options.date}: the ${table} table has no such date; expected one of ${tableSpecs[table as RecordTableName].dateFields.join(', ')}`,
    );
  }
}

/**
 * `--sheet` names a sheet of a workbook: refused for a file that is not one (a zip, as .xlsx
 * workbooks are), rather than ignored. Standard input is left to the library.
 */
async function checkSheet(input: InputSpec, options: RecordReadOptions): Promise<void> {
  if (options.sheet === undefined || input.kind !== 'path') return;
  const { open } = await import('node:fs/promises');
  const fh = await open(input.path, 'r');
  try {
    const head = new Uint8Array(4);
    await fh.read(head, 0, 4, 0);
    if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
      throw new IcestatError('invalid_input', `--sheet ${options.sheet}: ${inputLabel(input)} is not a workbook (.xlsx); leave --sheet out for a text file`);
    }
  } finally {
    await fh.close();
  }
}

/** The library's read options for the command's. */
function loaderOptions(input: InputSpec, options: RecordReadOptions): ReadRecordsOptions {
  const read: ReadRecordsOptions & { readonly sheet?: string } = {
    name: inputLabel(input),
    table: (options.table ?? 'auto') as RecordTableName | 'auto',
    ...(options.columns ? { columns: options.columns as NonNullable<ReadRecordsOptions['columns']> } : {}),
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding as NonNullable<ReadRecordsOptions['encoding']> } : {}),
    ...(options.strictAors === true ? { strictAors: true } : {}),
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    ...(options.missingValues !== undefined ? { missingValues: options.missingValues } : {}),
    // Workbooks are read by the library (its own error speaks for a version that does not).
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    maxRejections: options.maxRejections ?? 1000,
  };
  return read;
}

/** Headers of `--column` that the file does not have. */
export function missingColumns(report: LoadReport): readonly string[] {
  return report.columns.notFound;
}

/** The input as the library reads it: a path, or standard input's bytes (gzip and zip opened by the library). */
function sourceOf(input: InputSpec, onBytes?: (n: number) => void, signal?: AbortSignal): string | AsyncIterable<Uint8Array> {
  if (input.kind === 'path' && onBytes === undefined) return input.path;
  return byteChunks(input, onBytes ?? (() => undefined), signal);
}

/** A path's or standard input's bytes, counted as they are read. */
async function* byteChunks(input: InputSpec, onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const { createReadStream } = await import('node:fs');
  const stream: AsyncIterable<Uint8Array | string> =
    input.kind === 'path' ? createReadStream(input.path, { highWaterMark: 64 * 1024, ...(signal ? { signal } : {}) }) : input.stream;
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    onBytes(bytes.length);
    yield bytes;
  }
}

/** A tally and the load report of one input. */
export interface TallyOutcome {
  readonly tally: TallyResult;
  readonly report: LoadReport;
  /** `true` when reading stopped early (Ctrl-C): the tally and report cover only the rows read. */
  readonly stopped: boolean;
}

/**
 * Tallies one input at full speed with the library's `tallyRecords`: a path is read by its
 * parallel reader (one worker thread per core on a large file).
 */
export async function tallyInput(input: InputSpec, by: readonly TallyDimension[], options: RecordReadOptions): Promise<TallyOutcome> {
  checkRecordOptions(options);
  await checkSheet(input, options);
  const { tally, report } = await tallyRecords(sourceOf(input) as Parameters<typeof tallyRecords>[0], {
    by,
    ...loaderOptions(input, options),
    ...(options.date !== undefined ? { date: options.date } : {}),
  });
  return { tally, report, stopped: false };
}

/** How a watched read reports progress and learns it should stop. */
export interface Watch {
  /** Called as rows are read (up to ten times a second) and at the end: bytes read so far, rows read so far. */
  readonly progress: (bytes: number, rows: number) => void;
  /** Aborted on Ctrl-C: the read stops, keeping what was counted. */
  readonly signal: AbortSignal;
}

/**
 * The tally for the table the reader settled on, checked as `tallyRecords` checks it: a dimension
 * the table has no column for is refused (`not_determinable`), never counted as all missing.
 */
function tallyFor(report: LoadReport, by: readonly TallyDimension[], date: string | undefined) {
  const table: RecordTableName = report.table === 'auto' ? 'arrests' : report.table;
  const tally = createTally({ by, table, ...(date !== undefined ? { date } : {}) });
  if (report.table === 'auto') return tally;
  const mapped = new Set(report.columns.mapped.map((m) => m.field));
  const lacking = by.map((d) => [d, dimensionField(tableSpecs[table] as RecordTableSpec, d, date)] as const).filter(([, f]) => !mapped.has(f));
  if (lacking.length > 0) {
    throw new IcestatError(
      'not_determinable',
      `${report.file}: cannot tally by ${lacking.map(([d, f]) => `"${d}" (field ${f})`).join(', ')}: no column of the file maps to it (read as ${table} with preset ${report.preset}). Map a column to the field with --column, or leave the dimension out of --by`,
    );
  }
  return tally;
}

/**
 * Tallies one input on this thread with the library's `readRecords`, batch by batch, so that
 * progress can be shown and a stop keeps a partial tally and report: the same rows are accepted
 * and rejected as by {@link tallyInput}, and the counts are the same. Once the signal is aborted
 * the outcome is `stopped`, even when the input then ended (Ctrl-C also ends a program piping
 * into this one).
 */
export async function tallyInputWatched(input: InputSpec, by: readonly TallyDimension[], options: RecordReadOptions, watch: Watch): Promise<TallyOutcome> {
  checkRecordOptions(options);
  await checkSheet(input, options);
  let bytes = 0;
  const { signal } = watch;
  const reader = readRecords(sourceOf(input, (n) => (bytes += n), signal) as Parameters<typeof readRecords>[0], loaderOptions(input, options));
  let tally: ReturnType<typeof createTally> | undefined;
  // The report copies its kept rejections each time it is read: read it ten times a second, from a
  // timer, not once a batch, so that a file of many rejections stays linear.
  let moved = false;
  const timer = setInterval(() => {
    if (!moved) return;
    moved = false;
    watch.progress(bytes, reader.report.rowsRead);
  }, 100);
  try {
    for await (const batch of reader.batches()) {
      tally ??= tallyFor(reader.report, by, options.date);
      for (const record of batch) tally.add(record as Parameters<typeof tally.add>[0]);
      moved = true;
      if (signal.aborted) break;
    }
    watch.progress(bytes, reader.report.rowsRead);
  } catch (e) {
    if (!signal.aborted) throw e;
  } finally {
    clearInterval(timer);
  }
  tally ??= tallyFor(reader.report, by, options.date);
  // Ctrl-C also ends the program piping into standard input, and its end of input can be seen
  // before the signal: give the signal a moment, so that a cut-off input is not taken as whole.
  if (input.kind === 'stdin' && !signal.aborted) await new Promise((r) => setTimeout(r, 100));
  return { tally: tally.result(), report: reader.report, stopped: signal.aborted };
}

/** The first records of an input as the library reads them, for `inspect`. */
export interface Peek {
  /** The report of the rows read: the table and preset chosen, the header and banner, the columns. */
  readonly report: LoadReport;
  readonly sample: readonly Readonly<Record<string, unknown>>[];
  /** Whether the whole input was read. */
  readonly whole: boolean;
}

/** Reads an input's first records (up to `rows`) with the library's `readRecords`. */
export async function peekInput(
  input: InputSpec | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly name: string },
  options: RecordReadOptions,
  rows = 200,
): Promise<Peek> {
  checkRecordOptions(options);
  const spec: InputSpec = input.kind === 'bytes' ? { kind: 'path', path: input.name, name: input.name } : input;
  const source =
    input.kind === 'bytes'
      ? (async function* () {
          yield input.bytes;
        })()
      : sourceOf(input);
  const reader = readRecords(source as Parameters<typeof readRecords>[0], { ...loaderOptions(spec, options), maxRejections: 20 });
  const sample: Record<string, unknown>[] = [];
  let whole = true;
  for await (const batch of reader.batches()) {
    for (const r of batch) if (sample.length < 5) sample.push(r as Record<string, unknown>);
    if (reader.report.rowsRead >= rows) {
      whole = false;
      break;
    }
  }
  return { report: reader.report, sample, whole };
}

/** What `inspect` learns of an input: the library's inspection, the first records read, and the counts. */
export interface InputInspection {
  /** `inspectSource`: format, compression, encoding, delimiter, sheets, header row, banner lines, sample rows. */
  readonly source: SourceInspection;
  /** The first records as `readRecords` reads them (table, preset, columns), or why they could not be read. */
  readonly peek: Peek | { readonly error: IcestatError };
  /** Rows read, accepted and rejected in the whole input; undefined when not counted. */
  readonly count?: LoadReport;
  /** Why the rows were not counted, when they were not. */
  readonly notCounted?: string;
}

/** Standard input is read into memory up to this many bytes for `inspect` (it cannot be read twice). */
const STDIN_INSPECT_BYTES = 16 * 1024 * 1024;

/**
 * Inspects one input with the library: `inspectSource`, a `readRecords` peek and (unless
 * `count` is false) a `tallyRecords` count of every row. Standard input is held in memory once.
 */
export async function inspectInput(input: InputSpec, options: RecordReadOptions, count: boolean): Promise<InputInspection> {
  checkRecordOptions(options);
  await checkSheet(input, options);
  const name = inputLabel(input);
  let stdin: { bytes: Uint8Array; whole: boolean } | undefined;
  if (input.kind === 'stdin') {
    const parts: Uint8Array[] = [];
    let size = 0;
    let whole = true;
    for await (const c of byteChunks(input, () => undefined)) {
      parts.push(c);
      size += c.length;
      if (size >= STDIN_INSPECT_BYTES) {
        whole = false;
        break;
      }
    }
    stdin = { bytes: Buffer.concat(parts), whole };
  }
  const bytesSource = (): AsyncIterable<Uint8Array> =>
    (async function* () {
      yield stdin!.bytes;
    })();
  const { inspectSource } = await import('@icestat/loaders/inspect');
  const source = await inspectSource(stdin ? (bytesSource() as never) : (input as { path: string }).path, {
    name,
    ...(options.encoding !== undefined ? { encoding: options.encoding as NonNullable<ReadRecordsOptions['encoding']> } : {}),
  });
  let peek: Peek | { readonly error: IcestatError };
  try {
    peek = await peekInput(stdin ? { kind: 'bytes', bytes: stdin.bytes, name } : input, options);
  } catch (e) {
    if (!IcestatError.isInstance(e)) throw e;
    peek = { error: e };
  }
  if ('error' in peek) return { source, peek, notCounted: 'the records could not be read' };
  if (peek.whole) return { source, peek, count: peek.report };
  if (!count) return { source, peek, notCounted: 'not counted (--no-count)' };
  if (stdin && !stdin.whole)
    return { source, peek, notCounted: `not counted: standard input is read only once, and only its first ${formatBytes(STDIN_INSPECT_BYTES)} are held` };
  const { report } = await tallyRecords((stdin ? bytesSource() : (input as { path: string }).path) as Parameters<typeof tallyRecords>[0], {
    by: [],
    ...loaderOptions(input, options),
  });
  return { source, peek, count: report };
}

function formatBytes(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MiB`;
}

/**
 * Merges the tallies of several inputs into one (core's merge), each report kept for its file.
 * The inputs must be of one table.
 */
export function mergeTallies(results: readonly TallyResult[], by: readonly TallyDimension[]): TallyResult {
  const first = results[0];
  const tables = [...new Set(results.map((r) => r.table))];
  if (tables.length > 1)
    throw new IcestatError('invalid_input', `the files are of different tables (${tables.join(', ')}); tally each table on its own, or name one with --table`);
  const merged = createTally({ by, ...(first ? { table: first.table, date: first.date } : {}) });
  for (const r of results) {
    merged.merge({
      by: r.by,
      excludeDuplicates: false,
      seen: r.seen,
      excluded: r.excluded,
      groups: r.rows.map((row) => [by.map((d) => row[d] ?? ''), row.count] as const),
    });
  }
  return merged.result();
}

/**
 * A `--where` value as the tally groups it: an AOR name or code → `SEA` (`HQ` for headquarters),
 * a state → `WA`, `1 Convicted Criminal` → `convicted`, `2016` → `FY2016`; `missing` and
 * `redacted` name the blank and withheld groups; the open dimensions (citizenship, facility,
 * release reason, …) as written. `undefined` when the value cannot be one of the dimension's groups.
 */
export function groupValueOf(dimension: TallyDimension, text: string): string | undefined {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'missing' || lower === '(missing)') return '(missing)';
  if (lower === 'redacted' || lower === '(redacted)') return '(redacted)';
  switch (dimension) {
    case 'aor':
      // An AOR icestat does not know is counted under its text as written.
      return resolveRecordAor(t) ?? t;
    case 'state':
      return normaliseState(t);
    case 'criminality':
      return normaliseCriminality(t);
    case 'gender':
      return normaliseGender(t);
    case 'apprehensionType':
      return normaliseApprehensionType(t);
    case 'fiscalYear':
      return /^(fy)?\d{4}$/i.test(t) ? `FY${t.slice(-4)}` : undefined;
    case 'month':
      return /^\d{4}-\d{2}$/.test(t) ? t : undefined;
    case 'day':
      return normaliseDate(t) ?? undefined;
    default:
      return t;
  }
}

/** A dataset read from a file, or every located problem that stopped it being read. */
export type DatasetOutcome = { readonly success: true; readonly data: Dataset } | { readonly success: false; readonly error: IcestatError };

/** Whether a dataset file is a figures CSV (by its extension, or its first character when it has none). */
function isFiguresCsv(name: string, text?: string): boolean {
  if (/\.(csv|tsv|txt)$/i.test(name)) return true;
  if (/\.json$/i.test(name)) return false;
  return text !== undefined && !/^\uFEFF?\s*[[{]/.test(text);
}

/**
 * Reads an icestat dataset: JSON (`loadDataset`) or a figures CSV (`loadFiguresCsv`), validated
 * whole (schema and cross-references). I/O errors (a missing file) are thrown; problems with the
 * data come back as a failed outcome whose error lists every issue, located.
 */
export async function readDataset(input: InputSpec): Promise<DatasetOutcome> {
  const name = inputLabel(input);
  // The JSON loader is only needed here: not loaded for a tally.
  const { safeLoadDataset, safeParseDataset } = await import('@icestat/loaders/json');
  if (input.kind === 'path') {
    return isFiguresCsv(input.path) ? safeLoadFiguresCsv(input.path, { name }) : safeLoadDataset(input.path, { name });
  }
  const chunks: Uint8Array[] = [];
  for await (const c of byteChunks(input, () => undefined)) chunks.push(c);
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  return isFiguresCsv(name, text) ? safeParseFiguresCsv(text, { name }) : safeParseDataset(text, { name });
}
