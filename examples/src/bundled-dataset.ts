import { fileURLToPath } from 'node:url';

/** The bundled dataset (the operations of four news reports), from the `@icestat/data` package. */
export { datasetJsonPath as bundledDatasetPath, readBundledDataset } from '@icestat/data';

/** Path of a small generated record-level file in the releases' format (3,000 rows; `bench/gen.mjs --rows 3000 --seed 2026`). */
export const sampleRecordsPath = fileURLToPath(new URL('../data/sample-arrests.csv', import.meta.url));
