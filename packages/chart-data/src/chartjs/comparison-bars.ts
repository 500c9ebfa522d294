import type { ChartRow } from '../tidy/chart-row';
import { intervalBarConfig } from './internal';
import type { ChartJsBarConfig, ChartJsOptions } from './types';

/**
 * A Chart.js configuration comparing operations: one horizontal bar per operation in the order
 * given, thin floating bars `[low, high]` for qualified numbers, grey floating bars for rates
 * that cannot be determined, the sources in the subtitle, and each dataset's rows (with their
 * `ratioText`, e.g. "2.00× … June 2019") in `dataset.icestat.rows` for tooltips.
 *
 * @param rows - Rows from `comparisonRows` (or any rows, one per operation).
 * @param options - Title, extra subtitle lines, aspect ratio.
 * @returns A `ChartConfiguration<'bar'>` to pass to `new Chart(canvas, config)`.
 * @example
 * toChartJsComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06'])).data.datasets[0].data;
 * // => [597, 299]
 */
export function toChartJsComparison<R extends ChartRow>(rows: readonly R[], options: ChartJsOptions = {}): ChartJsBarConfig<R> {
  const labels = [...new Set([...rows].sort((a, b) => a.order - b.order).map((r) => r.label))];
  const metrics = [...new Set(rows.map((r) => r.metric).filter((m): m is string => m !== undefined))];
  const metric = metrics.length === 0 ? 'people counted' : metrics.join(' or ');
  const perDay = rows[0]?.unit === 'people-per-day';
  return intervalBarConfig(rows, labels, options, `${metric.charAt(0).toUpperCase()}${metric.slice(1)}${perDay ? ' per day' : ''} compared`);
}
