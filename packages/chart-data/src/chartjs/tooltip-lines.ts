import type { ChartRow } from '../tidy/chart-row';
import type { ChartJsMeta } from './types';

/** What {@link chartJsTooltipLines} reads: Chart.js's tooltip item (its dataset and the point's index). */
export interface ChartJsTooltipContext {
  readonly dataset: object;
  readonly dataIndex: number;
}

function rowOf(ctx: ChartJsTooltipContext): ChartRow | null {
  const meta = (ctx.dataset as { icestat?: ChartJsMeta }).icestat;
  return meta?.rows[ctx.dataIndex] ?? null;
}

/**
 * The lines a tooltip should show for a point of a configuration built here: the figure as
 * reported ("nearly 500 [450–500]"), why it is not determinable, the report's words, the source,
 * the source it cites, and the evidence phrase. Chart.js configurations cannot carry functions
 * as data, so wire this up yourself:
 * `options.plugins.tooltip.callbacks.afterLabel = (ctx) => chartJsTooltipLines(ctx)`.
 *
 * @param ctx - Chart.js's tooltip item (anything with `dataset` and `dataIndex`).
 * @returns The lines; empty for a point without a row.
 * @example
 * chartJsTooltipLines({ dataset: config.data.datasets[0], dataIndex: 0 });
 * // => ['107', 'Source: BuzzFeed News, “ICE Acknowledges …”', 'Evidence: “Philadelphia saw the largest number of arrests, 107”']
 */
export function chartJsTooltipLines(ctx: ChartJsTooltipContext): string[] {
  const row = rowOf(ctx);
  if (!row) return [];
  const lines = [row.text];
  if (row.reason) lines.push(`Not determinable: ${row.reason}`);
  if (row.reported) lines.push(`As reported: ${row.reported}`);
  lines.push(row.source ? `Source: ${row.source.publisher}, “${row.source.title}”` : 'Source: not given');
  if (row.citing) lines.push(`Citing: ${row.citing.publisher}`);
  if (row.evidence) lines.push(`Evidence: “${row.evidence}”`);
  const ratio = (row as { ratioText?: unknown }).ratioText;
  if (typeof ratio === 'string' && ratio !== 'reference') lines.push(`Compared: ${ratio}`);
  return lines;
}
