// (f) icestat: tallyRecords from the BUILT @icestat/loaders/csv (run.mjs builds it first), with the
// bench table's `table` and `by` (lib/tables.mjs; arrests: fiscal year × criminality × AOR). Unlike
// the peers it maps every column of every row to a record field of that table and validates it;
// rows it cannot accept are reported, not dropped.
import { inputPath, inputTable, report, SEP, startClock } from '../lib/peer.mjs';

const path = inputPath();
const table = inputTable();
// ICESTAT_BENCH_MODULE lets the harness itself be tested against a stand-in module.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: the bench is not a turbo task; only the bench's own tests set it
const specifier = process.env.ICESTAT_BENCH_MODULE || '@icestat/loaders/csv';
let mod;
try {
  mod = await import(specifier);
} catch (err) {
  console.error(`icestat: cannot import ${specifier} (is it built? npx turbo run build --filter=@icestat/loaders...): ${err.message}`);
  process.exit(3);
}
if (typeof mod.tallyRecords !== 'function') {
  console.error(`icestat: ${specifier} does not export tallyRecords`);
  process.exit(3);
}
const by = table.by;
const t0 = startClock();
const { tally, report: load } = await mod.tallyRecords(path, { table: table.table, by });
const ms = performance.now() - t0;
const groups = new Map();
for (const row of tally.rows) {
  const key = by.map((d) => row[d]).join(SEP);
  groups.set(key, (groups.get(key) ?? 0) + row.count);
}
report({
  peer: 'icestat',
  rows: load.rowsRead,
  ms,
  groups,
  extra: { table: load.table, preset: load.preset, accepted: count(load.accepted), rejected: count(load.rejected), total: tally.total, seen: tally.seen },
});

/** A count given as a number or as the list of what was counted. */
function count(x) {
  return typeof x === 'number' ? x : Array.isArray(x) ? x.length : (x?.length ?? x?.size ?? x?.count ?? null);
}
