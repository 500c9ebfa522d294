import { aors, isoDateSchema, states } from '@icestat/core';
import { groupOf } from '@icestat/core/internal';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  isRedactionMarker,
  mightBeRedactionAt,
  normaliseAor,
  normaliseApprehensionType,
  normaliseBirthYear,
  normaliseBoolean,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseState,
  normaliseTime,
  redactedValue,
  timeOfDate,
} from './normalise';

describe('normaliseCriminality', () => {
  it.each([
    ['1 Convicted Criminal', 'convicted'],
    ['2 Pending Criminal Charges', 'pending-charges'],
    ['3 Other Immigration Violator', 'other-immigration-violator'],
    ['convicted criminal', 'convicted'],
    ['PENDING CRIMINAL CHARGES', 'pending-charges'],
    ['Other Immigration Violator', 'other-immigration-violator'],
    ['1', 'convicted'],
    ['2', 'pending-charges'],
    ['3', 'other-immigration-violator'],
    ['1 - Convicted Criminal', 'convicted'],
    ['pending-charges', 'pending-charges'],
    ['other-immigration-violator', 'other-immigration-violator'],
  ])('%s → %s', (text, expected) => {
    expect(normaliseCriminality(text)).toBe(expected);
  });

  it.each(['4', '4 Unknown', 'Criminal', '', '1 Convicted Criminal extra'])('rejects %j', (text) => {
    expect(normaliseCriminality(text)).toBeUndefined();
  });
});

describe('normaliseAor', () => {
  it('resolves every release name, plain name and code of core’s reference data', () => {
    for (const a of aors) {
      expect(normaliseAor(a.releaseName)).toBe(a.code);
      expect(normaliseAor(a.releaseName.toUpperCase())).toBe(a.code);
      expect(normaliseAor(a.name)).toBe(a.code);
      expect(normaliseAor(a.code)).toBe(a.code);
      expect(normaliseAor(a.code.toLowerCase())).toBe(a.code);
    }
  });

  it.each(['Springfield', 'Springfield AOR', 'XXX', 'HQ'])('rejects %j', (text) => {
    expect(normaliseAor(text)).toBeUndefined();
  });
});

describe('normaliseState', () => {
  it('resolves every postal code and name, in the cases releases use', () => {
    for (const s of states) {
      expect(normaliseState(s.code)).toBe(s.code);
      expect(normaliseState(s.name)).toBe(s.code);
      expect(normaliseState(s.name.toUpperCase())).toBe(s.code);
    }
  });

  it('reads COLORADO as CO and rejects what is no state', () => {
    expect(normaliseState('COLORADO')).toBe('CO');
    expect(normaliseState('Atlantis')).toBeUndefined();
  });
});

describe('normaliseDate and timeOfDate', () => {
  it.each([
    ['2015-10-26', '2015-10-26', undefined],
    ['2015-10-26 00:00:00', '2015-10-26', undefined],
    ['2023-05-11 09:49:00', '2023-05-11', '09:49:00'],
    ['2023-05-11T09:49', '2023-05-11', '09:49'],
    ['2023-05-11 09:49:00.000', '2023-05-11', '09:49:00'],
    ['2017-09-25 9:49', '2017-09-25', '09:49'],
    ['10/26/2015', '2015-10-26', undefined],
    ['1/2/2016', '2016-01-02', undefined],
    ['10/26/2015 0:00', '2015-10-26', undefined],
    ['10/26/2015 9:49', '2015-10-26', '09:49'],
    ['10/26/2015 9:49 PM', '2015-10-26', '21:49'],
    ['10/26/2015 12:05:09 AM', '2015-10-26', '00:05:09'],
    ['2016-02-29', '2016-02-29', undefined], // leap year
    ['2000-02-29', '2000-02-29', undefined], // divisible by 400
    [' 2017-09-25 ', '2017-09-25', undefined],
  ])('%j → %s, time %s', (text, date, time) => {
    expect(normaliseDate(text)).toBe(date);
    expect(timeOfDate(text)).toBe(time);
  });

  it.each([
    '2017-02-30',
    '1900-02-29', // not a leap year
    '2017-13-01',
    '2017-00-10',
    '2017-9-25',
    '20170925',
    '2017-09-25 25:00:00',
    '2017-09-25 09:60',
    '2017-09-25T',
    '2017-09-25 09:49 PM',
    '10/32/2017',
    '13/01/2017',
    '10/26/15',
    '10/26/2015 13:00 PM',
    '10-26-2015',
    'yesterday',
    'NaT',
    // issue #10 item 5: a year must have four digits from 1000 to 2999
    '10/26/0215',
    '0215-10-26',
    '0000-01-01',
    '9999-12-31',
    '3000-01-01',
    '1/1/0999',
  ])('rejects %j', (text) => {
    expect(normaliseDate(text)).toBeUndefined();
    expect(timeOfDate(text)).toBeUndefined();
  });

  it.each(['01/01/0001', '1/1/0001', '01/01/0001 00:00:00', '1/1/0001 12:00 AM', '0001-01-01', '0001-01-01 00:00:00'])(
    "reads ICE's missing-date sentinel %j as missing (null)",
    (text) => {
      expect(normaliseDate(text)).toBeNull();
      expect(timeOfDate(text)).toBeUndefined();
    },
  );

  it('reads the edges of the accepted years', () => {
    expect(normaliseDate('1/1/1000')).toBe('1000-01-01');
    expect(normaliseDate('2999-12-31')).toBe('2999-12-31');
  });

  // Whatever text a date cell holds, a date the reader accepts is one core's schema and tally take.
  const dateish = fc.oneof(
    fc.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4}( \d{1,2}:\d{2})?$/),
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/),
    fc.string({ maxLength: 20 }),
  );
  test.prop([dateish])('every date it accepts is an ISO date core accepts and can tally', (text) => {
    const v = normaliseDate(text);
    if (typeof v !== 'string') return;
    expect(isoDateSchema.safeParse(v).success).toBe(true);
    expect(groupOf('fiscalYear', v)).toMatch(/^FY[12]\d{3}$/);
    expect(groupOf('day', v)).toBe(v);
  });

  const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
  test.prop([day])('reads every real day in ISO and US form alike', (d) => {
    const iso = d.toISOString().slice(0, 10);
    const us = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
    expect(normaliseDate(iso)).toBe(iso);
    expect(normaliseDate(`${iso} 00:00:00`)).toBe(iso);
    expect(normaliseDate(us)).toBe(iso);
  });
});

describe('normaliseTime', () => {
  it('pads hours, keeps midnight, and rejects what is no time', () => {
    expect(normaliseTime('9:49')).toBe('09:49');
    expect(normaliseTime('00:00:00')).toBe('00:00:00');
    expect(normaliseTime('23:59:59.5')).toBe('23:59:59');
    expect(normaliseTime('24:00')).toBeUndefined();
    expect(normaliseTime('9')).toBeUndefined();
  });
});

describe('normaliseBirthYear', () => {
  it.each([
    ['1999', 1999],
    ['1999.0', 1999],
    ['1999.00', 1999],
    ['1900', 1900],
    ['2100', 2100],
  ])('%j → %d', (text, year) => {
    expect(normaliseBirthYear(text)).toBe(year);
  });

  it.each(['1999.5', '1999.', '19x9', '1899', '2101', '99', '01999', '1999.0.0', '-1999'])('rejects %j', (text) => {
    expect(normaliseBirthYear(text)).toBeUndefined();
  });
});

describe('normaliseGender, normaliseApprehensionType, normaliseBoolean', () => {
  it('reads the spellings releases use, in any case', () => {
    expect(['Male', 'M', 'male', 'MALE'].map(normaliseGender)).toEqual(['male', 'male', 'male', 'male']);
    expect(['Female', 'F', 'f'].map(normaliseGender)).toEqual(['female', 'female', 'female']);
    expect(['Unknown', 'U', 'UNKNOWN'].map(normaliseGender)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(normaliseGender('X')).toBeUndefined();
    expect(['Targeted', 'COLLATERAL', 'collateral'].map(normaliseApprehensionType)).toEqual(['targeted', 'collateral', 'collateral']);
    expect(normaliseApprehensionType('Non-Targeted')).toBeUndefined();
    expect(['Yes', 'Y', 'true', 'TRUE', 'True', '1', '1.0'].map(normaliseBoolean)).toEqual(Array(7).fill(true));
    expect(['No', 'N', 'false', 'FALSE', 'False', '0', '0.0'].map(normaliseBoolean)).toEqual(Array(7).fill(false));
    expect(normaliseBoolean('maybe')).toBeUndefined();
  });
});

describe('isRedactionMarker', () => {
  it.each(['(b)(6)(b)(7)(c)', '(b)(6), (b)(7)(c)', 'b(6), b(7)(c)', '(b)(7)(E)', '(b)(6)', '(B)(6)/(B)(7)(C)', '(b)(6) and (b)(7)(c)', ' (b)(6) '])(
    'recognises %j',
    (text) => {
      expect(isRedactionMarker(text)).toBe(true);
    },
  );

  it.each(['BEXAR', 'b', '(b)', 'b6', '(c)(6)', '(b)(6) NOTE', 'Boston', '(BUCKS)', ''])('does not mistake %j for one', (text) => {
    expect(isRedactionMarker(text)).toBe(false);
  });

  test.prop([fc.string({ maxLength: 30 })])('the cheap look never rules out a marker', (s) => {
    if (isRedactionMarker(s)) expect(mightBeRedactionAt(s, 0, s.length)).toBe(true);
  });

  it('gives one frozen value per marker', () => {
    expect(redactedValue('(b)(6)')).toEqual({ redacted: true, marker: '(b)(6)' });
    expect(redactedValue('(b)(6)')).toBe(redactedValue('(b)(6)'));
    expect(Object.isFrozen(redactedValue('(b)(6)'))).toBe(true);
  });
});
