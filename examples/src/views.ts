import type { Dataset, TallyResult } from '@icestat/core';
import { breakdownRows, comparisonRows, criminalityRows, seriesRows, tallyRows } from '@icestat/chart-data';
import { toVegaLiteComparison, toVegaLiteCriminality, toVegaLitePlaceBars, toVegaLiteTimeSeries } from '@icestat/chart-data/vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/** One chart of the demo report: a file name, a heading, and its Vega-Lite spec. */
export interface View {
  readonly name: string;
  readonly heading: string;
  readonly spec: TopLevelSpec;
}

/**
 * The views the demo draws from the bundled dataset (and a tally of the sample records file):
 * arrests by place for two operations, criminality under two definitions, the ERO series, a
 * fiscal-year tally, and a comparison of operations per day.
 */
export function demoViews(dataset: Dataset, tally?: TallyResult): View[] {
  const views: View[] = [
    {
      name: 'safe-city-places',
      heading: 'Operation Safe City (2017): arrests by jurisdiction',
      spec: toVegaLitePlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place'), { title: 'Operation Safe City: arrests by jurisdiction' }),
    },
    {
      name: 'surge-2019-areas',
      heading: 'September 2019 surge: arrests by ICE Area of Responsibility',
      spec: toVegaLitePlaceBars(breakdownRows(dataset, 'surge-2019-09-by-aor'), { title: 'September 2019 surge: arrests by area' }),
    },
    {
      name: 'criminality-convicted',
      heading: '“Criminal” meaning convicted',
      spec: toVegaLiteCriminality(criminalityRows(dataset, 'convicted'), { title: 'Share convicted of a crime, by operation' }),
    },
    {
      name: 'criminality-ice',
      heading: '“Criminal” as ICE counts it (convicted or charged)',
      spec: toVegaLiteCriminality(criminalityRows(dataset, 'ice-criminal'), { title: 'ICE’s “criminal arrests”, by operation' }),
    },
    {
      name: 'ero-arrests',
      heading: 'ICE ERO arrests over time, as the reports give them',
      spec: toVegaLiteTimeSeries(seriesRows(dataset, 'ice-ero-arrests'), { title: 'ICE ERO arrests (totals over the periods stated)' }),
    },
    {
      name: 'operations-per-day',
      heading: 'Operations compared: arrests per day',
      spec: toVegaLiteComparison(comparisonRows(dataset, ['midwest-2016', 'safe-city-2017', 'multi-state-2019-06', 'surge-2019-09'], { measure: 'per-day' }), {
        title: 'Arrests per day, by operation',
      }),
    },
  ];
  if (tally) {
    views.push({
      name: 'sample-records-by-fiscal-year',
      heading: 'Sample record-level file: arrests by fiscal year and criminality',
      spec: toVegaLiteTimeSeries(
        tallyRows(tally, {
          source: { id: 'sample-arrests', title: 'sample-arrests.csv (a generated sample in the FOIA release format)', publisher: 'icestat' },
        }),
        {
          title: 'Sample records: arrests by fiscal year and criminality',
        },
      ),
    });
  }
  return views;
}
