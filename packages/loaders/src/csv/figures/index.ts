import { IcestatError, type Dataset } from '@icestat/core';
import { checkDatasetArg, checkOptions, checkPath, checkSource, checkText, describeValue, safely } from '../../shared/args';
import { inputName, readText, safeReadText, type InputOptions, type InputSource } from '../../shared/input';
import { readFiguresCsv, type FiguresCsvReadOptions } from './read';
import { datasetRows, formatRows, type FiguresCsvWriteOptions } from './write';

export { escapeCsvCell, needsFormulaGuard, unescapeCsvCell } from './escape';
export { figuresCsvColumns, figuresCsvRecords, type FiguresCsvColumn, type FiguresCsvRecord } from './format';
export type { FiguresCsvReadOptions } from './read';
export type { FiguresCsvWriteOptions } from './write';

/** Options of {@link loadFiguresCsv}: those of {@link parseFiguresCsv} plus an abort signal. */
export type FiguresCsvLoadOptions = FiguresCsvReadOptions & Pick<InputOptions, 'signal'>;

/** Checks the options of the figures readers and writers (their types; the values are checked where used). */
function checkFiguresOptions(fn: string, options: unknown, write: boolean): void {
  checkOptions(fn, options);
  const o = (options ?? {}) as Record<string, unknown>;
  const oneOf = (key: string, allowed: readonly unknown[]): void => {
    if (o[key] !== undefined && !allowed.includes(o[key])) {
      throw new IcestatError(
        'invalid_input',
        `${fn}: options.${key}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; received ${describeValue(o[key])}`,
      );
    }
  };
  oneOf('delimiter', [',', ';', '\t']);
  if (write) {
    oneOf('newline', ['\n', '\r\n']);
    oneOf('columns', ['used', 'all']);
    oneOf('bom', [true, false]);
  } else if (o.title !== undefined && typeof o.title !== 'string') {
    throw new IcestatError('invalid_input', `${fn}: options.title: expected a string; received ${describeValue(o.title)}`);
  }
}

/** The result of a `safe…` call: the dataset, or the error that would have been thrown. */
export type FiguresCsvResult = { readonly success: true; readonly data: Dataset } | { readonly success: false; readonly error: IcestatError };

/**
 * Reads a CSV of figures — one figure a row, in the format the package README documents — into a
 * validated dataset. A leading byte-order mark is ignored; line breaks may be LF, CRLF or CR.
 *
 * @param text - The CSV text.
 * @param options - `name` for messages, `delimiter` (`,` by default, `;` or tab), and the
 *   `title` of a dataset whose file has no `dataset` row.
 * @returns The validated dataset.
 * @throws {@link IcestatError} `parse_error` when the text is not a well-formed CSV of figures
 *   (unknown columns, a bad number, an unknown qualifier, a wrong cell count, an unclosed quote, …);
 *   `invalid_dataset` when the figures break the schema. Every problem is in `issues`, located as
 *   `<name>:<line>: column "<header>": <what>`, with `line` the physical line where its row starts;
 *   `invalid_input` for arguments of the wrong type (naming the parameter).
 * @example
 * const csv = 'operation,operation_name,agency,operation_kind,metric,value,unit,source,source_title,source_publisher,source_kind,claimant_role,evidence\n' +
 *   'safe-city,Operation Safe City,ICE,targeted-sweep,arrests,498,people,bf,ICE targeted sanctuary cities,BuzzFeed News,news-report,agency,498 people\n';
 * parseFiguresCsv(csv).operations[0]?.figures[0]?.quantity;
 * // => { value: 498, unit: 'people', qualifier: 'exact', low: 498, high: 498, bounds: 'rule' }
 */
export function parseFiguresCsv(text: string, options: FiguresCsvReadOptions = {}): Dataset {
  checkText('parseFiguresCsv', text, 'loadFiguresCsv');
  checkFiguresOptions('parseFiguresCsv', options, false);
  const out = readFiguresCsv(text, options);
  if (out instanceof IcestatError) throw out;
  return out;
}

/**
 * Like {@link parseFiguresCsv}, but returns the error instead of throwing it.
 *
 * @param text - The CSV text.
 * @param options - As for {@link parseFiguresCsv}.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @throws Never for bad input; only for bugs.
 * @example
 * const r = safeParseFiguresCsv('record,nonsense\n');
 * r.success || r.error.issues[0]?.message;
 * // => '(text):1: column "nonsense": unknown column; the columns are listed in the @icestat/loaders README'
 */
export function safeParseFiguresCsv(text: string, options: FiguresCsvReadOptions = {}): FiguresCsvResult {
  return safely((): FiguresCsvResult => {
    checkText('safeParseFiguresCsv', text, 'safeLoadFiguresCsv');
    checkFiguresOptions('safeParseFiguresCsv', options, false);
    const out = readFiguresCsv(text, options);
    return out instanceof IcestatError ? { success: false, error: out } : { success: true, data: out };
  });
}

/**
 * Reads a CSV of figures from a file path (Node), a `file:` or `http(s):` URL, a Node.js readable
 * stream or a Web `ReadableStream`, and parses it with {@link parseFiguresCsv}.
 *
 * @param source - Where to read from. A string is a path, never CSV text.
 * @param options - As for {@link parseFiguresCsv} (`name` defaults to the path or URL), plus an
 *   abort `signal`.
 * @returns The validated dataset.
 * @throws {@link IcestatError} as {@link parseFiguresCsv}, and `unsupported_encoding` for bytes
 *   that are not UTF-8; I/O errors propagate as they are;
 *   `invalid_input` for arguments of the wrong type (naming the parameter).
 * @example
 * const dataset = await loadFiguresCsv('reports/figures.csv', { delimiter: ';' });
 */
export async function loadFiguresCsv(source: InputSource, options: FiguresCsvLoadOptions = {}): Promise<Dataset> {
  checkSource('loadFiguresCsv', source, false);
  checkFiguresOptions('loadFiguresCsv', options, false);
  const text = await readText(source, options);
  return parseFiguresCsv(text, { ...options, name: inputName(source, options) });
}

/**
 * Like {@link loadFiguresCsv}, but resolves to a result instead of rejecting for bad data. I/O
 * errors still reject.
 *
 * @param source - Where to read from.
 * @param options - As for {@link loadFiguresCsv}.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @throws Rejects only for I/O errors.
 * @example
 * const r = await safeLoadFiguresCsv('figures.csv');
 * if (!r.success) for (const issue of r.error.issues) console.log(issue.message);
 */
export async function safeLoadFiguresCsv(source: InputSource, options: FiguresCsvLoadOptions = {}): Promise<FiguresCsvResult> {
  const bad = safely(() => {
    checkSource('safeLoadFiguresCsv', source, false);
    checkFiguresOptions('safeLoadFiguresCsv', options, false);
  });
  if (bad !== undefined) return bad;
  const read = await safeReadText(source, options);
  if (!read.success) return read;
  return safeParseFiguresCsv(read.text, { ...options, name: inputName(source, options) });
}

/**
 * Writes a dataset as a CSV of figures: a `dataset` row, a row per source, operation, series,
 * figure, breakdown, breakdown part and derived claim. Reading it back with
 * {@link parseFiguresCsv} gives a deep-equal dataset. Text cells are quoted when needed and
 * guarded against spreadsheet formula injection ({@link escapeCsvCell}); numbers are plain.
 *
 * @param dataset - A parsed dataset.
 * @param options - `delimiter`, `newline`, `columns` (`used` or `all`) and `bom`.
 * @returns The CSV text, ending with a line break.
 * @throws Never for a parsed dataset.
 * @example
 * stringifyFiguresCsv(dataset).split('\n')[1]; // => 'dataset,,,,,,,,,icestat bundled dataset: …'
 */
export function stringifyFiguresCsv(dataset: Dataset, options: FiguresCsvWriteOptions = {}): string {
  checkDatasetArg('stringifyFiguresCsv', dataset);
  checkFiguresOptions('stringifyFiguresCsv', options, true);
  return formatRows(datasetRows(dataset), options);
}

/**
 * Writes a dataset to a file as {@link stringifyFiguresCsv} formats it (Node only; `node:fs` is
 * imported lazily).
 *
 * @param dataset - A parsed dataset.
 * @param path - A file path or `file:` URL.
 * @param options - As for {@link stringifyFiguresCsv}; pass `{ bom: true }` for Excel.
 * @returns A promise that resolves once the file is written.
 * @throws Rejects with the file system's error.
 * @example
 * await writeFiguresCsv(dataset, 'out/figures.csv', { bom: true });
 */
export async function writeFiguresCsv(dataset: Dataset, path: string | URL, options: FiguresCsvWriteOptions = {}): Promise<void> {
  checkDatasetArg('writeFiguresCsv', dataset);
  checkPath('writeFiguresCsv', path);
  checkFiguresOptions('writeFiguresCsv', options, true);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, stringifyFiguresCsv(dataset, options), 'utf8');
}
