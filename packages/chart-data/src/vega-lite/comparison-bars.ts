// resolution-mode: vega-lite's types are ESM only; this lets CommonJS consumers (.d.cts) read them.
// biome-ignore syntax/correctness/noTypeOnlyImportAttributes: TypeScript (5.3+) allows resolution-mode on a type-only import; Biome's parser does not know it yet
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { ChartRow } from '../tidy/chart-row';
import type { ComparisonRow } from '../tidy/comparison-rows';
import { intervalBars } from './interval-bars';
import { labelsInOrder } from './internal';
import type { VegaLiteSpecOptions } from './options';

/**
 * A Vega-Lite spec comparing operations: one horizontal bar per operation in the order given, its
 * headline figure (or rate per day) with error bars for qualified numbers, dashed bands for rates
 * that cannot be determined, and each bar's ratio to the reference operation ("2.00× June 2019")
 * in the tooltip. Marks are named `bars`, `intervals`, `ranges` and `labels`.
 *
 * @param rows - Rows from `comparisonRows` (or any rows, one per operation).
 * @param options - Title, extra subtitle lines, size.
 * @returns A Vega-Lite v6 spec with the rows inline.
 * @example
 * toVegaLiteComparison(comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06'])).title;
 * // => { text: 'Arrests compared', subtitle: ['Source: World Socialist Web Site (wsws.org), “…”, citing U.S. Immigration and Customs Enforcement (ICE)'], anchor: 'start' }
 */
export function toVegaLiteComparison(rows: readonly (ComparisonRow | ChartRow)[], options: VegaLiteSpecOptions = {}): TopLevelSpec {
  const metrics = [...new Set(rows.map((r) => r.metric).filter((m): m is string => m !== undefined))];
  const metric = metrics.length === 0 ? 'people counted' : metrics.join(' or ');
  const perDay = rows[0]?.unit === 'people-per-day';
  const hasRatio = rows.some((r) => 'ratioText' in r && r.ratioText !== null);
  return intervalBars(rows, options, {
    title: `${metric.charAt(0).toUpperCase()}${metric.slice(1)}${perDay ? ' per day' : ''} compared`,
    axisTitle: 'Operation',
    order: labelsInOrder(rows),
    ...(hasRatio ? { tooltip: [{ field: 'ratioText', type: 'nominal' as const, title: 'Compared with' }] } : {}),
  });
}
