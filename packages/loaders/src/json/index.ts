/**
 * `@icestat/loaders/json` — read a Dataset from JSON text, a file, a URL or a stream, validated,
 * with errors located by line, column and JSON path; write it back in a stable, canonical form.
 *
 * @packageDocumentation
 */
import { datasetSchema, IcestatError, type Dataset, type IcestatIssue } from '@icestat/core';
import { formatPath, toIcestatIssues } from '@icestat/core/internal';
import { checkDatasetArg, checkOptions, checkPath, checkSource, checkText, safely } from '../shared/args';
import { inputName, readText, safeReadText, type InputOptions, type InputSource } from '../shared/input';
import { orderDataset } from './key-order';
import { lineLocator, protoKeyMessage, scanJson } from './syntax';

/** Options of {@link parseDataset}. */
export interface DatasetParseOptions {
  /** Name of the input in messages (a file name or URL); `(text)` when not given. */
  readonly name?: string;
}

/** Options of {@link loadDataset}: a name for messages and an abort signal. */
export type DatasetLoadOptions = InputOptions;

/** The result of a `safe…` call: the dataset, or the error that would have been thrown. */
export type DatasetResult = { readonly success: true; readonly data: Dataset } | { readonly success: false; readonly error: IcestatError };

function listMessage(title: string, issues: readonly IcestatIssue[], located: (i: IcestatIssue) => string): string {
  const shown = issues.slice(0, 5).map((i) => `  - ${located(i)}`);
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
  return [`${title}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, ...shown, ...more].join('\n');
}

function parseOrError(input: string, name: string): Dataset | IcestatError {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const scan = scanJson(text);
  // Every issue is placed through one locator: line starts are found once, not once per issue.
  const lineColumn = lineLocator(text);
  if (scan.syntax) {
    const { line, column } = lineColumn(scan.syntax.offset);
    const message = `${name}:${line}:${column}: invalid JSON: ${scan.syntax.what}`;
    return new IcestatError('parse_error', message, { issues: [{ code: 'invalid_json', message, file: name, line, column }] });
  }
  const keyIssues: IcestatIssue[] = [];
  for (const p of scan.protoKeys) {
    const { line, column } = lineColumn(p.offset);
    const path = formatPath(p.path);
    keyIssues.push({ code: 'forbidden_key', message: `${path}: ${protoKeyMessage}`, path, file: name, line, column });
  }
  for (const d of scan.duplicateKeys) {
    const { line, column } = lineColumn(d.offset);
    const first = lineColumn(d.firstOffset ?? 0);
    const path = formatPath(d.path);
    const message = `${path}: the key occurs twice in one object (first at line ${first.line}, column ${first.column}); JSON would keep only the last value`;
    keyIssues.push({ code: 'duplicate_key', message, path, file: name, line, column });
  }
  if (keyIssues.length > 0) {
    return new IcestatError(
      'invalid_dataset',
      listMessage(`Invalid dataset in ${name}`, keyIssues, (i) => `${name}:${i.line}:${i.column}: ${i.message}`),
      { issues: keyIssues },
    );
  }
  const result = datasetSchema.safeParse(JSON.parse(text) as unknown);
  if (result.success) return result.data;
  // Locate each issue at the value its path names (or the nearest enclosing value that exists).
  const offsets = scanJson(text, { offsets: true }).offsets ?? new Map<string, number>();
  const issues = toIcestatIssues(result.error.issues).map((issue, k): IcestatIssue => {
    const keys = [...(result.error.issues[k]?.path ?? [])];
    let offset: number | undefined;
    while (offset === undefined) {
      offset = offsets.get(formatPath(keys));
      if (keys.length === 0) break;
      keys.pop();
    }
    const { line, column } = lineColumn(offset ?? 0);
    return { ...issue, file: name, line, column };
  });
  return new IcestatError(
    'invalid_dataset',
    listMessage(`Invalid dataset in ${name}`, issues, (i) => `${name}:${i.line}:${i.column}: ${i.message}`),
    { cause: result.error, issues },
  );
}

/**
 * Parses and validates a dataset from JSON text. A leading byte-order mark is ignored.
 *
 * @param text - The JSON text of a dataset.
 * @param options - `name` to show in messages.
 * @returns The validated dataset, with defaults filled (intervals from qualifiers, empty lists).
 * @throws {@link IcestatError} `parse_error` for text that is not JSON (message
 *   `<name>:<line>:<column>: invalid JSON: <what>`, location in `issues[0]`); `invalid_dataset`
 *   for a dataset that breaks the schema, for duplicate keys and for `__proto__` keys (every
 *   problem in `issues`, each with its JSON `path`, `line` and `column`);
 *   `invalid_input` for arguments of the wrong type (naming the parameter).
 * @example
 * parseDataset(text).operations.map((o) => o.id); // => ['midwest-2016', …]
 * parseDataset('{"title": }', { name: 'data.json' });
 * // throws: data.json:1:11: invalid JSON: expected a value; got "}"
 */
export function parseDataset(text: string, options: DatasetParseOptions = {}): Dataset {
  checkText('parseDataset', text, 'loadDataset');
  checkOptions('parseDataset', options);
  const out = parseOrError(text, options.name ?? '(text)');
  if (out instanceof IcestatError) throw out;
  return out;
}

/**
 * Like {@link parseDataset}, but returns the error instead of throwing it.
 *
 * @param text - The JSON text of a dataset.
 * @param options - `name` to show in messages.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @throws Never for bad input; only for bugs.
 * @example
 * const r = safeParseDataset('[]');
 * r.success; // => false
 * r.success || r.error.code; // => 'invalid_dataset'
 */
export function safeParseDataset(text: string, options: DatasetParseOptions = {}): DatasetResult {
  return safely((): DatasetResult => {
    checkText('safeParseDataset', text, 'safeLoadDataset');
    checkOptions('safeParseDataset', options);
    const out = parseOrError(text, options.name ?? '(text)');
    return out instanceof IcestatError ? { success: false, error: out } : { success: true, data: out };
  });
}

/**
 * Reads a dataset from a file path (Node), a `file:` or `http(s):` URL, a Node.js readable stream
 * or a Web `ReadableStream`, decodes it as UTF-8 and parses it with {@link parseDataset}.
 *
 * @param source - Where to read from. A string is a path, never JSON text.
 * @param options - `name` for messages (the path or URL by default) and an abort `signal`.
 * @returns The validated dataset.
 * @throws {@link IcestatError} as {@link parseDataset}, and `unsupported_encoding` for bytes that
 *   are not UTF-8; I/O errors (a missing file) propagate as they are;
 *   `invalid_input` for arguments of the wrong type (naming the parameter).
 * @example
 * const dataset = await loadDataset(datasetJsonPath); // the curated dataset's path, from @icestat/data
 * dataset.schemaVersion; // => '1.0.0'
 */
export async function loadDataset(source: InputSource, options: DatasetLoadOptions = {}): Promise<Dataset> {
  checkSource('loadDataset', source, false);
  checkOptions('loadDataset', options);
  const text = await readText(source, options);
  return parseDataset(text, { name: inputName(source, options) });
}

/**
 * Like {@link loadDataset}, but resolves to a result instead of rejecting for bad data. I/O
 * errors (a missing file, a failed fetch, an abort) still reject.
 *
 * @param source - Where to read from.
 * @param options - `name` for messages and an abort `signal`.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @throws Rejects only for I/O errors.
 * @example
 * const r = await safeLoadDataset(new URL('file:///data/dataset.json'));
 * if (!r.success) console.log(r.error.issues.map((i) => i.message));
 */
export async function safeLoadDataset(source: InputSource, options: DatasetLoadOptions = {}): Promise<DatasetResult> {
  const bad = safely(() => {
    checkSource('safeLoadDataset', source, false);
    checkOptions('safeLoadDataset', options);
  });
  if (bad !== undefined) return bad;
  const read = await safeReadText(source, options);
  if (!read.success) return read;
  return safeParseDataset(read.text, { name: inputName(source, options) });
}

/**
 * Writes a dataset as stable, pretty JSON: keys in the order the schema declares them (unknown
 * keys last, alphabetically), two-space indentation, a final newline. The output parses back to
 * an equal dataset, and stringifying that again gives the same text. (JSON cannot write `-0`; it
 * is written as `0`.)
 *
 * @param dataset - A parsed dataset.
 * @returns The JSON text.
 * @throws Never for a parsed dataset.
 * @example
 * stringifyDataset(dataset).slice(0, 30); // => '{\n  "schemaVersion": "1.0.0",\n'
 */
export function stringifyDataset(dataset: Dataset): string {
  checkDatasetArg('stringifyDataset', dataset);
  return `${JSON.stringify(orderDataset(dataset), null, 2)}\n`;
}

/**
 * Writes a dataset to a file as {@link stringifyDataset} formats it (Node only; file access is
 * imported lazily, and a browser bundle gets a twin that rejects with a clear error).
 *
 * @param dataset - A parsed dataset.
 * @param path - A file path or `file:` URL.
 * @returns A promise that resolves once the file is written.
 * @throws Rejects with the file system's error (a missing directory, no permission).
 * @example
 * await writeDataset(dataset, 'out/dataset.json');
 */
export async function writeDataset(dataset: Dataset, path: string | URL): Promise<void> {
  checkDatasetArg('writeDataset', dataset);
  checkPath('writeDataset', path);
  const { writeTextFile } = await import('#node-files');
  await writeTextFile(path, stringifyDataset(dataset));
}
