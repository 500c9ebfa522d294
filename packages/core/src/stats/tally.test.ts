import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { caught } from '../__fixtures__/testing';
import type { ArrestRecord } from '../model/arrest-record';
import { recordTables } from '../records/tables';
import {
  createTally,
  groupValue,
  MISSING,
  REDACTED,
  tallyDimensions,
  type Tally,
  type TallyDimension,
  type TallyOptions,
  type TallyResult,
  type TallyRow,
  type TallySnapshot,
} from './tally';

// The dimensions an arrests tally has: time, and those the arrests table names.
const arrestDimensions = [...tallyDimensions].filter((d) => d === 'fiscalYear' || d === 'month' || d === 'day' || d in recordTables.arrests.dimensions);

// A hand-made release of five rows, with a FOIA redaction, blanks and a likely duplicate.
const records: ArrestRecord[] = [
  { apprehensionDate: '2017-09-25', apprehensionState: 'PA', apprehensionAor: 'PHI', criminality: 'convicted', gender: 'male' },
  { apprehensionDate: '2017-10-02', apprehensionState: 'PA', apprehensionAor: 'PHI', criminality: 'convicted', gender: 'female' },
  {
    apprehensionDate: { redacted: true, marker: '(b)(6)(b)(7)(c)' },
    apprehensionState: 'IL',
    criminality: 'pending-charges',
    gender: { redacted: true },
  },
  { apprehensionDate: null, apprehensionState: null, criminality: null, gender: 'male', duplicateLikely: true },
  { apprehensionDate: '2016-10-01', criminality: 'other-immigration-violator', citizenshipCountry: '', duplicateLikely: false },
];

function tallyOf(rows: readonly ArrestRecord[], options: TallyOptions): Tally {
  const t = createTally(options);
  for (const r of rows) t.add(r);
  return t;
}

describe('groupValue', () => {
  it.each<[ArrestRecord, TallyDimension, string]>([
    // The US federal fiscal year starts on 1 October: FY2017 = 2016-10-01 … 2017-09-30
    [{ apprehensionDate: '2016-10-01' }, 'fiscalYear', 'FY2017'],
    [{ apprehensionDate: '2017-09-30' }, 'fiscalYear', 'FY2017'],
    [{ apprehensionDate: '2017-10-01' }, 'fiscalYear', 'FY2018'],
    [{ apprehensionDate: '2017-09-25' }, 'month', '2017-09'],
    [{ apprehensionDate: '2017-09-25' }, 'day', '2017-09-25'],
    [{ apprehensionDate: { redacted: true } }, 'fiscalYear', REDACTED],
    [{ apprehensionDate: { redacted: true } }, 'month', REDACTED],
    [{ apprehensionDate: null }, 'day', MISSING],
    [{}, 'month', MISSING],
    [{ apprehensionState: 'PA' }, 'state', 'PA'],
    [{ apprehensionState: null }, 'state', MISSING],
    [{ apprehensionAor: 'CHI' }, 'aor', 'CHI'],
    [{ apprehensionAor: { redacted: true, marker: '(b)(7)(e)' } }, 'aor', REDACTED],
    [{ criminality: 'pending-charges' }, 'criminality', 'pending-charges'],
    [{ citizenshipCountry: 'MEXICO' }, 'citizenship', 'MEXICO'],
    [{ citizenshipCountry: '' }, 'citizenship', MISSING],
    [{ gender: 'unknown' }, 'gender', 'unknown'],
    [{ gender: { redacted: true } }, 'gender', REDACTED],
    [{ apprehensionType: 'collateral' }, 'apprehensionType', 'collateral'],
  ])('%j on %s is %s', (record, dimension, value) => {
    expect(groupValue(record, dimension)).toBe(value);
  });

  it('names the blank and redacted groups', () => {
    expect(MISSING).toBe('(missing)');
    expect(REDACTED).toBe('(redacted)');
  });
});

describe('createTally', () => {
  // The whole result of tallying the five records.
  it.each<[string, TallyOptions, Omit<TallyResult, 'table' | 'date' | 'dateRange'>]>([
    [
      'counts by fiscal year, redacted and missing as groups of their own, sorted',
      { by: ['fiscalYear'] },
      {
        by: ['fiscalYear'],
        total: 5,
        seen: 5,
        excluded: { duplicates: 0 },
        rows: [
          { fiscalYear: '(missing)', count: 1 },
          { fiscalYear: '(redacted)', count: 1 },
          { fiscalYear: 'FY2017', count: 2 },
          { fiscalYear: 'FY2018', count: 1 },
        ],
      },
    ],
    [
      'leaves out likely duplicates when asked, and counts them',
      { by: ['fiscalYear'], excludeDuplicates: true },
      {
        by: ['fiscalYear'],
        total: 4,
        seen: 5,
        excluded: { duplicates: 1 },
        rows: [
          { fiscalYear: '(redacted)', count: 1 },
          { fiscalYear: 'FY2017', count: 2 },
          { fiscalYear: 'FY2018', count: 1 },
        ],
      },
    ],
  ])('%s', (_, options, expected) => {
    const { table, date, dateRange: _range, ...result } = tallyOf(records, options).result();
    expect(result).toEqual(expected);
    expect([table, date]).toEqual(['arrests', 'apprehensionDate']);
  });

  // The rows of tallying the five records by more than one dimension.
  it.each<[string, TallyOptions, TallyRow[]]>([
    [
      'two dimensions',
      { by: ['criminality', 'gender'] },
      [
        { criminality: '(missing)', gender: 'male', count: 1 },
        { criminality: 'convicted', gender: 'female', count: 1 },
        { criminality: 'convicted', gender: 'male', count: 1 },
        { criminality: 'other-immigration-violator', gender: '(missing)', count: 1 },
        { criminality: 'pending-charges', gender: '(redacted)', count: 1 },
      ],
    ],
    [
      'state and month',
      { by: ['state', 'month'] },
      [
        { state: '(missing)', month: '(missing)', count: 1 },
        { state: '(missing)', month: '2016-10', count: 1 },
        { state: 'IL', month: '(redacted)', count: 1 },
        { state: 'PA', month: '2017-09', count: 1 },
        { state: 'PA', month: '2017-10', count: 1 },
      ],
    ],
  ])('counts by %s', (_, options, rows) => {
    expect(tallyOf(records, options).result().rows).toEqual(rows);
  });

  it('follows its doc example: FY2017 and FY2018 convicted', () => {
    const t = createTally({ by: ['fiscalYear', 'criminality'] });
    t.add({ apprehensionDate: '2017-09-25', criminality: 'convicted' });
    t.add({ apprehensionDate: '2017-10-02', criminality: 'convicted' });
    expect(t.result().rows).toEqual([
      { fiscalYear: 'FY2017', criminality: 'convicted', count: 1 },
      { fiscalYear: 'FY2018', criminality: 'convicted', count: 1 },
    ]);
  });

  it('gives a single total without dimensions, and no rows before any record', () => {
    expect(tallyOf(records, { by: [] }).result()).toEqual({
      by: [],
      total: 5,
      seen: 5,
      excluded: { duplicates: 0 },
      rows: [{ count: 5 }],
      table: 'arrests',
      date: 'apprehensionDate',
      dateRange: { first: '2016-10-01', last: '2017-10-02' },
    });
    expect(createTally({ by: ['state'] }).result()).toEqual({
      by: ['state'],
      total: 0,
      seen: 0,
      excluded: { duplicates: 0 },
      rows: [],
      table: 'arrests',
      date: 'apprehensionDate',
    });
  });

  it('rejects an unknown or repeated dimension (invalid_input)', () => {
    const unknown = (): unknown => createTally({ by: ['state', 'county' as TallyDimension] });
    expect(unknown).toThrow(
      /^createTally: unknown dimension "county"; expected one of fiscalYear, month, day, state, aor, criminality, citizenship, gender, apprehensionType, facility, releaseReason/,
    );
    expect(caught(unknown).code).toBe('invalid_input');
    const twice = (): unknown => createTally({ by: ['state', 'aor', 'state'] });
    expect(twice).toThrow(/^createTally: dimension "state" is given twice$/);
    expect(caught(twice).code).toBe('invalid_input');
  });

  it('rejects merging tallies that differ (invalid_input)', () => {
    const byState = (): Tally => createTally({ by: ['state'] });
    const otherDims = (): void => byState().merge(createTally({ by: ['aor'] }));
    expect(otherDims).toThrow(/^merge: tallies differ \(by aor vs by state\)$/);
    expect(caught(otherDims).code).toBe('invalid_input');
    const otherRule = (): void => byState().merge(createTally({ by: ['state'], excludeDuplicates: true }));
    expect(otherRule).toThrow(/^merge: tallies differ \(by state, excluding duplicates vs by state\)$/);
    expect(caught(otherRule).code).toBe('invalid_input');
    const otherOrder = (): void => createTally({ by: ['state', 'aor'] }).merge(createTally({ by: ['aor', 'state'] }).snapshot());
    expect(caught(otherOrder).code).toBe('invalid_input');
  });

  it('rejects addGroup with the wrong number of values (invalid_input)', () => {
    const f = (): void => createTally({ by: ['state', 'aor'] }).addGroup(['PA']);
    expect(f).toThrow(/^addGroup: expected 2 values \(state, aor\); received 1$/);
    expect(caught(f).code).toBe('invalid_input');
  });

  it('keeps a value holding U+001F in its own dimension, through add, snapshot and merge', () => {
    // Reproducer of issue #10 item 2: group values used to be joined with U+001F and split again.
    const t = createTally({ by: ['citizenship', 'aor'] });
    t.addGroup(['X\u001fNYC', 'CHI']);
    t.addGroup(['MEXICO', 'CHI']);
    const merged = createTally({ by: ['citizenship', 'aor'] });
    merged.merge(JSON.parse(JSON.stringify(t.snapshot())));
    const rows = [
      { citizenship: 'MEXICO', aor: 'CHI', count: 1 },
      { citizenship: 'X\u001fNYC', aor: 'CHI', count: 1 },
    ];
    expect(t.result().rows).toEqual(rows);
    expect(merged.result().rows).toEqual(rows);
  });

  it('rejects a snapshot whose groups do not fit its dimensions, before counting any (invalid_input)', () => {
    const t = createTally({ by: ['aor'] });
    const bad = {
      by: ['aor'],
      excludeDuplicates: false,
      seen: 2,
      excluded: { duplicates: 0 },
      groups: [
        [['CHI'], 1],
        [['CHI', 'NYC'], 1],
      ],
    } as unknown as TallySnapshot;
    const f = (): void => t.merge(bad);
    expect(f).toThrow(/^merge: expected each group as \[values, count\] with 1 string values/);
    expect(caught(f).code).toBe('invalid_input');
    expect(t.result().seen).toBe(0);
  });

  it('checks its arguments: wrong types give invalid_input naming the parameter (issue #10 item 10)', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => createTally(null as never), /^createTally: options\.by: expected an array of dimensions \(it may be empty\); received null$/],
      [() => createTally({ by: 'aor' } as never), /^createTally: options\.by: expected an array of dimensions \(it may be empty\); received a string$/],
      [() => createTally({ by: [3] } as never), /^createTally: unknown dimension a number; expected one of/],
      [() => createTally({ by: [], excludeDuplicates: 1 } as never), /^createTally: options\.excludeDuplicates: expected true or false; received a number$/],
      [() => createTally({ by: [] }).add(null as never), /^add: record: expected an arrest record \(an object\); received null$/],
      [() => createTally({ by: ['aor'] }).addGroup('CHI' as never), /^addGroup: values: expected an array of 1 strings \(aor\); received a string$/],
      [() => createTally({ by: ['aor'] }).addGroup([null] as never), /^addGroup: values: expected an array of 1 strings/],
      [() => createTally({ by: [] }).merge(null as never), /^merge: expected a tally or a tally snapshot; received null$/],
      [
        () => createTally({ by: [] }).merge({ by: [] } as never),
        /^merge: expected a tally or a tally snapshot \(\{ by, excludeDuplicates, seen, excluded: \{ duplicates \}, groups \}\)$/,
      ],
    ];
    for (const [f, message] of cases) {
      expect(f).toThrow(message);
      expect(caught(f).code).toBe('invalid_input');
    }
  });

  it('merges a snapshot sent through JSON', () => {
    const a = tallyOf(records.slice(0, 2), { by: ['fiscalYear'] });
    const b = tallyOf(records.slice(2), { by: ['fiscalYear'] });
    a.merge(JSON.parse(JSON.stringify(b.snapshot())));
    expect(a.result()).toEqual(tallyOf(records, { by: ['fiscalYear'] }).result());
  });
});

// ---------------------------------------------------------------------------------------------
// properties

const redacted = fc.constant({ redacted: true as const, marker: '(b)(6)' });
/** A field value, sometimes blank (null), sometimes withheld. */
function field<T>(values: fc.Arbitrary<T>) {
  return fc.oneof({ arbitrary: values, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: redacted, weight: 1 });
}
const date = fc.oneof(
  // fiscal-year and month edges, so groups collide
  fc.constantFrom('2016-09-30', '2016-10-01', '2017-09-25', '2017-10-02', '2018-02-28', '2020-02-29'),
  fc.date({ min: new Date('2014-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const record: fc.Arbitrary<ArrestRecord> = fc.record(
  {
    apprehensionDate: field(date),
    apprehensionState: field(fc.constantFrom('PA', 'IL', 'TX', 'CA')),
    apprehensionAor: field(fc.constantFrom('PHI', 'CHI', 'DAL', 'LOS')),
    criminality: field(fc.constantFrom('convicted', 'pending-charges', 'other-immigration-violator')),
    citizenshipCountry: field(fc.constantFrom('MEXICO', 'GUATEMALA', 'HONDURAS', '')),
    gender: field(fc.constantFrom('male', 'female', 'unknown')),
    apprehensionType: field(fc.constantFrom('targeted', 'collateral')),
    duplicateLikely: field(fc.boolean()),
  },
  { requiredKeys: [] },
);
const rows = fc.array(record, { maxLength: 60 });
const options: fc.Arbitrary<TallyOptions> = fc.record({
  by: fc.shuffledSubarray(arrestDimensions, { maxLength: 3 }),
  excludeDuplicates: fc.boolean(),
});

describe('tally properties', () => {
  test.prop([rows, options])('each row counts exactly the records with its group values; totals add up', (rs, opts) => {
    const r = tallyOf(rs, opts).result();
    const kept = rs.filter((x) => !(opts.excludeDuplicates === true && x.duplicateLikely === true));
    expect(r.seen).toBe(rs.length);
    expect(r.excluded.duplicates).toBe(rs.length - kept.length);
    expect(r.total).toBe(kept.length);
    expect(r.rows.reduce((s, row) => s + row.count, 0)).toBe(kept.length);
    for (const row of r.rows) {
      const expected = kept.filter((x) => opts.by.every((d) => groupValue(x, d) === row[d])).length;
      expect(row.count).toBe(expected);
      expect(row.count).toBeGreaterThan(0);
    }
    const keys = r.rows.map((row) => JSON.stringify(opts.by.map((d) => row[d])));
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < r.rows.length; i++) {
      const prev = opts.by.map((d) => r.rows[i - 1]![d]!);
      const cur = opts.by.map((d) => r.rows[i]![d]!);
      const k = prev.findIndex((v, j) => v !== cur[j]);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(prev[k]! < cur[k]!).toBe(true);
    }
  });

  test.prop([rows, options, fc.nat()])('tallying two chunks and merging is tallying the whole', (rs, opts, k) => {
    const at = rs.length === 0 ? 0 : k % (rs.length + 1);
    const a = tallyOf(rs.slice(0, at), opts);
    a.merge(tallyOf(rs.slice(at), opts));
    expect(a.result()).toEqual(tallyOf(rs, opts).result());
  });

  test.prop([rows, options, fc.nat(), fc.nat()])('three chunks merge to the whole, whichever way they are grouped', (rs, opts, i, j) => {
    const [x, y] = [i % (rs.length + 1), j % (rs.length + 1)].sort((p, q) => p - q) as [number, number];
    const chunks = [rs.slice(0, x), rs.slice(x, y), rs.slice(y)] as const;
    const whole = tallyOf(rs, opts).result();
    // (a + b) + c
    const left = tallyOf(chunks[0], opts);
    left.merge(tallyOf(chunks[1], opts));
    left.merge(tallyOf(chunks[2], opts));
    // a + (b + c)
    const bc = tallyOf(chunks[1], opts);
    bc.merge(tallyOf(chunks[2], opts));
    const right = tallyOf(chunks[0], opts);
    right.merge(bc);
    // (c + a) + b
    const shuffled = tallyOf(chunks[2], opts);
    shuffled.merge(tallyOf(chunks[0], opts));
    shuffled.merge(tallyOf(chunks[1], opts));
    expect(left.result()).toEqual(whole);
    expect(right.result()).toEqual(whole);
    expect(shuffled.result()).toEqual(whole);
  });

  test.prop([rows, rows, options])('merge is commutative', (as, bs, opts) => {
    const ab = tallyOf(as, opts);
    ab.merge(tallyOf(bs, opts));
    const ba = tallyOf(bs, opts);
    ba.merge(tallyOf(as, opts));
    expect(ab.result()).toEqual(ba.result());
  });

  test.prop([rows, rows, options])('a snapshot survives JSON and merges the same', (as, bs, opts) => {
    const b = tallyOf(bs, opts);
    const snap = b.snapshot();
    const sent = JSON.parse(JSON.stringify(snap));
    expect(sent).toEqual(snap);
    const direct = tallyOf(as, opts);
    direct.merge(b);
    const viaJson = tallyOf(as, opts);
    viaJson.merge(sent);
    expect(viaJson.result()).toEqual(direct.result());
    // Merging into an empty tally restores the counts.
    const restored = createTally(opts);
    restored.merge(sent);
    expect(restored.result()).toEqual(b.result());
  });

  // Any text, separators and control characters included, stays in the dimension it was added to.
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\u001f', 'a\u001fb', '\u0000', ''));
  test.prop([fc.array(fc.tuple(anyText, anyText), { maxLength: 40 }), fc.nat()])('group values of any text survive snapshot and merge', (pairs, k) => {
    const at = pairs.length === 0 ? 0 : k % (pairs.length + 1);
    const a = createTally({ by: ['citizenship', 'aor'] });
    const b = createTally({ by: ['citizenship', 'aor'] });
    for (const [i, p] of pairs.entries()) (i < at ? a : b).addGroup(p);
    a.merge(JSON.parse(JSON.stringify(b.snapshot())));
    const expected = new Map<string, number>();
    for (const p of pairs) expected.set(JSON.stringify(p), (expected.get(JSON.stringify(p)) ?? 0) + 1);
    const got = new Map(a.result().rows.map((r) => [JSON.stringify([r.citizenship, r.aor]), r.count]));
    expect(got).toEqual(expected);
  });

  test.prop([rows, options])('addGroup with groupValue values is add', (rs, opts) => {
    const viaAdd = tallyOf(rs, opts);
    const viaGroups = createTally(opts);
    for (const r of rs)
      viaGroups.addGroup(
        opts.by.map((d) => groupValue(r, d)),
        r.duplicateLikely === true,
        r.apprehensionDate as string | null | undefined,
      );
    expect(viaGroups.result()).toEqual(viaAdd.result());
    expect(viaGroups.snapshot()).toEqual(viaAdd.snapshot());
  });
});
