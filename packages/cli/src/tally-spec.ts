import type { TallyResult } from '@icestat/core';
import { tallyRows } from '@icestat/chart-data';
import { toVegaLitePlaceBars, toVegaLiteTimeSeries } from '@icestat/chart-data/vega-lite';

/**
 * A Vega-Lite spec of a tally: a time series when it groups by fiscal year, month or day, bars
 * by group otherwise. The files tallied are named as the source.
 */
export function tallyRowsSpec(tally: TallyResult, files: readonly string[]): object {
  const rows = tallyRows(tally, { source: { id: 'records', title: files.join(', '), publisher: 'record-level release' } });
  const timed = tally.by.some((d) => d === 'fiscalYear' || d === 'month' || d === 'day');
  return timed ? toVegaLiteTimeSeries(rows) : toVegaLitePlaceBars(rows);
}
