// resolution-mode: chart.js's types are ESM only; this lets CommonJS consumers (.d.cts) read them.
// biome-ignore syntax/correctness/noTypeOnlyImportAttributes: TypeScript (5.3+) allows resolution-mode on a type-only import; Biome's parser does not know it yet
import type { ChartConfiguration, ChartDataset, ChartTypeRegistry } from 'chart.js' with { 'resolution-mode': 'import' };
import type { ChartRow } from '../tidy/chart-row';

/** What a Chart.js dataset built here draws: the point values, their intervals, or a part of a criminality bar. */
export type ChartJsRole = 'value' | 'interval' | 'range' | 'criminal' | 'undetermined' | 'not-criminal' | 'band-high' | 'band-low';

/**
 * The custom field every dataset built here carries, `dataset.icestat`: what it draws and, index
 * for index with `data` and `labels`, the tidy row behind each point (`null` where the dataset
 * has no point for a label). Chart.js ignores it; tooltip callbacks read it (see
 * {@link chartJsTooltipLines}) to show the qualifier, source and evidence.
 */
export interface ChartJsMeta<R extends ChartRow = ChartRow> {
  readonly role: ChartJsRole;
  readonly rows: readonly (R | null)[];
}

/** A data point of a bar dataset: a value, a floating bar `[low, high]`, or `null` for no bar. */
export type ChartJsBarValue = ChartTypeRegistry['bar']['defaultDataPoint'];

/** A data point of a line dataset: a number, or `null` for a gap. */
export type ChartJsLineValue = number | null;

/** A bar dataset with its {@link ChartJsMeta}. */
export type ChartJsBarDataset<R extends ChartRow = ChartRow> = ChartDataset<'bar', ChartJsBarValue[]> & { readonly icestat: ChartJsMeta<R> };

/** A line dataset with its {@link ChartJsMeta}. */
export type ChartJsLineDataset<R extends ChartRow = ChartRow> = ChartDataset<'line', ChartJsLineValue[]> & { readonly icestat: ChartJsMeta<R> };

/**
 * A Chart.js bar chart configuration as plain data, each dataset carrying its rows: pass it to
 * `new Chart(canvas, config)`.
 */
export interface ChartJsBarConfig<R extends ChartRow = ChartRow> extends Omit<ChartConfiguration<'bar', ChartJsBarValue[], string>, 'data'> {
  data: { labels: string[]; datasets: ChartJsBarDataset<R>[] };
}

/** A Chart.js line chart configuration as plain data, each dataset carrying its rows. */
export interface ChartJsLineConfig<R extends ChartRow = ChartRow> extends Omit<ChartConfiguration<'line', ChartJsLineValue[], string>, 'data'> {
  data: { labels: string[]; datasets: ChartJsLineDataset<R>[] };
}

/** Options every Chart.js builder of this package accepts. */
export interface ChartJsOptions {
  /** The chart's title; each builder has a default built from the rows. */
  readonly title?: string;
  /** Lines shown under the title before the caption the builder always adds (sources, how intervals are drawn). */
  readonly subtitle?: string | readonly string[];
  /** Width ÷ height of the canvas (Chart.js `aspectRatio`); Chart.js's default when omitted. */
  readonly aspectRatio?: number;
}
