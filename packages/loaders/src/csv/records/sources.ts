// What a record source holds, decided by its content (not its name): text (CSV, under gzip or
// zip) goes to the text pipeline; an Excel workbook or a Parquet file is read by its own reader
// into rows already split into cells, fed to the same row checker. Those readers are loaded with
// a dynamic import() only when the content is a workbook or Parquet file, so reading CSV costs
// nothing more.
import { IcestatError, type RecordTableName, type TallyDimension } from '@icestat/core';
import { detectFormat } from '../../formats/detect';
import { byteChunks, type InputOptions, type InputSource, type NodeReadableLike } from '../../shared/input';
import { detectTable, type DetectedTable } from '../../tables/detect';
import { planTable, type CustomColumns, type PresetChoice } from '../../tables/plan';
import type { SplitRow } from '../../tables/rows';
import { sumReports, type LoadReport } from './report';

/** Which sheets of an Excel workbook the record readers read. */
export interface SheetOptions {
  /**
   * The sheet to read, by its name or 0-based index. Without it (and without `sheets`), the
   * sheet whose header matches `table` is read; when several tables or sheets match, the
   * error lists the sheets and the table each holds.
   */
  readonly sheet?: string | number;
  /**
   * `auto`: every sheet whose header matches the table (ICE splits one table across tabs), read
   * one after the other, each with its own header; rejections name their sheet.
   */
  readonly sheets?: 'auto';
}

/** A stretch of split rows with its own header: one sheet, or a whole Parquet file. */
export interface RowPart {
  /** The sheet's name (workbooks). */
  readonly sheet?: string;
  readonly rows: AsyncIterable<SplitRow>;
}

/** A source as the record readers read it: text, or parts of split rows. */
export type OpenedSource =
  | { readonly kind: 'text'; readonly source: InputSource }
  | { readonly kind: 'parts'; readonly format: 'xlsx' | 'parquet'; readonly parts: readonly RowPart[] };

/** What opening a source needs to know of the request. */
export interface OpenRequest extends InputOptions, SheetOptions {
  readonly table: RecordTableName | 'auto';
  readonly preset: PresetChoice;
  readonly columns: CustomColumns | undefined;
  /** For a tally: the dimensions and date, so that a Parquet file is read by the columns the table maps only. */
  readonly needs?: { readonly by: readonly TallyDimension[]; readonly date?: string };
}

const SNIFF_BYTES = 4096;
/** Rows of each sheet looked at for its header (as the row reader does). */
const SEARCH_ROWS = 30;

function isReopenable(source: InputSource): boolean {
  return typeof source === 'string' || (source instanceof URL && source.protocol === 'file:');
}

function once(bytes: Uint8Array): NodeReadableLike {
  return {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * Reads the first bytes of a source to tell its format, and gives back a source that still
 * reads from the start: a path or file URL is opened again, anything else replays the bytes read.
 */
async function sniff(source: InputSource | Uint8Array, options: InputOptions): Promise<{ format: string; source: InputSource; bytes?: Uint8Array }> {
  if (source instanceof Uint8Array) return { format: detectFormat(source).format, source: once(source), bytes: source };
  const it = byteChunks(source, { ...options, decompress: false })[Symbol.asyncIterator]();
  const head: (Uint8Array | string)[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    size += typeof r.value === 'string' ? r.value.length : r.value.length;
  }
  const format = detectFormat(concat(head.map((c) => (typeof c === 'string' ? encoder.encode(c) : c)))).format;
  const remote = source instanceof URL && !isReopenable(source);
  if (isReopenable(source) || (remote && format === 'parquet')) {
    if (!done) await it.return?.();
    return { format, source };
  }
  const replay: NodeReadableLike = {
    async *[Symbol.asyncIterator]() {
      yield* head;
      if (done) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    },
  };
  return { format, source: replay };
}

/** A source the workbook and Parquet readers can open more than once: a path, or the bytes in memory. */
async function rereadable(source: InputSource, options: InputOptions): Promise<() => InputSource> {
  if (isReopenable(source)) return () => source;
  const parts: Uint8Array[] = [];
  for await (const c of byteChunks(source, { ...options, decompress: false })) parts.push(typeof c === 'string' ? encoder.encode(c) : c);
  const bytes = concat(parts);
  return () => once(bytes);
}

type XlsxModule = typeof import('@icestat/loaders/xlsx');
type ParquetModule = typeof import('@icestat/loaders/parquet');

/** A sheet of a workbook and the record table its header holds. */
export interface SheetTable extends DetectedTable {
  readonly name: string;
  readonly index: number;
}

/**
 * The table of each sheet of a workbook, from the header among its first rows.
 *
 * @param xlsx - The xlsx reader module.
 * @param open - Opens the workbook (again).
 * @param options - Input options, and `preset` to narrow the ranking.
 * @returns One entry per sheet, in tab order.
 * @example
 * (await workbookTables(xlsx, () => 'seattle.xlsx', {})).map((s) => s.table); // => [null, 'arrests', 'detentions', 'removals', 'removals', null]
 */
export async function workbookTables(
  xlsx: XlsxModule,
  open: () => InputSource,
  options: InputOptions & { readonly preset?: PresetChoice },
): Promise<SheetTable[]> {
  const out: SheetTable[] = [];
  for (const s of await xlsx.listXlsxSheets(open(), options)) {
    const rows: { row: number; cells: string[] }[] = [];
    for await (const r of xlsx.readXlsxRows(open(), { ...options, sheet: s.index })) {
      rows.push({ row: r.row, cells: xlsx.cellsToStrings(r.cells) });
      if (rows.length >= SEARCH_ROWS) break;
    }
    out.push({ name: s.name, index: s.index, ...detectTable(rows, options.preset === undefined ? {} : { preset: options.preset }) });
  }
  return out;
}

function listSheets(sheets: readonly SheetTable[]): string {
  return sheets.map((s) => `'${s.name}' (${s.table ?? 'no record table'})`).join(', ');
}

function chooseSheets(file: string, sheets: readonly SheetTable[], request: OpenRequest): SheetTable[] {
  const { sheet, table } = request;
  if (sheet !== undefined && request.sheets !== undefined) {
    throw new IcestatError('invalid_input', `${file}: pass either sheet or sheets: 'auto', not both`);
  }
  if (sheet !== undefined) {
    const found = typeof sheet === 'number' ? sheets[sheet] : sheets.find((s) => s.name === sheet);
    if (found === undefined) {
      throw new IcestatError(
        'invalid_input',
        `${file}: the workbook has no sheet ${typeof sheet === 'number' ? `at index ${sheet}` : `'${sheet}'`}; its sheets are ${listSheets(sheets)}`,
      );
    }
    return [found];
  }
  const tables = [...new Set(sheets.map((s) => s.table).filter((t): t is RecordTableName => t !== null))];
  if (tables.length === 0) {
    throw new IcestatError(
      'parse_error',
      `${file}: no sheet of the workbook has a header that names two known fields of a record table; its sheets are ${listSheets(sheets)}; pass sheet and headerRow, preset or columns`,
    );
  }
  const wanted = table !== 'auto' ? table : tables.length === 1 ? tables[0]! : undefined;
  if (wanted === undefined) {
    throw new IcestatError(
      'invalid_input',
      `${file}: the workbook's sheets hold several record tables: ${listSheets(sheets)}; choose one with table (and sheets: 'auto' to read every sheet of it) or sheet`,
    );
  }
  const matching = sheets.filter((s) => s.table === wanted);
  if (matching.length === 0) {
    throw new IcestatError(
      'invalid_input',
      `${file}: no sheet of the workbook holds ${wanted}; its sheets are ${listSheets(sheets)}; pass sheet to read one anyway`,
    );
  }
  if (request.sheets === 'auto' || matching.length === 1) return matching;
  throw new IcestatError(
    'invalid_input',
    `${file}: ${matching.length} sheets hold ${wanted} (${matching.map((s) => `'${s.name}'`).join(', ')}); pass sheets: 'auto' to read them one after the other, or sheet to read one`,
  );
}

function checkSheetOptions(request: OpenRequest): void {
  const { sheet, sheets } = request;
  if (sheet !== undefined && !(typeof sheet === 'string' || (Number.isInteger(sheet) && sheet >= 0))) {
    throw new IcestatError('invalid_input', `sheet: expected a sheet's name or its 0-based index; received ${JSON.stringify(sheet)}`);
  }
  if (sheets !== undefined && sheets !== 'auto') throw new IcestatError('invalid_input', `sheets: expected "auto"; received ${JSON.stringify(sheets)}`);
}

async function workbookParts(open: () => InputSource, file: string, request: OpenRequest): Promise<RowPart[]> {
  const xlsx: XlsxModule = await import('@icestat/loaders/xlsx');
  const options: InputOptions = { ...request, name: file };
  const sheets = await workbookTables(xlsx, open, { ...options, preset: request.preset });
  return chooseSheets(file, sheets, request).map((s) => ({
    sheet: s.name,
    rows: (async function* () {
      for await (const r of xlsx.readXlsxRows(open(), { ...options, sheet: s.index })) yield { row: r.row, cells: xlsx.cellsToStrings(r.cells) };
    })(),
  }));
}

/**
 * The columns of a Parquet file a request reads: for a tally, the ones the table's preset (and
 * `columns`) map to fields, which are all the row checks look at; every column otherwise.
 */
function projection(names: readonly string[], request: OpenRequest): readonly string[] {
  if (request.needs === undefined) return names;
  try {
    const plan = planTable(names, {
      table: request.table,
      preset: request.preset,
      ...(request.columns ? { columns: request.columns } : {}),
      needs: { by: request.needs.by, ...(request.needs.date ? { date: request.needs.date } : {}) },
    });
    const kept = names.filter((_, j) => plan.fields[j] !== null);
    return kept.length >= 2 ? kept : names;
  } catch {
    return names; // the row reader says what is wrong with the header, as for every format
  }
}

async function parquetParts(open: () => InputSource, file: string, request: OpenRequest): Promise<RowPart[]> {
  if (request.sheet !== undefined || request.sheets !== undefined)
    throw new IcestatError('invalid_input', `${file}: sheet and sheets are for workbooks; this is a Parquet file`);
  const parquet: ParquetModule = await import('@icestat/loaders/parquet');
  const options: InputOptions = { ...(request.signal ? { signal: request.signal } : {}), name: file };
  const md = await parquet.readParquetMetadata(open(), options);
  const names = [...new Set(md.columns.map((c) => c.name.split('.')[0]!))];
  const columns = projection(names, request);
  return [
    {
      rows: (async function* () {
        // The header is row 1 and the n-th data row is row n + 1, as the file would be numbered written out as CSV.
        yield { row: 1, cells: columns };
        let row = 1;
        for await (const r of parquet.readParquetRows(open(), { ...options, columns }))
          yield { row: ++row, cells: columns.map((c) => parquet.parquetValueToString(r[c])) };
      })(),
    },
  ];
}

/**
 * Opens a record source by its content: text (CSV, gzip, zip) for the text pipeline, or a
 * workbook's chosen sheets or a Parquet file as parts of split rows.
 *
 * @param source - A path, URL, stream or bytes.
 * @param file - Its name for messages.
 * @param request - Table, preset, columns, sheet choice, input options.
 * @returns The opened source.
 * @throws {@link IcestatError} `invalid_input` for a missing sheet, a workbook whose sheets hold several tables with no `table` or `sheet`, or sheet options on a non-workbook; errors of the input itself pass through.
 * @example
 * const opened = await openRecordSource('seattle.xlsx', 'seattle.xlsx', { table: 'arrests', preset: 'auto', columns: undefined });
 * opened.kind; // => 'parts'
 */
export async function openRecordSource(source: InputSource | Uint8Array, file: string, request: OpenRequest): Promise<OpenedSource> {
  checkSheetOptions(request);
  const found = await sniff(source, { ...request, name: file });
  if (found.format === 'xlsx' || (found.format === 'zip' && (await isWorkbook(found.source, file, request)))) {
    const open = found.bytes ? () => once(found.bytes!) : await rereadable(found.source, request);
    return { kind: 'parts', format: 'xlsx', parts: await workbookParts(open, file, request) };
  }
  if (found.format === 'parquet') {
    const open = found.bytes
      ? () => once(found.bytes!)
      : isReopenable(found.source) || found.source instanceof URL
        ? () => found.source
        : await rereadable(found.source, request);
    return { kind: 'parts', format: 'parquet', parts: await parquetParts(open, file, request) };
  }
  if (request.sheet !== undefined || request.sheets !== undefined) {
    throw new IcestatError(
      'invalid_input',
      `${file}: sheet and sheets are for workbooks; this is ${found.format === 'text' || found.format === 'gzip' || found.format === 'zip' ? 'text' : found.format}`,
    );
  }
  return { kind: 'text', source: found.source };
}

/** A zip whose first entry is not under xl/ may still be a workbook: only a local file is checked (a stream is read as text, whose reader names a workbook when it meets one). */
async function isWorkbook(source: InputSource, file: string, options: InputOptions): Promise<boolean> {
  if (!isReopenable(source)) return false;
  const xlsx: XlsxModule = await import('@icestat/loaders/xlsx');
  try {
    await xlsx.listXlsxSheets(source, { ...options, name: file });
    return true;
  } catch {
    return false;
  }
}

/**
 * The report of a read made of parts (a workbook's sheets): counts summed, rejections in order
 * with their sheet named and cut to `maxRejections`, header and columns of the first part, and
 * each sheet's own counts.
 *
 * @param file - The source's name.
 * @param parts - Each part's sheet and report.
 * @param maxRejections - Rejections to keep in all.
 * @returns The merged report.
 * @example
 * mergeReports('book.xlsx', [{ sheet: 'Arrests', report }], 1000).sheets?.[0]?.name; // => 'Arrests'
 */
export function mergeReports(file: string, parts: readonly { readonly sheet?: string; readonly report: LoadReport }[], maxRejections: number): LoadReport {
  const joined = sumReports(
    file,
    parts.map((p) => p.report),
    maxRejections,
    (r, i) => {
      const sheet = parts[i]!.sheet;
      return sheet === undefined ? r : { ...r, sheet };
    },
  );
  const sheets = parts.filter((p) => p.sheet !== undefined);
  return {
    ...joined,
    ...(sheets.length > 0
      ? {
          sheets: sheets.map(({ sheet, report }) => ({
            name: sheet!,
            headerRow: report.header.line,
            preset: report.preset,
            rowsRead: report.rowsRead,
            accepted: report.accepted,
            rejected: report.rejected,
          })),
        }
      : {}),
  };
}

/**
 * The name a part's messages carry: the file, and the sheet after a `›`.
 *
 * @param file - The source's name.
 * @param part - The part.
 * @returns E.g. `seattle.xlsx › Arrests`.
 * @example
 * partName('seattle.xlsx', { sheet: 'Arrests', rows: [] as never }); // => 'seattle.xlsx › Arrests'
 */
export function partName(file: string, part: RowPart): string {
  return part.sheet === undefined ? file : `${file} › ${part.sheet}`;
}
