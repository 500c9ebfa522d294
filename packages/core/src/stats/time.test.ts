import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { caught, monthsCase, trueDays, weeksCase } from '../__fixtures__/testing';
import { dateOfDayNumber, dayNumber, fiscalYearBounds, type Period } from '../model/period';
import { isLeapYear } from '../model/primitives';
import { contains } from './estimate';
import { daysInPeriod, fiscalYear, fiscalYearKey, monthKey } from './time';

const FIRST = dayNumber('1950-01-01');
const LAST = dayNumber('2100-12-31');
/** Any date from 1950 to 2100. */
const date = fc.integer({ min: FIRST, max: LAST }).map(dateOfDayNumber);
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('T', ' '))
  .map(([h, m, s, sep]) => `${sep}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`);

describe('fiscalYear', () => {
  it.each([
    // The US federal fiscal year starts on 1 October: FY2017 = 2016-10-01 … 2017-09-30
    ['2016-09-30', 2016],
    ['2016-10-01', 2017],
    ['2016-12-31', 2017],
    ['2017-01-01', 2017],
    ['2017-09-30', 2017],
    ['2017-10-01', 2018],
    // leap days fall in the fiscal year of their calendar year
    ['2016-02-29', 2016],
    ['2000-02-29', 2000],
    // a time after the date is ignored
    ['2016-10-01T00:00:00Z', 2017],
    ['2016-09-30 23:59:59', 2016],
    ['2016-09-30T23:59:59-05:00', 2016],
  ])('%s is in FY%i', (d, fy) => {
    expect(fiscalYear(d)).toBe(fy);
  });

  it.each(['2017-02-29', '1900-02-29', '2016-13-01', '2016-00-10', '2016-09-31', '2016-9-30', 'yesterday', ''])('rejects "%s" (invalid_input)', (d) => {
    expect(() => fiscalYear(d)).toThrow(`fiscalYear: expected a date written YYYY-MM-DD; received "${d}"`);
    expect(caught(() => fiscalYear(d)).code).toBe('invalid_input');
  });

  it('rejects a mistyped day "2016-09-301" and junk after a date', () => {
    expect(caught(() => fiscalYear('2016-09-301')).code).toBe('invalid_input');
    expect(caught(() => fiscalYear('2016-10-01x')).code).toBe('invalid_input');
    expect(fiscalYear('2023-05-11 09:49:00')).toBe(2023);
    expect(fiscalYear('2023-10-11T09:49')).toBe(2024);
  });

  test.prop([fc.integer({ min: 1950, max: 2100 })])('30 September ends FY y, 1 October starts FY y+1', (y) => {
    expect(fiscalYear(`${y}-09-30`)).toBe(y);
    expect(fiscalYear(`${y}-10-01`)).toBe(y + 1);
  });

  test.prop([date])('every date lies within the bounds of its fiscal year', (d) => {
    const [start, end] = fiscalYearBounds(fiscalYear(d));
    expect(start <= d && d <= end).toBe(true);
  });

  test.prop([date, time])('ignores a time after the date', (d, t) => {
    expect(fiscalYear(d + t)).toBe(fiscalYear(d));
    expect(fiscalYearKey(d + t)).toBe(fiscalYearKey(d));
    expect(monthKey(d + t)).toBe(monthKey(d));
  });
});

describe('fiscalYearKey and monthKey', () => {
  it('groups 2017-09-25 under FY2017 and 2017-10-02 under FY2018', () => {
    expect(fiscalYearKey('2017-09-25')).toBe('FY2017');
    expect(fiscalYearKey('2017-10-02')).toBe('FY2018');
  });

  it('keys months YYYY-MM', () => {
    expect(monthKey('2017-09-25 09:49:00')).toBe('2017-09');
    expect(monthKey('2016-02-29')).toBe('2016-02');
  });

  it('rejects impossible dates (invalid_input)', () => {
    expect(() => monthKey('2016-13-01')).toThrow(/^monthKey: expected a date written YYYY-MM-DD; received "2016-13-01"$/);
    expect(caught(() => monthKey('2017-02-29')).code).toBe('invalid_input');
    expect(caught(() => fiscalYearKey('2017-02-29')).code).toBe('invalid_input');
  });

  test.prop([date])('agree with fiscalYear and the date text', (d) => {
    expect(fiscalYearKey(d)).toBe(`FY${fiscalYear(d)}`);
    expect(monthKey(d)).toBe(d.slice(0, 7));
  });
});

describe('daysInPeriod', () => {
  it('counts both ends of day-precise dates: 9 May – 13 June 2016 is 36 days (report 000)', () => {
    expect(daysInPeriod({ start: '2016-05-09', end: '2016-06-13' })).toEqual({ value: 36, low: 36, high: 36, unit: 'days' });
    expect(daysInPeriod({ start: '2016-05-09', end: '2016-06-13', precision: 'day' }).value).toBe(36);
    // 21–25 September 2019 is five days (report 004)
    expect(daysInPeriod({ start: '2019-09-21', end: '2019-09-25' }).value).toBe(5);
    expect(daysInPeriod({ start: '2025-01-26', end: '2025-01-26' }).value).toBe(1);
  });

  it('takes a stated duration: "four-day raids" (report 002)', () => {
    expect(daysInPeriod({ days: 4 })).toEqual({ value: 4, low: 4, high: 4, unit: 'days' });
    // A stated duration wins over month-precise dates: five days some time in June 2019 (report 004).
    expect(daysInPeriod({ start: '2019-06-01', end: '2019-06-30', days: 5, precision: 'month' })).toEqual({ value: 5, low: 5, high: 5, unit: 'days' });
  });

  it('month precision: "in August" 2019 is 31 days at most, 1 at least', () => {
    expect(daysInPeriod({ start: '2019-08-01', end: '2019-08-31', precision: 'month' })).toEqual({ value: 31, low: 1, high: 31, unit: 'days' });
  });

  it('month precision across months: FY2017 start to March 2019 is 912 days, at least 852 (computed by hand)', () => {
    // 2016-10-01 … 2019-03-31 = 365 + 365 + 182 = 912; the latest start 2016-10-31 and earliest end
    // 2019-03-01 leave 912 − 30 − 30 = 852.
    expect(daysInPeriod({ start: '2016-10-01', end: '2019-03-31', precision: 'month' })).toEqual({ value: 912, low: 852, high: 912, unit: 'days' });
  });

  it('week precision: "that week" (report 004, recorded as 21–27 September 2019) is 1 to 7 days', () => {
    expect(daysInPeriod({ start: '2019-09-21', end: '2019-09-27', precision: 'week' })).toEqual({ value: 7, low: 1, high: 7, unit: 'days' });
    // Two weeks: the latest start (7 Sept) and earliest end (8 Sept) leave 2 days (computed by hand).
    expect(daysInPeriod({ start: '2019-09-01', end: '2019-09-14', precision: 'week' })).toEqual({ value: 14, low: 2, high: 14, unit: 'days' });
  });

  it('year precision: 2011 is 1 to 365 days; 2015–2016 is 731, at least 2 (computed by hand)', () => {
    expect(daysInPeriod({ start: '2011-01-01', end: '2011-12-31', precision: 'year' })).toEqual({ value: 365, low: 1, high: 365, unit: 'days' });
    expect(daysInPeriod({ start: '2015-01-01', end: '2016-12-31', precision: 'year' })).toEqual({ value: 731, low: 2, high: 731, unit: 'days' });
  });

  it.each([
    // FY2016 = 2015-10-01 … 2016-09-30 holds 2016-02-29
    [2016, 366],
    [2017, 365],
    [2020, 366],
    // FY2000 holds 2000-02-29 (divisible by 400); FY1900 and FY2100 have no leap day
    [2000, 366],
    [1900, 365],
    [2100, 365],
  ])('fiscal year FY%i has %i days', (fy, days) => {
    expect(daysInPeriod({ fiscalYear: fy })).toEqual({ value: days, low: days, high: days, unit: 'days' });
  });

  it('a fiscal year is exact whatever the precision says', () => {
    expect(daysInPeriod({ fiscalYear: 2017, precision: 'month' })).toEqual({ value: 365, low: 365, high: 365, unit: 'days' });
    expect(daysInPeriod({ fiscalYear: 2017, start: '2016-10-01', end: '2017-09-30' }).value).toBe(365);
  });

  it('is not determinable without a duration, both dates or a fiscal year (not_determinable)', () => {
    // ICE ERO arrests "in 2011" (report 004): a year without dates
    const year2011: Period = { precision: 'year', label: '2011' };
    expect(() => daysInPeriod(year2011)).toThrow(/^daysInPeriod: the period "2011" has no duration, no start and end, and no fiscal year$/);
    expect(caught(() => daysInPeriod(year2011)).code).toBe('not_determinable');
    // CBP apprehensions "since the start of the 2017 fiscal year" (report 004): no end
    expect(caught(() => daysInPeriod({ start: '2016-10-01' })).code).toBe('not_determinable');
    expect(() => daysInPeriod({})).toThrow(/^daysInPeriod: the period has no duration, no start and end, and no fiscal year$/);
  });

  it('rejects an end before the start (invalid_input)', () => {
    const f = (): unknown => daysInPeriod({ start: '2016-06-13', end: '2016-05-09' });
    expect(f).toThrow(/^daysInPeriod: the period ends \(2016-05-09\) before it starts \(2016-06-13\)$/);
    expect(caught(f).code).toBe('invalid_input');
  });

  test.prop([fc.integer({ min: 1901, max: 2199 })])('a fiscal year has 366 days exactly when it holds 29 February', (fy) => {
    expect(daysInPeriod({ fiscalYear: fy }).value).toBe(isLeapYear(fy) ? 366 : 365);
  });

  test.prop([fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })])(
    'day-precise lengths add up: a … b plus b+1 … c is a … c',
    (a, n, m) => {
      const [s, b, c] = [a, a + n, a + n + m].map(dateOfDayNumber) as [string, string, string];
      const next = dateOfDayNumber(a + n + 1);
      expect(daysInPeriod({ start: s, end: b }).value).toBe(n + 1);
      expect(daysInPeriod({ start: s, end: b }).value + daysInPeriod({ start: next, end: c }).value).toBe(daysInPeriod({ start: s, end: c }).value);
    },
  );

  /**
   * A period known to the week, month or year, written at the outer edges of its units (the
   * dataset's convention), with where the true first and last day may lie.
   */
  const coarse = fc.oneof(
    fc.tuple(fc.integer({ min: 1950, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 })).map(([y, m, k]) => monthsCase(y, m, k)),
    fc.tuple(fc.integer({ min: FIRST, max: LAST - 1000 }), fc.integer({ min: 0, max: 20 })).map(([s, k]) => weeksCase(s, k)),
    fc.tuple(fc.integer({ min: 1950, max: 2090 }), fc.integer({ min: 0, max: 5 })).map(([y, k]) => {
      const start = `${y}-01-01`;
      const end = `${y + k}-12-31`;
      return {
        period: { start, end, precision: 'year' } satisfies Period,
        starts: [dayNumber(start), dayNumber(`${y}-12-31`)] as const,
        ends: [dayNumber(`${y + k}-01-01`), dayNumber(end)] as const,
      };
    }),
  );
  const frac = fc.double({ min: 0, max: 1, noNaN: true });

  test.prop([coarse, frac, frac])('soundness: any true first and last day the precision allows give a length inside', (c, u, v) => {
    const d = daysInPeriod(c.period);
    expect(contains(d, trueDays(c, u, v))).toBe(true);
    // Both ends of the interval are reached: the span itself and the tightest dates.
    expect(d.high).toBe(c.ends[1] - c.starts[0] + 1);
    expect(d.low).toBe(Math.max(1, c.ends[0] - c.starts[1] + 1));
    expect(d.value).toBe(d.high);
  });

  test.prop([coarse])('a coarser precision never narrows the length', (c) => {
    const exact = daysInPeriod({ start: c.period.start, end: c.period.end });
    const d = daysInPeriod(c.period);
    expect(d.low).toBeLessThanOrEqual(exact.low);
    expect(d.high).toBeGreaterThanOrEqual(exact.high);
  });

  it('lets month-precise dates inside their months span the whole months', () => {
    const d = daysInPeriod({ start: '2019-08-15', end: '2019-08-20', precision: 'month' });
    expect(d).toEqual({ value: 6, low: 1, high: 31, unit: 'days' });
    expect(contains(d, 31)).toBe(true);
  });
});
