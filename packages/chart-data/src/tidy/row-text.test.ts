import { fc, test } from '@fast-check/vitest';
import { formatEstimate, qualifierInterval, quantity, share } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { rowText } from './row-text';

describe('rowText', () => {
  it('writes "nearly 500" with the interval its qualifier allows (report 002)', () => {
    expect(rowText({ value: 500, low: 450, high: 500, unit: 'people', qualifier: 'nearly' })).toBe('nearly 500 [450–500]');
  });

  it('leaves exact counts bare and groups thousands', () => {
    expect(rowText({ value: 1179, low: 1179, high: 1179, unit: 'people' })).toBe('1,179');
  });

  it('writes shares, rates and ratios in their units', () => {
    expect(rowText({ value: 63.654618474, low: 63.654618474, high: 63.654618474, unit: 'percent', qualifier: 'computed' })).toBe('63.7%');
    expect(rowText({ value: 119.4, low: 119.4, high: 119.4, unit: 'people-per-day' })).toBe('119.4 a day');
    expect(rowText({ value: 1.996655518, low: 1.996655518, high: 1.996655518, unit: 'ratio', qualifier: 'computed' })).toBe('2.00×');
    expect(rowText({ value: 75, low: 67.5, high: 82.5, unit: 'percent', qualifier: 'approximately' })).toBe('about 75% [67.5–82.5%]');
  });

  it('says "not determinable" and gives the bounds when there is no point value', () => {
    expect(rowText({ value: null, low: 63.654618474, high: 100, unit: 'percent' })).toBe('not determinable [63.7–100.0%]');
  });

  it('writes a range as its bounds', () => {
    expect(rowText({ value: 475, low: 450, high: 500, unit: 'people', qualifier: 'range' })).toBe('between 450 and 500');
  });

  const qualifier = fc.constantFrom('exact', 'approximately', 'more-than', 'at-least', 'nearly', 'fewer-than', 'at-most' as const);
  test.prop([fc.integer({ min: 0, max: 10_000_000 }), qualifier])('shows an interval exactly when the qualifier leaves one', (value, q) => {
    const [low, high] = qualifierInterval(value, q, 'people') ?? [value, value];
    const text = rowText({ value, low, high, unit: 'people', qualifier: q });
    expect(text.includes('[')).toBe(low !== high);
    // The number itself survives the formatting.
    expect(text).toContain(value.toLocaleString('en-US'));
  });

  it('writes a computed number the way core\'s formatEstimate does ("48.0%", not "48.01%")', () => {
    const computed = share(quantity(1179), quantity(2456)); // 48.0048…%
    expect(rowText({ ...computed, qualifier: 'computed' })).toBe(formatEstimate(computed));
    expect(formatEstimate(computed)).toBe('48.0%');
    expect(rowText({ value: 48.01, low: 48.01, high: 48.01, unit: 'percent', qualifier: 'computed' })).toBe('48.0%');
  });

  test.prop([fc.integer({ min: 0, max: 10_000_000 }), qualifier])("writes a reported number the way core's formatEstimate does", (value, q) => {
    const reported = quantity(value, q);
    expect(rowText({ value: reported.value, low: reported.low, high: reported.high, unit: reported.unit, qualifier: q })).toBe(formatEstimate(reported));
  });
});
