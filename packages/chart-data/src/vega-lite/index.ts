/**
 * @icestat/chart-data/vega-lite — Vega-Lite specs built from icestat's tidy rows: arrests by place,
 * criminality per operation, time series and comparisons, with intervals drawn and sources in the
 * caption and tooltip. Specs are plain objects; vega-lite lends only its `TopLevelSpec` type.
 *
 * @packageDocumentation
 */

// Options shared by every spec
export type { VegaLiteSpecOptions } from './options';

// Specs: one function per chart
export { toVegaLitePlaceBars, type PlaceBarsSpecOptions } from './place-bars';
export { toVegaLiteCriminality } from './criminality-bars';
export { toVegaLiteTimeSeries, type TimeSeriesSpecOptions } from './time-series';
export { toVegaLiteComparison } from './comparison-bars';
