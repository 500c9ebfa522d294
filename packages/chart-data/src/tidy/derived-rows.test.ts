// A figure the dataset derives from others (derivedFrom) is drawn as computed, never as stated.
import { datasetSchema } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { headlineRows } from './headline-rows';

const fig = (id: string, value: number, extra: object = {}) => ({
  id,
  metric: 'arrests',
  quantity: { value, unit: 'people' },
  source: 'ice',
  claimant: { role: 'agency' },
  evidence: `${value} people`,
  ...extra,
});

const dataset = datasetSchema.parse({
  schemaVersion: '1.0.0',
  title: 'Constructed: a derived figure',
  sources: [{ id: 'ice', title: 'Weekly release', publisher: 'ICE', kind: 'official-release' }],
  operations: [
    {
      id: 'week',
      name: 'Week',
      agency: 'ICE',
      kind: 'nationwide-surge',
      period: { start: '2025-06-01', end: '2025-06-07' },
      places: [],
      figures: [
        fig('all', 1660),
        fig('slc', 1517, { places: [{ kind: 'aor', aor: 'SLC' }] }),
        fig('rest', 143, { claimant: { role: 'computed' }, evidence: '1,660 − 1,517', derivedFrom: { operation: 'difference', inputs: ['all', 'slc'] } }),
      ],
      sources: ['ice'],
    },
  ],
});

describe('derived figures in charts', () => {
  it('marks the derived figure computed and says how, the stated ones as stated', () => {
    const rows = headlineRows(dataset, 'week');
    expect(rows.map((r) => [r.key, r.qualifier, r.text])).toEqual([
      ['all', 'exact', '1,660'],
      ['slc', 'exact', '1,517'],
      ['rest', 'computed', '143 (computed: 1,660 − 1,517)'],
    ]);
  });
});
