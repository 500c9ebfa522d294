import type { ChartRow } from './chart-row';

/** How finely a time row's `x` divides time: fiscal years, months, days, or irregular periods. */
export type TimeGranularity = 'fiscal-year' | 'month' | 'day' | 'period';

/**
 * A {@link ChartRow} placed in time, for time series: `x` is the time key (`FY2017`, `2017-09`,
 * `2017-09-25`, or a period such as `2016-10 – 2019-03`), `date` the ISO day it starts on, for
 * temporal axes. Both are `null` when the time is missing or redacted in the data, or (for
 * tallies not grouped by time) not part of the row.
 */
export interface TimeRow extends ChartRow {
  readonly x: string | null;
  readonly date: string | null;
  readonly granularity: TimeGranularity | null;
}
