import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { toIcestatIssues } from '../errors';
import { isWholeUnit, qualifierFromWords, qualifierInterval, qualifierSchema, quantitySchema, unitSchema, type Qualifier } from './quantity';

function messages(input: unknown): string[] {
  const r = quantitySchema.safeParse(input);
  return r.success ? [] : toIcestatIssues(r.error.issues).map((i) => i.message);
}

describe('qualifierInterval (default rules)', () => {
  it.each<[number, Qualifier, Parameters<typeof qualifierInterval>[2], [number, number]]>([
    [331, 'exact', 'people', [331, 331]],
    // "nearly 500 people" (Operation Safe City); the 498 arrested lie inside.
    [500, 'nearly', 'people', [450, 500]],
    [1300, 'nearly', 'people', [1170, 1300]],
    // "about 1,000 daily arrests"
    [1000, 'approximately', 'people-per-day', [900, 1100]],
    [75, 'approximately', 'percent', [67.5, 82.5]],
    [47, 'approximately', 'percent', [42.3, 51.7]],
    // "more than 680": no upper bound is stated; the convention reaches 25% above.
    [680, 'more-than', 'people', [680, 850]],
    [12, 'more-than', 'people', [12, 15]],
    [498, 'at-least', 'people', [498, 622]],
    [100, 'fewer-than', 'people', [0, 100]],
    [50, 'at-most', 'people', [0, 50]],
    // whole units get at least ±1 when approximate
    [7, 'approximately', 'people', [6, 8]],
    // percent clips at 100
    [95, 'approximately', 'percent', [85.5, 100]],
  ])('%d %s %s → %j', (value, qualifier, unit, expected) => {
    expect(qualifierInterval(value, qualifier, unit)).toEqual(expected);
  });

  it('has no default for a range', () => {
    expect(qualifierInterval(10, 'range', 'people')).toBeUndefined();
  });

  it('takes other widths', () => {
    expect(qualifierInterval(1000, 'approximately', 'people', { approximately: 0.05 })).toEqual([950, 1050]);
    expect(qualifierInterval(680, 'more-than', 'people', { above: 0.1 })).toEqual([680, 748]);
  });

  const unit = fc.constantFrom(...unitSchema.options);
  const qualifier = fc.constantFrom(...qualifierSchema.options.filter((q) => q !== 'range'));
  test.prop([fc.double({ min: 0, max: 1e7, noNaN: true }), qualifier, unit])('every qualifier’s interval contains its value', (raw, q, u) => {
    const value = isWholeUnit(u) ? Math.round(raw) : u === 'percent' ? raw % 100 : raw;
    const [low, high] = qualifierInterval(value, q, u) ?? [Number.NaN, Number.NaN];
    expect(low).toBeLessThanOrEqual(value);
    expect(high).toBeGreaterThanOrEqual(value);
    if (isWholeUnit(u)) {
      expect(Number.isInteger(low) && Number.isInteger(high)).toBe(true);
    }
  });
});

describe('quantitySchema', () => {
  it('fills low and high from the qualifier’s rule', () => {
    expect(quantitySchema.parse({ value: 500, unit: 'people', qualifier: 'nearly' })).toEqual({
      value: 500,
      unit: 'people',
      qualifier: 'nearly',
      low: 450,
      high: 500,
      bounds: 'rule',
    });
  });

  it('defaults to exact', () => {
    expect(quantitySchema.parse({ value: 597, unit: 'people' })).toMatchObject({ qualifier: 'exact', low: 597, high: 597 });
  });

  it('keeps explicit bounds', () => {
    expect(quantitySchema.parse({ value: 500, unit: 'people', qualifier: 'nearly', low: 495, high: 499.5 + 0.5 })).toMatchObject({
      low: 495,
      high: 500,
      bounds: 'explicit',
    });
  });

  it('is stable through a second parse (parse ∘ serialise)', () => {
    const once = quantitySchema.parse({ value: 680, unit: 'people', qualifier: 'more-than' });
    expect(quantitySchema.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('rejects a negative count', () => {
    expect(messages({ value: -3, unit: 'people' })).toEqual(['value: must not be negative (got -3 people)']);
  });

  it('rejects low above high, naming both', () => {
    expect(messages({ value: 500, unit: 'people', low: 510, high: 498 })).toEqual(['low: must not exceed high (low 510, high 498)']);
  });

  it('rejects a value outside its own bounds', () => {
    expect(messages({ value: 520, unit: 'people', low: 450, high: 500 })).toEqual(['value: must lie within [low, high] (value 520, low 450, high 500)']);
  });

  it('rejects an unknown qualifier', () => {
    const [message] = messages({ value: 500, unit: 'people', qualifier: 'loads' });
    expect(message).toMatch(/^qualifier: /);
    expect(message).toBe('qualifier: must be a qualifier; got "loads" (one of exact, approximately, more-than, at-least, nearly, fewer-than, at-most, range)');
  });

  it('rejects a percent above 100', () => {
    expect(messages({ value: 147, unit: 'percent' })).toContain('value: a percent must be between 0 and 100 (got 147)');
  });

  it('rejects fractional people', () => {
    expect(messages({ value: 9.5, unit: 'people' })).toEqual(['value: must be a whole number of people (got 9.5)']);
  });

  it('rejects a range without bounds and half-given bounds', () => {
    expect(messages({ value: 150, unit: 'people', qualifier: 'range' })).toEqual(['low: a range needs explicit low and high']);
    expect(messages({ value: 150, unit: 'people', low: 100 })).toEqual(['high: give both low and high, or neither (the qualifier’s rule then sets them)']);
  });

  it('rejects bounds claimed to follow the rule that do not', () => {
    expect(messages({ value: 500, unit: 'people', qualifier: 'nearly', low: 400, high: 500, bounds: 'rule' })[0]).toMatch(
      /^bounds: says "rule" but \[400, 500\] is not the nearly rule's \[450, 500\]/,
    );
  });

  it('rejects unknown keys rather than dropping them', () => {
    expect(messages({ value: 5, unit: 'people', qualifer: 'nearly' })[0]).toMatch(/qualifer/);
  });
});

describe('qualifierFromWords', () => {
  it.each([
    ['about', 'approximately'],
    ['Around', 'approximately'],
    ['some', 'approximately'],
    ['more than', 'more-than'],
    ['Upwards  of', 'more-than'],
    ['almost', 'nearly'],
    ['just under', 'nearly'],
    ['up to', 'at-most'],
    ['at the very least', 'at-least'],
    ['more-than', 'more-than'],
  ])('%s → %s', (words, q) => {
    expect(qualifierFromWords(words)).toBe(q);
  });
  it('returns undefined for unknown words', () => {
    expect(qualifierFromWords('loads of')).toBeUndefined();
  });
});
