// resolution-mode: vega-lite's types are ESM only; this lets CommonJS consumers (.d.cts) read them.
// biome-ignore syntax/correctness/noTypeOnlyImportAttributes: TypeScript (5.3+) allows resolution-mode on a type-only import; Biome's parser does not know it yet
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { ChartRow } from '../tidy/chart-row';
import { intervalBars } from './interval-bars';
import { labelsByValue, labelsInOrder } from './internal';
import type { VegaLiteSpecOptions } from './options';

/** Options of {@link toVegaLitePlaceBars}. */
export interface PlaceBarsSpecOptions extends VegaLiteSpecOptions {
  /** `value` (largest first, the default) or `report` (the report's order). */
  readonly sort?: 'value' | 'report';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A Vega-Lite spec of one operation's arrests by place: horizontal bars sorted largest first,
 * error bars where a qualifier leaves an interval, dashed bands for places whose number is not
 * determinable, each bar labelled with its caption text ("nearly 500 [450–500]"), and the source
 * and evidence in the tooltip. Marks are named `bars`, `intervals`, `ranges` and `labels`.
 *
 * @param rows - Rows of a place breakdown, from `breakdownRows` (or a tally by state or AOR, from `tallyRows`).
 * @param options - Title, extra subtitle lines, size, sort order.
 * @returns A Vega-Lite v6 spec with the rows inline.
 * @example
 * const spec = toVegaLitePlaceBars(breakdownRows(dataset, 'safe-city-2017-by-place'));
 * spec.title; // => { text: 'Arrests by place: Operation Safe City', subtitle: ['Source: BuzzFeed News, “ICE Acknowledges …”'], anchor: 'start' }
 */
export function toVegaLitePlaceBars(rows: readonly ChartRow[], options: PlaceBarsSpecOptions = {}): TopLevelSpec {
  const group = rows[0]?.group;
  const metric = rows[0]?.metric ?? 'arrests';
  const aor = rows.length > 0 && rows.every((r) => r.placeKind === 'aor');
  return intervalBars(rows, options, {
    title: `${capitalise(metric)} by ${aor ? 'ICE Area of Responsibility' : 'place'}${group ? `: ${group}` : ''}`,
    axisTitle: aor ? 'ICE Area of Responsibility' : 'Place',
    order: options.sort === 'report' ? labelsInOrder(rows) : labelsByValue(rows),
  });
}
