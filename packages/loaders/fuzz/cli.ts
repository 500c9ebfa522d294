// `npm run fuzz`: seeded, time-boxed fuzzing of the record reader. Options (flags or env vars):
//   --seed N        (FUZZ_SEED)     default: a fixed seed, 1
//   --files N       (FUZZ_FILES)    default: unlimited
//   --seconds N     (FUZZ_SECONDS)  default: 60
//   --workers-every N (FUZZ_WORKERS_EVERY) read with worker threads every N files; default 5
// Prints the files tried, the readings made and every invariant violation; exits 1 on any.
import { fileURLToPath } from 'node:url';
import { runFuzz } from './run';

function flag(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name}: expected a number ≥ 0; received ${String(raw)}`);
  return v;
}

const seed = flag('seed', 'FUZZ_SEED', 1);
const files = flag('files', 'FUZZ_FILES', Infinity);
const seconds = flag('seconds', 'FUZZ_SECONDS', 60);
const workersEvery = flag('workers-every', 'FUZZ_WORKERS_EVERY', 5);
const realDir = fileURLToPath(new URL('../../../../shared/realdata/ice-lesa', import.meta.url));

console.log(`icestat fuzz: seed ${seed}, up to ${files === Infinity ? 'any number of' : files} files or ${seconds} s`);
const summary = await runFuzz({
  seed,
  files,
  timeMs: seconds * 1000,
  workersEvery,
  realDir,
  onFile: (i) => {
    if ((i + 1) % 100 === 0) console.log(`  ${i + 1} files…`);
  },
});
console.log(`files tried: ${summary.files}; readings: ${summary.readings}; time: ${(summary.ms / 1000).toFixed(1)} s`);
console.log('mutations applied:');
for (const [name, n] of Object.entries(summary.mutationCounts)) console.log(`  ${String(n).padStart(6)}  ${name}`);
console.log(`invariant violations: ${summary.violations.length}`);
for (const v of summary.violations.slice(0, 50)) {
  console.log(`- file ${v.file} [${v.mutations.join(', ') || 'no mutation'}] ${v.way}: ${v.what}${v.path ? ` (kept as ${v.path})` : ''}`);
  if (v.detail) console.log(`    ${v.detail}`);
}
process.exitCode = summary.violations.length > 0 ? 1 : 0;
