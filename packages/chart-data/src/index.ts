/**
 * @icestat/chart-data — chart-ready data from icestat statistics. The package root gives tidy
 * rows (one plain object per mark, with its interval, qualifier, source and evidence);
 * `@icestat/chart-data/vega-lite` and `@icestat/chart-data/chartjs` turn them into Vega-Lite
 * specs and Chart.js configurations.
 *
 * @packageDocumentation
 */

// Tidy rows: one plain object per mark, with its interval, qualifier, source and evidence
export type { ChartRow, DatasetLike, RowQualifier, SourceRef } from './tidy/chart-row';
export type { TimeGranularity, TimeRow } from './tidy/time-row';
export { breakdownRows } from './tidy/breakdown-rows';
export { headlineRows, type HeadlineRowsOptions } from './tidy/headline-rows';
export { comparisonRows, type ComparisonRow, type ComparisonRowsOptions } from './tidy/comparison-rows';
export { seriesRows } from './tidy/series-rows';
export { tallyRows, type TallyRowsOptions } from './tidy/tally-rows';
export { criminalityRows, type CriminalityRow, type CriminalityRowsOptions } from './tidy/criminality-rows';

// Labels and captions: places, criminality classes, sources (a row's number as text is core's formatEstimate)
export { placeLabel } from './tidy/place-label';
export { criminalityLabel } from './tidy/criminality-label';
export { sourceRef } from './tidy/source-ref';
export { sourceCaption } from './tidy/source-caption';
