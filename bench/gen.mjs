#!/usr/bin/env node
// Deterministic generator of record-level ICE CSV shaped like the public FOIA releases: arrests
// (the record-release header, mixed date formats and state spellings, redaction markers), and
// removals and encounters under the headers of ICE ERO-LESA's FY2016–FY2019 releases.
//
//   node bench/gen.mjs --size 1m                     → bench/data/records-1m.csv (+ records-1m.csv.json)
//   node bench/gen.mjs --size 1m --table removals    → bench/data/removals-1m.csv (encounters likewise)
//   node bench/gen.mjs --rows 12345 --out /tmp/x.csv [--table arrests] [--seed 7]
//
// Same seed → same bytes, on any machine: a seeded sfc32 PRNG, UTC-only date arithmetic, no
// Math.random, no locale. The same seed also makes smaller files a prefix of larger ones (the first
// 100,000 rows of records-1m.csv are records-100k.csv).
//
// Streams to disk in batches (memory stays flat at any size), writes to `<out>.tmp` and renames, and
// writes a sidecar `<out>.json` with the row count, byte count, sha256 and the TRUE tally of the
// table's three keys (lib/tables.mjs; arrests: fiscal year × criminality × AOR), taken from the values the generator drew (not by re-parsing),
// which run.mjs uses as an independent check on every peer.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AORS, HQ, STATE_NAMES } from './lib/reference.mjs';
import { TABLES, benchTable } from './lib/tables.mjs';

/** Bump when the output format changes; run.mjs also regenerates when this file's source changes. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20240930;
export const SIZES = { '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };
export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
/** `bench/data/<prefix>-<size>.csv`: `records-1m.csv` (arrests), `removals-1m.csv`, `encounters-1m.csv`. */
export const dataPath = (size, table = 'arrests') => resolve(DATA_DIR, `${benchTable(table).filePrefix}-${size}.csv`);

/** A hash of the generator's source (this file and lib/reference.mjs): a stale data file is regenerated. */
export function generatorFingerprint() {
  const h = createHash('sha256');
  for (const f of ['./gen.mjs', './lib/reference.mjs', './lib/tables.mjs']) h.update(readFileSync(new URL(f, import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

/** The arrests file's header (lib/tables.mjs holds every table's). */
export const HEADERS = TABLES.arrests.header;

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
  let a = sm(),
    b = sm(),
    c = sm(),
    d = sm();
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
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
// biome-ignore format: a reference table, several entries a line, laid out by hand
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

// biome-ignore format: a reference table, several entries a line, laid out by hand
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

// biome-ignore format: a reference table, several entries a line, laid out by hand
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

// biome-ignore format: a reference table, several entries a line, laid out by hand
const COUNTRIES = table([
  ['MEXICO', 540], ['GUATEMALA', 120], ['HONDURAS', 100], ['EL SALVADOR', 70],
  ['DOMINICAN REPUBLIC', 20], ['ECUADOR', 15], ['"CHINA, PEOPLES REPUBLIC OF"', 14],
  ['VENEZUELA', 10], ['NICARAGUA', 10], ['COLOMBIA', 10], ['CUBA', 10], ['INDIA', 10],
  ['BRAZIL', 8], ['JAMAICA', 8], ['HAITI', 7], ['PERU', 5], ['VIETNAM', 5], ['PHILIPPINES', 4],
  ['"KOREA, SOUTH"', 4], ['NIGERIA', 3], ['CANADA', 3], ['GHANA', 2], ['ROMANIA', 2],
  ['"BAHAMAS, THE"', 1], ['"MICRONESIA, FEDERATED STATES OF"', 1],
  ['"CONGO, DEMOCRATIC REPUBLIC OF THE"', 1], ['"GAMBIA, THE"', 1], ['', 3],
]);

const GENDERS = table([
  ['Male', 860],
  ['Female', 132],
  ['Unknown', 5],
  ['', 3],
]);

// biome-ignore format: a reference table, several entries a line, laid out by hand
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

// Removals and encounters, as ICE ERO-LESA's FY2016–FY2019 releases head and write them: dates
// `M/D/YYYY`, AORs as release names (HQ included), the marker `(B)(6);(B)(7)(C) ` with its
// trailing space.

// ERO removals by fiscal year (shape of ICE's annual reports, FY2012–FY2024).
// biome-ignore format: a reference table, several entries a line, laid out by hand
const REMOVAL_FY_WEIGHTS = [
  [2012, 410], [2013, 368], [2014, 316], [2015, 235], [2016, 240], [2017, 226], [2018, 256],
  [2019, 267], [2020, 185], [2021, 59], [2022, 72], [2023, 142], [2024, 271],
];
// ERO encounters: more than arrests, same shape.
const ENCOUNTER_FY_WEIGHTS = FY_WEIGHTS.map(([fy, w]) => [fy, Math.round(w * 3.3)]);
const LESA_REDACTED = '(B)(6);(B)(7)(C) ';
const LESA_REDACTED_QUOTED = '"(B)(6);(B)(7)(C) "';
const LESA_REDACTED_E = '(B)(7)(E) ';

// biome-ignore format: a reference table, several entries a line, laid out by hand
const REMOVAL_COUNTRIES = table([
  ['MEXICO', 620], ['GUATEMALA', 140], ['HONDURAS', 110], ['EL SALVADOR', 60],
  ['DOMINICAN REPUBLIC', 10], ['ECUADOR', 8], ['BRAZIL', 8], ['COLOMBIA', 6], ['NICARAGUA', 5],
  ['JAMAICA', 5], ['HAITI', 4], ['"CHINA, PEOPLES REPUBLIC OF"', 3], ['INDIA', 3], ['PERU', 2],
  ['"KOREA, SOUTH"', 1], ['"BAHAMAS, THE"', 1], ['"GAMBIA, THE"', 0.5], ['NIGERIA', 1], ['', 2],
]);
// biome-ignore format: a reference table, several entries a line, laid out by hand
const DISPOSITION_CODES = table([
  ['ER', 35], ['REINST', 38], ['NTA', 12], ['VR', 4], ['SR', 3], ['AR', 2], ['OTHER', 2], ['', 4],
]);
// biome-ignore format: a reference table, several entries a line, laid out by hand
const THREAT_LEVELS = table([
  ['Level 1', 18], ['Level 2', 10], ['Level 3', 12], ['No Threat Level', 50], ['', 9], [LESA_REDACTED_E, 1],
]);
// biome-ignore format: a reference table, several entries a line, laid out by hand
const CHARGE_SECTIONS = table([
  ['212a6Ai', 40], ['212a7AiI', 25], ['237a1B', 8], ['237a2Aiii', 6], ['241a5', 12], ['237a1C', 3], ['', 6],
]);
// What an encounter led to: ICE's processing disposition, as written (some with a stray trailing
// space, which icestat trims).
// biome-ignore format: a reference table, several entries a line, laid out by hand
const ENCOUNTER_DISPOSITIONS = table([
  ['Notice to Appear', 24], ['Reinstated Prior Order', 18], ['Expedited Removal', 6],
  ['Warrant of Arrest/Notice to Appear', 10], ['Voluntary Return', 3], ['Administrative Removal', 2],
  ['Detainer Lodged ', 9], ['Other', 8], ['No Action Taken', 14], ['', 6],
]);
const OPERATIONS = table([
  ['CAP', 55],
  ['ERO', 18],
  ['NFOP', 8],
  ['287G', 4],
  ['VRU', 3],
  ['OTHER', 4],
  ['', 8],
]);

/** `2015-10-26` → `10/26/2015`, as the LESA releases write dates. */
const mdy = (iso) => `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/**
 * Row makers, one per table: each returns `() => ({ line, key, blanks })` — the CSV line, the true
 * group key (the labels icestat's tally gives, from the values drawn, joined by SEP), and how many
 * cells are blank.
 */
const ROW_MAKERS = {
  arrests({ rnd, pick, below, chance }) {
    const fyTable = table(FY_WEIGHTS.map(([fy, w]) => [fy, w]));
    const aorTable = table(AORS.map((a) => [a, AOR_WEIGHTS[a.code]]));
    return () => {
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

      return {
        line: `${date},${state},${county},${aorText},${method},${crimText},${country},${gender},${birthYear},${caseStatus},${landmark}\n`,
        key: `FY${fy}${SEP}${crimClass}${SEP}${aorKey}`,
        blanks:
          (state === '') +
          (county === '') +
          (aorText === '') +
          (country === '') +
          (gender === '') +
          (birthYear === '') +
          (caseStatus === '') +
          (landmark === ''),
      };
    };
  },

  // Area of Responsibility, Apprehension Date, Processing Disposition Code, Birth Date, Citizenship,
  // Gender, RC Threat Level, Final Charge Section, Departed Date, Removal Date.
  removals({ rnd, pick, below }) {
    const fyTable = table(REMOVAL_FY_WEIGHTS);
    const aorTable = table(AORS.map((a) => [a, AOR_WEIGHTS[a.code]]));
    const fyDays = new Map(REMOVAL_FY_WEIGHTS.map(([fy]) => [fy, FY_DAYS.get(fy)]));
    return () => {
      const fy = pick(fyTable);
      const days = fyDays.get(fy);
      const dayIndex = below(days.length);
      const day = days[dayIndex];
      const departed = mdy(day);
      const rStyle = rnd() % 100;
      const removal = rStyle < 94 ? departed : rStyle < 98 ? mdy(days[Math.min(dayIndex + 1, days.length - 1)]) : '';
      // Apprehended 0–400 days before; blank in ~1.1% of rows (2,690 of FY2016's 240,255).
      const aStyle = rnd() % 1000;
      const back = below(400);
      const apprehension = aStyle < 11 ? '' : mdy(new Date(Date.parse(day) - back * DAY_MS).toISOString().slice(0, 10));

      const oStyle = rnd() % 10000;
      const aor = pick(aorTable);
      // Names as the release writes them; 0.05% HQ, 0.1% blank, 1.85% 3-letter codes.
      const aorText = oStyle < 5 ? HQ.releaseName : oStyle < 15 ? '' : oStyle < 200 ? aor.code : aor.releaseName;
      const aorKey = oStyle < 5 ? HQ.code : oStyle < 15 ? MISSING : aor.code;

      const disposition = pick(DISPOSITION_CODES);
      const bStyle = rnd() % 100;
      const year = Number(day.slice(0, 4)) - 18 - below(45);
      const birthDate = bStyle < 55 ? LESA_REDACTED : bStyle < 80 ? LESA_REDACTED_QUOTED : `${1 + below(12)}/${1 + below(28)}/${year}`;
      const country = pick(REMOVAL_COUNTRIES);
      const gender = pick(GENDERS);
      const threat = pick(THREAT_LEVELS);
      const charge = pick(CHARGE_SECTIONS);
      const countryKey = country === '' ? MISSING : country.replace(/^"|"$/g, '');

      return {
        line: `${aorText},${apprehension},${disposition},${birthDate},${country},${gender},${threat},${charge},${departed},${removal}\n`,
        key: `FY${fy}${SEP}${countryKey}${SEP}${aorKey}`,
        blanks:
          (aorText === '') +
          (apprehension === '') +
          (disposition === '') +
          (country === '') +
          (gender === '') +
          (threat === '') +
          (charge === '') +
          (removal === ''),
      };
    };
  },

  // Event Area of Responsibility, Event Date, Landmark, Operation, Processing Disposition,
  // Birth Date, Citizenship, Gender.
  encounters({ rnd, pick, below }) {
    const fyTable = table(ENCOUNTER_FY_WEIGHTS);
    const aorTable = table(AORS.map((a) => [a, AOR_WEIGHTS[a.code]]));
    return () => {
      const fy = pick(fyTable);
      const days = FY_DAYS.get(fy);
      const day = days[below(days.length)];
      const date = mdy(day);

      const oStyle = rnd() % 1000;
      const aor = pick(aorTable);
      // 0.8% HQ (3,009 of FY2016's 368,645), 0.1% blank, the rest release names.
      const aorText = oStyle < 8 ? HQ.releaseName : oStyle < 9 ? '' : aor.releaseName;
      const aorKey = oStyle < 8 ? HQ.code : oStyle < 9 ? MISSING : aor.code;

      const lStyle = rnd() % 1000;
      let landmark;
      if (lStyle < 40) landmark = `"${aor.code} GENERAL AREA, NON-SPECIFIC"`;
      else if (lStyle < 70) landmark = LESA_REDACTED_QUOTED;
      else if (lStyle < 82) landmark = `"${aor.code} ""STREET"" ARREST"`;
      else if (lStyle < 300) landmark = `${aor.code} STREET ARREST`;
      else if (lStyle < 500) landmark = `${COUNTIES[aor.code][below(COUNTIES[aor.code].length)]} COUNTY JAIL`;
      else if (lStyle < 600) landmark = `${aor.code} NON-SPECIFIC`;
      else landmark = '';

      const operation = pick(OPERATIONS);
      const disposition = pick(ENCOUNTER_DISPOSITIONS);
      const bStyle = rnd() % 100;
      const year = Number(day.slice(0, 4)) - 18 - below(45);
      const birthDate = bStyle < 70 ? LESA_REDACTED : `${1 + below(12)}/${1 + below(28)}/${year}`;
      const country = pick(COUNTRIES);
      const gender = pick(GENDERS);
      const dispositionKey = disposition.trim() === '' ? MISSING : disposition.trim();

      return {
        line: `${aorText},${date},${landmark},${operation},${disposition},${birthDate},${country},${gender}\n`,
        key: `FY${fy}${SEP}${dispositionKey}${SEP}${aorKey}`,
        blanks: (aorText === '') + (landmark === '') + (operation === '') + (disposition === '') + (country === '') + (gender === ''),
      };
    };
  },
};

/**
 * Writes `rows` data rows (plus the header) of one bench table to `out`, streaming. Resolves to
 * the sidecar object.
 *
 * @param {{ rows: number, out: string, seed?: number, table?: 'arrests' | 'encounters' | 'removals', onProgress?: (done: number) => void }} options
 */
export async function generate({ rows, out, seed = DEFAULT_SEED, table: tableName = 'arrests', onProgress }) {
  const spec = benchTable(tableName);
  const rnd = sfc32(seed);
  const pick = (slots) => slots[rnd() >>> 20]; // 12 high bits → 0..4095
  const below = (n) => Math.floor((rnd() / 4294967296) * n);
  const chance = (p) => rnd() < p * 4294967296;
  const row = ROW_MAKERS[tableName]({ rnd, pick, below, chance });

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

  await write(`${spec.header.join(',')}\n`);

  const BATCH = 10_000;
  for (let done = 0; done < rows; ) {
    const n = Math.min(BATCH, rows - done);
    const lines = new Array(n);
    for (let i = 0; i < n; i++) {
      const { line, key, blanks } = row();
      lines[i] = line;
      if (line.includes('"')) quotedRows++;
      blankCells += blanks;
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
    blankCellShare: Math.round((blankCells / (rows * spec.header.length)) * 1000) / 1000,
    table: tableName,
    header: spec.header,
    by: spec.by,
    groupSeparator: SEP,
    groups: Object.fromEntries([...truth].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  writeFileSync(`${out}.json`, `${JSON.stringify(sidecar, null, 1)}\n`);
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
  const tableName = args.table ?? 'arrests';
  if (!TABLES[tableName]) {
    console.error(`--table must be one of ${Object.keys(TABLES).join(', ')}`);
    process.exit(64);
  }
  if (args.size) {
    rows = SIZES[args.size.toLowerCase()];
    if (!rows) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
    out = args.out ?? dataPath(args.size.toLowerCase(), tableName);
  } else {
    rows = Number(args.rows);
    out = args.out;
    if (!Number.isInteger(rows) || rows < 0 || !out) {
      console.error(
        'usage: node bench/gen.mjs --size 100k|1m|5m [--table arrests|encounters|removals] [--out file] [--seed n]\n       node bench/gen.mjs --rows N --out file [--table …] [--seed n]',
      );
      process.exit(64);
    }
  }
  const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
  const t0 = performance.now();
  const s = await generate({
    rows,
    out: resolve(out),
    seed,
    table: tableName,
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
