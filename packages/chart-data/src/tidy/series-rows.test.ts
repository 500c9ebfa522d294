import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/dataset';
import { seriesRows } from './series-rows';

const dataset = bundledDataset();

describe('seriesRows', () => {
  it('orders ICE ERO arrests in time and names their periods compactly (report 004)', () => {
    const rows = seriesRows(dataset, 'ice-ero-arrests');
    expect(rows.map((r) => [r.x, r.date, r.value, r.text, r.order])).toEqual([
      ['2009-01-20 – 2017-01-20', '2009-01-20', 1_800_000, 'more than 1,800,000 [1,800,000–2,250,000]', 0],
      ['2011', '2011-01-01', 322_093, '322,093', 1],
      ['2016-10 – 2019-03', '2016-10-01', 326_876, '326,876', 2],
    ]);
    expect(rows[2]).toMatchObject({
      series: 'ICE Enforcement and Removal Operations (ERO) arrests',
      granularity: 'period',
      reported: 'since the start of the 2017 fiscal year to March of this year',
      source: { publisher: 'World Socialist Web Site (wsws.org)' },
    });
  });

  it('puts figures without a known start after the dated ones', () => {
    const rows = seriesRows(dataset, 'cbp-apprehensions');
    expect(rows.map((r) => [r.x, r.text])).toEqual([['from 2016-10-01', 'about 1,500,000 [1,350,000–1,650,000]']]);
  });

  it('reports an unknown series', () => {
    expect(() => seriesRows(dataset, 'nope')).toThrow(/ice-ero-arrests, cbp-apprehensions/);
  });
});
