import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'json/index': 'src/json/index.ts',
    'csv/index': 'src/csv/index.ts',
    'xlsx/index': 'src/formats/xlsx/index.ts',
    'parquet/index': 'src/formats/parquet/index.ts',
    'inspect/index': 'src/formats/inspect/index.ts',
    // The parallel tally's worker, next to each entry that may start it (see records/parallel.ts).
    'tally-worker': 'src/csv/records/tally-worker.ts',
    'csv/tally-worker': 'src/csv/records/tally-worker.ts',
    // File access, imported as `#node-files` (package.json "imports"): Node's, or a browser twin.
    'shared/node-files': 'src/shared/node-files.ts',
    'shared/node-files.browser': 'src/shared/node-files.browser.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: {
      index: 'src/index.ts',
      'json/index': 'src/json/index.ts',
      'csv/index': 'src/csv/index.ts',
      'xlsx/index': 'src/formats/xlsx/index.ts',
      'parquet/index': 'src/formats/parquet/index.ts',
      'inspect/index': 'src/formats/inspect/index.ts',
    },
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // One file per entry (no shared chunks), so the worker sits at a known place beside its caller.
  splitting: false,
  // import.meta.url in the CommonJS build, to find the worker.
  shims: true,
  // node:fs is imported lazily by the path loaders only, so browser bundles never reach it;
  // `#node-files` stays an import, resolved by the user's runtime or bundler (browser or not).
  // The record readers load the xlsx and Parquet readers with import() only when a source is a
  // workbook or Parquet file: as the package's own entries, so CSV users never load them.
  external: [
    '@icestat/loaders/xlsx',
    '@icestat/loaders/parquet',
    '#node-files',
    'node:fs',
    'node:fs/promises',
    'node:stream',
    'node:readline',
    'node:os',
    'node:worker_threads',
  ],
});
