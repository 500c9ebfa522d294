import { createTally, tallyDimensions, type TallyDimension } from '@icestat/core';
import { test as prop, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { binaryFormat, checkRecordOptions, groupValueOf, mergeTallies } from './engine';

describe('groupValueOf: --where values as the tally groups them', () => {
  it.each([
    ['aor', 'Seattle Area of Responsibility', 'SEA'],
    ['aor', 'sea', 'SEA'],
    ['state', 'WASHINGTON', 'WA'],
    ['criminality', '1 Convicted Criminal', 'convicted'],
    ['criminality', 'pending-charges', 'pending-charges'],
    ['fiscalYear', '2016', 'FY2016'],
    ['fiscalYear', 'fy2016', 'FY2016'],
    ['day', '10/1/2015', '2015-10-01'],
    ['month', '2015-10', '2015-10'],
    ['gender', 'F', 'female'],
    ['aor', 'missing', '(missing)'],
    ['criminality', '(redacted)', '(redacted)'],
  ] as const)('%s %j → %j', (dimension, text, group) => {
    expect(groupValueOf(dimension, text)).toBe(group);
  });

  it.each([
    ['aor', 'Springfield'],
    ['fiscalYear', 'last year'],
    ['criminality', '4 Unknown'],
  ] as const)('%s %j is no group', (dimension, text) => {
    expect(groupValueOf(dimension, text)).toBeUndefined();
  });
});

describe('checkRecordOptions', () => {
  it('accepts what this version reads, and names the loaders for what it does not', () => {
    expect(() => checkRecordOptions({ table: 'arrests' })).not.toThrow();
    expect(() => checkRecordOptions({})).not.toThrow();
    expect(() => checkRecordOptions({ table: 'detainers' })).toThrowErrorMatchingInlineSnapshot(
      `[IcestatError: --table detainers: not supported by this version of @icestat/loaders, which reads arrest records only (--table arrests)]`,
    );
    expect(() => checkRecordOptions({ table: 'bookings' })).toThrow(/--table: expected one of auto, arrests, detainers, encounters, removals, detention-stints; received "bookings"/);
    expect(() => checkRecordOptions({ sheet: 'Arrests' })).toThrow(/workbooks are not supported by this version of @icestat\/loaders/);
  });
});

describe('binaryFormat', () => {
  it('knows gzip, zip (xlsx), Parquet and old Excel by their first bytes; text is none of them', () => {
    expect(binaryFormat(Uint8Array.of(0x1f, 0x8b, 8, 0))).toBe('a gzip-compressed file');
    expect(binaryFormat(Uint8Array.of(0x50, 0x4b, 3, 4))).toMatch(/zip/);
    expect(binaryFormat(new TextEncoder().encode('PAR1'))).toBe('a Parquet file');
    expect(binaryFormat(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0))).toMatch(/xls/);
    expect(binaryFormat(new TextEncoder().encode('Apprehension Date,'))).toBeUndefined();
    expect(binaryFormat(new Uint8Array(0))).toBeUndefined();
  });
});

describe('mergeTallies', () => {
  const value = fc.constantFrom('SEA', 'CHI', 'FY2016', 'convicted', '(missing)', '(redacted)', 'a,b', '');
  const dims = fc.shuffledSubarray([...tallyDimensions], { minLength: 0, maxLength: 3 });

  prop.prop([dims, fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { maxLength: 60 }), fc.array(fc.nat(5), { maxLength: 60 })])(
    'the merge of the tallies of parts is the tally of the whole',
    (by: TallyDimension[], rows, cuts) => {
      const whole = createTally({ by });
      const parts = [createTally({ by }), createTally({ by }), createTally({ by })];
      rows.forEach((r, i) => {
        const g = r.slice(0, by.length);
        whole.addGroup(g);
        parts[(cuts[i] ?? 0) % 3]!.addGroup(g);
      });
      const merged = mergeTallies(parts.map((p) => p.result()), by);
      expect(merged).toEqual(whole.result());
      expect(merged.total).toBe(rows.length);
    },
  );
});
