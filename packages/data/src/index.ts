/**
 * `@icestat/data` — icestat's curated dataset: every immigration-enforcement figure stated in four
 * news reports (2016–2025), with its qualifier, source, claimant and a verbatim evidence phrase,
 * as JSON (the icestat dataset format) and as a tidy figures CSV (one row per figure).
 *
 * The data is licensed CC-BY-4.0; this package's code is MIT. Reading the files needs Node.js; in
 * a browser, import `@icestat/data/icestat-dataset.json` through your bundler and pass its text to
 * `parseDataset` from `@icestat/loaders/json`.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '@icestat/core';
import { loadDataset, parseDataset } from '@icestat/loaders/json';

/**
 * `file:` URL of the dataset's JSON file (`@icestat/data/icestat-dataset.json`).
 *
 * @example
 * const text = await readFile(datasetJsonUrl, 'utf8');
 */
export const datasetJsonUrl: URL = new URL('../data/icestat-dataset.json', import.meta.url);

/**
 * File path of the dataset's JSON file, for tools that take a path.
 *
 * @example
 * await loadDataset(datasetJsonPath); // from @icestat/loaders/json
 */
export const datasetJsonPath: string = fileURLToPath(datasetJsonUrl);

/**
 * `file:` URL of the same dataset as a tidy figures CSV (`@icestat/data/icestat-figures.csv`): one
 * row per dataset, source, operation, series, figure, breakdown part and claim, in the format
 * `loadFiguresCsv` of `@icestat/loaders/csv` reads back into an equal dataset.
 *
 * @example
 * const dataset = await loadFiguresCsv(figuresCsvUrl); // from @icestat/loaders/csv
 */
export const figuresCsvUrl: URL = new URL('../data/icestat-figures.csv', import.meta.url);

/**
 * File path of the tidy figures CSV, for spreadsheet tools and scripts that take a path.
 *
 * @example
 * createReadStream(figuresCsvPath).pipe(process.stdout);
 */
export const figuresCsvPath: string = fileURLToPath(figuresCsvUrl);

/**
 * Reads and validates the bundled dataset (Node.js).
 *
 * @returns The dataset, validated by icestat's schema, with defaults filled in (intervals from
 *   qualifiers, empty lists).
 * @throws `IcestatError` (from `@icestat/core`) only if the installed files were altered (the package's tests
 *   validate them before each release).
 * @example
 * const dataset = await loadBundledDataset();
 * dataset.operations.map((o) => o.id); // => ['midwest-2016', 'georgia-texas-north-carolina-2016-01', …]
 */
export async function loadBundledDataset(): Promise<Dataset> {
  return loadDataset(datasetJsonUrl, { name: '@icestat/data/icestat-dataset.json' });
}

/**
 * Like {@link loadBundledDataset}, but synchronous: for scripts and tests.
 *
 * @returns The validated dataset.
 * @throws `IcestatError` (from `@icestat/core`) only if the installed files were altered.
 * @example
 * readBundledDataset().schemaVersion; // => '1.0.0'
 */
export function readBundledDataset(): Dataset {
  return parseDataset(readFileSync(datasetJsonUrl, 'utf8'), { name: '@icestat/data/icestat-dataset.json' });
}
