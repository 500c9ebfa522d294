import { headlineFigure, type Figure, type Metric, type Operation, type Unit } from '@icestat/core';
import type { ChartRow, DatasetLike } from './chart-row';
import { compact, findOperation, metricWords, provenance, reading } from './internal';
import { placeLabel } from './place-label';

/** Options of {@link headlineRows}. */
export interface HeadlineRowsOptions {
  /** Keep only figures of these metrics. */
  readonly metric?: Metric | readonly Metric[];
  /** Keep only figures in this unit (a chart has one axis). */
  readonly unit?: Unit;
}

function scope(figure: Figure): string {
  const parts: string[] = [];
  if (figure.places) parts.push(`in ${figure.places.map(placeLabel).join(', ')}`);
  if (figure.period?.label) parts.push(figure.period.label);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/**
 * Tidy rows of an operation's own figures — its headline figure first (core's `headlineFigure`),
 * then the others in the report's order: Safe City's "nearly 500" and CHIRLA's "at the very least
 * 498", the 2019 surge's 597, "nearly 600" and "nearly 1,300 that week". Labels are the metric
 * and scope in words; where two figures share them, the number is added (`arrests · nearly 600`).
 *
 * @param dataset - The dataset holding the operation.
 * @param operation - The operation or its id.
 * @param options - Metrics or unit to keep.
 * @returns One {@link ChartRow} per figure, `group` the operation's name, `series` the metric.
 * @throws {@link IcestatError} `invalid_input` when no operation has that id.
 * @example
 * headlineRows(dataset, 'safe-city-2017').map((r) => r.text); // => ['nearly 500 [450–500]', 'at least 498 [498–622]']
 */
export function headlineRows(dataset: DatasetLike, operation: string | Operation, options: HeadlineRowsOptions = {}): ChartRow[] {
  const op = findOperation('headlineRows', dataset, operation);
  const metrics = options.metric === undefined ? undefined : new Set<Metric>(typeof options.metric === 'string' ? [options.metric] : options.metric);
  let lead: Figure | undefined;
  try {
    lead = headlineFigure(op);
  } catch {
    lead = undefined; // No count of people: the figures keep the report's order.
  }
  const figures = lead ? [lead, ...op.figures.filter((f) => f !== lead)] : [...op.figures];
  const kept = figures.filter((f) => (!metrics || metrics.has(f.metric)) && (!options.unit || f.quantity.unit === options.unit));
  const base = kept.map((f) => `${metricWords(f.metric)}${scope(f)}`);
  return kept.map((figure, order) => {
    const r = reading(figure);
    const name = base[order] ?? '';
    const shared = base.filter((b) => b === name).length > 1;
    return compact<ChartRow>({
      key: figure.id,
      label: shared ? `${name} · ${r.text.replace(/ \[.*\]$/, '')}` : name,
      ...r,
      series: metricWords(figure.metric),
      group: op.name,
      metric: metricWords(figure.metric),
      order,
      ...provenance(dataset, figure),
    } as ChartRow);
  });
}
