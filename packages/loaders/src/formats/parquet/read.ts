// Parquet files (the Deportation Data Project's format) read with hyparquet, pure JavaScript that
// runs in browsers too, and hyparquet-compressors for zstd, gzip, brotli and lz4 pages. Rows are
// read a row group at a time, and only the columns asked for.
import { IcestatError } from '@icestat/core';
import { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { randomAccess } from '../containers';
import { detectFormat, unsupportedFormatError } from '../detect';
import type { RandomAccess } from '../zip';
import { byteChunks, inputName, type InputOptions, type InputSource } from '../../shared/input';

/** A Parquet value as read: text, numbers (`bigint` for 64-bit integers without a logical type), booleans, dates and timestamps as `Date`, `null` for missing; nested types as objects and arrays. */
export type ParquetValue = string | number | bigint | boolean | Date | null | Uint8Array | readonly unknown[] | { readonly [key: string]: unknown };

/** One row: column name → value. */
export type ParquetRow = Record<string, ParquetValue>;

/** A column of a Parquet file, as {@link readParquetMetadata} describes it. */
export interface ParquetColumn {
  /** Its name (dotted path for nested columns). */
  readonly name: string;
  /** The physical type (`BYTE_ARRAY`, `INT32`, `DOUBLE`, …). */
  readonly physicalType: string;
  /** The logical or converted type when there is one (`STRING`, `DATE`, `TIMESTAMP`, …). */
  readonly logicalType?: string;
  /** For timestamps: whether they are instants in UTC (`true`) or wall-clock times without a zone (`false`). */
  readonly adjustedToUtc?: boolean;
  /** Compression codecs used by its chunks (`SNAPPY`, `ZSTD`, …). */
  readonly compression: readonly string[];
}

/** What a Parquet file holds, from its footer alone. */
export interface ParquetMetadata {
  /** Rows, as the footer states. */
  readonly rows: number;
  /** Row groups (the unit read at a time). */
  readonly rowGroups: number;
  readonly columns: readonly ParquetColumn[];
  /** The writer, e.g. `parquet-cpp-arrow version 14.0.2`. */
  readonly createdBy?: string;
}

/** Options of {@link readParquetRows}. */
export interface ReadParquetOptions extends InputOptions {
  /** Only these columns are read (and decoded); all when not given. */
  readonly columns?: readonly string[];
  /** First row to read (0-based, inclusive). */
  readonly rowStart?: number;
  /** Row to stop before (0-based, exclusive). */
  readonly rowEnd?: number;
}

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? b.buffer : (b.slice().buffer as ArrayBuffer);
}

function asyncBuffer(ra: RandomAccess): AsyncBuffer {
  return { byteLength: ra.size, slice: async (start, end) => toArrayBuffer(await ra.read(start, (end ?? ra.size) - start)) };
}

interface OpenParquet {
  readonly file: string;
  readonly buffer: AsyncBuffer;
  readonly metadata: FileMetaData;
  close(): Promise<void>;
}

async function openParquet(source: InputSource, options: InputOptions): Promise<OpenParquet> {
  const file = inputName(source, options);
  let ra: RandomAccess | undefined;
  let buffer: AsyncBuffer;
  if (source instanceof URL && (source.protocol === 'http:' || source.protocol === 'https:')) {
    // Range requests: only the footer and the columns read are fetched.
    buffer = await asyncBufferFromUrl({ url: source.href });
  } else {
    ra = await randomAccess(source, byteChunks(source, { ...options, decompress: false }));
    buffer = asyncBuffer(ra);
  }
  const close = async () => ra?.close();
  try {
    const head = new Uint8Array(await buffer.slice(0, Math.min(4096, buffer.byteLength)));
    const found = detectFormat(head);
    if (found.format !== 'parquet') throw unsupportedFormatError(found, file, 'the Parquet reader');
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(buffer);
    } catch (e) {
      throw new IcestatError(
        'parse_error',
        `${file}: the Parquet footer is damaged or missing (${(e as Error).message}); a Parquet file ends with its metadata and the bytes PAR1 — the file is probably truncated: download it again`,
        { cause: e, issues: [{ code: 'parquet_footer', file, message: 'damaged or missing footer' }] },
      );
    }
    return { file, buffer, metadata, close };
  } catch (e) {
    await close();
    throw e;
  }
}

function describeColumns(metadata: FileMetaData): ParquetColumn[] {
  const codecs = new Map<string, Set<string>>();
  for (const rg of metadata.row_groups) {
    for (const chunk of rg.columns) {
      const md = chunk.meta_data;
      if (!md) continue;
      const name = md.path_in_schema.join('.');
      if (!codecs.has(name)) codecs.set(name, new Set());
      codecs.get(name)!.add(String(md.codec));
    }
  }
  // Leaves of the schema tree, in order, with their dotted path.
  const out: ParquetColumn[] = [];
  const schema = metadata.schema;
  let i = 1;
  const walk = (prefix: string[], count: number): void => {
    for (let k = 0; k < count && i < schema.length; k++) {
      const el = schema[i++]!;
      const path = [...prefix, el.name];
      if (el.num_children) walk(path, el.num_children);
      else {
        const name = path.join('.');
        const logical = el.logical_type?.type ?? el.converted_type;
        const tz =
          el.logical_type && 'isAdjustedToUTC' in el.logical_type ? Boolean((el.logical_type as { isAdjustedToUTC?: boolean }).isAdjustedToUTC) : undefined;
        out.push({
          name,
          physicalType: String(el.type ?? ''),
          ...(logical ? { logicalType: String(logical) } : {}),
          ...(tz !== undefined ? { adjustedToUtc: tz } : {}),
          compression: [...(codecs.get(name) ?? [])],
        });
      }
    }
  };
  walk([], schema[0]?.num_children ?? schema.length - 1);
  return out;
}

function summarise(metadata: FileMetaData): ParquetMetadata {
  return {
    rows: Number(metadata.num_rows),
    rowGroups: metadata.row_groups.length,
    columns: describeColumns(metadata),
    ...(metadata.created_by ? { createdBy: metadata.created_by } : {}),
  };
}

/**
 * Reads a Parquet file's footer: row count, row groups, columns with their types and compression.
 * Nothing else of the file is read.
 *
 * @param source - A path, URL (remote files are read with range requests), Node stream or Web stream.
 * @param options - Name and abort signal.
 * @returns The metadata.
 * @throws {@link IcestatError} `parse_error` for a damaged or missing footer; `unsupported_encoding` when the source is not Parquet (the message names what it is).
 * @example
 * (await readParquetMetadata('currently-detained-by-criminality.parquet')).rows; // => 402
 */
export async function readParquetMetadata(source: InputSource, options: InputOptions = {}): Promise<ParquetMetadata> {
  const pq = await openParquet(source, options);
  try {
    return summarise(pq.metadata);
  } finally {
    await pq.close();
  }
}

/**
 * Reads a Parquet file's rows as objects, one row group at a time, decoding only the `columns`
 * asked for (a tally by two columns reads two). Pages compressed with snappy, zstd, gzip, brotli
 * or lz4 and dictionary-encoded pages are read; dates and timestamps come as `Date` (for
 * timestamps without a zone, the `Date`'s UTC fields are the wall-clock time written).
 *
 * @param source - A path, URL, Node stream or Web stream (a stream is held in memory: Parquet's index is at its end).
 * @param options - `columns`, `rowStart`, `rowEnd`, name, abort signal.
 * @returns An async iterable of rows.
 * @throws {@link IcestatError} `invalid_input` for a column the file does not have (the message lists them); `parse_error` for a damaged file.
 * @example
 * for await (const row of readParquetRows('adp-by-agency-criminality.parquet', { columns: ['agency', 'adp'] })) sum += row.adp as number;
 */
export async function* readParquetRows(source: InputSource, options: ReadParquetOptions = {}): AsyncGenerator<ParquetRow> {
  const pq = await openParquet(source, options);
  try {
    const names = describeColumns(pq.metadata).map((c) => c.name);
    const topLevel = new Set(names.map((n) => n.split('.')[0]!));
    for (const c of options.columns ?? []) {
      if (!topLevel.has(c))
        throw new IcestatError('invalid_input', `${pq.file}: no column '${c}'; the file's columns are ${[...topLevel].map((n) => `'${n}'`).join(', ')}`);
    }
    const from = options.rowStart ?? 0;
    const to = Math.min(options.rowEnd ?? Infinity, Number(pq.metadata.num_rows));
    let groupStart = 0;
    for (const rg of pq.metadata.row_groups) {
      const groupEnd = groupStart + Number(rg.num_rows);
      const rowStart = Math.max(from, groupStart);
      const rowEnd = Math.min(to, groupEnd);
      if (rowStart < rowEnd) {
        options.signal?.throwIfAborted();
        let rows: Record<string, unknown>[];
        try {
          rows = await parquetReadObjects({
            file: pq.buffer,
            metadata: pq.metadata,
            rowStart,
            rowEnd,
            compressors,
            ...(options.columns ? { columns: [...options.columns] } : {}),
          });
        } catch (e) {
          throw new IcestatError('parse_error', `${pq.file}: rows ${rowStart + 1}–${rowEnd} could not be read: ${(e as Error).message}`, { cause: e });
        }
        for (const r of rows) yield r as ParquetRow;
      }
      groupStart = groupEnd;
      if (groupStart >= to) break;
    }
  } finally {
    await pq.close();
  }
}

/**
 * A Parquet value as the text a CSV holds: dates at midnight UTC as `YYYY-MM-DD`, other times as
 * ISO 8601 in UTC, numbers and big integers in decimal, `null` as `''`, nested values as JSON.
 *
 * @param value - A value from {@link readParquetRows}.
 * @returns Its text.
 * @example
 * parquetValueToString(new Date(Date.UTC(2019, 9, 7))); // => '2019-10-07'
 * parquetValueToString(12n); // => '12'
 */
export function parquetValueToString(value: ParquetValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return value.getTime() % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
  }
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
