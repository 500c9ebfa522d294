// Profiles icestat's tallyRecords on a bench file and prints the functions with the most self
// time, on this thread (`--workers 1`, the default) or with workers. Usage:
//   node bench/profile.mjs [--size 1m] [--table arrests|encounters|removals] [--workers 1]
// (needs a built @icestat/loaders)
import { Session } from 'node:inspector/promises';
import { dataPath } from './gen.mjs';
import { benchTable } from './lib/tables.mjs';
import { tallyRecords } from '@icestat/loaders/csv';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const size = arg('--size', '1m');
const table = benchTable(arg('--table', 'arrests'));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
const workers = Number(arg('--workers', 1));
const { report } = await tallyRecords(dataPath(size, table.table), { table: table.table, by: table.by, workers });
const ms = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
const self = new Map();
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
let total = 0;
for (const node of profile.nodes) {
  const t = dt.get(node.id) ?? 0;
  total += t;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
}
console.log(`${report.rowsRead} rows in ${(ms / 1000).toFixed(2)} s (profiled)`);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((t / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
