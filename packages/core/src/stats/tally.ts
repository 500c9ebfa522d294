import { IcestatError } from '../errors';
import type { ArrestRecordField } from '../model/arrest-record';
import { daysInMonth } from '../model/calendar';
import { isRedacted } from '../model/redacted';
import { isUnknownValue } from '../records/record-aors';
import {
  recordDimensions,
  recordTableNames,
  recordTableSpecs,
  type RecordDimension,
  type RecordTableLayout,
  type RecordTableName,
  type RecordTableSpec,
} from '../records/table-specs';
import { fiscalYear, monthKey } from './time';

/**
 * The dimensions a tally of records can group by: time (fiscal year, month, day) and whatever
 * field the record table names for each of the others (its spec's `dimensions`).
 *
 * @example
 * tallyDimensions.includes('releaseReason'); // => true
 */
export const tallyDimensions = recordDimensions;
export type TallyDimension = RecordDimension;

/** A record of any table, as the tally reads it: field name → value. */
export type TallyRecord = { readonly [field: string]: unknown };

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
  /** The record table the records come from, which says what field each dimension reads; `arrests` by default. */
  readonly table?: RecordTableName;
  /** The date field the time dimensions read; the table's main date by default (removals: `departedDate`). */
  readonly date?: string;
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
  /** The first and last date seen on the tally's date field (ISO), when dates were given. */
  readonly dates?: readonly [string, string];
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
  /** The table and the date field the time dimensions read. */
  readonly table: RecordTableName;
  readonly date: string;
  /** The first and last date the records hold on that field (`YYYY-MM-DD`), when any had one. */
  readonly dateRange?: { readonly first: string; readonly last: string };
}

/** A streaming accumulator of arrest records; see {@link createTally}. */
export interface Tally {
  readonly by: readonly TallyDimension[];
  /** Counts one record of the tally's table. */
  add(record: TallyRecord): void;
  /**
   * Counts one record already reduced to its group values, in `by` order (the loaders' fast
   * path); `date` is its date field's value (ISO), for the tally's date range.
   */
  addGroup(values: readonly string[], duplicateLikely?: boolean, date?: string | null): void;
  /** Adds another tally's counts (same `by`, same duplicate rule) into this one. */
  merge(other: Tally | TallySnapshot): void;
  /** The counts so far as a serialisable snapshot. */
  snapshot(): TallySnapshot;
  /** The counts so far as rows. */
  result(): TallyResult;
}

/** A value's kind, for messages: `null`, `a number`, `an array`, … */
function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (x instanceof Uint8Array) return 'a Uint8Array';
  const t = typeof x;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'undefined' : `a ${t}`;
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
      Array.isArray(g) && Array.isArray(g[0]) && g[0].length === dimensions && g[0].every((v) => typeof v === 'string') && Number.isInteger(g[1]) && g[1] >= 0;
    if (!ok) {
      throw new IcestatError(
        'invalid_input',
        `merge: expected each group as [values, count] with ${dimensions} string values and a whole count; received ${JSON.stringify(g)?.slice(0, 120)}`,
      );
    }
  }
}

/**
 * The arrest record field each of the original tally dimensions groups on. Other tables (and the
 * newer dimensions) name their fields in their record table's spec.
 *
 * @example
 * tallyDimensionFields.aor; // => 'apprehensionAor'
 */
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
} as const satisfies Partial<Record<TallyDimension, ArrestRecordField>>);

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
 * date (an ISO date or timestamp, as records hold them), the value itself otherwise (an unknown
 * value's text as written) — or {@link MISSING} for a blank and {@link REDACTED} for a FOIA redaction. The loaders' fast path calls this on
 * normalised cells without building records.
 *
 * @param dimension - The dimension.
 * @param value - The value of the dimension's field ({@link tallyDimensionFields}).
 * @returns The group value.
 * @throws {@link IcestatError} `invalid_input` for a date dimension given something that is not a date.
 * @example
 * groupOf('fiscalYear', '2016-10-01'); // => 'FY2017'
 * groupOf('aor', { redacted: true }); // => '(redacted)'
 * groupOf('aor', { unknown: 'Springfield AOR' }); // => 'Springfield AOR'
 */
export function groupOf(dimension: TallyDimension, value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (isRedacted(value)) return REDACTED;
  if (dimension !== 'fiscalYear' && dimension !== 'month' && dimension !== 'day') return isUnknownValue(value) ? value.unknown : String(value);
  let date = String(value);
  if (date.length > 10 && date.charCodeAt(10) === 84 /* T */) date = date.slice(0, 10); // a timestamp's day
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
 * @param record - A record of the table.
 * @param dimension - The dimension.
 * @param table - The record table; `arrests` by default.
 * @param date - The date field the time dimensions read; the table's main date by default.
 * @returns The group value.
 * @throws {@link IcestatError} `invalid_input` for a dimension the table does not have.
 * @example
 * groupValue({ apprehensionDate: '2016-10-01' }, 'fiscalYear'); // => 'FY2017'
 * groupValue({ departedDate: '2016-10-01', removalDate: '2016-09-30' }, 'fiscalYear', 'removals', 'removalDate'); // => 'FY2016'
 */
export function groupValue(record: TallyRecord, dimension: TallyDimension, table: RecordTableName = 'arrests', date?: string): string {
  return groupOf(dimension, record[fieldOfDimension(recordTableSpecs[table] as RecordTableLayout, dimension, date)]);
}

/**
 * The field a dimension reads in a table: the date field for the time dimensions (the table's
 * main date unless `date` names another), else the table's field for it.
 *
 * @param spec - The table spec.
 * @param dimension - The dimension.
 * @param date - A date field of the table, for the time dimensions.
 * @returns The field name.
 * @throws {@link IcestatError} `invalid_input` when the table has no such dimension or date.
 * @example
 * dimensionField(recordTables.detentions, 'fiscalYear'); // => 'bookInDate'
 * dimensionField(recordTables.detentions, 'releaseReason'); // => 'releaseReason'
 */
export function dimensionField(spec: RecordTableSpec, dimension: TallyDimension, date?: string): string {
  return fieldOfDimension(spec, dimension, date);
}

/** {@link dimensionField} of a spec with or without its model (the tally reads the zod-free specs). */
function fieldOfDimension(spec: RecordTableLayout, dimension: TallyDimension, date?: string): string {
  if (dimension === 'fiscalYear' || dimension === 'month' || dimension === 'day') {
    if (date === undefined) return spec.mainDate;
    if (!spec.dateFields.includes(date)) {
      throw new IcestatError('invalid_input', `date: the ${spec.name} table has no date "${date}"; expected one of ${spec.dateFields.join(', ')}`);
    }
    return date;
  }
  const field = spec.dimensions[dimension];
  if (field === undefined) {
    throw new IcestatError(
      'invalid_input',
      `the ${spec.name} table has no "${dimension}" to group by; expected one of fiscalYear, month, day, ${Object.keys(spec.dimensions).join(', ')}`,
    );
  }
  return field;
}

/**
 * A streaming tally of records of any table (arrests by default) grouped by any of fiscal year,
 * month, day and the dimensions the table has (state, AOR, criminality, citizenship, gender,
 * facility, release reason, …); the time dimensions read the table's main date (removals: departed
 * date) or the `date` asked for. Feed it rows one at a time with `add`;
 * memory grows with the number of groups, never with rows. Tallies of chunks `merge` into the
 * tally of the whole (merge is commutative and associative), so a file can be split across
 * workers. Blank fields count as {@link MISSING} and FOIA-redacted ones as {@link REDACTED}.
 *
 * @param options - Dimensions, the table and date field, and whether to leave out likely duplicates.
 * @returns A {@link Tally}.
 * @throws {@link IcestatError} `invalid_input` for an unknown or repeated dimension, one the table
 *   does not have, or a date that is not the table's.
 * @example
 * const t = createTally({ by: ['fiscalYear', 'criminality'] });
 * t.add({ apprehensionDate: '2017-09-25', criminality: 'convicted' });
 * t.add({ apprehensionDate: '2017-10-02', criminality: 'convicted' });
 * t.result().rows;
 * // => [{ fiscalYear: 'FY2017', criminality: 'convicted', count: 1 }, { fiscalYear: 'FY2018', criminality: 'convicted', count: 1 }]
 */
export function createTally(options: TallyOptions): Tally {
  if (typeof options !== 'object' || options === null || !Array.isArray(options.by)) {
    throw new IcestatError(
      'invalid_input',
      `createTally: options.by: expected an array of dimensions (it may be empty); received ${kindOf(typeof options === 'object' && options !== null ? options.by : options)}`,
    );
  }
  if (options.excludeDuplicates !== undefined && typeof options.excludeDuplicates !== 'boolean') {
    throw new IcestatError('invalid_input', `createTally: options.excludeDuplicates: expected true or false; received ${kindOf(options.excludeDuplicates)}`);
  }
  const by = [...options.by];
  const excludeDuplicates = options.excludeDuplicates ?? false;
  const table = options.table ?? 'arrests';
  if (!(recordTableNames as readonly string[]).includes(table)) {
    throw new IcestatError('invalid_input', `createTally: unknown table "${String(table)}"; expected one of ${recordTableNames.join(', ')}`);
  }
  const spec = recordTableSpecs[table] as RecordTableLayout;
  for (const [i, d] of by.entries()) {
    if (!(tallyDimensions as readonly unknown[]).includes(d)) {
      throw new IcestatError(
        'invalid_input',
        `createTally: unknown dimension ${typeof d === 'string' ? `"${d}"` : kindOf(d)}; expected one of ${tallyDimensions.join(', ')}`,
      );
    }
    if (by.indexOf(d) !== i) throw new IcestatError('invalid_input', `createTally: dimension "${d}" is given twice`);
  }
  const dateField = fieldOfDimension(spec, 'day', options.date);
  const fields = by.map((d) => fieldOfDimension(spec, d, options.date));
  let first: string | undefined;
  let last: string | undefined;
  const seeDate = (value: unknown): void => {
    if (typeof value !== 'string' || value.length < 10) return;
    const day = value.length === 10 ? value : value.slice(0, 10);
    if (first === undefined || day < first) first = day;
    if (last === undefined || day > last) last = day;
  };
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
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        throw new IcestatError('invalid_input', `add: record: expected an arrest record (an object); received ${kindOf(record)}`);
      }
      seen++;
      if (excludeDuplicates && record.duplicateLikely === true) {
        duplicates++;
        return;
      }
      for (let i = 0; i < by.length; i++) groupValues[i] = groupOf(by[i]!, record[fields[i]!]);
      seeDate(record[dateField]);
      count(groupValues, 1);
    },
    addGroup(values, duplicateLikely = false, date) {
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        throw new IcestatError('invalid_input', `addGroup: values: expected an array of ${by.length} strings (${by.join(', ')}); received ${kindOf(values)}`);
      }
      if (values.length !== by.length) {
        throw new IcestatError('invalid_input', `addGroup: expected ${by.length} values (${by.join(', ')}); received ${values.length}`);
      }
      seen++;
      if (excludeDuplicates && duplicateLikely) {
        duplicates++;
        return;
      }
      if (date !== undefined && date !== null) seeDate(date);
      count(values, 1);
    },
    merge(other) {
      if (typeof other !== 'object' || other === null)
        throw new IcestatError('invalid_input', `merge: expected a tally or a tally snapshot; received ${kindOf(other)}`);
      const s = 'snapshot' in other && typeof other.snapshot === 'function' ? other.snapshot() : (other as TallySnapshot);
      const numbers =
        typeof s.seen === 'number' &&
        Number.isInteger(s.seen) &&
        typeof s.excluded === 'object' &&
        s.excluded !== null &&
        Number.isInteger(s.excluded.duplicates);
      if (!Array.isArray(s.by) || typeof s.excludeDuplicates !== 'boolean' || !numbers) {
        throw new IcestatError(
          'invalid_input',
          'merge: expected a tally or a tally snapshot ({ by, excludeDuplicates, seen, excluded: { duplicates }, groups })',
        );
      }
      if (s.by.join(',') !== by.join(',') || s.excludeDuplicates !== excludeDuplicates) {
        throw new IcestatError(
          'invalid_input',
          `merge: tallies differ (by ${s.by.join(', ') || 'nothing'}${s.excludeDuplicates ? ', excluding duplicates' : ''} vs by ${by.join(', ') || 'nothing'}${excludeDuplicates ? ', excluding duplicates' : ''})`,
        );
      }
      checkSnapshotGroups(s, by.length);
      seen += s.seen;
      duplicates += s.excluded.duplicates;
      if (s.dates !== undefined) {
        seeDate(s.dates[0]);
        seeDate(s.dates[1]);
      }
      for (const [values, n] of s.groups) count(values, n);
    },
    snapshot() {
      return {
        by,
        excludeDuplicates,
        seen,
        excluded: { duplicates },
        ...(first !== undefined && last !== undefined ? { dates: [first, last] as const } : {}),
        groups: entries(),
      };
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
      return {
        by,
        total: seen - duplicates,
        seen,
        excluded: { duplicates },
        rows,
        table,
        date: dateField,
        ...(first !== undefined && last !== undefined ? { dateRange: { first, last } } : {}),
      };
    },
  };
  return tally;
}
