import { IcestatError, type ArrestRecord, type ArrestRecordField } from '@icestat/core';
import { inputName, textChunks, type InputSource } from '../../shared/input';
import type { ColumnPlan } from './columns';
import { resolveReadOptions, type ReadArrestRecordsOptions } from './options';
import { emptyLoadReport, type LoadReport } from './report';
import { createRowReader, type RowReader } from './row-reader';

/** Where records are read from: a path, URL, Node stream, Web `ReadableStream`, or `{ text }` in memory. */
export type RecordSource = InputSource | { readonly text: string };

/**
 * A streaming reader of arrest records: iterate it once with `for await`, then read its `report`.
 * Records arrive as the file is read; the file is never held whole.
 */
export interface ArrestRecordReader extends AsyncIterable<ArrestRecord> {
  /**
   * The report so far: final once iteration has ended (or thrown). Before iteration starts it is
   * empty; after `break` it covers the rows read up to there.
   */
  readonly report: LoadReport;
  /**
   * The records in batches (one per chunk of input): the same records as iterating the reader,
   * with one `await` per batch instead of per record. Use one or the other, once.
   */
  batches(): AsyncIterable<readonly ArrestRecord[]>;
}

/**
 * Checks a source and names it for reports and errors: `options.name`, else the path or URL,
 * `(text)` for `{ text }` and `(stream)` for a stream.
 *
 * @param source - What the caller passed.
 * @param options - May carry a `name`.
 * @param fn - The calling function, for the message.
 * @returns The name.
 * @throws {@link IcestatError} `invalid_input` for a string holding line breaks: a string is a
 *   path, and CSV text must come as `{ text }`.
 * @example
 * sourceName({ text: 'a,b\n' }, {}, 'readArrestRecords'); // => '(text)'
 */
export function sourceName(source: RecordSource, options: ReadArrestRecordsOptions, fn: string): string {
  if (typeof source === 'object' && source !== null && 'text' in source && typeof source.text === 'string') return options.name ?? '(text)';
  if (typeof source === 'string' && /[\r\n]/.test(source)) {
    throw new IcestatError('invalid_input', `${fn}: expected a path, URL, stream or { text }; received a string with line breaks (pass CSV text as { text })`);
  }
  return inputName(source as InputSource, options);
}

/**
 * Builds records from a row reader's values: the mapped fields in column order, the apprehension
 * time from the date cell (unless a time column is mapped), then `extra`.
 */
function recordBuilder(plan: ColumnPlan, reader: RowReader): () => ArrestRecord {
  const fieldColumns: number[] = [];
  const fieldNames: ArrestRecordField[] = [];
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
  const timeFromDate = !fieldNames.includes('apprehensionTime') && fieldNames.includes('apprehensionDate');
  return () => {
    const values = reader.values;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fieldColumns.length; i++) record[fieldNames[i]!] = values[fieldColumns[i]!];
    if (timeFromDate && reader.time !== undefined) record.apprehensionTime = reader.time;
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
    return record as ArrestRecord;
  };
}

/** A row reader that appends each accepted row's record to `out`. */
function recordReader(file: string, options: ReadArrestRecordsOptions, out: { batch: ArrestRecord[] }): RowReader {
  const read = resolveReadOptions(options);
  let build: (() => ArrestRecord) | undefined;
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

/**
 * Reads a record-level arrest CSV as a stream of {@link ArrestRecord}s: columns mapped by a
 * preset detected from the header (the releases' `Apprehension Date` style or snake_case) and
 * your `columns`, values normalised (criminality classes, AOR codes, postal codes, ISO dates,
 * birth years, genders, flags), FOIA markers kept as `{ redacted: true, marker }`, blank cells
 * `null`, unmapped columns in `record.extra`. Each bad row becomes a rejection in the report
 * with its line, column and reason; `accepted + rejected === rowsRead` always.
 *
 * Nothing is read until iteration starts. A string source is a path (Node); pass text as
 * `{ text }`. In a browser, pass `{ text }`, a `Response.body` or `Blob.stream()`.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, or `{ text }`.
 * @param options - Delimiter, preset, custom columns, rejection handling; `name` and `signal`.
 * @returns A reader: iterate it once, then read `reader.report`.
 * @throws {@link IcestatError} `invalid_input` at once for bad options or CSV text passed as a
 *   string. While iterating: `parse_error` for a malformed header row, or for the first bad row
 *   with `onRejection: 'throw'` (its `issues[0]` has `file`, `line` and `column`);
 *   `unsupported_encoding` for bytes that are not UTF-8; `invalid_input` when iterated twice.
 *   Errors of the input itself pass through: a missing file's `ENOENT`, a failed fetch, the
 *   signal's reason once aborted.
 * @example
 * const reader = readArrestRecords('arrests.csv');
 * for await (const record of reader) if (record.criminality === 'convicted') convicted++;
 * reader.report.rejected; // => 0
 */
export function readArrestRecords(source: RecordSource, options: ReadArrestRecordsOptions = {}): ArrestRecordReader {
  resolveReadOptions(options); // fail fast on bad options, before anything is read
  const file = sourceName(source, options, 'readArrestRecords');
  let started = false;
  let rows: RowReader | undefined;

  async function* batches(): AsyncGenerator<readonly ArrestRecord[]> {
    if (started) throw new IcestatError('invalid_input', `readArrestRecords: ${file} is already being read; a reader can be iterated once`);
    started = true;
    const out = { batch: [] as ArrestRecord[] };
    const reader = recordReader(file, options, out);
    rows = reader;
    for await (const text of textChunks(source, options)) {
      reader.push(text);
      if (out.batch.length > 0) {
        const batch = out.batch;
        out.batch = [];
        yield batch;
      }
    }
    reader.end();
    if (out.batch.length > 0) yield out.batch;
  }

  return {
    get report() {
      return rows?.report() ?? emptyLoadReport(file);
    },
    batches,
    [Symbol.asyncIterator](): AsyncIterator<ArrestRecord> {
      const it = batches();
      let batch: readonly ArrestRecord[] = [];
      let i = 0;
      const pull = async (): Promise<IteratorResult<ArrestRecord>> => {
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
 * Parses a record-level arrest CSV held in memory, synchronously: the same mapping, checks and
 * report as {@link readArrestRecords}, for browsers and small files.
 *
 * @param text - The whole file (a leading byte-order mark is dropped).
 * @param options - As for {@link readArrestRecords}; `name` labels the report.
 * @returns Every accepted record, and the report.
 * @throws {@link IcestatError} `invalid_input` for bad options; `parse_error` for a malformed
 *   header row, or for the first bad row with `onRejection: 'throw'`.
 * @example
 * const { records, report } = parseArrestRecords('apprehension_date,apprehension_aor\n2017-09-25,Philadelphia Area of Responsibility\n');
 * records; // => [{ apprehensionDate: '2017-09-25', apprehensionAor: 'PHI' }]
 * report.accepted; // => 1
 */
export function parseArrestRecords(text: string, options: ReadArrestRecordsOptions = {}): { records: ArrestRecord[]; report: LoadReport } {
  const file = options.name ?? '(text)';
  const out = { batch: [] as ArrestRecord[] };
  const reader = recordReader(file, options, out);
  reader.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  reader.end();
  return { records: out.batch, report: reader.report() };
}
