// The arithmetic the four reports' figures must come out to: every cell recomputed from the bundled
// dataset. The inputs are the dataset's figures found by id — never retyped — and each expected value
// is worked out by hand from the report (the report it comes from in brackets).
import { describe, expect, it } from 'vitest';
import { bundledDataset, operationOf } from '../__fixtures__/testing';
import type { Figure } from '../model/figure';
import type { Operation } from '../model/operation';
import { breakdownsOf, figuresOf, type BreakdownVisit } from '../model/walk';
import { compare } from './compare';
import { complement } from './complement';
import { criminalShare } from './criminal-share';
import { contains, toEstimate, type Estimate } from './estimate';
import { difference } from './difference';
import { quantity } from './quantity';
import { ratePerDay } from './rate-per-day';
import { ratio } from './ratio';
import { share } from './share';
import { sum } from './sum';
import { daysInPeriod } from './time';

const dataset = bundledDataset();
const figureById = new Map(figuresOf(dataset).map((v) => [v.figure.id, v.figure]));
const breakdownById = new Map(breakdownsOf(dataset).map((v) => [v.breakdown.id, v]));

function figure(id: string): Figure {
  const f = figureById.get(id);
  if (!f) throw new Error(`the bundled dataset has no figure "${id}"`);
  return f;
}

function breakdown(id: string): BreakdownVisit {
  const b = breakdownById.get(id);
  if (!b) throw new Error(`the bundled dataset has no breakdown "${id}"`);
  return b;
}

const operation = (id: string): Operation => operationOf(dataset, id);

/** The sum of a breakdown's parts. */
function partsSum(id: string): Estimate {
  return sum(breakdown(id).breakdown.parts.map((p) => p.figure));
}

/** A number to one decimal, as the expected results are written. */
const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

describe('report 000 (Midwest raids, 2016)', () => {
  it('106 + 1 = 107 (Chicago by sex)', () => {
    const bySex = breakdown('midwest-2016-chicago-by-sex');
    expect(bySex.breakdown.parts.map((p) => p.figure.id)).toEqual(['midwest-2016-chicago-men', 'midwest-2016-chicago-women']);
    expect(partsSum('midwest-2016-chicago-by-sex')).toEqual({ value: 107, low: 107, high: 107, unit: 'people' });
  });

  it('331 over 36 days ≈ 9.2 a day', () => {
    const period = operation('midwest-2016').period;
    expect(daysInPeriod(period).value).toBe(36);
    const r = ratePerDay(figure('midwest-2016-arrests'), period);
    expect(r.value).toBeCloseTo(331 / 36, 9);
    expect(oneDecimal(r.value)).toBe(9.2);
  });
});

describe('report 001 (early 2025)', () => {
  const internal = figure('ice-enforcement-2025-01-26-internal-arrests');
  const official = figure('ice-enforcement-2025-01-26-official-arrests');

  it('613 + 566 = 1,179, the internal count the breakdown is of', () => {
    const byCriminality = breakdown('ice-enforcement-2025-01-26-by-criminality');
    expect(byCriminality.total?.id).toBe(internal.id);
    const parts = partsSum('ice-enforcement-2025-01-26-by-criminality');
    expect(parts.value).toBe(1179);
    expect(parts).toEqual(toEstimate(internal));
  });

  it('566 / 1,179 = 48.0%, against the stated "around 47%" (an audit finding)', () => {
    const s = share(figure('ice-enforcement-2025-01-26-undocumented-status'), internal);
    expect(s.value).toBeCloseTo((566 / 1179) * 100, 8);
    expect(oneDecimal(s.value)).toBe(48.0);
    // The report's "around 47%" (report 001) rounds differently: 48, not 47.
    expect(Math.round(s.value)).not.toBe(47);
    // …though 48.0 lies within the default interval of "around 47 percent", [42.3, 51.7].
    expect(contains(quantity(47, 'around', { unit: 'percent' }), s.value)).toBe(true);
  });

  it('1,179 − 956 = 223, the gap between the internal and official counts', () => {
    expect(difference(internal, official)).toEqual({ value: 223, low: 223, high: 223, unit: 'people' });
  });

  it('ICE’s "criminal arrests" are 613 / 1,179 = 52.0%; the convicted share is not determinable', () => {
    const op = operation('ice-enforcement-2025-01');
    expect(oneDecimal(criminalShare(op, 'ice-criminal').share!.value)).toBe(52.0);
    expect(criminalShare(op, 'convicted').determinable).toBe(false);
  });
});

describe('report 002 (Operation Safe City, 2017)', () => {
  const op = operation('safe-city-2017');

  it('317 + 181 = 498', () => {
    expect(sum([figure('safe-city-2017-convicted'), figure('safe-city-2017-not-convicted')]).value).toBe(498);
    expect(partsSum('safe-city-2017-by-criminality')).toEqual({ value: 498, low: 498, high: 498, unit: 'people' });
    // …and 498 is within the stated "nearly 500".
    expect(contains(toEstimate(figure('safe-city-2017-arrests')), 498)).toBe(true);
  });

  it('the ten places sum to 498', () => {
    expect(breakdown('safe-city-2017-by-place').breakdown.parts).toHaveLength(10);
    expect(partsSum('safe-city-2017-by-place').value).toBe(498);
  });

  it('181 − (68 + 104) = 9 unexplained', () => {
    const history = breakdown('safe-city-2017-not-convicted-by-immigration-history');
    expect(history.total?.id).toBe('safe-city-2017-not-convicted');
    const rest = complement(history.total!, partsSum('safe-city-2017-not-convicted-by-immigration-history'));
    expect(rest).toEqual({ value: 9, low: 9, high: 9, unit: 'people' });
  });

  it('498 over 4 days = 124.5 a day (498 = the sum of the exhaustive criminality parts)', () => {
    const byCriminality = breakdown('safe-city-2017-by-criminality').breakdown;
    expect(byCriminality.exhaustive).toBe(true);
    expect(byCriminality.exclusive).toBe(true);
    expect(daysInPeriod(op.period).value).toBe(4);
    const r = ratePerDay(partsSum('safe-city-2017-by-criminality'), op.period);
    expect(r.value).toBe(124.5);
  });

  it('317 / 498 = 63.7% convicted', () => {
    const s = share(figure('safe-city-2017-convicted'), partsSum('safe-city-2017-by-criminality'));
    expect(s.value).toBeCloseTo((317 / 498) * 100, 8);
    expect(oneDecimal(s.value)).toBe(63.7);
    expect(criminalShare(op, 'convicted').share).toEqual(s);
  });
});

describe('report 004 (September 2019 surge)', () => {
  const surge = figure('surge-2019-09-arrests');
  const june = figure('multi-state-2019-06-arrests');

  it('the ten AOR areas sum to 597', () => {
    const byAor = breakdown('surge-2019-09-by-aor');
    expect(byAor.breakdown.parts).toHaveLength(10);
    expect(byAor.total?.id).toBe(surge.id);
    expect(partsSum('surge-2019-09-by-aor')).toEqual(toEstimate(surge));
    expect(partsSum('surge-2019-09-by-aor').value).toBe(597);
  });

  it('597 / 299 ≈ 2.0, on the figures and on the two operations', () => {
    const r = ratio(surge, june);
    expect(r.value).toBeCloseTo(597 / 299, 9);
    expect(oneDecimal(r.value)).toBe(2.0);
    const c = compare(operation('surge-2019-09'), operation('multi-state-2019-06'));
    expect(c.a).toEqual(toEstimate(surge));
    expect(c.b).toEqual(toEstimate(june));
    expect(c.ratio).toEqual(r);
  });

  it('nearly 1,300 − 597 ≈ 700 beyond the surge', () => {
    const d = difference(figure('surge-2019-09-week-arrests'), surge);
    // By hand: [1170 − 597, 1300 − 597] = [573, 703]
    expect(d).toEqual({ value: 703, low: 573, high: 703, unit: 'people' });
    expect(contains(d, 700)).toBe(true);
  });

  it('597 over 5 days ≈ 119.4 a day', () => {
    const period = operation('surge-2019-09').period;
    expect(daysInPeriod(period).value).toBe(5);
    const r = ratePerDay(surge, period);
    expect(r.value).toBeCloseTo(119.4, 9);
    expect(Math.round(r.value)).toBe(119);
  });
});
