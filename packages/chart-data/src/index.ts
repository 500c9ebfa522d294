/**
 * @icestat/chart-data — chart-ready data from icestat statistics. The package root gives tidy
 * rows (one plain object per mark, with its interval, qualifier, source and evidence);
 * `@icestat/chart-data/vega-lite` and `@icestat/chart-data/chartjs` turn them into Vega-Lite
 * specs and Chart.js configurations.
 *
 * @packageDocumentation
 */
export * from './tidy/chart-row';
export * from './tidy/format-estimate';
export * from './tidy/source-ref';
export * from './tidy/source-caption';
export * from './tidy/place-label';
export * from './tidy/criminality-label';
export * from './tidy/time-row';
export * from './tidy/breakdown-rows';
export * from './tidy/headline-rows';
export * from './tidy/comparison-rows';
export * from './tidy/series-rows';
export * from './tidy/tally-rows';
export * from './tidy/criminality-rows';
