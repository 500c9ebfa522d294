import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetSchema, schemaError, type Dataset } from '@icestat/core';

/** Path of the bundled dataset: the operations of the four reports in `data/seeds/`. */
export const bundledDatasetPath = fileURLToPath(new URL('../data/icestat-dataset.json', import.meta.url));

/** Path of a small generated record-level file in the releases' format (3,000 rows; `bench/gen.mjs --rows 3000 --seed 2026`). */
export const sampleRecordsPath = fileURLToPath(new URL('../data/sample-arrests.csv', import.meta.url));

/** Reads and validates the bundled dataset. */
export function readBundledDataset(): Dataset {
  const parsed = datasetSchema.safeParse(JSON.parse(readFileSync(bundledDatasetPath, 'utf8')));
  if (!parsed.success) throw schemaError(`dataset ${bundledDatasetPath}`, parsed.error);
  return parsed.data;
}
