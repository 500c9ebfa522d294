/**
 * @icestat/chart-data — chart-ready data (tidy rows, Vega-Lite, Chart.js) from icestat statistics.
 * The adapters arrive with issue #5; this entry point is reserved for them.
 *
 * @packageDocumentation
 */
export {};
