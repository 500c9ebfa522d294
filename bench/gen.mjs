#!/usr/bin/env node
// Deterministic generator of record-level ICE arrest CSV shaped like the public FOIA releases
// (the record-release header, mixed date formats and state spellings, redaction markers).
//
//   node bench/gen.mjs --size 1m            → bench/data/records-1m.csv (+ records-1m.csv.json)
//   node bench/gen.mjs --rows 12345 --out /tmp/x.csv [--seed 7]
//
// Same seed → same bytes, on any machine: a seeded sfc32 PRNG, UTC-only date arithmetic, no
// Math.random, no locale. The same seed also makes smaller files a prefix of larger ones (the first
// 100,000 rows of records-1m.csv are records-100k.csv).
//
// Streams to disk in batches (memory stays flat at any size), writes to `<out>.tmp` and renames, and
// writes a sidecar `<out>.json` with the row count, byte count, sha256 and the TRUE tally of
// fiscal year × criminality × AOR, taken from the values the generator drew (not by re-parsing),
// which run.mjs uses as an independent check on every peer.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AORS, STATE_NAMES } from './lib/reference.mjs';

/** Bump when the output format changes; run.mjs also regenerates when this file's source changes. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20240930;
export const SIZES = { '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };
export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
export const dataPath = (size) => resolve(DATA_DIR, `records-${size}.csv`);

/** A hash of the generator's source (this file and lib/reference.mjs): a stale data file is regenerated. */
export function generatorFingerprint() {
  const h = createHash('sha256');
  for (const f of ['./gen.mjs', './lib/reference.mjs']) h.update(readFileSync(new URL(f, import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

export const HEADERS = [
  'Apprehension Date',
  'Apprehension State',
  'Apprehension County',
  'Apprehension AOR',
  'Apprehension Method',
  'Apprehension Criminality',
  'Citizenship Country',
  'Gender',
  'Birth Year',
  'Case Status',
  'Apprehension Site Landmark',
];

const MISSING = '(missing)';
const SEP = '\u001f';

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32 (both public-domain, 32-bit integer arithmetic only).

function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function sfc32(seed) {
  const sm = splitmix32(seed);
  let a = sm(), b = sm(), c = sm(), d = sm();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

// ---------------------------------------------------------------------------------------------
// Weighted choices, resolved through a 4096-slot table (one PRNG draw, one array read).

function table(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const slots = new Array(4096);
  let acc = 0;
  let j = 0;
  for (const [v, w] of pairs) {
    acc += w;
    const end = Math.round((acc / total) * 4096);
    for (; j < end; j++) slots[j] = v;
  }
  for (; j < 4096; j++) slots[j] = pairs[pairs.length - 1][0];
  return slots;
}

// Fiscal-year weights follow the shape of ERO administrative arrests FY2012–FY2024.
const FY_WEIGHTS = [
  [2012, 290], [2013, 230], [2014, 180], [2015, 125], [2016, 110], [2017, 143], [2018, 158],
  [2019, 143], [2020, 104], [2021, 74], [2022, 142], [2023, 170], [2024, 113],
];
const DAY_MS = 86_400_000;
/** Every day of each fiscal year as `YYYY-MM-DD`, and its calendar year. */
const FY_DAYS = new Map(
  FY_WEIGHTS.map(([fy]) => {
    const days = [];
    for (let t = Date.UTC(fy - 1, 9, 1); t < Date.UTC(fy, 9, 1); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
    return [fy, days];
  }),
);

const AOR_WEIGHTS = {
  ATL: 8, BAL: 1.5, BOS: 2.5, BUF: 1.5, CHI: 6, DAL: 8, DEN: 2.5, DET: 3, ELP: 3, HAL: 3, HOU: 9,
  LOS: 7, MIA: 4.5, NEW: 2.5, NOL: 6, NYC: 3, PHI: 3, PHO: 6, SEA: 2.5, SFR: 4, SLC: 3, SNA: 8,
  SND: 2, SPM: 3, WAS: 3.5,
};
const COUNTIES = {
  ATL: ['FULTON', 'GWINNETT', 'COBB', 'MECKLENBURG', 'WAKE', 'CHARLESTON'],
  BAL: ['BALTIMORE', 'PRINCE GEORGES', 'MONTGOMERY'],
  BOS: ['SUFFOLK', 'MIDDLESEX', 'HARTFORD', 'PROVIDENCE'],
  BUF: ['ERIE', 'MONROE', 'ONONDAGA'],
  CHI: ['COOK', 'DU PAGE', 'MARION', 'JACKSON', 'MILWAUKEE', 'JEFFERSON', 'SEDGWICK'],
  DAL: ['DALLAS', 'TARRANT', 'OKLAHOMA', 'TULSA', 'COLLIN'],
  DEN: ['DENVER', 'ADAMS', 'ARAPAHOE', 'LARAMIE'],
  DET: ['WAYNE', 'CUYAHOGA', 'FRANKLIN', 'KENT'],
  ELP: ['EL PASO', 'BERNALILLO', 'DONA ANA'],
  HAL: ['CAMERON', 'HIDALGO', 'WEBB'],
  HOU: ['HARRIS', 'FORT BEND', 'MONTGOMERY', 'JEFFERSON'],
  LOS: ['LOS ANGELES', 'ORANGE', 'SAN BERNARDINO', 'RIVERSIDE', 'VENTURA'],
  MIA: ['MIAMI-DADE', 'BROWARD', 'PALM BEACH', 'ORANGE', 'HILLSBOROUGH', 'SAN JUAN'],
  NEW: ['ESSEX', 'HUDSON', 'PASSAIC', 'UNION'],
  NOL: ['ORLEANS', 'JEFFERSON', 'DAVIDSON', 'SHELBY', 'JEFFERSON PARISH', 'PULASKI'],
  NYC: ['KINGS', 'QUEENS', 'BRONX', 'NEW YORK', 'NASSAU', 'SUFFOLK'],
  PHI: ['PHILADELPHIA', 'ALLEGHENY', 'NEW CASTLE', 'KANAWHA'],
  PHO: ['MARICOPA', 'PIMA', 'YUMA', 'PINAL'],
  SEA: ['KING', 'MULTNOMAH', 'YAKIMA', 'ANCHORAGE'],
  SFR: ['SANTA CLARA', 'ALAMEDA', 'FRESNO', 'SACRAMENTO', 'HONOLULU', 'KERN'],
  SLC: ['SALT LAKE', 'CLARK', 'WASHOE', 'ADA', 'YELLOWSTONE'],
  SNA: ['BEXAR', 'TRAVIS', 'HAYS', 'NUECES'],
  SND: ['SAN DIEGO', 'IMPERIAL'],
  SPM: ['HENNEPIN', 'RAMSEY', 'POLK', 'DOUGLAS', 'MINNEHAHA'],
  WAS: ['FAIRFAX', 'ARLINGTON', 'DISTRICT OF COLUMBIA', 'PRINCE WILLIAM'],
};

const METHODS = table([
  ['CAP Local Incarceration', 34], ['CAP State Incarceration', 8], ['CAP Federal Incarceration', 6],
  ['Non-Custodial Arrest', 17], ['Located', 12], ['ERO Reprocessed Arrest', 6],
  ['Probation and Parole', 4], ['Custodial Arrest', 4], ['Law Enforcement Agency Response Unit', 3],
  ['287(g) Program', 2.5], ['Worksite Enforcement', 1], ['Traffic Check', 1], ['Other efforts', 1.5],
]);

// [value as written, class] — the class is what a tally reports.
const CRIMINALITY = table([
  [['1 Convicted Criminal', 'convicted'], 55],
  [['2 Pending Criminal Charges', 'pending-charges'], 15],
  [['3 Other Immigration Violator', 'other-immigration-violator'], 30],
]);

const COUNTRIES = table([
  ['MEXICO', 540], ['GUATEMALA', 120], ['HONDURAS', 100], ['EL SALVADOR', 70],
  ['DOMINICAN REPUBLIC', 20], ['ECUADOR', 15], ['"CHINA, PEOPLES REPUBLIC OF"', 14],
  ['VENEZUELA', 10], ['NICARAGUA', 10], ['COLOMBIA', 10], ['CUBA', 10], ['INDIA', 10],
  ['BRAZIL', 8], ['JAMAICA', 8], ['HAITI', 7], ['PERU', 5], ['VIETNAM', 5], ['PHILIPPINES', 4],
  ['"KOREA, SOUTH"', 4], ['NIGERIA', 3], ['CANADA', 3], ['GHANA', 2], ['ROMANIA', 2],
  ['"BAHAMAS, THE"', 1], ['"MICRONESIA, FEDERATED STATES OF"', 1],
  ['"CONGO, DEMOCRATIC REPUBLIC OF THE"', 1], ['"GAMBIA, THE"', 1], ['', 3],
]);

const GENDERS = table([['Male', 860], ['Female', 132], ['Unknown', 5], ['', 3]]);

const CASE_STATUSES = table([
  ['6-Deported/Removed - Deportability', 24], ['8-Excluded/Removed - Inadmissibility', 19],
  ['ACTIVE', 20], ['A-Proceedings Terminated', 4], ['B-Relief Granted', 3],
  ['1-Voluntary Departure Confirmed', 3], ['3-Voluntary Departure Granted - Under Docket Control', 2],
  ['9-VR Witnessed', 2], ['E-Charging Document Canceled by ICE', 2],
  ['L-Legalization - Permanent Residence Granted', 0.5], ['', 20.5],
]);

const REDACTED_QUOTED = '"(b)(6), (b)(7)(c)"';
const REDACTED_PLAIN = '(b)(6)(b)(7)(c)';

// ---------------------------------------------------------------------------------------------

/**
 * Writes `rows` data rows (plus the header) to `out`, streaming. Resolves to the sidecar object.
 *
 * @param {{ rows: number, out: string, seed?: number, onProgress?: (done: number) => void }} options
 */
export async function generate({ rows, out, seed = DEFAULT_SEED, onProgress }) {
  const rnd = sfc32(seed);
  const pick = (slots) => slots[rnd() >>> 20]; // 12 high bits → 0..4095
  const below = (n) => Math.floor((rnd() / 4294967296) * n);
  const chance = (p) => rnd() < p * 4294967296;

  const fyTable = table(FY_WEIGHTS.map(([fy, w]) => [fy, w]));
  const aorTable = table(AORS.map((a) => [a, AOR_WEIGHTS[a.code]]));

  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.tmp`;
  const stream = createWriteStream(tmp);
  const hash = createHash('sha256');
  const truth = new Map();
  let bytes = 0;
  let quotedRows = 0;
  let blankCells = 0;

  let failed = null;
  stream.on('error', (err) => (failed = err));
  const write = async (s) => {
    if (failed) throw failed;
    hash.update(s);
    bytes += Buffer.byteLength(s);
    if (!stream.write(s)) await once(stream, 'drain'); // rejects if the stream errors meanwhile
  };

  await write(HEADERS.join(',') + '\n');

  const BATCH = 10_000;
  for (let done = 0; done < rows; ) {
    const n = Math.min(BATCH, rows - done);
    const lines = new Array(n);
    for (let i = 0; i < n; i++) {
      // Fiscal year, day, and how the date is written.
      const fy = pick(fyTable);
      const days = FY_DAYS.get(fy);
      const day = days[below(days.length)];
      const style = rnd() % 100;
      let date;
      if (style < 35) date = day;
      else if (style < 75) date = `${day} 00:00:00`;
      else {
        const h = 5 + below(17);
        const m = below(60);
        date = `${day} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00`;
      }

      // AOR, a state it covers, a county in it.
      const aor = pick(aorTable);
      const st = chance(0.6) ? aor.states[0] : aor.states[below(aor.states.length)]; // mostly the main state
      const stStyle = rnd() % 100;
      const state = stStyle < 64 ? st : stStyle < 96 ? STATE_NAMES[st] : '';
      const cStyle = rnd() % 1000;
      const counties = COUNTIES[aor.code];
      const county = cStyle < 35 ? REDACTED_QUOTED : cStyle < 45 ? REDACTED_PLAIN : cStyle < 75 ? '' : counties[below(counties.length)];
      const aStyle = rnd() % 1000;
      const aorText = aStyle < 950 ? aor.releaseName : aStyle < 998 ? aor.code : '';
      const aorKey = aStyle < 998 ? aor.code : MISSING;

      const method = pick(METHODS);
      const [crimText, crimClass] = pick(CRIMINALITY);
      const country = pick(COUNTRIES);
      const gender = pick(GENDERS);

      const age = 18 + below(48);
      const year = Number(day.slice(0, 4)) - age;
      const bStyle = rnd() % 100;
      const birthYear = bStyle < 68 ? String(year) : bStyle < 96 ? `${year}.0` : '';

      const caseStatus = pick(CASE_STATUSES);

      const lStyle = rnd() % 1000;
      let landmark;
      if (lStyle < 40) landmark = `"${aor.code} GENERAL AREA, NON-SPECIFIC"`;
      else if (lStyle < 60) landmark = REDACTED_QUOTED;
      else if (lStyle < 72) landmark = `"${aor.code} ""STREET"" ARREST"`;
      else if (lStyle < 82) landmark = REDACTED_PLAIN;
      else if (lStyle < 250) landmark = `${aor.code} STREET ARREST`;
      else if (lStyle < 430) landmark = `${counties[below(counties.length)]} COUNTY JAIL`;
      else if (lStyle < 520) landmark = `${st} DEPT OF CORRECTIONS`;
      else if (lStyle < 600) landmark = `${aor.code} NON-SPECIFIC`;
      else if (lStyle < 640) landmark = `${aor.code} FUGITIVE OPERATIONS TEAM`;
      else landmark = '';

      const line = `${date},${state},${county},${aorText},${method},${crimText},${country},${gender},${birthYear},${caseStatus},${landmark}\n`;
      lines[i] = line;
      if (line.includes('"')) quotedRows++;
      blankCells += (state === '') + (county === '') + (aorText === '') + (country === '') + (gender === '') + (birthYear === '') + (caseStatus === '') + (landmark === '');

      const key = `FY${fy}${SEP}${crimClass}${SEP}${aorKey}`;
      truth.set(key, (truth.get(key) ?? 0) + 1);
    }
    await write(lines.join(''));
    done += n;
    onProgress?.(done);
  }
  await new Promise((res, rej) => stream.end((err) => (err ? rej(err) : res())));
  renameSync(tmp, out);

  const sidecar = {
    generator: 'bench/gen.mjs',
    version: GENERATOR_VERSION,
    fingerprint: generatorFingerprint(),
    seed,
    rows,
    bytes,
    sha256: hash.digest('hex'),
    bytesPerRow: Math.round((bytes / rows) * 10) / 10,
    quotedRowShare: Math.round((quotedRows / rows) * 1000) / 1000,
    blankCellShare: Math.round((blankCells / (rows * HEADERS.length)) * 1000) / 1000,
    by: ['fiscalYear', 'criminality', 'aor'],
    groupSeparator: SEP,
    groups: Object.fromEntries([...truth].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  writeFileSync(`${out}.json`, JSON.stringify(sidecar, null, 1) + '\n');
  return sidecar;
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
    o[k] = v;
  }
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  let rows;
  let out;
  if (args.size) {
    rows = SIZES[args.size.toLowerCase()];
    if (!rows) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
    out = args.out ?? dataPath(args.size.toLowerCase());
  } else {
    rows = Number(args.rows);
    out = args.out;
    if (!Number.isInteger(rows) || rows < 0 || !out) {
      console.error('usage: node bench/gen.mjs --size 100k|1m|5m [--out file] [--seed n]\n       node bench/gen.mjs --rows N --out file [--seed n]');
      process.exit(64);
    }
  }
  const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
  const t0 = performance.now();
  const s = await generate({
    rows,
    out: resolve(out),
    seed,
    onProgress: (d) => {
      if (process.stderr.isTTY && d % 500_000 === 0) process.stderr.write(`\r  ${d.toLocaleString('en-US')} rows…`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  console.log(
    `${resolve(out)}: ${s.rows.toLocaleString('en-US')} rows, ${(s.bytes / 1e6).toFixed(1)} MB (${s.bytesPerRow} B/row), ` +
      `${(s.quotedRowShare * 100).toFixed(1)}% rows with quotes, ${(s.blankCellShare * 100).toFixed(1)}% blank cells, ` +
      `sha256 ${s.sha256.slice(0, 16)}…, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
