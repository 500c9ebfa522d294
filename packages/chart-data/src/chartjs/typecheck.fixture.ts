// Type-checked by `tsc --noEmit` (the package's typecheck), never run or published: every
// builder's output must be a Chart.js configuration that `new Chart(…)` accepts.
import type { Chart, ChartConfiguration, ChartTypeRegistry } from 'chart.js';
import type { ChartRow } from '../tidy/chart-row';
import type { ComparisonRow } from '../tidy/comparison-rows';
import type { CriminalityRow } from '../tidy/criminality-rows';
import type { TimeRow } from '../tidy/time-row';
import { toChartJsComparison } from './comparison-bars';
import { toChartJsCriminality } from './criminality-bars';
import { toChartJsPlaceBars } from './place-bars';
import { toChartJsTimeSeries } from './time-series';
import { chartJsTooltipLines } from './tooltip-lines';

declare const rows: ChartRow[];
declare const comparison: ComparisonRow[];
declare const criminality: CriminalityRow[];
declare const time: TimeRow[];
declare const canvas: HTMLCanvasElement;
declare const ChartJs: typeof Chart;

/** Chart.js's own data point types, as arrays (a dataset may mix values, floating bars and gaps). */
type BarData = ChartTypeRegistry['bar']['defaultDataPoint'][];
type LineData = (number | null)[];

export const places: ChartConfiguration<'bar', BarData, string> = toChartJsPlaceBars(rows);
export const compared: ChartConfiguration<'bar', BarData, string> = toChartJsComparison(comparison);
export const criminal: ChartConfiguration<'bar', BarData, string> = toChartJsCriminality(criminality);
export const series: ChartConfiguration<'line', LineData, string> = toChartJsTimeSeries(time);
export const loose: ChartConfiguration = toChartJsPlaceBars(rows);

export const charts = [
  new ChartJs(canvas, toChartJsPlaceBars(rows)),
  new ChartJs(canvas, toChartJsComparison(comparison)),
  new ChartJs(canvas, toChartJsCriminality(criminality)),
  new ChartJs(canvas, toChartJsTimeSeries(time)),
];

// The documented tooltip wiring compiles against Chart.js's callback types.
const config = toChartJsPlaceBars(rows);
config.options = { ...config.options, plugins: { ...config.options?.plugins, tooltip: { callbacks: { afterLabel: (ctx) => chartJsTooltipLines(ctx) } } } };
export const wired: ChartConfiguration<'bar', BarData, string> = config;
