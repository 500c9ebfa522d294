import { describeValue } from '../../shared/args';
import { DASH, DIGIT_0, DOT, digits, isRealDay, parseTime, parseUsDate, SPACE, UPPER_T } from './date-cells';
import { detach } from './detach';
import type { AorCode, ApprehensionType, ArrestRecordField, CriminalityClass, Gender, Redacted, StateCode } from '@icestat/core';
import { arrestFields, IcestatError, isRedactionMarker as isFoiaRedaction, resolveAor, resolveState, type RecordFieldKind } from '@icestat/core/internal';

// Every table and cache in this module is built once, at module load: the functions run per cell
// over millions of rows. The common spellings hit a Map with no string work at all; the rest are
// folded (lower-cased, punctuation to spaces) once and the result remembered.

/** Every public normaliser takes text: anything else is an `invalid_input` naming the function. */
function checkText(fn: string, text: unknown): void {
  if (typeof text !== 'string') throw new IcestatError('invalid_input', `${fn}: text: expected a string; received ${describeValue(text)}`);
}

/**
 * How a column's text is checked and normalised: core's record field kinds. `text` and
 * `country` are kept as written (trimmed) and never rejected.
 */
export type FieldKind = RecordFieldKind;

/**
 * The check each {@link ArrestRecordField} gets: the kinds of the record tables' `arrests` table
 * in core, the same the readers use. Only `text` and `country` fields never reject a row.
 *
 * @example
 * arrestFieldKinds.apprehensionAor; // => 'aor'
 * arrestFieldKinds.citizenshipCountry; // => 'country'
 */
export const arrestFieldKinds: Readonly<Record<ArrestRecordField, FieldKind>> = arrestFields;

/**
 * What each kind accepts, worded for a rejection's reason ("expected …; received …").
 *
 * @example
 * fieldKindExpectations.gender; // => 'Male, Female, M, F or Unknown'
 */
export const fieldKindExpectations: Readonly<Record<FieldKind, string>> = Object.freeze({
  date: 'a date that exists, in the years 1000 to 2999, written YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or M/D/YYYY',
  timestamp:
    'a date that exists, in the years 1000 to 2999, written YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or M/D/YYYY, with an optional time and offset (2024-06-27 12:50:00+00, 2024-06-27T12:50:00Z)',
  time: 'a time of day written HH:MM or HH:MM:SS',
  state: 'a US state, DC or territory (postal code such as CO, or name such as COLORADO)',
  aor: 'an ICE Area of Responsibility (a code such as NOL, or a name such as "Chicago Area of Responsibility")',
  criminality: 'a criminality class (1 Convicted Criminal, 2 Pending Criminal Charges or 3 Other Immigration Violator)',
  gender: 'Male, Female, M, F or Unknown',
  apprehensionType: 'Targeted or Collateral',
  birthYear: 'a birth year from 1900 to 2100 (e.g. 1999 or 1999.0)',
  boolean: 'Yes, No, Y, N, true, false, 1 or 0',
  country: 'a country',
  text: 'text',
});

/** Lower-cases and turns every run of punctuation and spaces into one space: "1 - Convicted" → "1 convicted". */
function foldWords(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Remembers a lookup per distinct text, hits and misses alike, up to `limit` entries; releases
 * repeat a few dozen spellings millions of times.
 */
function memoise<V>(lookup: (s: string) => V | undefined, limit = 8192): (s: string) => V | undefined {
  const cache = new Map<string, V | null>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit === null ? undefined : hit;
    const v = lookup(s);
    if (cache.size < limit) cache.set(s, v === undefined ? null : v);
    return v;
  };
}

/** A lookup table keyed by folded words, tried as written first. */
function wordTable<V>(entries: ReadonlyArray<readonly [string, V]>): (s: string) => V | undefined {
  const table = new Map<string, V>();
  for (const [k, v] of entries) table.set(foldWords(k), v);
  return memoise((s) => table.get(s) ?? table.get(foldWords(s)));
}

/**
 * ICE's criminality codes as releases write them, and the bare words. Keys are folded, so case,
 * dashes and extra spaces do not matter.
 *
 * @example
 * criminalitySpellings[0]; // => ['1 Convicted Criminal', 'convicted']
 */
export const criminalitySpellings: ReadonlyArray<readonly [string, CriminalityClass]> = Object.freeze([
  ['1 Convicted Criminal', 'convicted'],
  ['Convicted Criminal', 'convicted'],
  ['Convicted', 'convicted'],
  ['1', 'convicted'],
  ['2 Pending Criminal Charges', 'pending-charges'],
  ['Pending Criminal Charges', 'pending-charges'],
  ['Pending Charges', 'pending-charges'],
  ['Pending', 'pending-charges'],
  ['2', 'pending-charges'],
  ['3 Other Immigration Violator', 'other-immigration-violator'],
  ['Other Immigration Violator', 'other-immigration-violator'],
  ['3', 'other-immigration-violator'],
] as const);

const genderSpellings: ReadonlyArray<readonly [string, Gender]> = [
  ['Male', 'male'],
  ['M', 'male'],
  ['Female', 'female'],
  ['F', 'female'],
  ['Unknown', 'unknown'],
  ['U', 'unknown'],
];

const apprehensionTypeSpellings: ReadonlyArray<readonly [string, ApprehensionType]> = [
  ['Targeted', 'targeted'],
  ['Collateral', 'collateral'],
];

const booleanSpellings: ReadonlyArray<readonly [string, boolean]> = [
  ['Yes', true],
  ['Y', true],
  ['True', true],
  ['T', true],
  ['1', true],
  ['No', false],
  ['N', false],
  ['False', false],
  ['F', false],
  ['0', false],
];

const criminalityLookup = wordTable(criminalitySpellings);
const genderLookup = wordTable(genderSpellings);
const apprehensionTypeLookup = wordTable(apprehensionTypeSpellings);
const booleanLookup = (() => {
  const words = wordTable(booleanSpellings);
  // Spreadsheets and pandas write flags of a column with blanks as floats.
  return (s: string): boolean | undefined => (s === '1.0' ? true : s === '0.0' ? false : words(s));
})();
const stateLookup = memoise((s) => resolveState(s)?.code);
const aorLookup = memoise((s) => resolveAor(s)?.code);

/**
 * Normalises a criminality code or class name to ICE's class.
 *
 * @param text - `1 Convicted Criminal`, `2 Pending Criminal Charges`, `3 Other Immigration Violator`,
 *   the bare words in any case, or `1`/`2`/`3`.
 * @returns The {@link CriminalityClass}, or `undefined` when the text is none of these.
 * @example
 * normaliseCriminality('2 Pending Criminal Charges'); // => 'pending-charges'
 * normaliseCriminality('other immigration violator'); // => 'other-immigration-violator'
 * normaliseCriminality('4'); // => undefined
 */
export function normaliseCriminality(text: string): CriminalityClass | undefined {
  checkText('normaliseCriminality', text);
  return criminalityLookup(text);
}

/**
 * Normalises an Area of Responsibility written as a release name, a plain name or a code.
 *
 * @param text - `Chicago Area of Responsibility`, `Chicago`, `NOL`, `nol`, ….
 * @returns The 3-letter {@link AorCode}, or `undefined` for an unknown AOR.
 * @example
 * normaliseAor('Salt Lake City Area of Responsibility'); // => 'SLC'
 * normaliseAor('NOL'); // => 'NOL'
 * normaliseAor('Springfield'); // => undefined
 */
export function normaliseAor(text: string): AorCode | undefined {
  checkText('normaliseAor', text);
  return aorLookup(text);
}

/**
 * Normalises a state, DC or territory written as a postal code or a name.
 *
 * @param text - `CO`, `COLORADO`, `Colorado`, `Puerto Rico`, ….
 * @returns The {@link StateCode}, or `undefined` for an unknown place.
 * @example
 * normaliseState('COLORADO'); // => 'CO'
 * normaliseState('tx'); // => 'TX'
 * normaliseState('Atlantis'); // => undefined
 */
export function normaliseState(text: string): StateCode | undefined {
  checkText('normaliseState', text);
  return stateLookup(text);
}

/**
 * Normalises a gender as releases write it.
 *
 * @param text - `Male`, `Female`, `M`, `F`, `Unknown` or `U`, in any case.
 * @returns The {@link Gender}, or `undefined` for anything else.
 * @example
 * normaliseGender('F'); // => 'female'
 * normaliseGender('X'); // => undefined
 */
export function normaliseGender(text: string): Gender | undefined {
  checkText('normaliseGender', text);
  return genderLookup(text);
}

/**
 * Normalises an apprehension type (newer releases' "targeted" vs "collateral" arrests).
 *
 * @param text - `Targeted` or `Collateral`, in any case.
 * @returns The {@link ApprehensionType}, or `undefined` for anything else.
 * @example
 * normaliseApprehensionType('COLLATERAL'); // => 'collateral'
 */
export function normaliseApprehensionType(text: string): ApprehensionType | undefined {
  checkText('normaliseApprehensionType', text);
  return apprehensionTypeLookup(text);
}

/**
 * Normalises a yes/no flag (`final_order_yes_no`, `duplicate_likely`).
 *
 * @param text - `Yes`/`No`, `Y`/`N`, `true`/`false`, `T`/`F`, `1`/`0` (also `1.0`/`0.0`), in any case.
 * @returns `true`, `false`, or `undefined` for anything else.
 * @example
 * normaliseBoolean('YES'); // => true
 * normaliseBoolean('False'); // => false
 * normaliseBoolean('maybe'); // => undefined
 */
export function normaliseBoolean(text: string): boolean | undefined {
  checkText('normaliseBoolean', text);
  return booleanLookup(text);
}

/** Whether a cell has the shape of an ISO date (`YYYY-MM-DD…`), as opposed to a US one. */
function isIsoShaped(s: string): boolean {
  return s.length >= 10 && s.charCodeAt(4) === DASH && s.charCodeAt(7) === DASH;
}

// Formatted times by their encoding (see parseTime): at most 172,800 distinct, and a file repeats
// them endlessly, so each is built once.
const timeStrings = new Map<number, string>();

function formatTime(t: number): string {
  let out = timeStrings.get(t);
  if (out !== undefined) return out;
  const secs = t >> 1;
  const h = Math.floor(secs / 3600);
  const m = Math.floor(secs / 60) % 60;
  const sec = secs % 60;
  const hhmm = `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
  out = (t & 1) === 0 ? hhmm : `${hhmm}:${sec < 10 ? '0' : ''}${sec}`;
  timeStrings.set(t, out);
  return out;
}

const usParts = new Int32Array(3);

function isoFromParts(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Where the time of a date cell starts, or: -1 for no time, -2 for text that is not a date.
 * Checks the whole cell, so a cell with a bad time is not a date.
 */
function timeStart(s: string): number {
  const n = s.length;
  if (isIsoShaped(s)) {
    if (!isRealDay(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2))) return -2;
    if (n === 10) return -1;
    const sep = s.charCodeAt(10);
    if ((sep !== SPACE && sep !== UPPER_T) || parseTime(s, 11, false) < 0) return -2;
    return 11;
  }
  const end = parseUsDate(s, usParts);
  if (end < 0 || !isRealDay(usParts[0]!, usParts[1]!, usParts[2]!)) return -2;
  if (end === n) return -1;
  if (s.charCodeAt(end) !== SPACE || parseTime(s, end + 1, true) < 0) return -2;
  return end + 1;
}

// ICE writes 01/01/0001 (with or without a time) where a date is missing.
const missingDateSentinel = /^(?:0?1\/0?1\/0001|0001-01-01)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?)?$/;

/**
 * Normalises a date as releases write it to ISO `YYYY-MM-DD`, checking that the day exists and
 * that the year has four digits from 1000 to 2999. A time after the date must itself be valid;
 * use {@link timeOfDate} to keep it. ICE's missing-date sentinel `01/01/0001` is a missing date.
 *
 * @param text - `2015-10-26`, `2015-10-26 00:00:00`, `2023-05-11 09:49:00`, `2023-05-11T09:49`,
 *   or US `10/26/2015` (M/D/YYYY, optionally with a time such as `9:49` or `9:49 AM`).
 * @returns The ISO date; `null` for the sentinel `01/01/0001` (or `0001-01-01`); `undefined`
 *   when the text is not a date that exists.
 * @example
 * normaliseDate('2023-05-11 09:49:00'); // => '2023-05-11'
 * normaliseDate('10/26/2015'); // => '2015-10-26'
 * normaliseDate('01/01/0001'); // => null
 * normaliseDate('10/26/0215'); // => undefined
 * normaliseDate('2017-02-30'); // => undefined
 */
export function normaliseDate(text: string): string | null | undefined {
  checkText('normaliseDate', text);
  const s = text.trim();
  if (s.includes('0001') && missingDateSentinel.test(s)) return null;
  const t = timeStart(s);
  if (t === -2) return undefined;
  if (isIsoShaped(s)) return t === -1 ? s : s.slice(0, 10);
  const [y, m, d] = usParts;
  return isoFromParts(y!, m!, d!);
}

/**
 * The time of day a date cell carries, as `HH:MM` or `HH:MM:SS`. Midnight counts as no time:
 * releases write date-only values as `2015-10-26 00:00:00`.
 *
 * @param text - A date cell accepted by {@link normaliseDate}.
 * @returns The time, or `undefined` when the cell has none, has midnight, or is not a date.
 * @example
 * timeOfDate('2023-05-11 09:49:00'); // => '09:49:00'
 * timeOfDate('10/26/2015 9:49 PM'); // => '21:49'
 * timeOfDate('2015-10-26 00:00:00'); // => undefined
 */
export function timeOfDate(text: string): string | undefined {
  checkText('timeOfDate', text);
  const s = text.trim();
  const at = timeStart(s);
  if (at < 0) return undefined;
  const t = parseTime(s, at, !isIsoShaped(s));
  return t >> 1 === 0 ? undefined : formatTime(t);
}

/**
 * Normalises a time-of-day cell (for files with a separate time column). Midnight is kept here:
 * a column of times says what it means.
 *
 * @param text - `09:49`, `9:49`, `09:49:00` or `09:49:00.000`.
 * @returns `HH:MM` or `HH:MM:SS`, or `undefined` when the text is not a time.
 * @example
 * normaliseTime('9:49'); // => '09:49'
 * normaliseTime('25:00'); // => undefined
 */
export function normaliseTime(text: string): string | undefined {
  checkText('normaliseTime', text);
  const t = parseTime(text.trim(), 0, false);
  return t < 0 ? undefined : formatTime(t);
}

/**
 * Normalises a birth year, which spreadsheet exports write as a float.
 *
 * @param text - `1999` or `1999.0` (any number of trailing zeros).
 * @returns The year, or `undefined` unless it is four digits from 1900 to 2100.
 * @example
 * normaliseBirthYear('1999.0'); // => 1999
 * normaliseBirthYear('1999.5'); // => undefined
 * normaliseBirthYear('1850'); // => undefined
 */
export function normaliseBirthYear(text: string): number | undefined {
  checkText('normaliseBirthYear', text);
  const s = text.trim();
  const y = digits(s, 0, 4);
  if (y < 1900 || y > 2100) return undefined;
  if (s.length > 4) {
    if (s.charCodeAt(4) !== DOT || s.length === 5) return undefined;
    for (let i = 5; i < s.length; i++) if (s.charCodeAt(i) !== DIGIT_0) return undefined;
  }
  return y;
}

const OPEN = 40; // (
const CLOSE = 41; // )
const LOWER_B = 98;
const UPPER_B = 66;

/**
 * Whether text at `start..end` of `text` could begin a redaction marker: a cheap look at its
 * first characters that rules out nearly every cell without slicing it. Leading whitespace is
 * skipped; non-ASCII leading characters answer `true` so that a full check decides.
 *
 * @param text - The text holding the cell.
 * @param start - The cell's first offset.
 * @param end - The offset after its last character.
 * @returns `false` when the cell cannot be a marker; `true` when {@link isRedactionMarker} must decide.
 * @example
 * mightBeRedactionAt('TX,(b)(6),x', 3, 9); // => true
 * mightBeRedactionAt('TX,BEXAR,x', 3, 8); // => false
 */
export function mightBeRedactionAt(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && text.charCodeAt(i) <= SPACE) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c >= 128) return true;
  if (i + 1 >= end) return false;
  const c1 = text.charCodeAt(i + 1);
  if (c === OPEN) return c1 === LOWER_B || c1 === UPPER_B;
  if (c === LOWER_B || c === UPPER_B) return c1 === OPEN || c1 === CLOSE;
  return false;
}

/**
 * Whether a cell is a FOIA redaction marker: a value withheld under exemptions (b)(6) or (b)(7).
 * Redacted is neither missing nor invalid.
 *
 * @param text - A cell, e.g. `(b)(6)(b)(7)(c)`, `(b)(6), (b)(7)(c)`, `b(6), b(7)(c)` or `(b)(7)(E)`.
 * @returns `true` for a marker.
 * @example
 * isRedactionMarker('(b)(6), (b)(7)(c)'); // => true
 * isRedactionMarker('BEXAR'); // => false
 */
export function isRedactionMarker(text: string): boolean {
  checkText('isRedactionMarker', text);
  return isFoiaRedaction(text.trim());
}

const redactedValues = new Map<string, Redacted>();

/**
 * The value a record holds for a redacted cell: `{ redacted: true, marker }`, one frozen object
 * per distinct marker, so a file of millions of redactions does not allocate millions of objects.
 *
 * @param marker - The marker as the release writes it (trimmed).
 * @returns A frozen {@link Redacted}.
 * @example
 * redactedValue('(b)(6)'); // => { redacted: true, marker: '(b)(6)' }
 */
export function redactedValue(marker: string): Redacted {
  let v = redactedValues.get(marker);
  if (v === undefined) {
    v = Object.freeze({ redacted: true as const, marker: detach(marker) });
    if (redactedValues.size < 1024) redactedValues.set(marker, v);
  }
  return v;
}
