import {
  IcestatError,
  type ArrestRecord,
  type DetainerRecord,
  type DetentionRecord,
  type EncounterRecord,
  type RecordTableName,
  type RemovalRecord,
  type TallyDimension,
} from '@icestat/core';
import { checkOptions, checkSource, checkText } from '../../shared/args';
import { inputName, textChunks, type InputSource } from '../../shared/input';
import type { TablePlan } from '../../tables/plan';
import type { SplitRow } from '../../tables/rows';
import { resolveReadOptions, type ReadArrestRecordsOptions, type ReadRecordsOptions } from './options';
import { emptyLoadReport, type LoadReport } from './report';
import { createRowReader, type RowReader } from './row-reader';
import { mergeReports, openRecordSource, partName, type OpenedSource } from './sources';

/**
 * Where records are read from: a path, URL, Node stream, Web `ReadableStream` or bytes of a
 * file (CSV, gzip'd or zipped CSV, an Excel workbook or a Parquet file: told apart by content),
 * `{ text }` in memory, or `{ rows }`: rows already split into cells, read by the same rules.
 */
export type RecordSource = InputSource | Uint8Array | { readonly text: string } | { readonly rows: AsyncIterable<SplitRow> | Iterable<SplitRow> };

/** The record type of each table. */
export interface RecordOfTable {
  readonly arrests: ArrestRecord;
  readonly encounters: EncounterRecord;
  readonly removals: RemovalRecord;
  readonly detainers: DetainerRecord;
  readonly detentions: DetentionRecord;
}

/** A record of any table. */
export type AnyRecord = RecordOfTable[RecordTableName];

/**
 * A streaming reader of records: iterate it once with `for await`, then read its `report`.
 * Records arrive as the file is read; the file is never held whole.
 */
export interface RecordReader<R> extends AsyncIterable<R> {
  /**
   * The report so far: final once iteration has ended (or thrown). Before iteration starts it is
   * empty; after `break` it covers the rows read up to there.
   */
  readonly report: LoadReport;
  /**
   * The records in batches (one per chunk of input): the same records as iterating the reader,
   * with one `await` per batch instead of per record. Use one or the other, once.
   */
  batches(): AsyncIterable<readonly R[]>;
}

/** A streaming reader of arrest records; see {@link readArrestRecords}. */
export type ArrestRecordReader = RecordReader<ArrestRecord>;

function isRows(source: RecordSource): source is { readonly rows: AsyncIterable<SplitRow> | Iterable<SplitRow> } {
  return typeof source === 'object' && source !== null && 'rows' in source && typeof source.rows === 'object' && source.rows !== null;
}

/**
 * Checks a source and names it for reports and errors: `options.name`, else the path or URL,
 * `(text)` for `{ text }`, `(rows)` for `{ rows }` and `(stream)` for a stream.
 *
 * @param source - What the caller passed.
 * @param options - May carry a `name`.
 * @param fn - The calling function, for the message.
 * @returns The name.
 * @throws {@link IcestatError} `invalid_input` for a string holding line breaks: a string is a
 *   path, and CSV text must come as `{ text }`.
 * @example
 * sourceName({ text: 'a,b\n' }, {}, 'readRecords'); // => '(text)'
 */
export function sourceName(source: RecordSource, options: { readonly name?: string }, fn: string): string {
  if (isRows(source)) return options.name ?? '(rows)';
  if (source instanceof Uint8Array) return options.name ?? '(bytes)';
  checkSource(fn, source, true);
  if (typeof source === 'object' && source !== null && 'text' in source && typeof source.text === 'string') return options.name ?? '(text)';
  if (typeof source === 'string' && /[\r\n]/.test(source)) {
    throw new IcestatError('invalid_input', `${fn}: expected a path, URL, stream or { text }; received a string with line breaks (pass CSV text as { text })`);
  }
  return inputName(source as InputSource, options);
}

/**
 * Whether a source is text in memory or split rows (read as they are) rather than a file to open.
 *
 * @param source - Any {@link RecordSource}.
 * @returns `true` for `{ text }` and `{ rows }`.
 * @example
 * isInMemory({ text: 'a,b\n' }); // => true
 */
export function isInMemory(source: RecordSource): source is { readonly text: string } | { readonly rows: AsyncIterable<SplitRow> | Iterable<SplitRow> } {
  return (
    isRows(source) || (typeof source === 'object' && source !== null && !(source instanceof Uint8Array) && 'text' in source && typeof source.text === 'string')
  );
}

/**
 * Opens a source by its content (see {@link openRecordSource}); text and split rows in memory
 * are read as they are.
 *
 * @param source - Any {@link RecordSource}.
 * @param file - Its name.
 * @param options - The read options (table, preset, columns, sheet choice, input options).
 * @param needs - For a tally: the dimensions and date.
 * @returns The text source, or the parts of split rows.
 * @example
 * (await openSource('book.xlsx', 'book.xlsx', { table: 'arrests' })).kind; // => 'parts'
 */
export async function openSource(
  source: RecordSource,
  file: string,
  options: ReadRecordsOptions,
  needs?: { readonly by: readonly TallyDimension[]; readonly date?: string },
): Promise<OpenedSource | { readonly kind: 'memory'; readonly source: RecordSource }> {
  if (isInMemory(source)) {
    if (options.sheet !== undefined || options.sheets !== undefined) throw new IcestatError('invalid_input', `${file}: sheet and sheets are for workbooks`);
    return { kind: 'memory', source };
  }
  const read = resolveReadOptions(options);
  return openRecordSource(source, file, { ...options, table: read.table, preset: read.preset, columns: read.columns, ...(needs ? { needs } : {}) });
}

/**
 * Feeds a source into a row reader, calling `flush` after each chunk (or each 1,000 split rows).
 *
 * @param source - Any {@link RecordSource}.
 * @param options - Input options (`signal`, `name`, encoding).
 * @param reader - The row reader.
 * @param flush - Called when a batch may be ready.
 * @returns Once the source is read to its end (the reader not yet ended).
 * @example
 * for await (const _ of feed({ text: 'a,b\n' }, {}, reader, () => [])) ;
 */
export async function* feed<T>(source: RecordSource, options: ReadRecordsOptions, reader: RowReader, flush: () => T | undefined): AsyncGenerator<T> {
  if (isRows(source)) {
    let n = 0;
    for await (const row of source.rows as AsyncIterable<SplitRow>) {
      options.signal?.throwIfAborted();
      reader.pushRow(row);
      if (++n % 1000 === 0) {
        const out = flush();
        if (out !== undefined) yield out;
      }
    }
    return;
  }
  for await (const text of textChunks(source as InputSource | { text: string }, options)) {
    reader.push(text);
    const out = flush();
    if (out !== undefined) yield out;
  }
}

/**
 * Builds records from a row reader's values: the mapped fields in column order, the time of
 * day from the main date cell (arrests' apprehension time, unless a time column is mapped), then
 * `extra`.
 */
function recordBuilder(plan: TablePlan, reader: RowReader): () => Record<string, unknown> {
  const fieldColumns: number[] = [];
  const fieldNames: string[] = [];
  const extraColumns: number[] = [];
  const extraKeys: string[] = [];
  plan.fields.forEach((f, j) => {
    if (f !== null) {
      fieldColumns.push(j);
      fieldNames.push(f);
    } else {
      extraColumns.push(j);
      extraKeys.push(plan.extraKeys[j]!);
    }
  });
  const timeField = plan.spec.timeField;
  const timeFromDate = timeField !== undefined && !fieldNames.includes(timeField) && fieldNames.includes(plan.spec.mainDate);
  return () => {
    const values = reader.values;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fieldColumns.length; i++) record[fieldNames[i]!] = values[fieldColumns[i]!];
    if (timeFromDate && reader.time !== undefined) record[timeField] = reader.time;
    if (extraColumns.length > 0) {
      const extra: Record<string, string> = {};
      for (let i = 0; i < extraColumns.length; i++) {
        const key = extraKeys[i]!;
        const value = values[extraColumns[i]!] as string;
        // `extra.__proto__ = v` would set the prototype and lose the value: define it as a property.
        if (key === '__proto__') Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
        else extra[key] = value;
      }
      record.extra = extra;
    }
    return record;
  };
}

/** A row reader that appends each accepted row's record to `out`. */
function recordReader(file: string, options: ReadRecordsOptions, out: { batch: unknown[] }): RowReader {
  const read = resolveReadOptions(options);
  let build: (() => Record<string, unknown>) | undefined;
  const reader = createRowReader({
    file,
    read,
    needs: 'all',
    onHeader: (plan) => {
      build = recordBuilder(plan, reader);
    },
    onAccept: () => {
      out.batch.push(build!());
    },
  });
  return reader;
}

function streamingReader<R>(source: RecordSource, options: ReadRecordsOptions, fn: string): RecordReader<R> {
  checkOptions(fn, options);
  resolveReadOptions(options); // fail fast on bad options, before anything is read
  const file = sourceName(source, options, fn);
  let started = false;
  let rows: RowReader | undefined;

  async function* batches(): AsyncGenerator<readonly R[]> {
    if (started) throw new IcestatError('invalid_input', `${fn}: ${file} is already being read; a reader can be iterated once`);
    started = true;
    const out = { batch: [] as unknown[] };
    const take = (): R[] | undefined => {
      if (out.batch.length === 0) return undefined;
      const batch = out.batch as R[];
      out.batch = [];
      return batch;
    };
    const opened = await openSource(source, file, options);
    if (opened.kind === 'parts') {
      // A workbook's sheets (or a Parquet file): each part with its own header, one after the other.
      for (const part of opened.parts) {
        const reader = recordReader(partName(file, part), options, out);
        rows = reader;
        current = part.sheet;
        yield* feed({ rows: part.rows }, options, reader, take);
        reader.end();
        done.push({ ...(part.sheet === undefined ? {} : { sheet: part.sheet }), report: reader.report() });
        rows = undefined;
        const last = take();
        if (last !== undefined) yield last;
      }
      return;
    }
    const reader = recordReader(file, options, out);
    rows = reader;
    // A replayed stream or URL keeps the source's name in decoding and container errors.
    yield* feed(opened.source, { ...options, name: file }, reader, take);
    reader.end();
    const last = take();
    if (last !== undefined) yield last;
  }

  /** Reports of the parts read so far (workbooks), and the sheet being read. */
  const done: { sheet?: string; report: LoadReport }[] = [];
  let current: string | undefined;
  const maxRejections = resolveReadOptions(options).maxRejections;

  return {
    get report() {
      const now = rows?.report();
      if (done.length === 0 && current === undefined) return now ?? emptyLoadReport(file);
      const parts = now === undefined ? done : [...done, { ...(current === undefined ? {} : { sheet: current }), report: now }];
      return parts.length === 0 ? emptyLoadReport(file) : mergeReports(file, parts, maxRejections);
    },
    batches,
    [Symbol.asyncIterator](): AsyncIterator<R> {
      const it = batches();
      let batch: readonly R[] = [];
      let i = 0;
      const pull = async (): Promise<IteratorResult<R>> => {
        while (i >= batch.length) {
          const r = await it.next();
          if (r.done) return { done: true, value: undefined };
          batch = r.value;
          i = 0;
        }
        return { done: false, value: batch[i++]! };
      };
      return {
        next: () => (i < batch.length ? Promise.resolve({ done: false, value: batch[i++]! }) : pull()),
        return: async () => {
          await it.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * Reads a record-level release as a stream of records of one table: arrests, encounters,
 * removals, detainers or detention book-ins (`table`, or `auto` to pick it from the header).
 * The header is found below ICE's title rows (they are reported, never counted as rows); its
 * columns are mapped by the release family's preset (ranked by how many fields they map; the
 * report names the table and preset) and your `columns`; values are normalised (criminality
 * classes, AOR codes with `HQ` for headquarters, postal codes, ISO dates and timestamps, birth
 * years, genders, flags); FOIA markers in any of ICE's spellings are kept as
 * `{ redacted: true, marker }`; blank cells and `NA`, `N/A`, `NULL`, `(null)` are `null`; an AOR
 * icestat does not know is kept as `{ unknown: text }` (a rejection with `strictAors`); unmapped
 * columns go to `record.extra`. Each bad row becomes a rejection with its physical line, column
 * and reason; `accepted + rejected === rowsRead` always.
 *
 * The source may be the published file itself: CSV (gzip'd or zipped), an Excel workbook (one
 * sheet, `sheet` by name or index, or with `sheets: 'auto'` every sheet of the table, each with
 * its own header; rejections name their sheet) or a Parquet file, told apart by content.
 *
 * Nothing is read until iteration starts. A string source is a path (Node); pass text as
 * `{ text }`, and rows already split into cells as `{ rows }`.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, bytes, `{ text }` or `{ rows }`.
 * @param options - Table, preset, custom columns, header row, missing values, strict AORs,
 *   delimiter, rejection handling, `sheet` or `sheets` for a workbook; `name` and `signal`.
 * @returns A reader: iterate it once, then read `reader.report`.
 * @throws {@link IcestatError} `invalid_input` at once for bad options or CSV text passed as a
 *   string. While iterating: `parse_error` for a header that maps fewer than two known fields (or
 *   no header among the first rows), a malformed header row, or the first bad row with
 *   `onRejection: 'throw'`; `unsupported_encoding` for bytes that are not UTF-8; `invalid_input`
 *   when iterated twice, or for a workbook sheet that does not exist or a workbook whose sheets
 *   hold several tables with no `table` or `sheet` to choose. Errors of the input itself pass through.
 * @example
 * const reader = readRecords('ICERemovals_FY2016.csv', { table: 'removals' });
 * for await (const removal of reader) if (removal.caseAor === 'HQ') hq++;
 * reader.report.header.title; // => 'ICE Removals for FY2016'
 */
export function readRecords<T extends RecordTableName | 'auto' = 'auto'>(
  source: RecordSource,
  options: ReadRecordsOptions & { readonly table?: T } = {},
): RecordReader<T extends RecordTableName ? RecordOfTable[T] : AnyRecord> {
  return streamingReader(source, options, 'readRecords');
}

/**
 * Reads a record-level arrest release as a stream of {@link ArrestRecord}s: {@link readRecords}
 * with `table: 'arrests'`.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, `{ text }` or `{ rows }`.
 * @param options - As for {@link readRecords}, without `table`.
 * @returns A reader: iterate it once, then read `reader.report`.
 * @throws {@link IcestatError} as {@link readRecords}.
 * @example
 * const reader = readArrestRecords('arrests.csv');
 * for await (const record of reader) if (record.criminality === 'convicted') convicted++;
 * reader.report.rejected; // => 0
 */
export function readArrestRecords(source: RecordSource, options: ReadArrestRecordsOptions = {}): ArrestRecordReader {
  checkOptions('readArrestRecords', options);
  return streamingReader(source, { ...options, table: 'arrests' }, 'readArrestRecords');
}

/**
 * Parses a record-level release held in memory, synchronously: the same mapping, checks and
 * report as {@link readRecords}, for browsers and small files.
 *
 * @param text - The whole file (a leading byte-order mark is dropped).
 * @param options - As for {@link readRecords}; `name` labels the report.
 * @returns Every accepted record, and the report.
 * @throws {@link IcestatError} `invalid_input` for bad options; `parse_error` for a header that
 *   maps fewer than two known fields, a malformed header row, or the first bad row with
 *   `onRejection: 'throw'`.
 * @example
 * const { records, report } = parseRecords('Event Date,Event Area of Responsibility\n10/1/2015,HQ Area of Responsibility\n');
 * records; // => [{ eventDate: '2015-10-01', responsibleAor: 'HQ' }]
 * report.table; // => 'encounters'
 */
export function parseRecords<T extends RecordTableName | 'auto' = 'auto'>(
  text: string,
  options: ReadRecordsOptions & { readonly table?: T } = {},
): { records: (T extends RecordTableName ? RecordOfTable[T] : AnyRecord)[]; report: LoadReport } {
  return parseWith(text, options, 'parseRecords', 'readRecords') as {
    records: (T extends RecordTableName ? RecordOfTable[T] : AnyRecord)[];
    report: LoadReport;
  };
}

function parseWith(text: string, options: ReadRecordsOptions, fn: string, loader: string): { records: unknown[]; report: LoadReport } {
  checkText(fn, text, loader);
  checkOptions(fn, options);
  const file = options.name ?? '(text)';
  const out = { batch: [] as unknown[] };
  const reader = recordReader(file, options, out);
  reader.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  reader.end();
  return { records: out.batch, report: reader.report() };
}

/**
 * Parses a record-level arrest CSV held in memory: {@link parseRecords} with `table: 'arrests'`.
 *
 * @param text - The whole file (a leading byte-order mark is dropped).
 * @param options - As for {@link readArrestRecords}; `name` labels the report.
 * @returns Every accepted record, and the report.
 * @throws {@link IcestatError} as {@link parseRecords}.
 * @example
 * const { records, report } = parseArrestRecords('apprehension_date,apprehension_aor\n2017-09-25,Philadelphia Area of Responsibility\n');
 * records; // => [{ apprehensionDate: '2017-09-25', apprehensionAor: 'PHI' }]
 * report.accepted; // => 1
 */
export function parseArrestRecords(text: string, options: ReadArrestRecordsOptions = {}): { records: ArrestRecord[]; report: LoadReport } {
  checkOptions('parseArrestRecords', options);
  return parseWith(text, { ...options, table: 'arrests' }, 'parseArrestRecords', 'readArrestRecords') as { records: ArrestRecord[]; report: LoadReport };
}
