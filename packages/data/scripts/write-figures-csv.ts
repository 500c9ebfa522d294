// Writes data/icestat-figures.csv from data/icestat-dataset.json with the loaders' figures writer.
// Run after editing the JSON: `npm run generate -w packages/data` (a test fails while it is stale).
import { writeFileSync } from 'node:fs';
import { stringifyFiguresCsv } from '@icestat/loaders/csv';
import { figuresCsvPath, readBundledDataset } from '../src/index';

writeFileSync(figuresCsvPath, stringifyFiguresCsv(readBundledDataset()));
console.log(`wrote ${figuresCsvPath}`);
