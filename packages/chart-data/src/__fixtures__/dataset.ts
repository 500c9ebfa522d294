// The bundled dataset, parsed, for tests.
import { readFileSync } from 'node:fs';
import { datasetSchema, type Dataset } from '@icestat/core';

/** The bundled dataset (`@icestat/data/icestat-dataset.json`), validated. */
export function bundledDataset(): Dataset {
  return datasetSchema.parse(JSON.parse(readFileSync(new URL('../../../data/data/icestat-dataset.json', import.meta.url), 'utf8')));
}
