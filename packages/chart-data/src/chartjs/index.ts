/**
 * @icestat/chart-data/chartjs — Chart.js configurations built from icestat's tidy rows: arrests
 * by place, criminality per operation, time series and comparisons. Configurations are plain
 * data (intervals as floating bars or filled bands, sources in the subtitle, rows in
 * `dataset.icestat`); chart.js lends only its types.
 *
 * @packageDocumentation
 */
export type * from './types';
export * from './place-bars';
export * from './criminality-bars';
export * from './time-series';
export * from './comparison-bars';
export * from './tooltip-lines';
