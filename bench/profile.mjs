// Profiles icestat's tallyArrestRecords on a bench file and prints the functions with the most
// self time, on this thread (`--workers 1`, the default) or with workers. Usage:
//   node bench/profile.mjs [--size 1m] [--workers 1]   (needs a built @icestat/loaders)
import { Session } from 'node:inspector/promises';
import { dataPath } from './gen.mjs';
import { tallyArrestRecords } from '@icestat/loaders/csv';

const size = process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : '1m';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
const workers = process.argv.includes('--workers') ? Number(process.argv[process.argv.indexOf('--workers') + 1]) : 1;
const { report } = await tallyArrestRecords(dataPath(size), { by: ['fiscalYear', 'criminality', 'aor'], workers });
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
