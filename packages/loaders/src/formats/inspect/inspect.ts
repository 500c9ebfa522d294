// What a file is, before reading it: the first thing a user runs on a download, and what error
// messages point to. Reads only the start of each part (the footer of a Parquet file, the first
// rows of each sheet), never the whole file.
import { IcestatError, type RecordTableName } from '@icestat/core';
import { detectTable } from '../../tables/detect';
import { detectDialect } from '../../csv/records/dialect';
import { byteChunks, inputName, type InputOptions, type InputSource } from '../../shared/input';
import { openContainers, type ContainerInfo } from '../containers';
import { describeFormat, detectFormat, type FileFormat, type TextEncodingName } from '../detect';
import { parquetValueToString, readParquetMetadata, readParquetRows, type ParquetColumn } from '../parquet/read';
import { cellsToStrings } from '../xlsx/cells';
import { listXlsxSheets, readXlsxRows, type XlsxSheet } from '../xlsx/read';

/** The start of a table (a CSV file or a sheet): banner lines, header row and a few rows. */
export interface TableStart {
  /** 1-based line (text) or sheet row (workbook) of the header. */
  readonly headerRow: number;
  /** Non-empty lines above the header: ICE's titles, "For Official Use Only", the FOIA number … */
  readonly bannerLines: readonly string[];
  /** The header's cells, trailing empty cells left out. */
  readonly header: readonly string[];
  /** The first rows after the header, as text. */
  readonly sampleRows: readonly (readonly string[])[];
}

/**
 * The record table a header holds, as the record readers would pick it: the table and preset
 * ranked best for the header (found below any banner rows by the readers' own finder), the
 * columns that preset maps to record fields and those it leaves unmapped (kept in
 * `record.extra`). `null` and empty lists when no preset maps two fields of any table.
 */
export interface TableDetection {
  /** `arrests`, `encounters`, `removals`, `detainers` or `detentions`; `null` when none matches. */
  readonly detectedTable: RecordTableName | null;
  /** The preset, e.g. `ice-seattle/arrests`; `null` when none matches. */
  readonly detectedPreset: string | null;
  /** Header cells that fill a record field, with the field. */
  readonly mappedColumns: readonly { readonly header: string; readonly field: string }[];
  /** Header cells no field takes. */
  readonly unmappedColumns: readonly string[];
}

/** A workbook sheet as {@link inspectSource} describes it. */
export interface SheetInspection extends XlsxSheet, TableDetection {
  /** Its header, banner and first rows; undefined for an empty sheet. */
  readonly table?: TableStart;
}

/** What {@link inspectSource} found. */
export interface SourceInspection extends TableDetection {
  /** The source's name. */
  readonly file: string;
  /** The format of the data, under any compression. */
  readonly format: FileFormat;
  readonly description: string;
  /** Whether icestat reads this format; when not, `problem` says why and what to do. */
  readonly supported: boolean;
  readonly problem?: string;
  /** Containers opened on the way, outermost first (`gzip`, `zip`). */
  readonly compression: readonly ('gzip' | 'zip')[];
  /** The zip entry inspected. */
  readonly entry?: string;
  /** Text: its encoding (the `encoding` option given, or the likely one) and whether it has a byte-order mark. */
  readonly encoding?: TextEncodingName;
  readonly bom?: boolean;
  /** Text: the delimiter. */
  readonly delimiter?: string;
  /** Text, or a Parquet file (column names as header): the table's start. */
  readonly table?: TableStart;
  /** Workbook: every sheet with its table's start. */
  readonly sheets?: readonly SheetInspection[];
  /** Parquet: rows as the footer states, and the columns. */
  readonly rows?: number;
  readonly columns?: readonly ParquetColumn[];
}

/** Options of {@link inspectSource}. */
export interface InspectOptions extends InputOptions {
  /** Rows given after each header. Default 3. */
  readonly sampleRows?: number;
  /** Rows (or lines) searched for the header. Default 30. */
  readonly searchRows?: number;
}

/**
 * Finds the header among a table's first rows: the first row with at least two filled cells and at
 * least half as many as the fullest row of the sample. ICE's banner lines (one filled cell each)
 * fall before it.
 *
 * @param rows - The first rows as text, with their 1-based row numbers.
 * @param sample - Rows to keep after the header.
 * @returns The table's start, or undefined when no row qualifies.
 * @example
 * findTableStart([{ row: 1, cells: ['ERO-LESA Statistical Tracking Unit', ''] }, { row: 2, cells: ['Area', 'Date'] }, { row: 3, cells: ['SEA', '2016-10-01'] }], 3)?.headerRow; // => 2
 */
export function findTableStart(rows: readonly { readonly row: number; readonly cells: readonly string[] }[], sample: number): TableStart | undefined {
  const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;
  const most = Math.max(0, ...rows.map((r) => filled(r.cells)));
  const at = rows.findIndex((r) => filled(r.cells) >= 2 && filled(r.cells) >= most / 2);
  if (at === -1) return undefined;
  const trim = (cells: readonly string[]) => {
    let end = cells.length;
    while (end > 0 && cells[end - 1]!.trim() === '') end--;
    return cells.slice(0, end);
  };
  const header = trim(rows[at]!.cells);
  return {
    headerRow: rows[at]!.row,
    bannerLines: rows
      .slice(0, at)
      .map((r) =>
        trim(r.cells)
          .filter((c) => c.trim() !== '')
          .join(' '),
      )
      .filter((l) => l !== ''),
    header,
    sampleRows: rows.slice(at + 1, at + 1 + sample).map((r) => r.cells.slice(0, Math.max(header.length, trim(r.cells).length))),
  };
}

/** Splits the first lines of delimited text into cells, quotes honoured (a sample, not the reader). */
function splitSample(text: string, delimiter: string, maxRows: number): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length && out.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ row: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  return out.filter((r) => r.cells.some((c) => c !== ''));
}

const INSPECT_BYTES = 64 * 1024;

const NOTHING: TableDetection = { detectedTable: null, detectedPreset: null, mappedColumns: [], unmappedColumns: [] };

/** The record table of a table's first rows (see {@link TableDetection}). */
function detection(rows: readonly { readonly row: number; readonly cells: readonly string[] }[]): TableDetection {
  const d = detectTable(rows);
  if (d.table === null) return NOTHING;
  return { detectedTable: d.table, detectedPreset: d.preset, mappedColumns: d.mapped, unmappedColumns: d.unmapped };
}

/** A workbook's table: the one table its sheets hold (the preset when they share one), or `null` when they hold none or several. */
function workbookDetection(sheets: readonly SheetInspection[]): TableDetection {
  const holding = sheets.filter((s) => s.detectedTable !== null);
  const tables = new Set(holding.map((s) => s.detectedTable));
  if (tables.size !== 1) return NOTHING;
  const presets = new Set(holding.map((s) => s.detectedPreset));
  const first = holding[0]!;
  return {
    detectedTable: first.detectedTable,
    detectedPreset: presets.size === 1 ? first.detectedPreset : null,
    mappedColumns: holding.length === 1 ? first.mappedColumns : [],
    unmappedColumns: holding.length === 1 ? first.unmappedColumns : [],
  };
}

/**
 * Says what a file is before it is read: its format by content (under gzip or zip), encoding,
 * delimiter, and for each table — the CSV, each sheet of a workbook, a Parquet file — the
 * header row, the banner lines above it, the header cells and a few sample rows; and the record
 * table the header holds with the preset that maps it, its mapped and unmapped columns (per
 * sheet for a workbook; the workbook's own when its sheets hold one table). A format icestat
 * does not read is reported (`supported: false`, `problem` with the way forward), not thrown.
 *
 * @param source - A path, URL, Node stream or Web stream.
 * @param options - `sampleRows`, `searchRows`, `encoding`, `entry`, name, decompression limits.
 * @returns The inspection.
 * @throws Errors of the input itself (a missing file, an abort) and damaged files (a truncated gzip or zip) pass through.
 * @example
 * const info = await inspectSource('EROArrests_FY2016.csv.gz');
 * info.compression; // => ['gzip']
 * info.table?.headerRow; // => 6
 * info.detectedPreset; // => 'ice-lesa/arrests'
 */
export async function inspectSource(given: InputSource, options: InspectOptions = {}): Promise<SourceInspection> {
  const file = inputName(given, options);
  const source = await rereadable(given, options);
  const sample = options.sampleRows ?? 3;
  const search = options.searchRows ?? 30;
  const base = { file, ...NOTHING };

  // The stored bytes first: a workbook or Parquet file is read by its own reader.
  const head = await firstBytes(byteChunks(source, { ...options, decompress: false }), 4096);
  const outer = detectFormat(head);
  if (outer.format === 'xlsx' || (outer.format === 'zip' && (await isWorkbook(source, options)))) {
    const sheets: SheetInspection[] = [];
    for (const s of await listXlsxSheets(source, options)) {
      const rows: { row: number; cells: string[] }[] = [];
      for await (const r of readXlsxRows(source, { ...options, sheet: s.index })) {
        rows.push({ row: r.row, cells: cellsToStrings(r.cells) });
        if (rows.length >= search) break;
      }
      const table = findTableStart(rows, sample);
      sheets.push({ ...s, ...(table ? { table } : {}), ...detection(rows) });
    }
    return { ...base, ...workbookDetection(sheets), format: 'xlsx', description: 'an Excel workbook (.xlsx)', supported: true, compression: [], sheets };
  }
  if (outer.format === 'parquet') {
    const md = await readParquetMetadata(source, options);
    const sampleRows: string[][] = [];
    for await (const r of readParquetRows(source, { ...options, rowEnd: sample }))
      sampleRows.push(md.columns.map((c) => parquetValueToString(r[c.name.split('.')[0]!])));
    const header = md.columns.map((c) => c.name);
    return {
      ...base,
      ...detection([{ row: 1, cells: header }]),
      format: 'parquet',
      description: outer.description,
      supported: true,
      compression: [],
      rows: md.rows,
      columns: md.columns,
      table: { headerRow: 1, bannerLines: [], header, sampleRows },
    };
  }

  // Everything else through the containers every text reader uses.
  let info: ContainerInfo = { compression: [] };
  let bytes: Uint8Array;
  try {
    // An encoding is passed so that UTF-16 is reported below rather than refused.
    const raw = byteChunks(source, { ...options, decompress: false });
    bytes = await firstBytes(
      openContainers(source, raw, file, { ...options, encoding: options.encoding ?? 'utf-16le' }, (i) => (info = i)),
      INSPECT_BYTES,
    );
  } catch (e) {
    const code = IcestatError.isInstance(e) ? e.issues[0]?.code : undefined;
    if (IcestatError.isInstance(e) && e.code === 'unsupported_encoding' && code?.startsWith('format_')) {
      const format = code.slice('format_'.length) as FileFormat;
      return {
        ...base,
        format,
        description: describeFormat(format),
        supported: format === 'xlsx' || format === 'parquet',
        problem: e.message,
        compression: info.compression,
      };
    }
    throw e;
  }
  const found = detectFormat(bytes);
  const containers = { compression: info.compression, ...(info.entry ? { entry: info.entry } : {}) };
  if (found.format !== 'text') {
    return {
      ...base,
      format: found.format,
      description: found.description,
      supported: false,
      problem: `${file}: this is ${found.description}; icestat reads text (CSV), xlsx and Parquet`,
      ...containers,
    };
  }
  const encoding = options.encoding ?? found.encoding ?? 'utf-8';
  const text = decodeSample(bytes, encoding);
  const dialect = detectDialect(text, bytes.length < INSPECT_BYTES);
  const delimiter = dialect?.delimiter ?? ',';
  const sampleRows = splitSample(text, delimiter, search + sample + 1);
  const table = findTableStart(sampleRows, sample);
  return {
    ...base,
    ...detection(sampleRows),
    format: 'text',
    description: found.description,
    supported: true,
    ...(found.encoding && found.encoding !== 'utf-8' && options.encoding === undefined
      ? { problem: `${file}: the text is not UTF-8; it looks like ${found.encoding}: pass { encoding: '${found.encoding}' } to read it` }
      : {}),
    ...containers,
    encoding,
    bom: found.bom ?? false,
    delimiter,
    ...(table ? { table } : {}),
  };
}

/** A source that can be read more than once: a stream is read into memory (paths and URLs are opened again). */
async function rereadable(source: InputSource, options: InputOptions): Promise<InputSource> {
  if (typeof source === 'string' || source instanceof URL) return source;
  const parts: Uint8Array[] = [];
  for await (const c of byteChunks(source, { ...options, decompress: false })) parts.push(typeof c === 'string' ? new TextEncoder().encode(c) : c);
  return {
    [Symbol.asyncIterator]: async function* () {
      yield* parts;
    },
  } as InputSource;
}

function decodeSample(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'latin1') return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  // A sample may end inside a character: not fatal here.
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}

async function firstBytes(chunks: AsyncIterable<Uint8Array | string>, want: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    const b = typeof c === 'string' ? new TextEncoder().encode(c) : c;
    parts.push(b);
    size += b.length;
    if (size >= want) break;
  }
  const out = new Uint8Array(Math.min(size, want));
  let at = 0;
  for (const p of parts) {
    if (at >= out.length) break;
    out.set(p.subarray(0, out.length - at), at);
    at += p.length;
  }
  return out;
}

async function isWorkbook(source: InputSource, options: InputOptions): Promise<boolean> {
  try {
    await listXlsxSheets(source, options);
    return true;
  } catch {
    return false;
  }
}
