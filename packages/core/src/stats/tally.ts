import { IcestatError } from '../errors';
import { isRedacted, type ArrestRecord } from '../model/arrest-record';
import { fiscalYear } from './time';

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
  /** `[group key, count]`; the key joins the dimension values with U+001F. */
  readonly groups: readonly (readonly [string, number])[];
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

const SEP = '\u001f';

function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return MISSING;
  if (isRedacted(v)) return REDACTED;
  return String(v);
}

function dateKey(v: ArrestRecord['apprehensionDate'], to: 'fiscalYear' | 'month' | 'day'): string {
  if (v === null || v === undefined) return MISSING;
  if (isRedacted(v)) return REDACTED;
  if (to === 'fiscalYear') return `FY${fiscalYear(v)}`;
  return to === 'month' ? v.slice(0, 7) : v.slice(0, 10);
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
  switch (dimension) {
    case 'fiscalYear':
    case 'month':
    case 'day':
      return dateKey(record.apprehensionDate, dimension);
    case 'state':
      return text(record.apprehensionState);
    case 'aor':
      return text(record.apprehensionAor);
    case 'criminality':
      return text(record.criminality);
    case 'citizenship':
      return text(record.citizenshipCountry);
    case 'gender':
      return text(record.gender);
    case 'apprehensionType':
      return text(record.apprehensionType);
  }
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

  const entries = (): [string, number][] => {
    if (by.length === 0) return total.n > 0 || seen - duplicates > 0 ? [['', total.n]] : [];
    const out: [string, number][] = [];
    const walk = (level: Level, prefix: string, depth: number): void => {
      for (const [v, child] of level) {
        const key = depth === 0 ? v : `${prefix}${SEP}${v}`;
        if (depth === by.length - 1) out.push([key, (child as Count).n]);
        else walk(child as Level, key, depth + 1);
      }
    };
    walk(root, '', 0);
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
      seen += s.seen;
      duplicates += s.excluded.duplicates;
      for (const [key, n] of s.groups) count(by.length === 0 ? [] : key.split(SEP), n);
    },
    snapshot() {
      return { by, excludeDuplicates, seen, excluded: { duplicates }, groups: entries() };
    },
    result() {
      const groups = entries().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const rows = groups.map(([key, n]) => {
        const values = by.length === 0 ? [] : key.split(SEP);
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
