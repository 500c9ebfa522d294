// ratePerDay and annualRate.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { caught, expectInside, expectNoLower, expectWithin, monthsCase, shift, trueDays, weeksCase, type PeriodCase } from '../__fixtures__/testing';
import { dateOfDayNumber, dayNumber } from '../model/period';
import { annualRate, DAYS_PER_YEAR } from './annual-rate';
import type { Estimate } from './estimate';
import { quantity } from './quantity';
import { ratePerDay } from './rate-per-day';

describe('ratePerDay', () => {
  it('331 over 9 May – 13 June 2016 (36 days) is ≈ 9.2 a day (report 000)', () => {
    const r = ratePerDay(quantity(331), { start: '2016-05-09', end: '2016-06-13' });
    expect(r.value).toBeCloseTo(331 / 36, 9);
    expect(r.value).toBeCloseTo(9.19, 2);
    expect(r).toMatchObject({ unit: 'people-per-day' });
    expect(r.low).toBe(r.value);
    expect(r.high).toBe(r.value);
  });

  it('"nearly 500" over four days is 125 a day, in [112.5, 125] (report 002; by hand: 450/4, 500/4)', () => {
    expect(ratePerDay(quantity(500, 'nearly'), { days: 4 })).toEqual({ value: 125, low: 112.5, high: 125, unit: 'people-per-day' });
  });

  it('498 over four days is 124.5 a day; 597 over 21–25 Sept 2019 is 119.4 (reports 002, 004)', () => {
    expect(ratePerDay(quantity(498), { days: 4 }).value).toBe(124.5);
    expect(ratePerDay(quantity(597), { start: '2019-09-21', end: '2019-09-25' }).value).toBeCloseTo(119.4, 9);
  });

  it('takes a figure', () => {
    expect(ratePerDay({ quantity: quantity(331) }, { days: 36 }).value).toBeCloseTo(331 / 36, 9);
  });

  it('widens with a month-precise period: 680 "in August" is 680/31 a day, up to 680 (report 004; computed by hand)', () => {
    const r = ratePerDay(quantity(680), { start: '2019-08-01', end: '2019-08-31', precision: 'month' });
    expect(r.value).toBeCloseTo(680 / 31, 9);
    expect(r.low).toBeCloseTo(680 / 31, 9);
    expect(r.high).toBe(680);
  });

  it('"nearly 1,300" over "that week" (1–7 days) runs from 1170/7 to 1300 (report 004; computed by hand)', () => {
    const r = ratePerDay(quantity(1300, 'nearly'), { start: '2019-09-21', end: '2019-09-27', precision: 'week' });
    expect(r.value).toBeCloseTo(1300 / 7, 9);
    expect(r.low).toBeCloseTo(1170 / 7, 9);
    expect(r.high).toBe(1300);
  });

  it('is not determinable for a period of unknown length (not_determinable)', () => {
    // ERO arrests "in 2011" (report 004)
    const f = (): Estimate => ratePerDay(quantity(322093), { precision: 'year', label: '2011' });
    expect(f).toThrow(/^daysInPeriod: the period "2011" has no duration, no start and end, and no fiscal year$/);
    expect(caught(f).code).toBe('not_determinable');
  });
});

describe('annualRate', () => {
  it('326,876 ERO arrests over FY2017 – March 2019 (912 days) is ≈ 130,909 a year (report 004; by hand: 326876 / 912 × 365.2425)', () => {
    const r = annualRate(quantity(326876), { start: '2016-10-01', end: '2019-03-31' });
    // NB: the doc comment of annualRate gives 131009.74…, which is not 326876 / 912 × 365.2425.
    expect(r.value).toBeCloseTo((326876 / 912) * 365.2425, 6);
    expect(r.value).toBeCloseTo(130909.0, 0);
    expect(r.unit).toBe('people-per-year');
  });

  it('scales a fiscal year of 365 days by 365.2425/365', () => {
    expect(annualRate(quantity(365), { fiscalYear: 2017 }).value).toBeCloseTo(365.2425, 9);
    expect(DAYS_PER_YEAR).toBe(365.2425);
  });

  it('is not determinable for a period of unknown length (not_determinable)', () => {
    expect(caught(() => annualRate(quantity(1_500_000, 'approximately'), { start: '2016-10-01' })).code).toBe('not_determinable');
  });
});

// ---------------------------------------------------------------------------------------------
// properties

const MAX = 100_000;
const n = fc.integer({ min: 0, max: MAX });
const count: fc.Arbitrary<Estimate> = fc.tuple(n, n, n).map(([a, b, c]) => {
  const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
  return { value, low, high, unit: 'people' as const };
});
const frac = fc.double({ min: 0, max: 1, noNaN: true });
const FIRST = dayNumber('1990-01-01');

const periodCase: fc.Arbitrary<PeriodCase> = fc.oneof(
  // a stated duration: any dates of that length
  fc.integer({ min: 1, max: 400 }).map((d) => ({ period: { days: d }, starts: [FIRST, FIRST], ends: [FIRST + d - 1, FIRST + d - 1] }) as const),
  // day-precise dates
  fc
    .tuple(fc.integer({ min: FIRST, max: FIRST + 15_000 }), fc.integer({ min: 0, max: 1000 }))
    .map(([s, len]) => ({ period: { start: dateOfDayNumber(s), end: dateOfDayNumber(s + len) }, starts: [s, s], ends: [s + len, s + len] }) as const),
  // month-precise dates written at the edges of their months
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 30 })).map(([y, m, k]) => monthsCase(y, m, k)),
  // week-precise: the week starting on the start date to the week ending on the end date
  fc.tuple(fc.integer({ min: FIRST, max: FIRST + 15_000 }), fc.integer({ min: 0, max: 20 })).map(([s, k]) => weeksCase(s, k)),
);

describe('ratePerDay properties', () => {
  test.prop([count, periodCase, frac, frac, frac])('soundness: any count over any true length lies inside', (c, p, u, v, w) => {
    const x = c.low + Math.round(w * (c.high - c.low));
    const out = ratePerDay(c, p.period);
    expectInside(out, x / trueDays(p, u, v));
    expect(out.low).toBeLessThanOrEqual(out.value);
    expect(out.value).toBeLessThanOrEqual(out.high);
    expect(out.unit).toBe('people-per-day');
  });

  test.prop([count, periodCase, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })])(
    'widening the count never narrows the rate',
    (c, p, below, above) => {
      const wider = { ...c, low: Math.max(0, c.low - below), high: c.high + above };
      expectWithin(ratePerDay(c, p.period), ratePerDay(wider, p.period));
    },
  );

  test.prop([count, periodCase])('a coarser period (dates known to the week or month) never narrows the rate', (c, p) => {
    const { start, end } = p.period;
    if (start === undefined || end === undefined) return;
    expectWithin(ratePerDay(c, { start, end }), ratePerDay(c, p.period));
  });

  test.prop([count, periodCase, fc.integer({ min: 0, max: 5000 })])('increases in the count', (c, p, k) => {
    const base = ratePerDay(c, p.period);
    expectNoLower(base, ratePerDay(shift(c, k), p.period));
  });

  test.prop([count, periodCase])('annualRate is ratePerDay × 365.2425', (c, p) => {
    const day = ratePerDay(c, p.period);
    const year = annualRate(c, p.period);
    for (const key of ['low', 'value', 'high'] as const) {
      expect(Math.abs(year[key] - day[key] * DAYS_PER_YEAR)).toBeLessThanOrEqual(1e-6 * Math.max(1, year[key]));
    }
    expect(year.unit).toBe('people-per-year');
  });
});
