import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '@icestat/core';
import { parseDataset } from '@icestat/loaders/json';

/** Path of the bundled dataset: the operations of the four reports in `data/seeds/`. */
export const bundledDatasetPath = fileURLToPath(new URL('../data/icestat-dataset.json', import.meta.url));

/** Path of a small generated record-level file in the releases' format (3,000 rows; `bench/gen.mjs --rows 3000 --seed 2026`). */
export const sampleRecordsPath = fileURLToPath(new URL('../data/sample-arrests.csv', import.meta.url));

/** Reads and validates the bundled dataset synchronously (for tests and small scripts; the demo uses `loadDataset`). */
export function readBundledDataset(): Dataset {
  return parseDataset(readFileSync(bundledDatasetPath, 'utf8'), { name: bundledDatasetPath });
}
