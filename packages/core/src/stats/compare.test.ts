// compare and headlineFigure, on the bundled dataset's operations (reports 001, 002, 004).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bundledDataset, caught, operationOf } from '../__fixtures__/testing';
import type { Operation } from '../model/operation';
import { compare } from './compare';
import { contains, type Estimate } from './estimate';
import { difference } from './difference';
import { headlineFigure } from './headline-figure';
import { percentChange } from './percent-change';
import { quantity } from './quantity';
import { ratio } from './ratio';

const dataset = bundledDataset();

const operation = (id: string): Operation => operationOf(dataset, id);

describe('compare', () => {
  it('597 vs 299: ratio ≈ 2.0, 298 more, +99.7% (report 004)', () => {
    const c = compare(quantity(597), quantity(299));
    expect(c.a).toEqual({ value: 597, low: 597, high: 597, unit: 'people' });
    expect(c.b).toEqual({ value: 299, low: 299, high: 299, unit: 'people' });
    expect(c.ratio.value).toBeCloseTo(597 / 299, 9);
    expect(c.ratio.value).toBeCloseTo(2.0, 1);
    expect(c.difference).toEqual({ value: 298, low: 298, high: 298, unit: 'people' });
    expect(c.percentChange.value).toBeCloseTo((597 / 299 - 1) * 100, 8);
    expect(c.percentChange.unit).toBe('percent-change');
  });

  it('compares the September 2019 surge with June’s by their headline figures (report 004)', () => {
    const c = compare(operation('surge-2019-09'), operation('multi-state-2019-06'));
    expect(c.a.value).toBe(597);
    expect(c.b.value).toBe(299);
    expect(c.ratio.value).toBeCloseTo(1.9967, 4);
    // "twice as large" holds within rounding to one decimal
    expect(Math.round(c.ratio.value * 10) / 10).toBe(2);
  });

  it('carries intervals: "nearly 600" vs 299 (computed by hand: 540 … 600 over 299)', () => {
    const c = compare(quantity(600, 'nearly'), quantity(299));
    expect(c.ratio.low).toBeCloseTo(540 / 299, 9);
    expect(c.ratio.high).toBeCloseTo(600 / 299, 9);
    expect(contains(c.ratio, 2)).toBe(true);
    expect(c.difference).toEqual({ value: 301, low: 241, high: 301, unit: 'people' });
    expect(c.percentChange.low).toBeCloseTo((540 / 299 - 1) * 100, 8);
    expect(c.percentChange.high).toBeCloseTo((600 / 299 - 1) * 100, 8);
  });

  it('takes figures', () => {
    const official = dataset.operations.flatMap((o) => o.figures).find((f) => f.id === 'ice-enforcement-2025-01-26-official-arrests')!;
    const internal = dataset.operations.flatMap((o) => o.figures).find((f) => f.id === 'ice-enforcement-2025-01-26-internal-arrests')!;
    // 1,179 − 956 = 223 (report 001)
    expect(compare(internal, official).difference.value).toBe(223);
  });

  it('rejects different units (invalid_input) and a reference that may be 0 (insufficient_data)', () => {
    const units = (): unknown => compare(quantity(20, 'exact', { unit: 'count' }), quantity(12));
    expect(units).toThrow(/^difference needs values in one unit; received count and people$/);
    expect(caught(units).code).toBe('invalid_input');
    const zero = (): unknown => compare(quantity(7), quantity(0));
    expect(zero).toThrow(/^ratio: the denominator's interval \[0, 0\] includes 0/);
    expect(caught(zero).code).toBe('insufficient_data');
  });

  it('rejects an operation without a headline figure (not_determinable)', () => {
    const surge = operation('surge-2019-09');
    const statesOnly = { ...surge, figures: surge.figures.filter((f) => f.metric === 'states-covered') };
    expect(() => compare(statesOnly, surge)).toThrow(
      /^operation "surge-2019-09" has no count of people arrested, detained, apprehended, removed or booked in, nor a detention population$/,
    );
    expect(caught(() => compare(statesOnly, surge)).code).toBe('not_determinable');
  });

  const n = fc.integer({ min: 1, max: 100_000 });
  const people: fc.Arbitrary<Estimate> = fc.tuple(n, n, n).map(([a, b, c]) => {
    const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { value, low, high, unit: 'people' as const };
  });
  /** −0 → 0, so negated whole numbers compare equal. */
  const z = (x: number): number => x + 0;

  test.prop([people, people])('is ratio(a, b), difference(a, b) and percentChange(b, a)', (a, b) => {
    expect(compare(a, b)).toEqual({ a, b, ratio: ratio(a, b), difference: difference(a, b), percentChange: percentChange(b, a) });
  });

  test.prop([people, people])('swapping the sides negates the difference and turns the ratio over', (a, b) => {
    const ab = compare(a, b);
    const ba = compare(b, a);
    expect(ba.difference).toEqual({ value: z(-ab.difference.value), low: z(-ab.difference.high), high: z(-ab.difference.low), unit: 'people' });
    // Results are snapped to 9 decimal places, so compare with an absolute tolerance.
    expect(Math.abs(ab.ratio.value - a.value / b.value)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(ba.ratio.value - b.value / a.value)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(ba.ratio.high - b.high / a.low)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(ba.ratio.low - b.low / a.high)).toBeLessThanOrEqual(1e-9);
  });
});

describe('headlineFigure', () => {
  it.each([
    // "nearly 500" (report 002): the operation's own count comes before the advocates' "at least 498"
    ['safe-city-2017', 'safe-city-2017-arrests', 500],
    // 597 (report 004), not the "nearly 600" headline listed after it
    ['surge-2019-09', 'surge-2019-09-arrests', 597],
    ['multi-state-2019-06', 'multi-state-2019-06-arrests', 299],
    ['midwest-2016', 'midwest-2016-arrests', 331],
    // detentions count too (report 000: 121 in GA, TX, NC)
    ['georgia-texas-north-carolina-2016-01', 'georgia-texas-north-carolina-2016-01-detained', 121],
    // 7 detained, not the "more than a dozen" agents (people, but not a headline metric)
    ['philadelphia-car-wash-raid-2025-01-28', 'philadelphia-car-wash-2025-detained', 7],
    // No figure covers the whole operation; the first count of people listed wins (956 official), and
    // "about 1,000" a day (people-per-day) is not a count.
    ['ice-enforcement-2025-01', 'ice-enforcement-2025-01-26-official-arrests', 956],
  ])('%s leads with %s (%i)', (op, id, value) => {
    const f = headlineFigure(operation(op));
    expect(f.id).toBe(id);
    expect(f.quantity.value).toBe(value);
  });

  it('throws not_determinable when no count of people is there', () => {
    const f = (): unknown => headlineFigure({ id: 'empty', figures: [] });
    expect(f).toThrow(/^operation "empty" has no count of people arrested, detained, apprehended, removed or booked in, nor a detention population$/);
    expect(caught(f).code).toBe('not_determinable');
  });
});
