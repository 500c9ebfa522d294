import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The core version the self-contained tally worker is built with (see below).
const coreVersion: string = JSON.parse(readFileSync('../core/package.json', 'utf8')).version;

// Two builds write into dist/ at once, so neither cleans it: it is emptied here, once.
rmSync('dist', { recursive: true, force: true });

const external = [
  '@icestat/loaders/xlsx',
  '@icestat/loaders/parquet',
  '#node-files',
  'node:fs',
  'node:fs/promises',
  'node:stream',
  'node:readline',
  'node:os',
  'node:module',
  'node:worker_threads',
];

const main: Options = {
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
  clean: false,
  // Tells the parallel tally which core the self-contained worker carries.
  define: { __ICESTAT_BUNDLED_CORE__: JSON.stringify(coreVersion) },
  target: 'es2022',
  // One file per entry (no shared chunks), so the worker sits at a known place beside its caller.
  splitting: false,
  // import.meta.url in the CommonJS build, to find the worker.
  shims: true,
  // node:fs is imported lazily by the path loaders only, so browser bundles never reach it;
  // `#node-files` stays an import, resolved by the user's runtime or bundler (browser or not).
  // The record readers load the xlsx and Parquet readers with import() only when a source is a
  // workbook or Parquet file: as the package's own entries, so CSV users never load them.
  external,
};

// The parallel tally's worker again, with `@icestat/core` and zod built in: loading a single file
// with only the parts of core and zod the tally uses takes a new thread ~40 ms, against ~105 ms to
// load all of the installed core and zod (1M-row bench, Node 20). The parallel tally uses it only
// when the installed core is the version built in (`workerFile` in records/parallel.ts).
const worker: Options = {
  entry: {
    'tally-worker-bundled': 'src/csv/records/tally-worker.ts',
    'csv/tally-worker-bundled': 'src/csv/records/tally-worker.ts',
  },
  format: ['esm', 'cjs'],
  // No source maps: they would add ~1 MB a file to the package; the worker's errors reach the
  // caller as messages, and the same code runs, mapped, in the other worker file.
  sourcemap: false,
  clean: false,
  target: 'es2022',
  splitting: false,
  shims: true,
  noExternal: ['@icestat/core', 'zod'],
  external,
};

export default defineConfig([main, worker]);
