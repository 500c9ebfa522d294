import { createTally, type ArrestRecord } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { parseWithChartJs } from '../__fixtures__/chart';
import { bundledDataset } from '../__fixtures__/dataset';
import { breakdownRows } from '../tidy/breakdown-rows';
import { comparisonRows } from '../tidy/comparison-rows';
import { criminalityRows } from '../tidy/criminality-rows';
import { seriesRows } from '../tidy/series-rows';
import { tallyRows } from '../tidy/tally-rows';
import { toChartJsComparison } from './comparison-bars';
import { toChartJsCriminality } from './criminality-bars';
import { toChartJsPlaceBars } from './place-bars';
import { toChartJsTimeSeries } from './time-series';
import { chartJsTooltipLines } from './tooltip-lines';

const dataset = bundledDataset();

describe('every Chart.js configuration', () => {
  const configs = {
    places: toChartJsPlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place')),
    criminality: toChartJsCriminality(criminalityRows(dataset, 'convicted')),
    series: toChartJsTimeSeries(seriesRows(dataset, 'ice-ero-arrests')),
    comparison: toChartJsComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06', 'safe-city-2017'])),
  };

  it.each(Object.entries(configs))('%s: is plain data that survives JSON', (_, config) => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it.each(Object.entries(configs))('%s: has a title and a source caption', (_, config) => {
    const plugins = config.options?.plugins;
    expect(plugins?.title?.text).toBeTruthy();
    const subtitle = plugins?.subtitle?.text;
    expect(([] as unknown[]).concat(subtitle).some((l) => typeof l === 'string' && /^Sources?: /.test(l))).toBe(true);
  });

  it.each(Object.entries(configs))('%s: aligns each dataset’s rows with its data and the labels', (_, config) => {
    for (const ds of config.data.datasets) {
      expect(ds.data).toHaveLength(config.data.labels.length);
      expect(ds.icestat.rows).toHaveLength(ds.data.length);
      for (const [i, d] of ds.data.entries()) expect(ds.icestat.rows[i] === null).toBe(d === null);
    }
  });

  it.each(Object.entries(configs))('%s: is accepted by Chart.js, one parsed point per label', (_, config) => {
    const parsed = parseWithChartJs(config);
    expect(parsed).toHaveLength(config.data.datasets.length);
    for (const p of parsed) expect(p.values).toHaveLength(config.data.labels.length);
  });
});

describe('toChartJsPlaceBars', () => {
  it('gives the ten Safe City places largest first, summing to 498 (report 002)', () => {
    const config = toChartJsPlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place'));
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.labels.slice(0, 3)).toEqual(['Philadelphia', 'Los Angeles', 'Denver']);
    expect(config.data.datasets.map((d) => d.icestat.role)).toEqual(['value']);
    const [values] = config.data.datasets;
    expect(values?.data.slice(0, 3)).toEqual([107, 101, 63]);
    expect((values!.data as number[]).reduce((s, v) => s + v, 0)).toBe(498);
    expect(values?.icestat.rows[0]).toMatchObject({ source: { publisher: 'BuzzFeed News' }, evidence: 'Philadelphia saw the largest number of arrests, 107' });
    expect(config.options?.scales?.x).toMatchObject({ ticks: { format: { minimumFractionDigits: 0, maximumFractionDigits: 0 }, precision: 0 } });
  });

  it('keeps the report’s order when asked', () => {
    expect(toChartJsPlaceBars(breakdownRows(dataset, 'surge-2019-09-by-aor'), { sort: 'report', title: 'Ten areas', aspectRatio: 1.5 })).toMatchObject({
      data: { labels: ['Chicago', 'New York City', 'Boston', 'Washington', 'Newark', 'Detroit', 'Dallas', 'San Antonio', 'Philadelphia', 'Denver'] },
      options: { aspectRatio: 1.5, plugins: { title: { text: 'Ten areas' } } },
    });
  });
});

describe('toChartJsComparison', () => {
  it('draws “nearly 500” as a value with a floating bar [450, 500] over it', () => {
    const config = toChartJsComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06', 'safe-city-2017']));
    expect(config.data.labels).toEqual(['ICE enforcement surge, September 2019', 'ICE five-day multi-state operation, June 2019', 'Operation Safe City']);
    expect(config.data.datasets.map((d) => [d.icestat.role, d.data])).toEqual([
      ['value', [597, 299, 500]],
      ['interval', [null, null, [450, 500]]],
    ]);
    expect(parseWithChartJs(config).map((p) => p.values)).toEqual([
      [597, 299, 500],
      [null, null, [450, 500]],
    ]);
    expect(config.options?.plugins?.subtitle?.text).toContain('Thin dark bars show the interval each number stands for (“nearly 500 [450–500]”).');
  });
});

describe('toChartJsCriminality', () => {
  it('builds 100% bars from floating bars and never splits what the data does not', () => {
    const config = toChartJsCriminality(criminalityRows(dataset, 'convicted'));
    const share = 317 / 498;
    const january = 613 / 1179;
    expect(config.data.labels).toEqual(['ICE nationwide arrests, late January 2025', 'Operation Safe City']);
    const parsed = parseWithChartJs(config);
    expect(parsed.map((p) => p.label)).toEqual(['criminal', 'cannot tell from the data', 'not criminal']);
    const [criminal, undetermined, notCriminal] = parsed.map((p) => p.values);
    expect(criminal?.[0]).toBeNull();
    expect((criminal![1] as [number, number])[0]).toBe(0);
    expect((criminal![1] as [number, number])[1]).toBeCloseTo(share, 9);
    expect((undetermined![0] as [number, number])[1]).toBeCloseTo(january, 9);
    expect(undetermined?.[1]).toBeNull();
    expect((notCriminal![0] as [number, number])[0]).toBeCloseTo(january, 9);
    expect(config.options?.scales?.x).toMatchObject({ min: 0, max: 1, ticks: { format: { style: 'percent' } } });
    const subtitle = config.options?.plugins?.subtitle?.text as string[];
    expect(subtitle[0]).toBe('“Criminal” here: convicted of any crime.');
    expect(subtitle.join(' ')).toContain('Operation Safe City: 63.7% (317 of 498).');
  });
});

describe('toChartJsTimeSeries', () => {
  it('draws ERO arrests as points with dash markers for the one interval, and no line (report 004)', () => {
    const config = toChartJsTimeSeries(seriesRows(dataset, 'ice-ero-arrests'));
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['2009-01-20 – 2017-01-20', '2011', '2016-10 – 2019-03']);
    expect(config.data.datasets.map((d) => [d.icestat.role, d.data, d.showLine])).toEqual([
      ['value', [1_800_000, 322_093, 326_876], false],
      ['band-high', [2_250_000, null, null], false],
      ['band-low', [1_800_000, null, null], false],
    ]);
  });

  it('draws a tally by fiscal year × criminality with a filled band per class, leaving out undated records', () => {
    const t = createTally({ by: ['fiscalYear', 'criminality'] });
    for (const [date, criminality] of [
      ['2016-09-30', 'convicted'],
      ['2016-10-01', 'convicted'],
      ['2017-10-02', 'pending-charges'],
      [null, 'convicted'],
    ] as const) {
      t.add({ apprehensionDate: date, criminality } as ArrestRecord);
    }
    const config = toChartJsTimeSeries(tallyRows(t.result()));
    expect(config.data.labels).toEqual(['FY2016', 'FY2017', 'FY2018']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['convicted', [1, 1, null]],
      ['pending criminal charges', [null, null, 1]],
    ]);
    expect(config.options?.plugins?.subtitle?.text).toContain('Not drawn: 1 arrests whose date is missing or redacted.');
    expect(parseWithChartJs(config).map((p) => p.values)).toEqual([
      [1, 1, null],
      [null, null, 1],
    ]);
  });

  it('fills between low and high for qualified figures over regular periods', () => {
    const rows = seriesRows(dataset, 'ice-ero-arrests').map((r) => ({ ...r, granularity: 'fiscal-year' as const }));
    const config = toChartJsTimeSeries(rows);
    const high = config.data.datasets.find((d) => d.icestat.role === 'band-high');
    expect(high).toMatchObject({ fill: '+1', pointRadius: 0, data: [2_250_000, 322_093, 326_876] });
    expect(config.data.datasets.find((d) => d.icestat.role === 'band-low')?.data).toEqual([1_800_000, 322_093, 326_876]);
  });
});

describe('chartJsTooltipLines', () => {
  it('gives the figure, source and evidence of a point', () => {
    const config = toChartJsComparison(comparisonRows(dataset, ['safe-city-2017', 'multi-state-2019-06']));
    expect(chartJsTooltipLines({ dataset: config.data.datasets[0]!, dataIndex: 0 })).toEqual([
      'nearly 500 [450–500]',
      'Source: BuzzFeed News, “ICE Acknowledges It Targeted Sanctuary Cities In Its Most Recent Sweeps”',
      'Citing: U.S. Immigration and Customs Enforcement (ICE)',
      'Evidence: “nearly 500 people”',
      'Compared: 1.67× [1.51–1.67×] ICE five-day multi-state operation, June 2019',
    ]);
  });

  it('says why a share is not determinable, and nothing for a point without a row', () => {
    const config = toChartJsCriminality(criminalityRows(dataset, 'ice-criminal'));
    const undetermined = config.data.datasets.find((d) => d.icestat.role === 'undetermined')!;
    expect(chartJsTooltipLines({ dataset: undetermined, dataIndex: 1 })[1]).toMatch(/^Not determinable: the 181 counted together as/);
    expect(chartJsTooltipLines({ dataset: undetermined, dataIndex: 0 })).toEqual([]);
    expect(chartJsTooltipLines({ dataset: {}, dataIndex: 0 })).toEqual([]);
  });
});
