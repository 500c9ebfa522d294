import { IcestatError } from '../errors';
import { isRedacted, type ArrestRecord, type ArrestRecordField } from '../model/arrest-record';
import { daysInMonth } from '../model/primitives';
import { fiscalYear, monthKey } from './time';

/** The dimensions a tally of arrest records can group by. */
export const tallyDimensions = ['fiscalYear', 'month', 'day', 'state', 'aor', 'criminality', 'citizenship', 'gender', 'apprehensionType'] as const;
export type TallyDimension = (typeof tallyDimensions)[number];

/** The group a record falls in when its field is blank in the release. */
export const MISSING = '(missing)';
/** The group a record falls in when its field is withheld under FOIA. Redacted is not missing. */
export const REDACTED = '(redacted)';

/** Options of {@link createTally}. */
export interface TallyOptions {
  /** Dimensions to group by, in order; none gives a single total. */
  readonly by: readonly TallyDimension[];
  /** Leave out records flagged `duplicateLikely` (the same person arrested twice within 24 hours); counted in `excluded`. */
  readonly excludeDuplicates?: boolean;
}

/** One group of a tally: the group's value on each dimension, and how many records fell in it. */
export type TallyRow = { readonly count: number } & { readonly [D in TallyDimension]?: string };

/** A tally's counts in a plain, serialisable form: what crosses worker threads and what {@link Tally.merge} accepts. */
export interface TallySnapshot {
  readonly by: readonly TallyDimension[];
  readonly excludeDuplicates: boolean;
  /** Records added, excluded ones included. */
  readonly seen: number;
  readonly excluded: { readonly duplicates: number };
  /**
   * `[group values, count]`: the group's value on each dimension, in `by` order. The values are
   * kept apart (never joined into one key), so any text a cell holds stays in its own dimension.
   */
  readonly groups: readonly (readonly [readonly string[], number])[];
}

/** The outcome of a tally: rows by group, sorted by their dimension values, and totals. */
export interface TallyResult {
  readonly by: readonly TallyDimension[];
  /** Records counted (excluded ones not included). */
  readonly total: number;
  /** Records added, counted or excluded: `total + excluded.duplicates`. */
  readonly seen: number;
  readonly excluded: { readonly duplicates: number };
  readonly rows: readonly TallyRow[];
}

/** A streaming accumulator of arrest records; see {@link createTally}. */
export interface Tally {
  readonly by: readonly TallyDimension[];
  /** Counts one record. */
  add(record: ArrestRecord): void;
  /** Counts one record already reduced to its group values, in `by` order (the loaders' fast path). */
  addGroup(values: readonly string[], duplicateLikely?: boolean): void;
  /** Adds another tally's counts (same `by`, same duplicate rule) into this one. */
  merge(other: Tally | TallySnapshot): void;
  /** The counts so far as a serialisable snapshot. */
  snapshot(): TallySnapshot;
  /** The counts so far as rows. */
  result(): TallyResult;
}

/** Orders groups by their first dimension's value, then the second's, and so on. */
function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Checks a snapshot's groups before any is counted, so a bad snapshot changes nothing. */
function checkSnapshotGroups(s: TallySnapshot, dimensions: number): void {
  if (!Array.isArray(s.groups)) throw new IcestatError('invalid_input', 'merge: expected a snapshot whose groups are an array');
  for (const g of s.groups) {
    const ok =
      Array.isArray(g) &&
      Array.isArray(g[0]) &&
      g[0].length === dimensions &&
      g[0].every((v) => typeof v === 'string') &&
      Number.isInteger(g[1]) &&
      g[1] >= 0;
    if (!ok) {
      throw new IcestatError('invalid_input', `merge: expected each group as [values, count] with ${dimensions} string values and a whole count; received ${JSON.stringify(g)?.slice(0, 120)}`);
    }
  }
}

/** The record field each tally dimension groups on. */
export const tallyDimensionFields = Object.freeze({
  fiscalYear: 'apprehensionDate',
  month: 'apprehensionDate',
  day: 'apprehensionDate',
  state: 'apprehensionState',
  aor: 'apprehensionAor',
  criminality: 'criminality',
  citizenship: 'citizenshipCountry',
  gender: 'gender',
  apprehensionType: 'apprehensionType',
} as const satisfies Record<TallyDimension, ArrestRecordField>);

// `FY2017` for each fiscal year seen, built once rather than once a row.
const fiscalYearKeys = new Map<number, string>();

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The fiscal year of a plain `YYYY-MM-DD` that exists, read with char codes (no regex, no
 * allocation: this runs once a row); `undefined` for anything else, which {@link fiscalYear} then
 * judges.
 */
function isoFiscalYear(s: string): number | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return m >= 10 ? y + 1 : y;
}

/**
 * The group a field value falls in on one dimension: `FY2017`, `2017-09` or `2017-09-25` for a
 * date (an ISO date, as records hold them), the value itself otherwise — or {@link MISSING} for
 * a blank and {@link REDACTED} for a FOIA redaction. The loaders' fast path calls this on
 * normalised cells without building records.
 *
 * @param dimension - The dimension.
 * @param value - The value of the dimension's field ({@link tallyDimensionFields}).
 * @returns The group value.
 * @throws {@link IcestatError} `invalid_input` for a date dimension given something that is not a date.
 * @example
 * groupOf('fiscalYear', '2016-10-01'); // => 'FY2017'
 * groupOf('aor', { redacted: true }); // => '(redacted)'
 */
export function groupOf(dimension: TallyDimension, value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (isRedacted(value)) return REDACTED;
  if (dimension !== 'fiscalYear' && dimension !== 'month' && dimension !== 'day') return String(value);
  const date = String(value);
  if (dimension === 'fiscalYear') {
    const fy = isoFiscalYear(date) ?? fiscalYear(date); // the slow path also explains a bad date
    let key = fiscalYearKeys.get(fy);
    if (key === undefined) {
      key = `FY${fy}`;
      fiscalYearKeys.set(fy, key);
    }
    return key;
  }
  return dimension === 'month' ? monthKey(date) : date.slice(0, 10);
}

/**
 * The group value of a record on one dimension: `FY2017`, `2017-09`, `2017-09-25`, a postal
 * code, an AOR code, a criminality class, a country, a gender — or {@link MISSING} /
 * {@link REDACTED}.
 *
 * @param record - An arrest record.
 * @param dimension - The dimension.
 * @returns The group value.
 * @example
 * groupValue({ apprehensionDate: '2016-10-01' }, 'fiscalYear'); // => 'FY2017'
 */
export function groupValue(record: ArrestRecord, dimension: TallyDimension): string {
  return groupOf(dimension, record[tallyDimensionFields[dimension]]);
}

/**
 * A streaming tally of arrest records grouped by any of fiscal year, month, day, state, AOR,
 * criminality, citizenship, gender and apprehension type. Feed it rows one at a time with `add`;
 * memory grows with the number of groups, never with rows. Tallies of chunks `merge` into the
 * tally of the whole (merge is commutative and associative), so a file can be split across
 * workers. Blank fields count as {@link MISSING} and FOIA-redacted ones as {@link REDACTED}.
 *
 * @param options - Dimensions, and whether to leave out likely duplicates.
 * @returns A {@link Tally}.
 * @throws {@link IcestatError} `invalid_input` for an unknown or repeated dimension.
 * @example
 * const t = createTally({ by: ['fiscalYear', 'criminality'] });
 * t.add({ apprehensionDate: '2017-09-25', criminality: 'convicted' });
 * t.add({ apprehensionDate: '2017-10-02', criminality: 'convicted' });
 * t.result().rows;
 * // => [{ fiscalYear: 'FY2017', criminality: 'convicted', count: 1 }, { fiscalYear: 'FY2018', criminality: 'convicted', count: 1 }]
 */
export function createTally(options: TallyOptions): Tally {
  const by = [...options.by];
  const excludeDuplicates = options.excludeDuplicates ?? false;
  for (const [i, d] of by.entries()) {
    if (!(tallyDimensions as readonly string[]).includes(d)) {
      throw new IcestatError('invalid_input', `createTally: unknown dimension "${d}"; expected one of ${tallyDimensions.join(', ')}`);
    }
    if (by.indexOf(d) !== i) throw new IcestatError('invalid_input', `createTally: dimension "${d}" is given twice`);
  }
  // Counts live in a trie of Maps, one level per dimension, keyed by the group values: the values
  // are few, repeated, interned strings whose hashes V8 keeps, so a row costs one Map lookup a
  // dimension and builds no key string (the loaders' hot path feeds millions of rows).
  type Level = Map<string, Level | Count>;
  interface Count {
    n: number;
  }
  const root: Level = new Map();
  const total: Count = { n: 0 }; // the single group of a tally by nothing
  let seen = 0;
  let duplicates = 0;

  const count = (values: readonly string[], n: number): void => {
    if (by.length === 0) {
      total.n += n;
      return;
    }
    let level = root;
    const last = by.length - 1;
    for (let i = 0; i < last; i++) {
      const v = values[i]!;
      let next = level.get(v) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(v, next);
      }
      level = next;
    }
    const leaf = level.get(values[last]!) as Count | undefined;
    if (leaf === undefined) level.set(values[last]!, { n });
    else leaf.n += n;
  };

  const entries = (): [string[], number][] => {
    if (by.length === 0) return total.n > 0 ? [[[], total.n]] : [];
    const out: [string[], number][] = [];
    const path: string[] = [];
    const walk = (level: Level, depth: number): void => {
      for (const [v, child] of level) {
        path[depth] = v;
        if (depth === by.length - 1) out.push([path.slice(0, by.length), (child as Count).n]);
        else walk(child as Level, depth + 1);
      }
    };
    walk(root, 0);
    return out;
  };

  const groupValues: string[] = new Array<string>(by.length);
  const tally: Tally = {
    by,
    add(record) {
      seen++;
      if (excludeDuplicates && record.duplicateLikely === true) {
        duplicates++;
        return;
      }
      for (let i = 0; i < by.length; i++) groupValues[i] = groupValue(record, by[i]!);
      count(groupValues, 1);
    },
    addGroup(values, duplicateLikely = false) {
      if (values.length !== by.length) {
        throw new IcestatError('invalid_input', `addGroup: expected ${by.length} values (${by.join(', ')}); received ${values.length}`);
      }
      seen++;
      if (excludeDuplicates && duplicateLikely) {
        duplicates++;
        return;
      }
      count(values, 1);
    },
    merge(other) {
      const s = 'snapshot' in other ? other.snapshot() : other;
      if (s.by.join(',') !== by.join(',') || s.excludeDuplicates !== excludeDuplicates) {
        throw new IcestatError(
          'invalid_input',
          `merge: tallies differ (by ${s.by.join(', ') || 'nothing'}${s.excludeDuplicates ? ', excluding duplicates' : ''} vs by ${by.join(', ') || 'nothing'}${excludeDuplicates ? ', excluding duplicates' : ''})`,
        );
      }
      checkSnapshotGroups(s, by.length);
      seen += s.seen;
      duplicates += s.excluded.duplicates;
      for (const [values, n] of s.groups) count(values, n);
    },
    snapshot() {
      return { by, excludeDuplicates, seen, excluded: { duplicates }, groups: entries() };
    },
    result() {
      const groups = entries().sort(([a], [b]) => compareValues(a, b));
      const rows = groups.map(([values, n]) => {
        const row: Record<string, string | number> = {};
        by.forEach((d, i) => {
          row[d] = values[i] ?? '';
        });
        row.count = n;
        return row as TallyRow;
      });
      return { by, total: seen - duplicates, seen, excluded: { duplicates }, rows };
    },
  };
  return tally;
}
