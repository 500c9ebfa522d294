/**
 * @icestat/chart-data/chartjs — Chart.js configurations built from icestat's tidy rows: arrests
 * by place, criminality per operation, time series and comparisons. Configurations are plain
 * data (intervals as floating bars or filled bands, sources in the subtitle, rows in
 * `dataset.icestat`); chart.js lends only its types.
 *
 * @packageDocumentation
 */

// Configurations: one function per chart
export { toChartJsPlaceBars, type ChartJsPlaceBarsOptions } from './place-bars';
export { toChartJsCriminality } from './criminality-bars';
export { toChartJsTimeSeries } from './time-series';
export { toChartJsComparison } from './comparison-bars';

// Tooltips: the lines a row's tooltip shows
export { chartJsTooltipLines, type ChartJsTooltipContext } from './tooltip-lines';

// The configuration types, which need no chart.js at runtime
export type {
  ChartJsRole,
  ChartJsMeta,
  ChartJsBarValue,
  ChartJsLineValue,
  ChartJsBarDataset,
  ChartJsLineDataset,
  ChartJsBarConfig,
  ChartJsLineConfig,
  ChartJsOptions,
} from './types';
