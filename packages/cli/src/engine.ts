// Every call into @icestat/loaders' record-level API is in this module, so that moving to the
// coming table-aware API (`tallyRecords(source, { table, by })`, `inspectSource(source)`) changes
// this file only. The commands see plain options and results.
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createTally, IcestatError, type ArrestRecord, type ArrestRecordField, type Dataset, type TallyDimension, type TallyResult } from '@icestat/core';
import {
  arrestColumnPresets,
  normaliseAor,
  normaliseApprehensionType,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseState,
  parseArrestRecords,
  readArrestRecords,
  safeLoadFiguresCsv,
  safeParseFiguresCsv,
  tallyArrestRecords,
  type ColumnMap,
  type LoadReport,
} from '@icestat/loaders/csv';

/** The record tables the command knows; this version of @icestat/loaders reads `arrests` only. */
export const recordTables = ['auto', 'arrests', 'detainers', 'encounters', 'removals', 'detention-stints'] as const;
const readableTables = new Set(['auto', 'arrests']);

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
  /** `auto` or a table name; only `auto` and `arrests` are readable today. */
  readonly table?: string;
  /** A sheet of a workbook: not readable by this version. */
  readonly sheet?: string;
  /** The header of the column whose dates the time dimensions use (the release's date column by default). */
  readonly date?: string;
  /** Extra header → field mappings (`--column "TOA Current Duty AOR=apprehensionAor"`). */
  readonly columns?: Readonly<Record<string, ArrestRecordField | null>>;
  readonly delimiter?: string;
  /** How many rejections to keep with their line and reason (all are counted). */
  readonly maxRejections?: number;
}

/**
 * Checks the options that need a later @icestat/loaders, so that an unreadable request fails
 * before any input is touched, and never gives a result for another table than the one asked for.
 */
export function checkRecordOptions(options: RecordReadOptions): void {
  const table = options.table ?? 'auto';
  if (!(recordTables as readonly string[]).includes(table)) {
    throw new IcestatError('invalid_input', `--table: expected one of ${recordTables.join(', ')}; received "${table}"`);
  }
  if (!readableTables.has(table)) {
    throw new IcestatError('invalid_input', `--table ${table}: not supported by this version of @icestat/loaders, which reads arrest records only (--table arrests)`);
  }
  if (options.sheet !== undefined) {
    throw new IcestatError('invalid_input', `--sheet ${options.sheet}: workbooks are not supported by this version of @icestat/loaders; export the sheet as CSV and pass that file`);
  }
}

/** The record fields a column may be mapped to with `--column`, from the release preset. */
export const recordFieldNames: readonly ArrestRecordField[] = [...new Set(Object.values(arrestColumnPresets['ice-release']))];

/** The loaders' column map for the options: `--column` mappings, and `--date` moved onto the date field. */
function columnMap(options: RecordReadOptions): ColumnMap | undefined {
  const map: Record<string, ArrestRecordField | null> = { ...options.columns };
  if (options.date !== undefined) {
    // The presets' own date columns step aside, so that the one named fills the date field.
    for (const preset of Object.values(arrestColumnPresets)) {
      for (const [header, field] of Object.entries(preset)) if (field === 'apprehensionDate') map[header] = null;
    }
    map[options.date] = 'apprehensionDate';
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

/** The loaders' read options for the command's. */
function loaderOptions(input: InputSpec, options: RecordReadOptions) {
  const columns = columnMap(options);
  return {
    name: inputLabel(input),
    ...(columns ? { columns } : {}),
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    maxRejections: options.maxRejections ?? 1000,
  };
}

/** Headers of `--column`/`--date` that the file does not have (the presets' own date headers are not the user's). */
export function missingColumns(report: LoadReport, options: RecordReadOptions): string[] {
  const asked = new Set([...Object.keys(options.columns ?? {}), ...(options.date !== undefined ? [options.date] : [])]);
  return report.columns.notFound.filter((h) => asked.has(h));
}

const signatures: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (an .xlsx workbook is one)' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) workbook' },
];

/** What a file's first bytes say it is, when it is a binary format this version cannot read. */
export function binaryFormat(head: Uint8Array): string | undefined {
  return signatures.find((s) => s.bytes.every((b, i) => head[i] === b))?.what;
}

function unreadable(name: string, what: string): IcestatError {
  return new IcestatError(
    'unsupported_encoding',
    `${name}: ${what}; this version of @icestat/loaders reads plain-text CSV (comma, semicolon, tab or pipe) only.\nDecompress or export it as CSV first, or update @icestat/loaders when it reads this format.`,
  );
}

/** Refuses a binary file by its first bytes, before the CSV reader would read it as text. */
export async function checkReadable(input: InputSpec): Promise<void> {
  if (input.kind !== 'path') return;
  const fh = await open(input.path, 'r');
  try {
    const head = new Uint8Array(8);
    await fh.read(head, 0, 8, 0);
    const what = binaryFormat(head);
    if (what) throw unreadable(inputLabel(input), what);
  } finally {
    await fh.close();
  }
}

/** Standard input, checked for a binary format on its first chunk. */
async function* stdinChunks(stream: Readable, onBytes?: (n: number) => void, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    signal?.throwIfAborted();
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    if (first) {
      const what = binaryFormat(bytes);
      if (what) throw unreadable('(stdin)', what);
      first = false;
    }
    onBytes?.(bytes.length);
    yield bytes;
  }
}

/** A path's bytes, counted as they are read. */
async function* pathChunks(path: string, onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const { createReadStream } = await import('node:fs');
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024, ...(signal ? { signal } : {}) }) as AsyncIterable<Uint8Array>) {
    onBytes(chunk.length);
    yield chunk;
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
 * Tallies one input at full speed: a path is read by the loaders' parallel reader (one worker
 * thread per core on a large file).
 */
export async function tallyInput(input: InputSpec, by: readonly TallyDimension[], options: RecordReadOptions): Promise<TallyOutcome> {
  checkRecordOptions(options);
  await checkReadable(input);
  const source = input.kind === 'path' ? input.path : stdinChunks(input.stream);
  const { tally, report } = await tallyArrestRecords(source, { by, ...loaderOptions(input, options) });
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
 * Tallies one input on this thread, record by record, so that progress can be shown and a stop
 * keeps a partial tally and report: the same rows are accepted and rejected as by
 * {@link tallyInput}, and the counts are the same. Once the signal is aborted the outcome is
 * `stopped`, even when the input then ended (Ctrl-C also ends a program piping into this one).
 */
export async function tallyInputWatched(input: InputSpec, by: readonly TallyDimension[], options: RecordReadOptions, watch: Watch): Promise<TallyOutcome> {
  checkRecordOptions(options);
  await checkReadable(input);
  let bytes = 0;
  const onBytes = (n: number): void => {
    bytes += n;
  };
  const { signal } = watch;
  const source = input.kind === 'path' ? pathChunks(input.path, onBytes, signal) : stdinChunks(input.stream, onBytes, signal);
  const reader = readArrestRecords(source, loaderOptions(input, options));
  const tally = createTally({ by });
  // The report copies its kept rejections each time it is read: read it ten times a second, from a
  // timer, not once a batch, so that a file of many rejections stays linear (and the last rows
  // read before the input pauses are shown).
  let moved = false;
  const timer = setInterval(() => {
    if (!moved) return;
    moved = false;
    watch.progress(bytes, reader.report.rowsRead);
  }, 100);
  try {
    for await (const batch of reader.batches()) {
      for (const record of batch) tally.add(record);
      moved = true;
      if (signal.aborted) break;
    }
    watch.progress(bytes, reader.report.rowsRead);
  } catch (e) {
    if (!signal.aborted) throw e;
  } finally {
    clearInterval(timer);
  }
  // Ctrl-C also ends the program piping into standard input, and its end of input can be seen
  // before the signal: give the signal a moment, so that a cut-off input is not taken as whole.
  if (input.kind === 'stdin' && !signal.aborted) await new Promise((r) => setTimeout(r, 100));
  return { tally: tally.result(), report: reader.report, stopped: signal.aborted };
}

/** The first rows of an input as the loaders read them, for `inspect`. */
export interface Peek {
  readonly report: LoadReport;
  readonly sample: readonly ArrestRecord[];
  /** The raw first lines of the text, up to the sample's end. */
  readonly head: readonly string[];
  /** Whether the whole input fitted in the peek. */
  readonly whole: boolean;
}

/** Reads about the first `maxBytes` of an input (whole lines) and parses them as records. */
export async function peekInput(input: InputSpec, options: RecordReadOptions, maxBytes = 256 * 1024): Promise<Peek> {
  checkRecordOptions(options);
  await checkReadable(input);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let whole = true;
  const source = input.kind === 'path' ? pathChunks(input.path, () => undefined) : stdinChunks(input.stream);
  for await (const chunk of source) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) {
      whole = false;
      break;
    }
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  let text: string;
  try {
    // A peek may end inside a character: streaming decode leaves that tail out.
    text = new TextDecoder('utf-8', { fatal: true }).decode(all, { stream: !whole });
  } catch {
    throw new IcestatError('unsupported_encoding', `${inputLabel(input)}: not UTF-8 text; save or convert the file as UTF-8 first`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!whole) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const { records, report } = parseArrestRecords(text, { ...loaderOptions(input, options), maxRejections: 20 });
  const head = text.split(/\r?\n/).slice(0, 12);
  return { report, sample: records.slice(0, 5), head, whole };
}

/**
 * Merges the tallies of several inputs into one (core's merge), each report kept for its file.
 */
export function mergeTallies(results: readonly TallyResult[], by: readonly TallyDimension[]): TallyResult {
  const merged = createTally({ by });
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
 * A `--where` value as the tally groups it: an AOR name or code → `SEA`, a state → `WA`,
 * `1 Convicted Criminal` → `convicted`, `2016` → `FY2016`; `missing` and `redacted` name the
 * blank and withheld groups. `undefined` when the value cannot be one of the dimension's groups.
 */
export function groupValueOf(dimension: TallyDimension, text: string): string | undefined {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'missing' || lower === '(missing)') return '(missing)';
  if (lower === 'redacted' || lower === '(redacted)') return '(redacted)';
  switch (dimension) {
    case 'aor':
      return normaliseAor(t);
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
    case 'citizenship':
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
    await checkReadable(input);
    return isFiguresCsv(input.path) ? safeLoadFiguresCsv(input.path, { name }) : safeLoadDataset(input.path, { name });
  }
  const chunks: Uint8Array[] = [];
  for await (const c of stdinChunks(input.stream)) chunks.push(c);
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  return isFiguresCsv(name, text) ? safeParseFiguresCsv(text, { name }) : safeParseDataset(text, { name });
}
