import { fc, test } from '@fast-check/vitest';
import { createTally, type ArrestRecord } from '@icestat/core';
import { version } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/dataset';
import { countMarks, hasMark, markLabels, render } from '../__fixtures__/render';
import { breakdownRows } from '../tidy/breakdown-rows';
import type { ChartRow } from '../tidy/chart-row';
import { comparisonRows } from '../tidy/comparison-rows';
import { criminalityRows } from '../tidy/criminality-rows';
import { seriesRows } from '../tidy/series-rows';
import { tallyRows } from '../tidy/tally-rows';
import { toVegaLiteComparison } from './comparison-bars';
import { toVegaLiteCriminality } from './criminality-bars';
import { toVegaLitePlaceBars } from './place-bars';
import { toVegaLiteTimeSeries } from './time-series';

const dataset = bundledDataset();

/** The top-level fields of a spec, loosely typed for assertions. */
function fields(spec: object): Record<string, unknown> & { title: { text: string; subtitle: string[] }; data: { values: ChartRow[] } } {
  return spec as never;
}

describe('every spec', () => {
  const specs = {
    places: toVegaLitePlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place')),
    criminality: toVegaLiteCriminality(criminalityRows(dataset, 'convicted')),
    series: toVegaLiteTimeSeries(seriesRows(dataset, 'ice-ero-arrests')),
    comparison: toVegaLiteComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06'])),
  };

  it.each(Object.entries(specs))('%s: names the installed vega-lite major version’s schema', (_, spec) => {
    expect(spec.$schema).toBe(`https://vega.github.io/schema/vega-lite/v${version.split('.')[0]}.json`);
  });

  it.each(Object.entries(specs))('%s: compiles without warnings and renders to SVG', async (_, spec) => {
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
  });

  it.each(Object.entries(specs))('%s: has a title, a source caption and a description, and inline data', (_, spec) => {
    const f = fields(spec);
    expect(f.title.text.length).toBeGreaterThan(0);
    expect(f.title.subtitle.some((l) => /^Sources?: /.test(l))).toBe(true);
    expect(f.description).toEqual(expect.stringContaining('Source'));
    expect(Array.isArray(f.data.values)).toBe(true);
  });

  it.each(Object.entries(specs))('%s: puts the qualifier, source and evidence in the tooltip', (_, spec) => {
    const json = JSON.stringify(spec);
    for (const field of ['"qualifier"', '"tipSource"', '"tipEvidence"', '"text"']) expect(json).toContain(field);
  });

  it('takes width and height from options', () => {
    const spec = fields(toVegaLitePlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place'), { width: 300, height: { step: 30 } }));
    expect([spec.width, spec.height]).toEqual([300, { step: 30 }]);
    const series = fields(
      toVegaLiteTimeSeries(seriesRows(dataset, 'ice-ero-arrests'), { width: 'container', height: 200, title: 'ERO arrests', subtitle: 'Three totals' }),
    );
    expect([series.width, series.height, series.title.text, series.title.subtitle[0]]).toEqual(['container', 200, 'ERO arrests', 'Three totals']);
  });
});

describe('toVegaLitePlaceBars', () => {
  it('draws the ten Safe City places, largest first, with no error bars for exact counts (report 002)', async () => {
    const spec = toVegaLitePlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place'));
    const { svg } = await render(spec);
    expect(countMarks(svg, 'rect', 'bars_marks')).toBe(10);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(10);
    expect(countMarks(svg, 'text', 'labels_marks')).toBe(10);
    expect(countMarks(svg, 'rule', 'intervals')).toBe(0);
    expect(countMarks(svg, 'rect', 'ranges_marks')).toBe(0);
    // Sorted: Philadelphia (107) is drawn above Los Angeles (101), which is above Washington, DC (14).
    const top = (place: string) => {
      const m = new RegExp(`aria-label="[^"]*Place: ${place};[^"]*"[^>]*d="M[\\d.]+,([\\d.]+)`).exec(svg);
      return Number(m?.[1]);
    };
    expect(top('Philadelphia')).toBeLessThan(top('Los Angeles'));
    expect(top('Los Angeles')).toBeLessThan(top('Washington, DC'));
    expect(fields(spec).title).toMatchObject({
      text: 'Arrests by place: Operation Safe City',
      subtitle: ['Source: BuzzFeed News, “ICE Acknowledges It Targeted Sanctuary Cities In Its Most Recent Sweeps”'],
    });
  });

  it('draws the ten AORs of the September 2019 surge, labelled by name (report 004)', async () => {
    const spec = toVegaLitePlaceBars(breakdownRows(dataset, 'surge-2019-09-by-aor'));
    const { svg } = await render(spec);
    expect(countMarks(svg, 'rect', 'bars_marks')).toBe(10);
    expect(markLabels(svg, 'rect', 'bars_marks')[0]).toContain('ICE Area of Responsibility: Chicago; Figure: 97; Qualifier: exact; As reported: the Midwest');
    expect(fields(spec).title.text).toBe('Arrests by ICE Area of Responsibility: ICE enforcement surge, September 2019');
  });

  it('matches its snapshot for two places, one qualified', async () => {
    const rows: ChartRow[] = [
      {
        key: 'a',
        label: 'Kansas City',
        value: 39,
        low: 39,
        high: 39,
        unit: 'people',
        qualifier: 'exact',
        text: '39',
        determinable: true,
        metric: 'arrests',
        group: 'Midwest raids',
        order: 0,
        source: { id: 's', title: 'Raids', publisher: 'Fusion' },
        evidence: '39 in Kansas City',
      },
      {
        key: 'b',
        label: 'Chicago',
        value: 100,
        low: 90,
        high: 100,
        unit: 'people',
        qualifier: 'nearly',
        text: 'nearly 100 [90–100]',
        determinable: true,
        metric: 'arrests',
        group: 'Midwest raids',
        order: 1,
        source: { id: 's', title: 'Raids', publisher: 'Fusion' },
        evidence: 'nearly 100 in Chicago',
      },
    ];
    // The whole spec, serialised as a snapshot, in __fixtures__/vega-lite/place-bars-two-places.snap.
    await expect(toVegaLitePlaceBars(rows, { width: 320 })).toMatchFileSnapshot('../__fixtures__/vega-lite/place-bars-two-places.snap');
  });

  const place = fc.record({
    value: fc.integer({ min: 0, max: 5000 }),
    qualifier: fc.constantFrom('exact', 'nearly', 'more-than', 'approximately' as const),
  });
  test.prop([fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,9}$/), { minLength: 1, maxLength: 12 }), fc.array(place, { minLength: 12, maxLength: 12 })], {
    numRuns: 12,
  })('draws one bar per place and one error bar per interval', async (names, places) => {
    const rows: ChartRow[] = names.map((label, order) => {
      const p = places[order] ?? { value: 1, qualifier: 'exact' as const };
      const spread = p.qualifier === 'exact' ? 0 : Math.max(1, Math.round(p.value / 10));
      const low = p.qualifier === 'nearly' ? Math.max(0, p.value - spread) : p.qualifier === 'approximately' ? Math.max(0, p.value - spread) : p.value;
      const high = p.qualifier === 'nearly' ? p.value : p.value + spread;
      return {
        key: label,
        label,
        value: p.value,
        low,
        high,
        unit: 'people',
        qualifier: p.qualifier,
        text: String(p.value),
        determinable: true,
        order,
        source: null,
        evidence: null,
      };
    });
    const { svg, warnings } = await render(toVegaLitePlaceBars(rows));
    expect(warnings).toEqual([]);
    expect(countMarks(svg, 'rect', 'bars_marks')).toBe(rows.length);
    expect(countMarks(svg, 'rule', 'intervals')).toBe(rows.filter((r) => r.high > r.low).length);
  });
});

describe('toVegaLiteCriminality', () => {
  it('stacks what is known and draws a band for what is not, under “convicted”', async () => {
    const spec = toVegaLiteCriminality(criminalityRows(dataset, 'convicted'));
    const { svg } = await render(spec);
    // Safe City: 63.7% convicted, the rest not. January 2025: 0–52% cannot be told apart, 48% not criminal.
    expect(countMarks(svg, 'rect', 'criminal_marks')).toBe(1);
    expect(countMarks(svg, 'rect', 'undetermined_marks')).toBe(1);
    expect(countMarks(svg, 'rect', 'notCriminal_marks')).toBe(2);
    expect(countMarks(svg, 'text', 'labels_marks')).toBe(2);
    expect(markLabels(svg, 'rect', 'undetermined_marks')[0]).toContain(
      'Why not determinable: the 613 counted together as convicted or facing pending charges are not split between them',
    );
    expect(fields(spec).title.subtitle[0]).toBe('“Criminal” here: convicted of any crime.');
    expect(JSON.stringify(spec)).toContain('".0%"');
  });

  it('moves the band to Safe City under ICE’s own definition', async () => {
    const { svg } = await render(toVegaLiteCriminality(criminalityRows(dataset, 'ice-criminal')));
    expect(countMarks(svg, 'rect', 'criminal_marks')).toBe(2);
    expect(countMarks(svg, 'rect', 'undetermined_marks')).toBe(1);
    expect(countMarks(svg, 'rect', 'notCriminal_marks')).toBe(1);
    expect(markLabels(svg, 'rect', 'undetermined_marks')[0]).toContain('Operation Safe City');
  });

  it('draws no band when every share is determinable', async () => {
    const rows = criminalityRows(dataset, 'ice-criminal').filter((r) => r.determinable);
    const spec = toVegaLiteCriminality(rows);
    const { svg } = await render(spec);
    expect(countMarks(svg, 'rect', 'undetermined_marks')).toBe(0);
    expect(fields(spec).title.subtitle.join(' ')).not.toContain('cannot tell');
  });
});

describe('toVegaLiteTimeSeries', () => {
  it('draws ERO arrests over irregular periods as points with error bars and no line (report 004)', async () => {
    const spec = toVegaLiteTimeSeries(seriesRows(dataset, 'ice-ero-arrests'));
    const { svg } = await render(spec);
    expect(countMarks(svg, 'symbol', 'points_marks')).toBe(3);
    expect(countMarks(svg, 'rule', 'intervals')).toBe(1);
    expect(hasMark(svg, 'line', 'line_marks')).toBe(false);
    expect(fields(spec).title.subtitle).toContain('Error bars show the interval each number stands for (“more than 1,800,000 [1,800,000–2,250,000]”).');
  });

  const records = [
    ['2016-09-30', 'convicted'],
    ['2016-10-01', 'convicted'],
    ['2016-11-15', 'pending-charges'],
    ['2017-10-02', 'convicted'],
    ['2017-12-24', 'other-immigration-violator'],
    [null, 'convicted'],
  ] as const;

  it('draws a tally by fiscal year × criminality as one line and band per class, leaving out undated records', async () => {
    const t = createTally({ by: ['fiscalYear', 'criminality'] });
    for (const [date, criminality] of records) t.add({ apprehensionDate: date, criminality } as ArrestRecord);
    const spec = toVegaLiteTimeSeries(tallyRows(t.result()));
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(countMarks(svg, 'symbol', 'points_marks')).toBe(5);
    expect(countMarks(svg, 'line', 'line_marks')).toBe(3);
    expect(countMarks(svg, 'area', 'band_marks')).toBe(3);
    expect(fields(spec).title.subtitle).toContain('Not drawn: 1 arrests whose date is missing or redacted.');
    expect(JSON.stringify(spec)).toContain('"type":"ordinal"');
  });

  it('puts a tally by day on a UTC time axis', async () => {
    const t = createTally({ by: ['day'] });
    for (const [date, criminality] of records) t.add({ apprehensionDate: date, criminality } as ArrestRecord);
    const spec = toVegaLiteTimeSeries(tallyRows(t.result()));
    const { svg } = await render(spec);
    expect(countMarks(svg, 'symbol', 'points_marks')).toBe(5);
    expect(countMarks(svg, 'line', 'line_marks')).toBe(1);
    expect(JSON.stringify(spec)).toContain('"timeUnit":"utcyearmonthdate"');
  });
});

describe('toVegaLiteComparison', () => {
  it('draws the two 2019 operations, bars in the order given (report 004: 597 vs 299)', async () => {
    const spec = toVegaLiteComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06']));
    const { svg } = await render(spec);
    expect(countMarks(svg, 'rect', 'bars_marks')).toBe(2);
    expect(countMarks(svg, 'rule', 'intervals')).toBe(0);
    expect(markLabels(svg, 'rect', 'bars_marks')[0]).toContain('Compared with: 2.00× ICE five-day multi-state operation, June 2019');
    expect(fields(spec).title.text).toBe('Arrests compared');
  });

  it('gives “nearly 500” an error bar and rates a .1f axis', async () => {
    const spec = toVegaLiteComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06', 'safe-city-2017'], { measure: 'per-day' }));
    const { svg } = await render(spec);
    expect(countMarks(svg, 'rect', 'bars_marks')).toBe(3);
    expect(countMarks(svg, 'rule', 'intervals')).toBe(1);
    expect(JSON.stringify(spec)).toContain('"format":".1f"');
    expect(fields(spec).title.text).toBe('Arrests per day compared');
  });

  it('draws a rate it cannot determine as a dashed band', async () => {
    const safeCity = dataset.operations.find((o) => o.id === 'safe-city-2017')!;
    const undated = { ...safeCity, id: 'undated', name: 'Undated sweep', period: { label: 'some days' } };
    const rows = comparisonRows({ ...dataset, operations: [...dataset.operations, undated] }, ['surge-2019-09', 'undated'], { measure: 'per-day' });
    const { svg } = await render(toVegaLiteComparison(rows));
    expect(countMarks(svg, 'rect', 'bars_marks')).toBe(1);
    expect(countMarks(svg, 'rect', 'ranges_marks')).toBe(1);
    expect(markLabels(svg, 'rect', 'ranges_marks')[0]).toContain('Why not determinable');
  });
});
