/**
 * @icestat/chart-data/vega-lite — Vega-Lite specs built from icestat's tidy rows: arrests by place,
 * criminality per operation, time series and comparisons, with intervals drawn and sources in the
 * caption and tooltip. Specs are plain objects; vega-lite lends only its `TopLevelSpec` type.
 *
 * @packageDocumentation
 */
export type { VegaLiteSpecOptions } from './options';
export * from './place-bars';
export * from './criminality-bars';
export * from './time-series';
export * from './comparison-bars';
