'use strict';
// A tiny check harness shared by the consumer scripts (CommonJS, so both the .cjs and the .mjs
// scripts can load it). Each check prints ✓ or ✗; `finish()` sets the exit code.

let passed = 0;
let failed = 0;

/** Throws with `message` unless `condition` holds. */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs `fn` (sync or async); what it returns, if a string, is printed after the check's name. */
async function check(name, fn) {
  try {
    const detail = await fn();
    passed++;
    console.log(`✓ ${name}${typeof detail === 'string' && detail ? ` — ${detail}` : ''}`);
  } catch (e) {
    failed++;
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.log(`✗ ${name}\n    ${text.split('\n').join('\n    ')}`);
  }
}

/** Prints the count and sets a failing exit code if any check failed. */
function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

/** The names of a module's enumerable exports, without interop markers. */
function exportNames(mod) {
  return Object.keys(mod)
    .filter((k) => k !== 'default' && k !== '__esModule' && k !== 'module.exports')
    .sort();
}

/** Checks that `mod` has every expected export, each a function or an object, and returns a summary. */
function expectExports(specifier, mod, expected) {
  const names = exportNames(mod);
  const missing = expected.filter((k) => !(k in mod));
  assert(missing.length === 0, `${specifier} lacks ${missing.join(', ')} (has ${names.join(', ')})`);
  const hollow = expected.filter((k) => mod[k] === undefined || mod[k] === null || !['function', 'object'].includes(typeof mod[k]));
  assert(hollow.length === 0, `${specifier}: ${hollow.map((k) => `${k} is ${typeof mod[k]}`).join(', ')}`);
  return names;
}

/**
 * Checks that the parallel tally of @icestat/loaders starts its worker file from the installed
 * package (`dist/**\/tally-worker.<ext>`) and gives what one thread gives. The loaders fall back
 * to one thread, silently, when a worker cannot start (a file missing from the tarball would go
 * unnoticed), so the check watches the workers themselves. Not applicable to a build whose csv
 * entry never mentions a tally worker.
 */
async function checkParallelTally(csv, recordsPath, ext) {
  const { readFileSync } = require('node:fs');
  const { dirname, join } = require('node:path');
  const loadersDir = dirname(require.resolve('@icestat/loaders/package.json', { paths: [process.cwd()] }));
  // Applicable when the built csv entry refers to a worker file (whether or not the file shipped).
  if (!readFileSync(join(loadersDir, 'dist', 'csv', `index.${ext}`), 'utf8').includes('tally-worker')) {
    return '@icestat/loaders/csv starts no tally worker: nothing to check';
  }

  const workerThreads = require('node:worker_threads');
  const { syncBuiltinESMExports } = require('node:module');
  const Original = workerThreads.Worker;
  const started = [];
  const failures = [];
  workerThreads.Worker = class extends Original {
    constructor(file, options) {
      super(file, options);
      started.push(String(file));
      this.on('error', (e) => failures.push(e.message));
      this.on('exit', (code) => code !== 0 && failures.push(`exit code ${code}`));
    }
  };
  syncBuiltinESMExports();
  const debug = process.env.ICESTAT_DEBUG_WORKERS;
  const consoleError = console.error;
  process.env.ICESTAT_DEBUG_WORKERS = '1';
  console.error = (...a) => failures.push(a.map(String).join(' '));
  let parallel;
  try {
    parallel = await csv.tallyArrestRecords(recordsPath, { by: ['fiscalYear', 'criminality'], workers: 3, minBytesPerWorker: 1 });
  } finally {
    workerThreads.Worker = Original;
    syncBuiltinESMExports();
    console.error = consoleError;
    if (debug === undefined) delete process.env.ICESTAT_DEBUG_WORKERS;
    else process.env.ICESTAT_DEBUG_WORKERS = debug;
  }
  const single = await csv.tallyArrestRecords(recordsPath, { by: ['fiscalYear', 'criminality'], workers: 1 });
  assert(failures.length === 0, `the workers failed (the tally fell back to one thread):\n${failures.join('\n')}`);
  assert(started.length > 0, 'no worker thread was started');
  const wrong = started.filter((f) => !f.includes('/node_modules/@icestat/loaders/dist/') || !f.endsWith(`/tally-worker.${ext}`));
  assert(wrong.length === 0, `workers started from ${wrong.join(', ')}`);
  assert(JSON.stringify(parallel.tally) === JSON.stringify(single.tally), 'the parallel tally differs from the one-thread tally');
  assert(JSON.stringify(parallel.report) === JSON.stringify(single.report), 'the parallel report differs from the one-thread report');
  return `${started.length} workers from ${started[0].slice(started[0].lastIndexOf('node_modules/') + 13)}, same tally and report as one thread`;
}

module.exports = { assert, check, finish, exportNames, expectExports, checkParallelTally };
