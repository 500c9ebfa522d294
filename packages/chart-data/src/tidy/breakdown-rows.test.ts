import { breakdownsOf } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/dataset';
import { breakdownRows } from './breakdown-rows';

const dataset = bundledDataset();

describe('breakdownRows', () => {
  it('gives the ten Safe City places, which sum to 498 (report 002)', () => {
    const rows = breakdownRows(dataset, 'safe-city-2017-by-place');
    expect(rows).toHaveLength(10);
    expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(498);
    expect(rows.every((r) => r.group === 'Operation Safe City' && r.metric === 'arrests' && r.unit === 'people')).toBe(true);
  });

  it('keeps Philadelphia’s 107 with its source and evidence', () => {
    const philadelphia = breakdownRows(dataset, 'safe-city-2017-by-place').find((r) => r.label === 'Philadelphia');
    expect(philadelphia).toMatchObject({
      key: 'safe-city-2017-philadelphia',
      value: 107,
      low: 107,
      high: 107,
      qualifier: 'exact',
      text: '107',
      determinable: true,
      placeKind: 'city',
      source: {
        id: 'seed-002-buzzfeed-safe-city-2017',
        publisher: 'BuzzFeed News',
        title: 'ICE Acknowledges It Targeted Sanctuary Cities In Its Most Recent Sweeps',
      },
      evidence: 'Philadelphia saw the largest number of arrests, 107',
    });
  });

  it('labels AORs by name and keeps the report’s words (report 004)', () => {
    const rows = breakdownRows(dataset, 'surge-2019-09-by-aor');
    expect(rows.map((r) => r.label)).toEqual([
      'Chicago',
      'New York City',
      'Boston',
      'Washington',
      'Newark',
      'Detroit',
      'Dallas',
      'San Antonio',
      'Philadelphia',
      'Denver',
    ]);
    expect(rows[0]).toMatchObject({ reported: 'the Midwest', placeKind: 'aor', value: 97 });
    expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(597);
  });

  it('writes criminality classes in words', () => {
    const rows = breakdownRows(dataset, 'safe-city-2017-by-criminality');
    expect(rows.map((r) => [r.label, r.value, r.reported])).toEqual([
      ['convicted', 317, 'convicted previously'],
      ['pending criminal charges or other immigration violator', 181, "didn't have a criminal conviction"],
    ]);
  });

  it('reads a visit from breakdownsOf, nested ones included', () => {
    const visit = breakdownsOf(dataset).find((v) => v.breakdown.id === 'safe-city-2017-convicted-by-offence');
    if (!visit) throw new Error('fixture: no offence breakdown');
    expect(breakdownRows(dataset, visit).map((r) => [r.label, r.value])).toEqual([
      ['driving under the influence', 86],
      ['sex offenses', 16],
      ['domestic violence', 12],
    ]);
  });

  it('keeps the citing source of a figure a report attributes to ICE', () => {
    const rows = breakdownRows(dataset, 'ice-enforcement-2025-01-26-by-criminality');
    expect(rows.map((r) => r.value)).toEqual([613, 566]);
    expect(rows[0]?.label).toBe('convicted or pending criminal charges');
  });

  it('reports an unknown breakdown', () => {
    expect(() => breakdownRows(dataset, 'no-such-breakdown')).toThrowErrorMatchingInlineSnapshot(
      `[IcestatError: breakdownRows: expected the id of a breakdown of the dataset; received "no-such-breakdown"]`,
    );
  });
});
