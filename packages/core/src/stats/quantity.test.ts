import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { caught } from '../__fixtures__/testing';
import type { Qualifier } from '../model/quantity';
import { contains, exactly, overlaps, toEstimate, width, type Estimate } from './estimate';
import { quantity } from './quantity';

describe('quantity', () => {
  it('builds "nearly 500" (report 002, Operation Safe City) with the nearly rule [v × 0.9, v]', () => {
    expect(quantity(500, 'nearly')).toEqual({ value: 500, unit: 'people', qualifier: 'nearly', low: 450, high: 500, bounds: 'rule' });
  });

  it('is exact by default', () => {
    // 331 arrests (report 000)
    expect(quantity(331)).toEqual({ value: 331, unit: 'people', qualifier: 'exact', low: 331, high: 331, bounds: 'rule' });
  });

  it.each<[string, number, Qualifier, number, number]>([
    // report 004: "more than 680" at the Mississippi plants; more-than reaches 25% above (computed by hand: 680 × 1.25 = 850)
    ['more than', 680, 'more-than', 680, 850],
    ['Upwards of', 680, 'more-than', 680, 850],
    // report 001: "about 1,000" a day; ±10% (computed by hand)
    ['about', 1000, 'approximately', 900, 1100],
    ['roughly', 170, 'approximately', 153, 187],
    // report 004: "nearly 1,300" that week; [1300 × 0.9, 1300]
    ['almost', 1300, 'nearly', 1170, 1300],
    ['just under', 1300, 'nearly', 1170, 1300],
    ['up to', 50, 'at-most', 0, 50],
    ['fewer than', 50, 'fewer-than', 0, 50],
    ['at least', 498, 'at-least', 498, 622],
  ])('reads the words "%s" %d as %s [%d, %d]', (words, value, q, low, high) => {
    const x = quantity(value, words);
    expect(x.qualifier).toBe(q);
    expect([x.low, x.high]).toEqual([low, high]);
  });

  it('takes a unit: "approximately 75 percent" (report 004) is [67.5, 82.5]', () => {
    expect(quantity(75, 'approximately', { unit: 'percent' })).toMatchObject({ unit: 'percent', low: 67.5, high: 82.5 });
  });

  it('takes explicit bounds, marked explicit', () => {
    expect(quantity(498, 'range', { low: 450, high: 500 })).toEqual({
      value: 498,
      unit: 'people',
      qualifier: 'range',
      low: 450,
      high: 500,
      bounds: 'explicit',
    });
  });

  it('takes other widths for the rule: ±5% around 1,000 is [950, 1050]', () => {
    expect(quantity(1000, 'approximately', { rules: { approximately: 0.05 } })).toMatchObject({ low: 950, high: 1050 });
  });

  describe('errors (all invalid_input)', () => {
    it('rejects unknown qualifier words', () => {
      expect(() => quantity(5, 'zillion')).toThrow(/^quantity: unknown qualifier "zillion"; expected one of exact, approximately, more-than/);
      expect(caught(() => quantity(5, 'zillion')).code).toBe('invalid_input');
    });

    it.each<[string, () => unknown, RegExp, string]>([
      ['a negative count', () => quantity(-3), /^quantity\(-3, 'exact'\): value: must not be negative \(got -3 people\)$/, 'value'],
      ['a fractional count', () => quantity(2.5), /^quantity\(2\.5, 'exact'\): value: must be a whole number of people \(got 2\.5\)$/, 'value'],
      [
        'a percent above 100',
        () => quantity(120, 'exact', { unit: 'percent' }),
        /^quantity\(120, 'exact'\): value: a percent must be between 0 and 100 \(got 120\)$/,
        'value',
      ],
      [
        'bounds that exclude the value',
        () => quantity(10, 'exact', { low: 11, high: 12 }),
        /^quantity\(10, 'exact'\): value: must lie within \[low, high\] \(value 10, low 11, high 12\)$/,
        'value',
      ],
      ['a range without bounds', () => quantity(10, 'range'), /^quantity\(10, 'range'\): low: a range needs explicit low and high$/, 'low'],
      ['only one bound', () => quantity(10, 'exact', { low: 9 }), /^quantity\(10, 'exact'\): high: give both low and high, or neither/, 'high'],
    ])('rejects %s, with a located issue', (_, f, message, path) => {
      expect(f).toThrow(message);
      const e = caught(f);
      expect(e.code).toBe('invalid_input');
      expect(e.issues.map((i) => i.path)).toEqual([path]);
    });
  });
});

describe('toEstimate, exactly, width, contains, overlaps', () => {
  it('takes the estimate out of a quantity or a figure', () => {
    const q = quantity(500, 'nearly');
    const expected: Estimate = { value: 500, low: 450, high: 500, unit: 'people' };
    expect(toEstimate(q)).toEqual(expected);
    expect(toEstimate({ quantity: q })).toEqual(expected);
    expect(toEstimate(expected)).toEqual(expected);
  });

  it('exactly(331) has no width', () => {
    expect(exactly(331)).toEqual({ value: 331, low: 331, high: 331, unit: 'people' });
    expect(exactly(12.5, 'percent')).toEqual({ value: 12.5, low: 12.5, high: 12.5, unit: 'percent' });
    expect(width(exactly(331))).toBe(0);
  });

  it('"nearly 500" is 50 wide and holds the 498 (report 002)', () => {
    const q = quantity(500, 'nearly');
    expect(width(q)).toBe(50);
    expect(contains(q, 498)).toBe(true);
    expect(contains(q, 449)).toBe(false);
    expect(contains(q, 501)).toBe(false);
  });

  it('956 official and 1,179 internal do not overlap; "nearly 1,300" and 1,179 do (reports 001, 004)', () => {
    expect(overlaps(exactly(956), exactly(1179))).toBe(false);
    expect(overlaps(quantity(1300, 'nearly'), exactly(1179))).toBe(true);
    // Closed intervals: touching ends overlap.
    expect(overlaps(exactly(450), quantity(500, 'nearly'))).toBe(true);
  });
});

describe('properties', () => {
  const qualifier = fc.constantFrom<Qualifier>('exact', 'approximately', 'more-than', 'at-least', 'nearly', 'fewer-than', 'at-most');
  const count = fc.integer({ min: 0, max: 10_000_000 });

  test.prop([count, qualifier])('a count’s interval is whole and holds its value', (v, q) => {
    const x = quantity(v, q);
    expect(x.low).toBeLessThanOrEqual(x.value);
    expect(x.value).toBeLessThanOrEqual(x.high);
    expect(Number.isInteger(x.low) && Number.isInteger(x.high)).toBe(true);
    expect(contains(x, v)).toBe(true);
    expect(width(x)).toBeGreaterThanOrEqual(0);
  });

  test.prop([fc.double({ min: 0, max: 100, noNaN: true }), qualifier])('a percent stays within [0, 100]', (v, q) => {
    const x = quantity(v, q, { unit: 'percent' });
    expect(x.low).toBeGreaterThanOrEqual(0);
    expect(x.high).toBeLessThanOrEqual(100);
    expect(contains(x, v)).toBe(true);
  });

  const interval = fc
    .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
    .map(([a, b, c]): Estimate => {
      const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return { value, low, high, unit: 'people' };
    });

  test.prop([interval, interval])('overlaps is symmetric and means a shared member exists', (a, b) => {
    expect(overlaps(a, b)).toBe(overlaps(b, a));
    const shared = Math.max(a.low, b.low);
    expect(overlaps(a, b)).toBe(contains(a, shared) && contains(b, shared));
  });

  test.prop([interval])('toEstimate is idempotent and contains its ends', (e) => {
    expect(toEstimate(toEstimate(e))).toEqual(e);
    expect(contains(e, e.low) && contains(e, e.high) && contains(e, e.value)).toBe(true);
    expect(width(e)).toBe(e.high - e.low);
  });
});
