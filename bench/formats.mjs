#!/usr/bin/env node
// icestat file-format bench: reading a big generated workbook (xlsx) and Parquet file with the
// candidate libraries side by side, each peer in its own process (wall time, rows/s, peak RSS),
// every peer's tally by AOR checked against the generator's. See bench/README.md.
//
//   node bench/formats.mjs                         # 100k and 1M rows, 1 run per peer
//   node bench/formats.mjs --size 100k --runs 3
//   node bench/formats.mjs --only icestat-xlsx,exceljs
//   node bench/formats.mjs --rss-check             # icestat's xlsx and Parquet readers: 100k vs 1M rows
//
// Data (generated on demand into bench/data/, gitignored): `formats-<size>.xlsx`, the rows split
// over three sheets (FY2016, FY2017, FY2018) under ICE's banner lines, written by exceljs's
// streaming writer with shared strings and date-formatted cells; `formats-<size>.parquet`, the
// same rows written by DuckDB (zstd, 100k-row groups).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const DATA = resolve(BENCH, 'data');
const SIZES = { '100k': 100_000, '1m': 1_000_000 };
const SHEETS = ['FY2016', 'FY2017', 'FY2018'];
// biome-ignore format: a reference table, several entries a line, laid out by hand
const BANNER = ['ERO-LESA Statistical Tracking Unit', 'For Official Use Only (FOUO)/Pre-decisional', 'Generated for the icestat bench', '', 'ERO Administrative Arrests'];
const HEADER = ['Apprehension Date', 'Area of Responsibility', 'Gender', 'Citizenship', 'Birth Year', 'Landmark'];
// biome-ignore format: a reference table, several entries a line, laid out by hand
const AORS = ['ATL', 'BAL', 'BOS', 'BUF', 'CHI', 'DAL', 'DEN', 'DET', 'ELP', 'HOU', 'LOS', 'MIA', 'NEW', 'NOL', 'NYC', 'PHI', 'PHO', 'SEA', 'SFR', 'SLC', 'SNA', 'SND', 'SPM', 'WAS', 'HQ'];
const COUNTRIES = ['MEXICO', 'GUATEMALA', 'HONDURAS', 'EL SALVADOR', 'INDIA', 'CHINA', 'PHILIPPINES', 'CANADA'];

/** The generator's rows: deterministic (an LCG), and its own tally by AOR. */
function* rows(n) {
  let s = 20240930;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < n; i++) {
    const day = Math.floor(next() * 3 * 365);
    yield {
      sheet: Math.min(2, Math.floor(day / 365)),
      date: new Date(Date.UTC(2015, 9, 1) + day * 86_400_000),
      aor: AORS[Math.floor(next() * AORS.length)],
      gender: next() < 0.85 ? 'Male' : 'Female',
      country: COUNTRIES[Math.floor(next() * COUNTRIES.length)],
      birthYear: 1950 + Math.floor(next() * 55),
      landmark: `LANDMARK ${Math.floor(next() * 2000)}`,
    };
  }
}

function expectedCounts(n) {
  const counts = {};
  for (const r of rows(n)) counts[r.aor] = (counts[r.aor] ?? 0) + 1;
  return counts;
}

async function generate(size) {
  mkdirSync(DATA, { recursive: true });
  const n = SIZES[size];
  const xlsx = resolve(DATA, `formats-${size}.xlsx`);
  const parquet = resolve(DATA, `formats-${size}.parquet`);
  if (!existsSync(xlsx)) {
    const t0 = performance.now();
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${xlsx}.tmp`, useSharedStrings: true, useStyles: true });
    const sheets = SHEETS.map((name) => {
      const ws = wb.addWorksheet(name);
      ws.getColumn(1).numFmt = 'm/d/yyyy';
      for (const line of BANNER) ws.addRow([line]).commit();
      ws.addRow(HEADER).commit();
      return ws;
    });
    // Rows go to their fiscal year's sheet; exceljs streams each sheet's XML to a temporary part.
    for (const r of rows(n)) {
      const row = sheets[r.sheet].addRow([r.date, r.aor, r.gender, r.country, r.birthYear, r.landmark]);
      row.getCell(1).numFmt = 'm/d/yyyy';
      row.commit();
    }
    for (const ws of sheets) ws.commit();
    await wb.commit();
    renameSync(`${xlsx}.tmp`, xlsx);
    console.error(`generated ${xlsx} (${(statSync(xlsx).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(parquet)) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`CREATE TABLE t (apprehension_date DATE, aor VARCHAR, gender VARCHAR, citizenship VARCHAR, birth_year INTEGER, landmark VARCHAR)`);
    const appender = await c.createAppender('t');
    const { DuckDBDateValue } = await import('@duckdb/node-api');
    for (const r of rows(n)) {
      appender.appendDate(new DuckDBDateValue(Math.round(r.date.getTime() / 86_400_000)));
      appender.appendVarchar(r.aor);
      appender.appendVarchar(r.gender);
      appender.appendVarchar(r.country);
      appender.appendInteger(r.birthYear);
      appender.appendVarchar(r.landmark);
      appender.endRow();
    }
    appender.closeSync();
    await c.run(`COPY t TO '${parquet}.tmp' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
    renameSync(`${parquet}.tmp`, parquet);
    console.error(`generated ${parquet} (${(statSync(parquet).size / 1e6).toFixed(1)} MB)`);
  }
  const sidecar = resolve(DATA, `formats-${size}.json`);
  if (!existsSync(sidecar)) writeFileSync(sidecar, JSON.stringify({ rows: n, counts: expectedCounts(n) }));
  return { xlsx, parquet, expected: JSON.parse(readFileSync(sidecar, 'utf8')) };
}

// ---------------------------------------------------------------------------------------------
// Peers. Each tallies rows by AOR (column 2 of the sheets, `aor` in Parquet) and reports the count
// of data rows; the banner and header rows of each sheet are skipped by the header's first cell.

const PEERS = {
  'icestat-xlsx': { kind: 'xlsx', label: 'icestat readXlsxRows (fflate + saxes, streamed)' },
  exceljs: { kind: 'xlsx', label: 'exceljs stream.xlsx.WorkbookReader' },
  sheetjs: { kind: 'xlsx', label: '@e965/xlsx (SheetJS) readFile, dense' },
  'duckdb-xlsx': { kind: 'xlsx', label: 'DuckDB read_xlsx (excel extension)' },
  'icestat-parquet': { kind: 'parquet', label: 'icestat readParquetRows, column aor only' },
  'icestat-parquet-all': { kind: 'parquet', label: 'icestat readParquetRows, all columns' },
  hyparquet: { kind: 'parquet', label: 'hyparquet parquetReadObjects, whole file' },
  'duckdb-parquet': { kind: 'parquet', label: 'DuckDB GROUP BY over the file' },
};

/** The modules a peer uses, imported before the clock starts (start-up is not throughput). */
async function load(name) {
  switch (name) {
    case 'icestat-xlsx':
      return import('@icestat/loaders/xlsx');
    case 'exceljs':
      return (await import('exceljs')).default;
    case 'sheetjs':
      return import('@e965/xlsx');
    case 'icestat-parquet':
    case 'icestat-parquet-all':
      return import('@icestat/loaders/parquet');
    case 'hyparquet':
      return { ...(await import('hyparquet')), ...(await import('hyparquet-compressors')) };
    default:
      return import('@duckdb/node-api');
  }
}

async function runPeer(name, file) {
  const m = await load(name);
  const counts = {};
  let rows = 0;
  const add = (aor) => {
    counts[aor] = (counts[aor] ?? 0) + 1;
    rows++;
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  if (name === 'icestat-xlsx') {
    for (const sheet of await m.listXlsxSheets(file)) {
      let header = false;
      for await (const r of m.readXlsxRows(file, { sheet: sheet.index })) {
        if (!header) header = r.cells[0] === HEADER[0];
        else add(r.cells[1]);
      }
    }
  } else if (name === 'exceljs') {
    const reader = new m.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      let header = false;
      for await (const row of ws) {
        const v = row.values; // 1-based
        if (!header) header = v[1] === HEADER[0];
        else add(v[2]);
      }
    }
  } else if (name === 'sheetjs') {
    // SheetJS reads the whole workbook into memory (it has no streaming reader).
    const wb = m.read(readFileSync(file), { type: 'buffer', dense: true, cellDates: true });
    for (const sheetName of wb.SheetNames) {
      let header = false;
      for (const r of m.utils.sheet_to_json(wb.Sheets[sheetName], { header: 1, raw: true })) {
        if (!header) header = r[0] === HEADER[0];
        else add(r[1]);
      }
    }
  } else if (name === 'duckdb-xlsx') {
    const c = await (await m.DuckDBInstance.create(':memory:')).connect();
    await c.run('LOAD excel'); // needs the extension, which DuckDB downloads on first use
    for (const sheet of SHEETS) {
      const r = await c.runAndReadAll(
        `SELECT "Area of Responsibility" AS aor, count(*)::INTEGER AS n FROM read_xlsx('${file}', sheet = '${sheet}', range = 'A6:F99999999') GROUP BY 1`,
      );
      for (const [aor, n] of r.getRows()) {
        counts[aor] = (counts[aor] ?? 0) + n;
        rows += n;
      }
    }
  } else if (name === 'icestat-parquet' || name === 'icestat-parquet-all') {
    for await (const r of m.readParquetRows(file, name === 'icestat-parquet' ? { columns: ['aor'] } : {})) add(r.aor);
  } else if (name === 'hyparquet') {
    for (const r of await m.parquetReadObjects({ file: await m.asyncBufferFromFile(file), compressors: m.compressors })) add(r.aor);
  } else if (name === 'duckdb-parquet') {
    const c = await (await m.DuckDBInstance.create(':memory:')).connect();
    const r = await c.runAndReadAll(`SELECT aor, count(*)::INTEGER AS n FROM '${file}' GROUP BY 1`);
    for (const [aor, n] of r.getRows()) {
      counts[aor] = (counts[aor] ?? 0) + n;
      rows += n;
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { rows, counts, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peakRssMb() };
}

/**
 * This process's peak resident memory. Linux's VmHWM starts afresh at exec; getrusage's maxRSS
 * does not (it keeps the parent's peak across fork and exec, which hid every peer below the
 * parent's own ~220 MB after it had generated the 1M workbook).
 */
function peakRssMb() {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { sizes: ['100k', '1m'], runs: 1, only: null, rssCheck: false, build: true, peer: null, file: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--size') o.sizes = val().split(',');
    else if (a === '--runs') o.runs = Number(val());
    else if (a === '--only') o.only = val().split(',');
    else if (a === '--rss-check') o.rssCheck = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--peer') o.peer = val();
    else if (a === '--file') o.file = val();
    else {
      console.error(`unknown option ${a}; see the comment at the top of bench/formats.mjs`);
      process.exit(64);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.peer) {
  // Child: one peer, one file; one JSON line out.
  try {
    console.log(JSON.stringify({ ok: true, ...(await runPeer(opts.peer, opts.file)) }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e).split('\n')[0] }));
  }
  process.exit(0);
}

if (opts.build) {
  const b = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@icestat/loaders...'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) console.error('build failed: the icestat peers will fail');
}

function child(peer, file) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', fileURLToPath(import.meta.url), '--peer', peer, '--file', file], {
    cwd: BENCH,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = r.stdout.trim().split('\n').at(-1);
  try {
    return JSON.parse(line);
  } catch {
    return { ok: false, error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').at(-1) };
  }
}

const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; Node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${new Date().toISOString()}`,
);
const peers = (opts.rssCheck ? ['icestat-xlsx', 'icestat-parquet-all'] : (opts.only ?? Object.keys(PEERS))).filter((p) => PEERS[p]);
for (const size of opts.sizes) {
  const data = await generate(size);
  console.log(
    `\n### ${fmt(data.expected.rows)} rows — ${(statSync(data.xlsx).size / 1e6).toFixed(1)} MB xlsx (3 sheets), ${(statSync(data.parquet).size / 1e6).toFixed(1)} MB Parquet\n`,
  );
  console.log('| peer | file | wall s (median) | rows/s | CPU s (median) | peak RSS MB | counts = generator | runs, wall (s) |');
  console.log('|---|---|---:|---:|---:|---:|:-:|---|');
  // Runs alternate between peers (A B C, A B C, …), so a burst of outside load hits them alike.
  const results = Object.fromEntries(peers.map((p) => [p, []]));
  for (let k = 0; k < opts.runs; k++) for (const peer of peers) results[peer].push(child(peer, PEERS[peer].kind === 'xlsx' ? data.xlsx : data.parquet));
  for (const peer of peers) {
    const runs = results[peer];
    const ok = runs.filter((r) => r.ok);
    if (ok.length === 0) {
      console.log(`| ${PEERS[peer].label} | ${PEERS[peer].kind} | not run: ${runs[0].error} | | | | | |`);
      continue;
    }
    const ms = ok.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(ok.length / 2)];
    const rss = Math.max(...ok.map((r) => r.peakRssMb));
    if (opts.verbose) console.error(peer, JSON.stringify(ok.map((r) => r.ms)));
    const agree = ok.every((r) => r.rows === data.expected.rows && same(r.counts, data.expected.counts));
    const each = ok.map((r) => fmt(r.ms / 1000, 2)).join(' / ');
    const cpu = ok.map((r) => r.cpuMs).sort((a, b) => a - b)[Math.floor(ok.length / 2)];
    console.log(
      `| ${PEERS[peer].label} | ${PEERS[peer].kind} | ${fmt(ms / 1000, 2)} | ${fmt(data.expected.rows / (ms / 1000))} | ${fmt(cpu / 1000, 2)} | ${fmt(rss)} | ${agree ? '✓' : `✗ (${ok[0].rows} rows)`} | ${each} |`,
    );
  }
}
console.log(
  `\nload after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
