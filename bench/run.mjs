#!/usr/bin/env node
// icestat record-level bench: icestat's tallyRecords against the fastest CSV tools on npm, on the
// same generated file (arrests, removals or encounters), each peer in its own process. See
// bench/README.md.
//
//   npm run bench                          # 1M arrest rows, 3 runs, all peers
//   npm run bench -- --table removals      # the removals file (encounters likewise)
//   npm run bench -- --size 100k --runs 5
//   npm run bench -- --only udsv,icestat
//   npm run bench -- --rss-check           # icestat's peak RSS on 1M vs 5M rows
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, GENERATOR_VERSION, SIZES, dataPath, generatorFingerprint } from './gen.mjs';
import { aorDrift } from './lib/reference.mjs';
import { TABLES, TABLE_NAMES } from './lib/tables.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');

/** The peers, in the order the table prints them. */
const PEERS = {
  udsv: { label: 'uDSV (raw, counts rows)', groups: false },
  'udsv-group': { label: 'uDSV + grouping', groups: true, optIn: true },
  papaparse: { label: 'papaparse + grouping', groups: true },
  'csv-parse': { label: 'csv-parse + grouping', groups: true },
  arquero: { label: 'Arquero load + groupby', groups: true, node: ['--max-old-space-size=16384'] },
  duckdb: { label: 'DuckDB read_csv + GROUP BY', groups: true },
  icestat: { label: 'icestat tallyRecords', groups: true },
};

/** Peers that run only when named in --only. */
const OPT_IN = Object.keys(PEERS).filter((p) => PEERS[p].optIn);
const DEFAULT_PEERS = Object.keys(PEERS).filter((p) => !PEERS[p].optIn);

const TARGETS = [
  { peer: 'udsv', max: 1.3, text: 'icestat ≤ 1.3× raw uDSV' },
  { peer: 'arquero', max: 0.35, text: 'icestat ≤ 0.35× Arquero' },
  { peer: 'duckdb', max: 2, text: 'icestat ≤ 2× DuckDB' },
];
const RSS_LIMIT_MB = 200;
const RSS_GROWTH = 0.2;

// ---------------------------------------------------------------------------------------------

function usage(code = 0) {
  console.log(`usage: npm run bench -- [options]

  --table T           ${TABLE_NAMES.join('|')}: which table's file and grouping (default arrests)
  --size 100k|1m|5m   file to run on (default 1m; generated on demand into bench/data/)
  --runs N            runs per peer; the table shows the median (default 3)
  --only a,b          peers to run: ${Object.keys(PEERS).join(', ')}
                      (default: all but ${OPT_IN.join(', ')})
  --rss-check         run icestat on 1m and 5m and compare peak RSS (flat within ${RSS_GROWTH * 100}%, < ${RSS_LIMIT_MB} MB)
  --no-build          do not run \`npx turbo run build --filter=@icestat/loaders...\` first
  --json FILE         also write the raw results as JSON
  --strict            exit 3 when a performance target is missed
  -h, --help`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { table: 'arrests', size: '1m', runs: 3, only: null, rssCheck: false, build: true, json: null, strict: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    if (a.startsWith('--') && a.includes('=')) [a, v] = a.split(/=(.*)/s);
    const val = () => v ?? argv[++i] ?? usage(64);
    switch (a) {
      case '--table':
        o.table = val().toLowerCase();
        break;
      case '--size':
        o.size = val().toLowerCase();
        break;
      case '--runs':
        o.runs = Number(val());
        break;
      case '--only':
        o.only = val()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--rss-check':
        o.rssCheck = true;
        break;
      case '--no-build':
        o.build = false;
        break;
      case '--json':
        o.json = val();
        break;
      case '--strict':
        o.strict = true;
        break;
      case '-h':
      case '--help':
        usage(0);
        break;
      default:
        console.error(`unknown option ${a}`);
        usage(64);
    }
  }
  if (!TABLES[o.table]) {
    console.error(`--table must be one of ${TABLE_NAMES.join(', ')}`);
    process.exit(64);
  }
  if (!SIZES[o.size]) {
    console.error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
    process.exit(64);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) {
    console.error('--runs must be a positive integer');
    process.exit(64);
  }
  for (const p of o.only ?? [])
    if (!PEERS[p]) {
      console.error(`unknown peer "${p}"; peers: ${Object.keys(PEERS).join(', ')}`);
      process.exit(64);
    }
  return o;
}

// ---------------------------------------------------------------------------------------------

/** Makes sure the table's bench/data/<prefix>-<size>.csv exists and matches the current generator; returns its sidecar. */
function ensureData(size, table) {
  const file = dataPath(size, table);
  const side = `${file}.json`;
  let meta = null;
  try {
    meta = JSON.parse(readFileSync(side, 'utf8'));
  } catch {
    // absent
  }
  const fresh =
    meta &&
    meta.version === GENERATOR_VERSION &&
    meta.fingerprint === generatorFingerprint() &&
    meta.seed === DEFAULT_SEED &&
    (meta.table ?? 'arrests') === table &&
    existsSync(file) &&
    statSync(file).size === meta.bytes;
  if (fresh) return { file, meta };
  console.log(`generating ${relative(ROOT, file)} …`);
  const r = spawnSync(process.execPath, [resolve(BENCH, 'gen.mjs'), '--size', size, '--table', table], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`generator failed (exit ${r.status})`);
  return { file, meta: JSON.parse(readFileSync(side, 'utf8')) };
}

/** Reads a file once so every peer starts with it in the page cache. */
async function warm(file) {
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 22 })); // eslint-disable-line no-unused-vars
}

function build() {
  console.log('building @icestat/loaders and its dependencies (npx turbo run build --filter=@icestat/loaders...) …');
  const r = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@icestat/loaders...'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status === 0) return true;
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`
    .trim()
    .split('\n')
    .filter((l) => !/npm error|^\s*$/.test(l));
  console.error(`  build failed (exit ${r.status}); last lines:\n    ${out.slice(-12).join('\n    ')}`);
  return false;
}

/** Runs one peer in its own process; resolves to its report plus the process's own wall time. */
function runPeer(peer, file, table) {
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(PEERS[peer].node ?? []), resolve(BENCH, 'peers', `${peer}.mjs`), file, table], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('close', (code, signal) => {
      const procMs = performance.now() - t0;
      const line = out.trim().split('\n').pop();
      let r = null;
      try {
        r = JSON.parse(line);
      } catch {
        // no report
      }
      if (code !== 0 || !r) res({ peer, ok: false, code, signal, error: (err.trim() || out.trim()).split('\n').slice(-6).join('\n') });
      else res({ ...r, ok: true, procMs, stderr: err.trim() });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Differences between two group maps (plain objects), as short lines. */
function diffGroups(a, b, nameA, nameB) {
  const lines = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of [...keys].sort()) {
    if (a[k] !== b[k]) lines.push(`${k.replaceAll('\u001f', ' × ')}: ${nameA} ${a[k] ?? '—'}, ${nameB} ${b[k] ?? '—'}`);
  }
  return lines;
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(cpus().length);
  return { nproc, cpu, node: process.version, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString() };
}

/** Warns when other work is competing for the CPU (the 1-minute load average, before our peers). */
function checkLoad(nproc, when) {
  const l = loadavg()[0];
  if (l > Number(nproc) * 0.5) {
    console.log(`⚠ load average ${l.toFixed(2)} on ${nproc} CPUs ${when}: other processes are competing for the CPU, so timings are noisy.`);
  }
  return l;
}

const fmt = {
  s: (ms) => (ms / 1000).toFixed(2),
  int: (n) => Math.round(n).toLocaleString('en-US'),
  mb: (kb) => (kb / 1024).toFixed(0),
  x: (r) => `${r.toFixed(2)}×`,
};

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------

async function runSuite(peers, file, runs, table) {
  const results = Object.fromEntries(peers.map((p) => [p, []]));
  for (let i = 1; i <= runs; i++) {
    for (const p of peers) {
      if (results[p].some((r) => !r.ok)) continue; // it failed once; do not retry
      process.stdout.write(`  run ${i}/${runs} ${p.padEnd(10)}`);
      const r = await runPeer(p, file, table);
      results[p].push(r);
      console.log(
        r.ok ? ` ${fmt.s(r.ms)} s, CPU ${r.cpuMs == null ? '?' : fmt.s(r.cpuMs)} s, ${fmt.mb(r.peakRssKb)} MB` : ` FAILED (exit ${r.code ?? r.signal})`,
      );
    }
  }
  return results;
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const drift = aorDrift();
  if (drift.length) {
    console.error(`bench/lib/reference.mjs no longer matches packages/core/src/reference/aor-data.ts:\n  ${drift.join('\n  ')}`);
    process.exit(2);
  }
  const m = machine();
  let exit = 0;

  if (opt.rssCheck) {
    const ok = opt.build ? build() : true;
    if (!ok) process.exit(2);
    checkLoad(m.nproc, 'before the runs');
    const out = {};
    for (const size of ['1m', '5m']) {
      const { file, meta } = ensureData(size, opt.table);
      await warm(file);
      console.log(`icestat on ${relative(ROOT, file)} (${fmt.int(meta.rows)} rows, ${(meta.bytes / 1e6).toFixed(0)} MB), ${opt.runs} run(s):`);
      const rs = (await runSuite(['icestat'], file, opt.runs, opt.table)).icestat;
      if (!rs.every((r) => r.ok)) {
        console.error(`  icestat failed:\n    ${rs.find((r) => !r.ok).error.replaceAll('\n', '\n    ')}`);
        process.exit(2);
      }
      const bad = diffGroups(rs[0].groups, meta.groups, 'icestat', 'generator');
      if (bad.length) {
        console.error(`  ✗ icestat's counts differ from the generator's on ${bad.length} group(s):\n    ${bad.slice(0, 10).join('\n    ')}`);
        exit = 1;
      }
      out[size] = { peakRssKb: Math.max(...rs.map((r) => r.peakRssKb)), ms: median(rs.map((r) => r.ms)), rows: meta.rows };
    }
    const growth = out['5m'].peakRssKb / out['1m'].peakRssKb - 1;
    const flat = Math.abs(growth) <= RSS_GROWTH;
    const small = Math.max(out['1m'].peakRssKb, out['5m'].peakRssKb) / 1024 < RSS_LIMIT_MB;
    console.log(
      `\nicestat peak RSS: 1M rows ${fmt.mb(out['1m'].peakRssKb)} MB (${fmt.s(out['1m'].ms)} s), 5M rows ${fmt.mb(out['5m'].peakRssKb)} MB (${fmt.s(out['5m'].ms)} s)`,
    );
    console.log(`  ${flat ? '✓' : '✗'} 1M → 5M within ${RSS_GROWTH * 100}%: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%`);
    console.log(`  ${small ? '✓' : '✗'} both < ${RSS_LIMIT_MB} MB`);
    if (opt.json) writeFileSync(opt.json, JSON.stringify({ machine: m, table: opt.table, rssCheck: out }, null, 1));
    if (!exit && opt.strict && !(flat && small)) exit = 3;
    process.exit(exit);
  }

  const { file, meta } = ensureData(opt.size, opt.table);
  const spec = TABLES[opt.table];
  const peers = opt.only ?? DEFAULT_PEERS;
  const skipped = [];
  let toRun = peers;
  if (peers.includes('icestat') && opt.build && !build()) {
    skipped.push('icestat: not run, the build of @icestat/loaders failed (see above)');
    toRun = peers.filter((p) => p !== 'icestat');
  }

  const loadBefore = checkLoad(m.nproc, 'before the runs');
  console.log(`\nwarming the page cache with ${relative(ROOT, file)} …`);
  await warm(file);
  const mbytes = meta.bytes / 1e6;
  console.log(`${relative(ROOT, file)}: ${fmt.int(meta.rows)} rows, ${mbytes.toFixed(1)} MB; ${opt.runs} run(s) per peer, round-robin\n`);

  console.log(`table ${opt.table}: grouping by ${spec.by.join(' × ')} (${spec.keys.map((k) => k.column).join(', ')})\n`);
  const results = await runSuite(toRun, file, opt.runs, opt.table);

  // --- correctness ---------------------------------------------------------------------------
  const summary = {};
  const failures = [...skipped];
  for (const p of peers) {
    const rs = results[p] ?? [];
    if (!rs.length || !rs.every((r) => r.ok)) {
      const err = rs.find((r) => !r.ok)?.error;
      if (err) failures.push(err.startsWith(`${p}:`) ? err : `${p}: ${err}`);
      summary[p] = { ok: false };
      continue;
    }
    const ms = median(rs.map((r) => r.ms));
    summary[p] = {
      ok: true,
      ms,
      runsMs: rs.map((r) => r.ms),
      cpuMs: rs.every((r) => r.cpuMs != null) ? median(rs.map((r) => r.cpuMs)) : null,
      runsCpuMs: rs.map((r) => r.cpuMs),
      procMs: median(rs.map((r) => r.procMs)),
      peakRssKb: Math.max(...rs.map((r) => r.peakRssKb)),
      rows: rs[0].rows,
      groups: rs[0].groups,
      extra: rs[0].extra,
      stable: rs.every((r) => r.rows === rs[0].rows && diffGroups(r.groups ?? {}, rs[0].groups ?? {}, 'a', 'b').length === 0),
    };
  }
  const ice = summary.icestat?.ok ? summary.icestat : null;
  const notes = [];
  for (const p of peers) {
    const s = summary[p];
    if (!s.ok) continue;
    const rowsOk = s.rows === meta.rows;
    s.vsTruth = rowsOk && s.stable && (!PEERS[p].groups || diffGroups(s.groups, meta.groups, p, 'generator').length === 0);
    if (!rowsOk) notes.push(`${p} read ${fmt.int(s.rows)} rows; the file has ${fmt.int(meta.rows)}`);
    if (!s.stable) notes.push(`${p} gave different counts on different runs`);
    if (PEERS[p].groups && rowsOk) {
      const d = diffGroups(s.groups, meta.groups, p, 'generator');
      if (d.length) notes.push(`${p} differs from the generator on ${d.length} group(s), e.g.\n      ${d.slice(0, 5).join('\n      ')}`);
    }
    if (ice) {
      s.vsIcestat = s.rows === ice.rows && (!PEERS[p].groups || diffGroups(s.groups, ice.groups, p, 'icestat').length === 0);
      if (p !== 'icestat' && PEERS[p].groups && !s.vsIcestat) {
        const d = diffGroups(s.groups, ice.groups, p, 'icestat');
        if (d.length) notes.push(`${p} differs from icestat on ${d.length} group(s), e.g.\n      ${d.slice(0, 5).join('\n      ')}`);
      }
    }
  }

  // --- table -----------------------------------------------------------------------------------
  console.log(
    `\n${opt.table}: ${meta.rows.toLocaleString('en-US')} rows, ${mbytes.toFixed(1)} MB · ${m.nproc} × ${m.cpu} · Node ${m.node} · ${m.date.slice(0, 10)} · median of ${opt.runs}\n`,
  );
  const header = ['peer', 'wall s', 'CPU s', 'rows/s', 'MB/s', 'peak RSS MB', 'icestat ÷ peer', ice ? 'counts = icestat / generator' : 'counts = generator'];
  const rows = [];
  for (const p of peers) {
    const s = summary[p];
    if (!s.ok) {
      rows.push([PEERS[p].label, results[p] ? 'failed' : 'not run', '', '', '', '', '', '✗']);
      continue;
    }
    const mark = (b) => (b ? '✓' : '✗');
    const what = PEERS[p].groups ? '' : ' (rows only)';
    rows.push([
      PEERS[p].label,
      fmt.s(s.ms),
      s.cpuMs == null ? '?' : fmt.s(s.cpuMs),
      fmt.int(s.rows / (s.ms / 1000)),
      (mbytes / (s.ms / 1000)).toFixed(0),
      fmt.mb(s.peakRssKb),
      ice ? fmt.x(ice.ms / s.ms) : 'n/a',
      (ice ? `${mark(s.vsIcestat)} / ${mark(s.vsTruth)}` : mark(s.vsTruth)) + what,
    ]);
  }
  printTable(header, rows);
  console.log('\nwall s: median time inside the peer process from opening the file to the final counts (imports and Node start-up excluded).');
  console.log('CPU s: median CPU time (user + system, every thread) over the same span; it moves less than wall time when other work competes for the CPU.');
  if (summary.duckdb?.ok) console.log(`DuckDB ran with ${summary.duckdb.extra?.threads ?? '?'} threads; every other peer is single-threaded JavaScript.`);
  if (ice?.extra)
    console.log(
      `icestat: ${fmt.int(ice.rows)} rows read, ${ice.extra.accepted == null ? '?' : fmt.int(ice.extra.accepted)} accepted, ${ice.extra.rejected == null ? '?' : fmt.int(ice.extra.rejected)} rejected.`,
    );
  const loadAfter = loadavg()[0];
  console.log(`load average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (the peers themselves add ~1; DuckDB up to ${m.nproc}).`);
  if (ice && !ice.vsTruth) console.log('✗ icestat does not match the counts the generator wrote (see below).');
  for (const n of notes) console.log(`✗ ${n}`);
  for (const f of failures) console.log(`✗ ${f.replaceAll('\n', '\n    ')}`);
  if (notes.length || peers.some((p) => summary[p].ok && (summary[p].vsTruth === false || summary[p].vsIcestat === false))) exit = 1;
  else if (failures.length) exit = 2;

  // --- targets ---------------------------------------------------------------------------------
  console.log('\nTargets:');
  let missed = false;
  for (const t of TARGETS) {
    const s = summary[t.peer];
    if (!ice || !s?.ok) {
      console.log(`  · ${t.text}: not measured (${!ice ? 'icestat' : t.peer} did not run)`);
      continue;
    }
    const r = ice.ms / s.ms;
    if (r > t.max) missed = true;
    const cpu = ice.cpuMs != null && s.cpuMs != null ? ` (CPU time: ${fmt.x(ice.cpuMs / s.cpuMs)})` : '';
    console.log(`  ${r <= t.max ? '✓' : '✗'} ${t.text}: ${fmt.x(r)}${cpu}`);
  }
  console.log(
    `  · peak RSS flat 1M → 5M (±${RSS_GROWTH * 100}%) and < ${RSS_LIMIT_MB} MB: npm run bench -- --rss-check${opt.table === 'arrests' ? '' : ` --table ${opt.table}`}${ice ? ` (this run: ${fmt.mb(ice.peakRssKb)} MB on ${opt.size})` : ''}`,
  );

  if (opt.json) {
    writeFileSync(
      opt.json,
      JSON.stringify(
        { machine: m, load: [loadBefore, loadAfter], table: opt.table, size: opt.size, rows: meta.rows, bytes: meta.bytes, runs: opt.runs, summary },
        null,
        1,
      ),
    );
    console.log(`\nwrote ${opt.json}`);
  }
  if (!exit && opt.strict && missed) exit = 3;
  process.exit(exit);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
