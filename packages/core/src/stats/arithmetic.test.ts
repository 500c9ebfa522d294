// sum, difference, ratio, share, complement and percentChange: the reports' own figures and the
// properties interval arithmetic owes (soundness, point inside, inclusion monotonicity).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { caught, expectInside, expectNoHigher, expectNoLower, expectWithin, shift } from '../__fixtures__/testing';
import { isWholeUnit } from '../model/quantity';
import { complement } from './complement';
import { contains, exactly, width, type Estimate } from './estimate';
import { difference } from './difference';
import { percentChange } from './percent-change';
import { quantity } from './quantity';
import { ratio } from './ratio';
import { share } from './share';
import { sum } from './sum';

// ---------------------------------------------------------------------------------------------
// helpers

/** A count's result holds a real `x` when the whole numbers around `x` are inside (counts round inward). */
function expectWholeAround(out: Estimate, x: number): void {
  const tol = 1e-7 * Math.max(1, Math.abs(x));
  expect(out.low).toBeLessThanOrEqual(Math.ceil(x - tol));
  expect(Math.floor(x + tol)).toBeLessThanOrEqual(out.high);
}

function expectPointInside(e: Estimate): void {
  expect(e.low).toBeLessThanOrEqual(e.value);
  expect(e.value).toBeLessThanOrEqual(e.high);
}

function expectWhole(e: Estimate): void {
  expect(isWholeUnit(e.unit)).toBe(true);
  expect([e.low, e.value, e.high].every(Number.isInteger)).toBe(true);
}

const MAX = 100_000;

/** A count of people: whole numbers low ≤ value ≤ high within [min, max]. */
function people(min = 0, max = MAX): fc.Arbitrary<Estimate> {
  const n = fc.integer({ min, max });
  return fc.tuple(n, n, n).map(([a, b, c]) => {
    const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { value, low, high, unit: 'people' as const };
  });
}

/** A percent interval within [0, 100]. */
const pct = fc.double({ min: 0, max: 100, noNaN: true });
const percent: fc.Arbitrary<Estimate> = fc.tuple(pct, pct, pct).map(([a, b, c]) => {
  const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
  return { value, low, high, unit: 'percent' as const };
});

/** A fraction in [0, 1] that picks a member of an interval. */
const frac = fc.double({ min: 0, max: 1, noNaN: true });

/** The member of `e` a fraction `u` picks; whole for counts. */
function member(e: Estimate, u: number): number {
  const x = e.low + u * (e.high - e.low);
  return isWholeUnit(e.unit) ? Math.round(x) : Math.min(e.high, Math.max(e.low, x));
}

/** `e` widened by `below` and `above`, not below `floor`; the point stays. */
function widen(e: Estimate, below: number, above: number, floor = 0, ceiling = Infinity): Estimate {
  return { ...e, low: Math.max(floor, e.low - below), high: Math.min(ceiling, e.high + above) };
}

const grow = fc.integer({ min: 0, max: 5_000 });
const growPercent = fc.double({ min: 0, max: 50, noNaN: true });

/** A whole and a part inside it (the part's interval within [0, whole.high]). */
const wholeAndPart = people(1).chain((w) => fc.tuple(fc.constant(w), people(0, w.high)));

/** The real interval of a percent complement, before counts are made whole. */
function realComplement(w: Estimate, p: Estimate): [number, number] {
  return [(w.low * (100 - p.high)) / 100, (w.high * (100 - p.low)) / 100];
}

// ---------------------------------------------------------------------------------------------
// sum

describe('sum', () => {
  it('317 + 181 = 498 (report 002)', () => {
    expect(sum([quantity(317), quantity(181)])).toEqual({ value: 498, low: 498, high: 498, unit: 'people' });
  });

  it('613 + 566 = 1,179 (report 001)', () => {
    expect(sum([exactly(613), exactly(566)]).value).toBe(1179);
  });

  it('adds lows and highs: "nearly 500" + "more than 680" is 1,180 in [1,130, 1,350] (computed by hand: 450 + 680, 500 + 850)', () => {
    expect(sum([quantity(500, 'nearly'), quantity(680, 'more than')])).toEqual({ value: 1180, low: 1130, high: 1350, unit: 'people' });
  });

  it('takes figures', () => {
    expect(sum([{ quantity: quantity(106) }, { quantity: quantity(1) }]).value).toBe(107);
  });

  it('rejects mixed units (invalid_input) and no values (insufficient_data)', () => {
    const mixed = (): Estimate => sum([quantity(1), quantity(1, 'exact', { unit: 'days' })]);
    expect(mixed).toThrow(/^sum needs values in one unit; received people and days$/);
    expect(caught(mixed).code).toBe('invalid_input');
    expect(() => sum([])).toThrow(/^sum needs at least 1 value; received 0$/);
    expect(caught(() => sum([])).code).toBe('insufficient_data');
  });

  const list = fc.array(people(), { minLength: 1, maxLength: 8 });

  test.prop([list, fc.array(frac, { minLength: 8, maxLength: 8 })])('soundness: the sum of any members lies inside', (es, us) => {
    const out = sum(es);
    expectInside(
      out,
      es.reduce((s, e, i) => s + member(e, us[i]!), 0),
    );
    expectPointInside(out);
    expectWhole(out);
  });

  test.prop([list.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length })))])(
    'is commutative: any permutation gives the same estimate',
    ([es, shuffled]) => {
      expect(sum(shuffled)).toEqual(sum(es));
    },
  );

  test.prop([people(), people(), people()])('is associative', (a, b, c) => {
    const abc = sum([a, b, c]);
    expect(sum([sum([a, b]), c])).toEqual(abc);
    expect(sum([a, sum([b, c])])).toEqual(abc);
  });

  test.prop([list, fc.nat({ max: 7 }), grow, grow])('widening an input never narrows the sum', (es, i, below, above) => {
    const k = i % es.length;
    const wider = es.map((e, j) => (j === k ? widen(e, below, above) : e));
    expectWithin(sum(es), sum(wider));
  });

  test.prop([list, fc.nat({ max: 7 }), grow])('increases in each argument', (es, i, k) => {
    const j = i % es.length;
    const shifted = es.map((e, m) => (m === j ? shift(e, k) : e));
    expectNoLower(sum(es), sum(shifted));
  });
});

// ---------------------------------------------------------------------------------------------
// difference

describe('difference', () => {
  it('1,179 − 956 = 223 (report 001)', () => {
    expect(difference(quantity(1179), quantity(956))).toEqual({ value: 223, low: 223, high: 223, unit: 'people' });
  });

  it('"nearly 1,300" − 597 is 703 in [573, 703] and holds the "about 700" (report 004; by hand: 1170 − 597, 1300 − 597)', () => {
    const d = difference(quantity(1300, 'nearly'), quantity(597));
    expect(d).toEqual({ value: 703, low: 573, high: 703, unit: 'people' });
    expect(contains(d, 700)).toBe(true);
  });

  it('may be negative', () => {
    expect(difference(quantity(956), quantity(1179)).value).toBe(-223);
  });

  it('rejects mixed units (invalid_input)', () => {
    const f = (): Estimate => difference(quantity(1), quantity(1, 'exact', { unit: 'percent' }));
    expect(f).toThrow(/^difference needs values in one unit; received people and percent$/);
    expect(caught(f).code).toBe('invalid_input');
  });

  test.prop([people(), people(), frac, frac])('soundness: a − b of any members lies inside', (a, b, u, v) => {
    const out = difference(a, b);
    expectInside(out, member(a, u) - member(b, v));
    expectPointInside(out);
    expectWhole(out);
  });

  test.prop([people(), people(), grow, grow, grow, grow])('widening the inputs never narrows the difference', (a, b, a1, a2, b1, b2) => {
    expectWithin(difference(a, b), difference(widen(a, a1, a2), b));
    expectWithin(difference(a, b), difference(a, widen(b, b1, b2)));
    expectWithin(difference(a, b), difference(widen(a, a1, a2), widen(b, b1, b2)));
  });

  test.prop([people(), people(), grow])('increases in a, decreases in b', (a, b, k) => {
    const base = difference(a, b);
    expectNoLower(base, difference(shift(a, k), b));
    expectNoHigher(base, difference(a, shift(b, k)));
  });
});

// ---------------------------------------------------------------------------------------------
// ratio

describe('ratio', () => {
  it('597 / 299 ≈ 1.9967, "twice as large" (report 004)', () => {
    const r = ratio(quantity(597), quantity(299));
    expect(r.value).toBeCloseTo(597 / 299, 9);
    expect(r.value).toBeCloseTo(1.9967, 4);
    expect(r.unit).toBe('ratio');
    expect(width(r)).toBe(0);
  });

  it('"nearly 600" / 299 runs from 540/299 to 600/299 (computed by hand)', () => {
    const r = ratio(quantity(600, 'nearly'), quantity(299));
    expect(r.low).toBeCloseTo(540 / 299, 9);
    expect(r.high).toBeCloseTo(600 / 299, 9);
    expect(contains(r, 2)).toBe(true);
  });

  it('rejects a denominator that may be 0 (insufficient_data)', () => {
    const zero = (): Estimate => ratio(quantity(10), quantity(0));
    expect(zero).toThrow(/^ratio: the denominator's interval \[0, 0\] includes 0, so the ratio is unbounded$/);
    expect(caught(zero).code).toBe('insufficient_data');
    // "fewer than 10" is [0, 10]: it may be 0.
    expect(caught(() => ratio(quantity(10), quantity(10, 'fewer than'))).code).toBe('insufficient_data');
  });

  test.prop([people(), people(1), frac, frac])('soundness: a ÷ b of any members lies inside', (a, b, u, v) => {
    const out = ratio(a, b);
    expectInside(out, member(a, u) / member(b, v));
    expectPointInside(out);
  });

  test.prop([people(), people(1), grow, grow, grow, grow])('widening the inputs never narrows the ratio', (a, b, a1, a2, b1, b2) => {
    expectWithin(ratio(a, b), ratio(widen(a, a1, a2), b));
    expectWithin(ratio(a, b), ratio(a, widen(b, b1, b2, 1)));
    expectWithin(ratio(a, b), ratio(widen(a, a1, a2), widen(b, b1, b2, 1)));
  });

  test.prop([people(), people(1), grow])('increases in a, decreases in b', (a, b, k) => {
    const base = ratio(a, b);
    expectNoLower(base, ratio(shift(a, k), b));
    expectNoHigher(base, ratio(a, shift(b, k)));
  });
});

// ---------------------------------------------------------------------------------------------
// share

describe('share', () => {
  it('566 of 1,179 is 48.0% (report 001), not the stated "around 47%"', () => {
    const s = share(quantity(566), quantity(1179));
    expect(s.value).toBeCloseTo(48.0068, 4);
    expect(s.value).toBeCloseTo((566 / 1179) * 100, 8);
    expect(s.low).toBeCloseTo(s.value, 9);
    expect(s.high).toBeCloseTo(s.value, 9);
    expect(s.unit).toBe('percent');
    // The stated share, "around 47%" = approximately 47 percent, is [42.3, 51.7] and holds 48.0.
    expect(contains(quantity(47, 'around', { unit: 'percent' }), s.value)).toBe(true);
  });

  it('317 of "nearly 500" runs from 317/500 to 317/450 (computed by hand: 63.4% … 70.4%)', () => {
    const s = share(quantity(317), quantity(500, 'nearly'));
    expect(s.low).toBeCloseTo(63.4, 9);
    expect(s.high).toBeCloseTo((317 / 450) * 100, 9);
    expect(s.value).toBeCloseTo(63.4, 9);
  });

  it('clips to 100: "more than 680" of "nearly 700" is at most 100%', () => {
    const s = share(quantity(680, 'more than'), quantity(700, 'nearly'));
    expect(s.high).toBe(100);
    expect(s.low).toBeCloseTo((680 / 700) * 100, 9);
  });

  it('rejects a whole that may be 0 (insufficient_data), a part above the whole and mixed units (invalid_input)', () => {
    const zero = (): Estimate => share(quantity(1), quantity(0));
    expect(zero).toThrow(/^share: the whole's interval \[0, 0\] includes 0$/);
    expect(caught(zero).code).toBe('insufficient_data');
    const above = (): Estimate => share(quantity(10), quantity(5));
    expect(above).toThrow(/^share: the part \(at least 10\) exceeds the whole \(at most 5\)$/);
    expect(caught(above).code).toBe('invalid_input');
    const mixed = (): Estimate => share(quantity(1), quantity(10, 'exact', { unit: 'count' }));
    expect(mixed).toThrow(/^share needs values in one unit; received people and count$/);
    expect(caught(mixed).code).toBe('invalid_input');
  });

  test.prop([wholeAndPart, frac, frac])('soundness: part ÷ whole of any members (part ≤ whole) lies inside', ([w, p], u, v) => {
    const y = member(w, v);
    if (p.low > y) return; // no member of the part fits in this whole
    const x = member({ ...p, high: Math.min(p.high, y) }, u);
    const out = share(p, w);
    expectInside(out, (x / y) * 100);
    expectPointInside(out);
    expect(out.low).toBeGreaterThanOrEqual(0);
    expect(out.high).toBeLessThanOrEqual(100);
  });

  test.prop([wholeAndPart, grow, grow, grow, grow])('widening the inputs never narrows the share', ([w, p], p1, p2, w1, w2) => {
    const base = share(p, w);
    expectWithin(base, share(widen(p, p1, p2), w));
    expectWithin(base, share(p, widen(w, w1, w2, 1)));
    expectWithin(base, share(widen(p, p1, p2), widen(w, w1, w2, 1)));
  });

  test.prop([wholeAndPart, grow])('increases in the part, decreases in the whole', ([w, p], k) => {
    const base = share(p, w);
    expectNoHigher(base, share(p, shift(w, k)));
    const bigger = shift(p, k);
    if (bigger.low > w.high) return; // the part no longer fits
    expectNoLower(base, share(bigger, w));
  });
});

// ---------------------------------------------------------------------------------------------
// complement

describe('complement', () => {
  it('"more than 680" at "approximately 75 percent" leaves about 170 in [119, 276] (report 004)', () => {
    const c = complement(quantity(680, 'more than'), quantity(75, 'approximately', { unit: 'percent' }));
    // By hand: the whole is [680, 850], the percent [67.5, 82.5]; 680 × 17.5% = 119, 850 × 32.5% = 276.25 → 276.
    expect(c).toEqual({ value: 170, low: 119, high: 276, unit: 'people' });
    expect(contains(c, 170)).toBe(true);
    expect(width(c)).toBe(157);
  });

  it('181 − (68 + 104) = 9 left unexplained (report 002)', () => {
    expect(complement(quantity(181), sum([quantity(68), quantity(104)]))).toEqual({ value: 9, low: 9, high: 9, unit: 'people' });
  });

  it('takes a count part: "nearly 500" less 317 is [133, 183] (computed by hand: 450 − 317, 500 − 317)', () => {
    expect(complement(quantity(500, 'nearly'), quantity(317))).toEqual({ value: 183, low: 133, high: 183, unit: 'people' });
  });

  it('never goes below 0 for a count part', () => {
    expect(complement(quantity(500, 'nearly'), quantity(480, 'more than')).low).toBe(0);
  });

  it('rejects a part in another unit (invalid_input)', () => {
    const f = (): Estimate => complement(quantity(1), quantity(10, 'exact', { unit: 'usd' }));
    expect(f).toThrow(/^complement: the part must be in the whole's unit \(people\) or in percent; received usd$/);
    expect(caught(f).code).toBe('invalid_input');
  });

  describe('of a count part', () => {
    test.prop([wholeAndPart, frac, frac])('soundness: whole − part of any members (part ≤ whole) lies inside', ([w, p], u, v) => {
      const y = member(w, v);
      if (p.low > y) return;
      const x = member({ ...p, high: Math.min(p.high, y) }, u);
      const out = complement(w, p);
      expectInside(out, y - x);
      expectPointInside(out);
      expectWhole(out);
    });

    test.prop([wholeAndPart, grow, grow, grow, grow])('widening the inputs never narrows the remainder', ([w, p], p1, p2, w1, w2) => {
      const base = complement(w, p);
      expectWithin(base, complement(widen(w, w1, w2), p));
      expectWithin(base, complement(w, widen(p, p1, p2)));
      expectWithin(base, complement(widen(w, w1, w2), widen(p, p1, p2)));
    });
  });

  describe('of a percent part', () => {
    test.prop([people(), percent, frac, frac])('soundness: whole × (100 − percent)% of any members lies inside, counts rounded inward', (w, p, u, v) => {
      const y = member(w, v);
      const z = member(p, u);
      const out = complement(w, p);
      expectWholeAround(out, (y * (100 - z)) / 100);
      expectPointInside(out);
      expectWhole(out);
    });

    // Found by the property above (seed 46913977): 8 × (100 − 6.25e-9)% is 7.9999999995 in doubles.
    it('keeps a whole bound that floating-point dust puts just below it', () => {
      const out = complement(
        { value: 0, low: 0, high: 8, unit: 'people' },
        { value: 6.250012063446775e-9, low: 6.250012063446775e-9, high: 6.250012063446775e-9, unit: 'percent' },
      );
      expect(out.high).toBe(8);
    });

    test.prop([people(1), percent, frac, frac])('soundness for whole parts: a whole remainder y − k with k/y in the percent lies inside', (w, p, u, v) => {
      const y = member(w, v);
      const k = Math.round((y * member(p, u)) / 100);
      if (!contains(p, (k / y) * 100)) return; // no whole part near this share
      expectInside(complement(w, p), y - k);
    });

    test.prop([people(), percent, grow, grow, growPercent, growPercent])(
      'widening the inputs never narrows the remainder (when the result holds a whole number before rounding)',
      (w, p, w1, w2, p1, p2) => {
        const [lo, hi] = realComplement(w, p);
        // Where no whole number lies in the real interval, counts widen outward: see the next test.
        fc.pre(Math.ceil(lo - 1e-9) <= Math.floor(hi + 1e-9));
        const base = complement(w, p);
        expectWithin(base, complement(widen(w, w1, w2), p));
        expectWithin(base, complement(w, widen(p, p1, p2, 0, 100)));
        expectWithin(base, complement(widen(w, w1, w2), widen(p, p1, p2, 0, 100)));
      },
    );

    // Documented in makeEstimate: where no whole number lies in the real interval (inconsistent,
    // rounded inputs), a count widens to its neighbours — sound, but not inclusion-monotone.
    it('widens a remainder with no whole number in it to the neighbours (10 people at 33–34%)', () => {
      expect(complement(quantity(10), quantity(33, 'range', { unit: 'percent', low: 33, high: 34 }))).toEqual({ value: 7, low: 6, high: 7, unit: 'people' });
      expect(complement(quantity(10), quantity(33, 'range', { unit: 'percent', low: 30, high: 34 }))).toEqual({ value: 7, low: 7, high: 7, unit: 'people' });
    });

    test.prop([people(), percent, grow])('increases in the whole, decreases in the percent', (w, p, k) => {
      const base = complement(w, p);
      const moreWhole = complement(shift(w, k), p);
      expect(moreWhole.low).toBeGreaterThanOrEqual(base.low);
      expect(moreWhole.high).toBeGreaterThanOrEqual(base.high);
      const d = Math.min(k / 100, 100 - p.high);
      const morePercent = complement(w, shift(p, d));
      expect(morePercent.low).toBeLessThanOrEqual(base.low);
      expect(morePercent.high).toBeLessThanOrEqual(base.high);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// percentChange

describe('percentChange', () => {
  it('299 → 597 is +99.67% (report 004)', () => {
    const c = percentChange(quantity(299), quantity(597));
    expect(c.value).toBeCloseTo(99.6656, 4);
    expect(c.value).toBeCloseTo((597 / 299 - 1) * 100, 8);
    expect(c.unit).toBe('percent-change');
  });

  it('1,179 → 956 is −18.9% (computed by hand: 956/1179 − 1)', () => {
    expect(percentChange(quantity(1179), quantity(956)).value).toBeCloseTo((956 / 1179 - 1) * 100, 8);
  });

  it('spans the corners: 299 → "nearly 600" runs from 540/299 − 1 to 600/299 − 1 (computed by hand)', () => {
    const c = percentChange(quantity(299), quantity(600, 'nearly'));
    expect(c.low).toBeCloseTo((540 / 299 - 1) * 100, 8);
    expect(c.high).toBeCloseTo((600 / 299 - 1) * 100, 8);
  });

  it('rejects a start that may be 0 (insufficient_data) and mixed units (invalid_input)', () => {
    const zero = (): Estimate => percentChange(quantity(0), quantity(10));
    expect(zero).toThrow(/^percentChange: the starting value's interval \[0, 0\] includes 0 or less$/);
    expect(caught(zero).code).toBe('insufficient_data');
    const mixed = (): Estimate => percentChange(quantity(1), quantity(10, 'exact', { unit: 'usd' }));
    expect(mixed).toThrow(/^percentChange needs values in one unit; received people and usd$/);
    expect(caught(mixed).code).toBe('invalid_input');
  });

  test.prop([people(1), people(), frac, frac])('soundness: the change between any members lies inside', (from, to, u, v) => {
    const out = percentChange(from, to);
    expectInside(out, (member(to, v) / member(from, u) - 1) * 100);
    expectPointInside(out);
  });

  test.prop([people(1), people(), grow, grow, grow, grow])('widening the inputs never narrows the change', (a, b, a1, a2, b1, b2) => {
    const base = percentChange(a, b);
    expectWithin(base, percentChange(widen(a, a1, a2, 1), b));
    expectWithin(base, percentChange(a, widen(b, b1, b2)));
    expectWithin(base, percentChange(widen(a, a1, a2, 1), widen(b, b1, b2)));
  });

  test.prop([people(1), people(), grow])('decreases in from, increases in to', (a, b, k) => {
    const base = percentChange(a, b);
    expectNoHigher(base, percentChange(shift(a, k), b));
    expectNoLower(base, percentChange(a, shift(b, k)));
  });
});
