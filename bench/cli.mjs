#!/usr/bin/env node
// The `icestat tally` command against the library call it wraps, on the same generated file: is the
// command's overhead (start-up, argument parsing, the load report, writing the CSV) small? Each run
// is a whole process, start-up and output included, for both sides alike. See bench/README.md.
//
//   npm run bench:cli                       # 1M rows, 5 runs each
//   npm run bench:cli -- --size 100k --runs 9
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, GENERATOR_VERSION, SIZES, dataPath, generatorFingerprint } from './gen.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const BIN = resolve(ROOT, 'packages/cli/bin/icestat.js');
const TARGET = 1.1; // the command within 10% of the library call

function usage(code = 0) {
  console.log(`usage: npm run bench:cli -- [--size 100k|1m|5m] [--runs N] [--no-build] [--json FILE] [--strict]

  Runs \`icestat tally FILE --by fiscal-year,criminality,aor --format csv\` and a script doing the
  same with tallyArrestRecords (import, tally, write the CSV), each in its own process, alternately;
  compares the median wall time of the whole process; and \`icestat --version\` against \`node -e 0\`.
  --strict exits 3 when the command is more than ${Math.round((TARGET - 1) * 100)}% slower, or starts more than 100 ms slower.`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { size: '1m', runs: 5, build: true, json: null, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i] ?? usage(64);
    if (a === '--size') o.size = val().toLowerCase();
    else if (a === '--runs') o.runs = Number(val());
    else if (a === '--no-build') o.build = false;
    else if (a === '--json') o.json = val();
    else if (a === '--strict') o.strict = true;
    else if (a === '-h' || a === '--help') usage(0);
    else {
      console.error(`unknown option ${a}`);
      usage(64);
    }
  }
  if (!SIZES[o.size] || !Number.isInteger(o.runs) || o.runs < 1) usage(64);
  return o;
}

function ensureData(size) {
  const file = dataPath(size);
  let meta = null;
  try {
    meta = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
  } catch {
    // absent
  }
  const fresh =
    meta &&
    meta.version === GENERATOR_VERSION &&
    meta.fingerprint === generatorFingerprint() &&
    meta.seed === DEFAULT_SEED &&
    existsSync(file) &&
    statSync(file).size === meta.bytes;
  if (fresh) return file;
  console.log(`generating ${relative(ROOT, file)} …`);
  const r = spawnSync(process.execPath, [resolve(BENCH, 'gen.mjs'), '--size', size], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`generator failed (exit ${r.status})`);
  return file;
}

const LIBRARY = resolve(BENCH, 'lib/library-tally-csv.mjs');

// CPU seconds (user + system, all threads) tell less of the load from elsewhere than wall time
// does: taken from GNU time when it is there.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function runOnce(kind, file) {
  const args = kind === 'cli' ? [BIN, 'tally', file, '--by', 'fiscal-year,criminality,aor', '--format', 'csv', '--no-progress'] : [LIBRARY, file];
  const [command, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn(command, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) rej(new Error(`${kind} exited ${code}: ${err.trim()}`));
      const cpu = /^cpu ([\d.]+) ([\d.]+)$/m.exec(err);
      res({ ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, out });
    });
  });
}

/** `aor,fiscal_year,…,count` CSV → a map of group key → count, whatever the column order. */
function groups(csv) {
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header.split(',');
  const at = ['fiscal_year', 'criminality', 'aor'].map((c) => cols.indexOf(c));
  const n = cols.indexOf('count');
  return new Map(lines.map((l) => l.split(',')).map((c) => [at.map((i) => c[i]).join('|'), Number(c[n])]));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const o = parseArgs(process.argv.slice(2));
if (o.build) {
  console.log('building @icestat/cli and its dependencies (npx turbo run build --filter=@icestat/cli...) …');
  const r = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@icestat/cli...', '--output-logs=errors-only'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(2);
}
const file = ensureData(o.size);
for await (const _ of createReadStream(file, { highWaterMark: 1 << 22 })); // eslint-disable-line no-unused-vars
console.log(
  `file ${relative(ROOT, file)} (${(statSync(file).size / 1e6).toFixed(0)} MB) · ${o.runs} runs each, alternating · ${cpus().length} cores · load ${loadavg()[0].toFixed(2)}`,
);

// Start-up: `icestat --version` against `node -e 0`, alternating, 15 runs each; wall time, and
// CPU time (less moved by other work on a shared machine) when GNU time is there.
function startRun(args) {
  const [command, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const r = spawnSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /^cpu ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
  return { ms: performance.now() - t0, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}
const startup = { node: [], version: [], nodeCpu: [], versionCpu: [] };
for (let i = 0; i < 15; i++) {
  const a = startRun(['-e', '0']);
  const b = startRun([BIN, '--version']);
  startup.node.push(a.ms);
  startup.version.push(b.ms);
  if (a.cpuMs !== null && b.cpuMs !== null) {
    startup.nodeCpu.push(a.cpuMs);
    startup.versionCpu.push(b.cpuMs);
  }
}
const startupExtra = median(startup.version) - median(startup.node);
const startupMet = startupExtra <= 100;
const cpuExtra = startup.versionCpu.length ? ` · CPU +${(median(startup.versionCpu) - median(startup.nodeCpu)).toFixed(0)} ms` : '';
console.log(
  `start-up: node -e 0 ${median(startup.node).toFixed(0)} ms · icestat --version ${median(startup.version).toFixed(0)} ms · +${startupExtra.toFixed(0)} ms (target ≤ +100 ms) ${startupMet ? '✓' : '✗'}${cpuExtra}`,
);

const times = { cli: [], library: [] };
const cpu = { cli: [], library: [] };
let agree = true;
for (let i = 0; i < o.runs; i++) {
  // Alternate which goes first, so that a burst of load from elsewhere hits both alike.
  const order = i % 2 === 0 ? ['library', 'cli'] : ['cli', 'library'];
  const outs = {};
  for (const kind of order) {
    const { ms, cpuMs, out } = await runOnce(kind, file);
    times[kind].push(ms);
    if (cpuMs !== null) cpu[kind].push(cpuMs);
    outs[kind] = out;
  }
  const a = groups(outs.cli);
  const b = groups(outs.library);
  const same = a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  if (!same) agree = false;
  const cpuText = cpu.cli.length > i ? ` (CPU ${(cpu.library[i] / 1000).toFixed(2)} s · ${(cpu.cli[i] / 1000).toFixed(2)} s)` : '';
  console.log(
    `  run ${i + 1}: library ${(times.library[i] / 1000).toFixed(2)} s · icestat tally ${(times.cli[i] / 1000).toFixed(2)} s${cpuText} · counts ${same ? 'equal' : 'DIFFER'}`,
  );
}
const lib = median(times.library);
const cli = median(times.cli);
const ratio = cli / lib;
const met = ratio <= TARGET;
console.log(
  `\nmedian: library ${(lib / 1000).toFixed(2)} s · icestat tally ${(cli / 1000).toFixed(2)} s · ratio ${ratio.toFixed(3)} (target ≤ ${TARGET}) ${met ? '✓' : '✗'} · counts ${agree ? 'equal ✓' : 'DIFFER ✗'}`,
);
if (cpu.cli.length === o.runs) {
  const cpuRatio = median(cpu.cli) / median(cpu.library);
  console.log(
    `median CPU time (user + system): library ${(median(cpu.library) / 1000).toFixed(2)} s · icestat tally ${(median(cpu.cli) / 1000).toFixed(2)} s · ratio ${cpuRatio.toFixed(3)}`,
  );
}
console.log(`load average after: ${loadavg()[0].toFixed(2)} (on a shared machine, other work competes for the CPU)`);
if (o.json)
  writeFileSync(o.json, `${JSON.stringify({ size: o.size, runs: o.runs, times, median: { library: lib, cli }, ratio, agree, startup, cpu }, null, 2)}\n`);
process.exit(!agree ? 1 : o.strict && (!met || !startupMet) ? 3 : 0);
