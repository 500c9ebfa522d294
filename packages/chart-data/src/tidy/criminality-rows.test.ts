import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/dataset';
import { criminalityRows } from './criminality-rows';

const dataset = bundledDataset();

describe('criminalityRows', () => {
  it('gives Safe City’s convicted share, 317 of 498 = 63.7% (report 002)', () => {
    const safeCity = criminalityRows(dataset, 'convicted').find((r) => r.operation === 'safe-city-2017');
    expect(safeCity).toMatchObject({ determinable: true, count: 317, total: 498, unit: 'percent', qualifier: 'computed', text: '63.7% (317 of 498)' });
    expect(safeCity?.value).toBeCloseTo((317 / 498) * 100, 6);
    expect(safeCity?.source?.publisher).toBe('BuzzFeed News');
    expect(safeCity?.evidence).toContain('317');
  });

  it('never guesses: Safe City under ICE’s definition is not determinable, with reason and bounds', () => {
    const safeCity = criminalityRows(dataset, 'ice-criminal').find((r) => r.operation === 'safe-city-2017');
    expect(safeCity).toMatchObject({
      determinable: false,
      value: null,
      count: null,
      high: 100,
      description: 'ICE’s “criminal arrests”: convicted or facing pending criminal charges',
    });
    expect(safeCity?.low).toBeCloseTo((317 / 498) * 100, 6);
    expect(safeCity?.reason).toMatch(/181/);
    expect(safeCity?.text).toBe('not determinable [63.7–100.0%] of 498');
  });

  it('gives the January 2025 internal count’s criminal share, 613 of 1,179 (report 001)', () => {
    const rows = criminalityRows(dataset, 'ice-criminal');
    expect(rows.map((r) => r.operation)).toEqual(['ice-enforcement-2025-01', 'safe-city-2017']);
    expect(rows[0]).toMatchObject({ determinable: true, count: 613, total: 1179 });
    expect(rows[0]?.value).toBeCloseTo((613 / 1179) * 100, 6);
    // Convicted alone is not told apart from pending charges in the 613.
    expect(criminalityRows(dataset, 'convicted')[0]).toMatchObject({ determinable: false, low: 0, value: null });
  });

  it('gives an operation named without a criminality breakdown a not-determinable row', () => {
    const [row] = criminalityRows(dataset, 'convicted', { operations: ['surge-2019-09'] });
    expect(row).toMatchObject({
      determinable: false,
      value: null,
      low: 0,
      high: 100,
      total: 597,
      reason: 'operation "surge-2019-09" has no criminality breakdown',
    });
  });

  it('bounds every row within 0–100% and never gives a point value without determinability', () => {
    for (const definition of ['ice-criminal', 'convicted', 'convicted-non-immigration'] as const) {
      for (const r of criminalityRows(dataset, definition, { operations: dataset.operations })) {
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.high).toBeLessThanOrEqual(100);
        expect(r.low).toBeLessThanOrEqual(r.high);
        expect(r.value === null).toBe(!r.determinable);
        if (!r.determinable) expect(r.reason).toBeTruthy();
      }
    }
  });
});
