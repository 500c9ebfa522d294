import type { ChartRow } from '../tidy/chart-row';
import { intervalBarConfig } from './internal';
import type { ChartJsBarConfig, ChartJsOptions } from './types';

/** Options of {@link toChartJsPlaceBars}. */
export interface ChartJsPlaceBarsOptions extends ChartJsOptions {
  /** `value` (largest first, the default) or `report` (the report's order). */
  readonly sort?: 'value' | 'report';
}

/**
 * A Chart.js configuration of one operation's arrests by place: horizontal bars sorted largest
 * first (`indexAxis: 'y'`), a thin floating bar `[low, high]` over each qualified number, grey
 * floating bars for numbers that are not determinable, the source in the subtitle, and each
 * dataset's rows in `dataset.icestat.rows` for tooltips. Plain data: no callbacks.
 *
 * @param rows - Rows of a place breakdown, from `breakdownRows`.
 * @param options - Title, extra subtitle lines, aspect ratio, sort order.
 * @returns A `ChartConfiguration<'bar'>` to pass to `new Chart(canvas, config)`.
 * @example
 * const config = toChartJsPlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place'));
 * config.data.labels.slice(0, 2); // => ['Philadelphia', 'Los Angeles']
 * config.data.datasets[0].data.slice(0, 2); // => [107, 101]
 */
export function toChartJsPlaceBars<R extends ChartRow>(rows: readonly R[], options: ChartJsPlaceBarsOptions = {}): ChartJsBarConfig<R> {
  const sorted =
    options.sort === 'report'
      ? [...rows].sort((a, b) => a.order - b.order)
      : [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.order - b.order);
  const labels = [...new Set(sorted.map((r) => r.label))];
  const metric = rows[0]?.metric ?? 'arrests';
  const aor = rows.length > 0 && rows.every((r) => r.placeKind === 'aor');
  const group = rows[0]?.group;
  const title = `${metric.charAt(0).toUpperCase()}${metric.slice(1)} by ${aor ? 'ICE Area of Responsibility' : 'place'}${group ? `: ${group}` : ''}`;
  return intervalBarConfig(rows, labels, options, title);
}
