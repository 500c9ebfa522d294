import { createTally, recordTables, type TallyDimension } from '@icestat/core';
import { test as prop, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkRecordOptions, groupValueOf, mergeTallies } from './engine';

describe('groupValueOf: --where values as the tally groups them', () => {
  it.each([
    ['aor', 'Seattle Area of Responsibility', 'SEA'],
    ['aor', 'sea', 'SEA'],
    ['aor', 'HQ Area of Responsibility', 'HQ'],
    ['aor', 'Springfield AOR', 'Springfield AOR'],
    ['facility', ' NORTHWEST DET. CENTER ', 'NORTHWEST DET. CENTER'],
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
    ['fiscalYear', 'last year'],
    ['criminality', '4 Unknown'],
  ] as const)('%s %j is no group', (dimension, text) => {
    expect(groupValueOf(dimension, text)).toBeUndefined();
  });
});

describe('checkRecordOptions', () => {
  it('accepts every table the library reads, and refuses an unknown table or date before any input is read', () => {
    for (const table of ['auto', 'arrests', 'encounters', 'removals', 'detainers', 'detentions']) expect(() => checkRecordOptions({ table })).not.toThrow();
    expect(() => checkRecordOptions({})).not.toThrow();
    expect(() => checkRecordOptions({ table: 'removals', date: 'removalDate' })).not.toThrow();
    expect(() => checkRecordOptions({ table: 'bookings' })).toThrow(
      /--table: expected one of auto, arrests, encounters, removals, detainers, detentions; received "bookings"/,
    );
    expect(() => checkRecordOptions({ table: 'arrests', date: 'removalDate' })).toThrow(
      /--date removalDate: the arrests table has no such date; expected one of apprehensionDate/,
    );
    expect(() => checkRecordOptions({ date: 'yesterday' })).toThrow(/--date "yesterday": expected a date field, one of .*departedDate/);
  });
});

describe('mergeTallies', () => {
  const value = fc.constantFrom('SEA', 'CHI', 'FY2016', 'convicted', '(missing)', '(redacted)', 'a,b', '');
  // The arrests table's dimensions (a tally of arrests can group by each of them).
  const arrestDimensions = ['fiscalYear', 'month', 'day', ...Object.keys(recordTables.arrests.dimensions)] as TallyDimension[];
  const dims = fc.shuffledSubarray(arrestDimensions, { minLength: 0, maxLength: 3 });

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
      const merged = mergeTallies(
        parts.map((p) => p.result()),
        by,
      );
      expect(merged).toEqual(whole.result());
      expect(merged.total).toBe(rows.length);
    },
  );

  it('refuses to merge tallies of different tables', () => {
    const arrests = createTally({ by: ['aor'] }).result();
    const removals = createTally({ by: ['aor'], table: 'removals' }).result();
    expect(() => mergeTallies([arrests, removals], ['aor'])).toThrow(/different tables \(arrests, removals\)/);
    expect(mergeTallies([removals, removals], ['aor']).table).toBe('removals');
  });
});
