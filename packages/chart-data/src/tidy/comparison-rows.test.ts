import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/dataset';
import { comparisonRows } from './comparison-rows';

const dataset = bundledDataset();

describe('comparisonRows', () => {
  it('puts the September 2019 surge at twice June’s (report 004: 597 vs 299)', () => {
    const [september, june] = comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06']);
    expect(september).toMatchObject({ label: 'ICE enforcement surge, September 2019', value: 597, low: 597, high: 597, qualifier: 'exact' });
    expect(september?.ratio).toBeCloseTo(597 / 299, 9);
    expect(september?.ratioText).toBe('2.00× ICE five-day multi-state operation, June 2019');
    expect(june).toMatchObject({ value: 299, ratio: null, ratioText: 'reference', evidence: 'arrested 299 immigrants' });
    expect(june?.source?.publisher).toBe('World Socialist Web Site (wsws.org)');
  });

  it('carries a qualified headline’s interval into the ratio', () => {
    const rows = comparisonRows(dataset, ['safe-city-2017', 'multi-state-2019-06']);
    expect(rows[0]).toMatchObject({ value: 500, low: 450, high: 500, text: 'nearly 500 [450–500]' });
    expect(rows[0]?.ratioLow).toBeCloseTo(450 / 299, 9);
    expect(rows[0]?.ratioHigh).toBeCloseTo(500 / 299, 9);
  });

  it('compares arrests per day over each operation’s period (597 / 5 ≈ 119.4; 498 of 4 days ≈ 124.5)', () => {
    const rows = comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06', 'safe-city-2017'], { measure: 'per-day', reference: 'multi-state-2019-06' });
    expect(rows.map((r) => [r.text, r.unit, r.qualifier])).toEqual([
      ['119.4 a day', 'people-per-day', 'computed'],
      ['59.8 a day', 'people-per-day', 'computed'],
      ['125.0 a day [112.5–125.0 a day]', 'people-per-day', 'computed'],
    ]);
    expect(rows[0]?.ratio).toBeCloseTo(2, 2);
  });

  it('does not guess a rate over a period of unknown length', () => {
    const safeCity = dataset.operations.find((o) => o.id === 'safe-city-2017')!;
    const undated = { ...safeCity, id: 'undated', name: 'Undated sweep', period: { label: 'some days' } };
    const [row] = comparisonRows({ ...dataset, operations: [...dataset.operations, undated] }, ['undated'], { measure: 'per-day' });
    expect(row).toMatchObject({ determinable: false, value: null, low: 0, high: 500, text: 'not determinable [0.0–500.0 a day]' });
    expect(row?.reason).toMatch(/no duration/);
  });

  it('reports a reference that is not compared', () => {
    expect(() => comparisonRows(dataset, ['surge-2019-09'], { reference: 'safe-city-2017' })).toThrow(/reference "safe-city-2017"/);
  });
});
