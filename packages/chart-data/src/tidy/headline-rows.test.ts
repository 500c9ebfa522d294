import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/dataset';
import { headlineRows } from './headline-rows';

const dataset = bundledDataset();

describe('headlineRows', () => {
  it('leads with the headline figure and keeps every figure’s qualifier (report 002)', () => {
    const rows = headlineRows(dataset, 'safe-city-2017');
    expect(rows.map((r) => [r.label, r.value, r.low, r.high, r.qualifier, r.text])).toEqual([
      ['arrests · nearly 500', 500, 450, 500, 'nearly', 'nearly 500 [450–500]'],
      ['arrests · at least 498', 498, 498, 622, 'at-least', 'at least 498 [498–622]'],
    ]);
    expect(rows[0]).toMatchObject({
      source: { publisher: 'BuzzFeed News' },
      citing: { publisher: 'U.S. Immigration and Customs Enforcement (ICE)' },
      evidence: 'nearly 500 people',
    });
    expect(rows[1]?.citing?.publisher).toBe('Coalition for Humane Immigrant Rights (CHIRLA)');
  });

  it('names each figure’s scope and filters by unit (report 004)', () => {
    expect(headlineRows(dataset, 'surge-2019-09').map((r) => r.label)).toEqual([
      'arrests · 597',
      'arrests · nearly 600',
      'states covered',
      'arrests (that week)',
    ]);
    expect(headlineRows(dataset, 'surge-2019-09', { unit: 'people' }).map((r) => r.value)).toEqual([597, 600, 1300]);
    expect(headlineRows(dataset, 'surge-2019-09', { metric: 'states-covered' }).map((r) => [r.value, r.unit])).toEqual([[20, 'count']]);
  });

  it('keeps an operation without a count of people in the report’s order', () => {
    const rows = headlineRows(dataset, {
      ...dataset.operations[0]!,
      figures: dataset.operations[0]!.figures.map((f) => ({ ...f, metric: 'agents-deployed' as const })),
    });
    expect(rows.map((r) => r.label)).toEqual(['agents deployed']);
  });

  it('reports an unknown operation', () => {
    expect(() => headlineRows(dataset, 'nope')).toThrow(/expected the id of an operation of the dataset .*received "nope"/);
  });
});
