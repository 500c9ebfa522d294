// Record files for the fuzz suite: a seeded generator of plausible releases, and mutations of
// the kinds that broke readers before (blank-looking lines above the header, control characters,
// NULs, byte-order marks at chunk boundaries, stray quotes, CR/LF mixes, banners).
import { existsSync, createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';

/**
 * A small, fast, seeded PRNG (mulberry32): the same seed gives the same files everywhere.
 *
 * @param seed - Any 32-bit number.
 * @returns A function giving numbers in [0, 1).
 * @example
 * const r = prng(1); r(); // => 0.6270739405881613 (always, for seed 1)
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const columns = {
  'ice-release': {
    apprehensionDate: 'Apprehension Date',
    apprehensionState: 'Apprehension State',
    apprehensionAor: 'Apprehension AOR',
    criminality: 'Apprehension Criminality',
    citizenshipCountry: 'Citizenship Country',
    gender: 'Gender',
    apprehensionType: 'Apprehension Type',
    birthYear: 'Birth Year',
    landmark: 'Apprehension Site Landmark',
    duplicateLikely: 'Duplicate Likely',
  },
  'snake-case': {
    apprehensionDate: 'apprehension_date',
    apprehensionState: 'apprehension_state',
    apprehensionAor: 'apprehension_aor',
    criminality: 'apprehension_criminality',
    citizenshipCountry: 'citizenship_country',
    gender: 'gender',
    apprehensionType: 'apprehension_type',
    birthYear: 'birth_year',
    landmark: 'apprehension_site_landmark',
    duplicateLikely: 'duplicate_likely',
  },
} as const;
type Field = keyof (typeof columns)['ice-release'];

const values: Record<Field, readonly string[]> = {
  apprehensionDate: [
    '2017-09-25',
    '2016-10-01',
    '10/26/2015',
    '9/30/2016 14:05',
    '2023-05-11 09:49:00',
    '01/01/0001',
    '10/26/0215',
    '2017-02-30',
    '9999-12-31',
    '',
    '(b)(6)',
  ],
  apprehensionState: ['CO', 'TX', 'COLORADO', 'XX', '', 'PA'],
  apprehensionAor: ['CHI', 'NYC', 'Chicago Area of Responsibility', 'HQ Area of Responsibility', 'Nowhere', '', '(b)(7)(E) '],
  criminality: ['1 Convicted Criminal', '2 Pending Criminal Charges', '3 Other Immigration Violator', 'convicted', '4', ''],
  citizenshipCountry: ['MEXICO', 'GUATEMALA', 'X\u001fNYC', 'CÔTE D’IVOIRE', '日本', '😀 EMOJI', '', '(B)(6);(B)(7)(C) '],
  gender: ['Male', 'Female', 'M', 'F', 'Unknown', 'X', ''],
  apprehensionType: ['Targeted', 'Collateral', 'Random', ''],
  birthYear: ['1985', '1999.0', '1850', ''],
  landmark: ['PHI STREET', 'DENVER, CO JAIL', 'say "hi"', 'two\nlines', 'CHEYENNE; WY', 'a|b', '\ttab', ''],
  duplicateLikely: ['Yes', 'No', 'true', '0', 'maybe', ''],
};

/**
 * A plausible record file: a header in one of the presets, some extra columns, rows of
 * real-looking and bad values, one of four delimiters and three line ends.
 *
 * @param r - The PRNG.
 * @returns The file's text.
 * @example
 * recordFile(prng(1)).split('\n')[0]; // a header such as 'apprehension_aor,gender,…'
 */
export function recordFile(r: Random): string {
  const preset = pick(r, ['ice-release', 'snake-case'] as const);
  const fields = (Object.keys(values) as Field[]).filter(() => r() < 0.7);
  if (fields.length === 0) fields.push('apprehensionDate');
  const extras = ['Notes', 'Unique Identifier', '', '__proto__', 'Notes'].filter(() => r() < 0.25);
  const headers: string[] = [...fields.map((f) => columns[preset][f]), ...extras];
  // shuffle
  for (let i = headers.length - 1; i > 0; i--) {
    const j = int(r, 0, i);
    [headers[i], headers[j]] = [headers[j]!, headers[i]!];
  }
  const delimiter = pick(r, [',', ',', ';', '\t', '|']);
  const eol = pick(r, ['\n', '\n', '\r\n', '\r']);
  const quoteAll = r() < 0.2;
  const cell = (v: string): string => {
    const needs = v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') || v.startsWith(' ');
    return quoteAll || needs ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const big = r() < 0.1;
  const n = big ? int(r, 1500, 4000) : int(r, 0, 40);
  const lines = [headers.map(cell).join(delimiter)];
  const headerFields = headers.map((h) => (Object.entries(columns[preset]).find(([, v]) => v === h)?.[0] as Field | undefined) ?? null);
  for (let i = 0; i < n; i++) {
    const row = headerFields.map((f) =>
      cell(
        f === null
          ? pick(r, ['x', '', 'free text, with comma', 'é'])
          : r() < 0.85
            ? values[f][int(r, 0, Math.min(2, values[f].length - 1))]!
            : pick(r, values[f]),
      ),
    );
    lines.push(row.join(delimiter));
  }
  return lines.join(eol) + (r() < 0.9 ? eol : '');
}

const blankLooking = [',,,,', '""', '"",""', '   ', '\u00a0', '\t\t', ';;;', '|||', '', '\u3000 ', '\uFEFF', ' , ;|'];
const controls = ['\0', '\x01', '\x1f', '\x0b', '\x0c', '\x7f', '\u2028', '\u0085'];

/** Offsets of the starts of lines (after LF or CR). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) out.push(i + 1);
  return out;
}

function insertAt(text: string, at: number, s: string): string {
  return text.slice(0, at) + s + text.slice(at);
}

/** A position that does not split a surrogate pair. */
function safePos(r: Random, text: string): number {
  let at = int(r, 0, text.length);
  const c = text.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff) at--;
  return at;
}

/**
 * The mutations, by name: each takes a text and gives another.
 *
 * @param banners - Real banners to put above a header (may be empty).
 * @returns The mutations.
 * @example
 * mutations([])['a stray quote'](prng(1), 'a,b\n'); // => 'a,b"\n' or another position
 */
export function mutations(banners: readonly string[]): Record<string, (r: Random, text: string) => string> {
  return {
    'blank-looking lines above the header': (r, t) =>
      Array.from({ length: int(r, 1, 4) }, () => pick(r, blankLooking) + pick(r, ['\n', '\r\n', '\r'])).join('') + t,
    'a banner above the header': (r, t) => (banners.length > 0 ? pick(r, banners) : '"ERO-LESA Statistical Tracking Unit"||||\n||||\n') + t,
    'a control character': (r, t) => insertAt(t, safePos(r, t), pick(r, controls)),
    'a row of NULs': (r, t) => {
      const starts = lineStarts(t);
      return insertAt(t, pick(r, starts), `${pick(r, ['\0\0\0', '\0,\0,\0', '\0;;', '\0'])}\n`);
    },
    'a byte-order mark in a row': (r, t) => insertAt(t, pick(r, lineStarts(t)), '\uFEFF'),
    'a byte-order mark at a 64 KiB boundary': (r, t) => {
      // bytes and characters agree on ASCII files; close enough to land at or near the boundary
      const at = Math.min(t.length, 65536 + int(r, -2, 2));
      return insertAt(t, Math.max(0, at), '\uFEFF');
    },
    'a byte-order mark first': (_, t) => `\uFEFF${t}`,
    'a stray quote': (r, t) => insertAt(t, safePos(r, t), '"'),
    'a stray quote at a cell start': (r, t) => insertAt(t, pick(r, lineStarts(t)), '"'),
    'line ends mixed': (r, t) => t.replace(/\n/g, (m) => (r() < 0.15 ? pick(r, ['\r\n', '\r', '\n\n']) : m)),
    'a lone CR': (r, t) => insertAt(t, safePos(r, t), '\r'),
    'cut short': (r, t) => t.slice(0, safePos(r, t)),
    'a doubled delimiter': (_, t) => {
      const i = t.search(/[,;|\t]/);
      return i < 0 ? t : insertAt(t, i, t[i]!);
    },
    'a long field': (r, t) => insertAt(t, pick(r, lineStarts(t)), `"${'z'.repeat(int(r, 100, 3000))}",`),
    'a U+001F in a value': (r, t) => insertAt(t, safePos(r, t), '\u001f'),
  };
}

/**
 * The banners of the real ICE releases (the lines above the header, and the header), when the
 * real files are there: gunzipped with node:zlib, first lines only.
 *
 * @param dir - The folder of the real releases.
 * @returns Banner texts ending in a line break; empty when the folder is absent.
 * @example
 * (await realBanners('../shared/realdata/ice-lesa'))[0]?.split('\n')[0];
 * // => '"ERO-LESA Statistical Tracking Unit"||||||||'
 */
export async function realBanners(dir: string): Promise<string[]> {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of ['EROArrests_FY2016.csv.gz', 'EROEncounters_FY2016.csv.gz', 'ICERemovals_FY2016.csv.gz']) {
    const path = `${dir}/${name}`;
    if (!existsSync(path)) continue;
    const stream = createReadStream(path).pipe(createGunzip());
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    const first: string[] = [];
    for await (const line of lines) {
      first.push(line);
      if (first.length >= 5) break;
    }
    lines.close();
    stream.destroy();
    out.push(`${first.join('\n')}\n`);
  }
  return out;
}

/**
 * Real rows: the first lines of each real release (banner, header and some rows), for files
 * that start as the real ones do.
 *
 * @param dir - The folder of the real releases.
 * @param rows - How many lines to take from each.
 * @returns Texts; empty when the folder is absent.
 * @example
 * (await realHeads('../shared/realdata/ice-lesa', 8))[0]?.split('\n')[5]; // => the header row
 */
export async function realHeads(dir: string, rows: number): Promise<string[]> {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of ['EROArrests_FY2016.csv.gz', 'EROEncounters_FY2016.csv.gz', 'ICERemovals_FY2016.csv.gz']) {
    const path = `${dir}/${name}`;
    if (!existsSync(path)) continue;
    const stream = createReadStream(path).pipe(createGunzip());
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    const first: string[] = [];
    for await (const line of lines) {
      first.push(line);
      if (first.length >= rows) break;
    }
    lines.close();
    stream.destroy();
    out.push(`${first.join('\n')}\n`);
  }
  return out;
}
