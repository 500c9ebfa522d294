// Helpers shared by the Chart.js builders; not part of the public API.
import type { Unit } from '@icestat/core';
import { bandLine, intervalLine, valueTitle, wrap } from '../internal/caption';
import type { ChartRow } from '../tidy/chart-row';
import { sourceCaption } from '../tidy/source-caption';
import type { ChartJsBarConfig, ChartJsBarDataset, ChartJsOptions, ChartJsRole } from './types';

export { bandLine, intervalLine, valueTitle };

/**
 * Tick options for a value axis: whole numbers for counts (and no fractional ticks), one decimal
 * for rates. Both fraction-digit bounds are set, because Chart.js merges `format` over its own
 * digits and Intl rejects a minimum above the maximum.
 */
export function valueTicks(unit: Unit | undefined): { format: Intl.NumberFormatOptions; precision?: number } {
  const digits = (n: number) => ({ minimumFractionDigits: n, maximumFractionDigits: n });
  switch (unit) {
    case 'people-per-day':
    case 'people-per-year':
    case 'people-average':
    case 'days-average':
    case 'percent':
    case 'percent-change':
      return { format: digits(1) };
    case 'ratio':
      return { format: digits(2) };
    default:
      return { format: digits(0), precision: 0 };
  }
}

/** Tick options for a share axis of fractions 0–1, labelled as whole percents. */
export const percentTicks = { format: { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 0 } } as const;

/** The title and caption plugins' options: the source line always, wrapped for a canvas. */
export function titles(options: ChartJsOptions, title: string, caption: readonly string[]) {
  const extra = options.subtitle === undefined ? [] : typeof options.subtitle === 'string' ? [options.subtitle] : [...options.subtitle];
  return {
    title: { display: true, text: options.title ?? title, align: 'start' as const },
    subtitle: { display: true, text: [...extra, ...caption].flatMap((l) => wrap(l, 100)), align: 'start' as const },
  };
}

/** The chart's size option, when given. */
export function sizing(options: ChartJsOptions): { aspectRatio?: number } {
  return options.aspectRatio === undefined ? {} : { aspectRatio: options.aspectRatio };
}

/** Rows in the order of `labels`: the first row with each label. */
export function alignRows<R extends ChartRow>(rows: readonly R[], labels: readonly string[]): R[] {
  return labels.flatMap((label) => rows.filter((r) => r.label === label).slice(0, 1));
}

/** A bar dataset of one role, or none when no row has a point for it. */
export function barDataset<R extends ChartRow>(
  role: ChartJsRole,
  label: string,
  rows: readonly R[],
  point: (row: R) => number | [number, number] | null,
  style: Omit<ChartJsBarDataset<R>, 'data' | 'icestat' | 'label'>,
): ChartJsBarDataset<R>[] {
  const data = rows.map(point);
  if (data.every((d) => d === null)) return [];
  return [{ label, data, ...style, icestat: { role, rows: rows.map((r, i) => (data[i] === null ? null : r)) } }];
}

/**
 * Horizontal bars of `value` with thin floating bars over `[low, high]` where a qualifier leaves
 * an interval, and grey floating bars over `[low, high]` for rows that are not determinable.
 */
export function intervalBarConfig<R extends ChartRow>(
  rows: readonly R[],
  labels: readonly string[],
  options: ChartJsOptions,
  title: string,
): ChartJsBarConfig<R> {
  const ordered = alignRows(rows, labels);
  const unit = ordered[0]?.unit;
  const axisTitle = valueTitle(ordered);
  const datasets = [
    ...barDataset('value', axisTitle, ordered, (r) => (r.determinable ? r.value : null), { backgroundColor: '#4c78a8', grouped: false, order: 3 }),
    ...barDataset('interval', 'interval the figure stands for', ordered, (r) => (r.determinable && r.high > r.low ? [r.low, r.high] : null), {
      backgroundColor: 'rgba(34, 34, 34, 0.85)',
      barPercentage: 0.15,
      grouped: false,
      order: 1,
    }),
    ...barDataset('range', 'not determinable: range the data allows', ordered, (r) => (r.determinable ? null : [r.low, r.high]), {
      backgroundColor: 'rgba(187, 187, 187, 0.5)',
      borderColor: '#666666',
      borderWidth: 1,
      grouped: false,
      order: 2,
    }),
  ];
  const caption = [sourceCaption(ordered), ...intervalLine(ordered, 'Thin dark bars'), ...bandLine(ordered, 'Grey bars')];
  return {
    type: 'bar',
    data: { labels: ordered.map((r) => r.label), datasets },
    options: {
      indexAxis: 'y',
      ...sizing(options),
      plugins: { ...titles(options, title, caption), legend: { display: datasets.length > 1, position: 'bottom' } },
      scales: {
        x: { type: 'linear', beginAtZero: true, title: { display: true, text: axisTitle }, ticks: valueTicks(unit) },
        y: { type: 'category' },
      },
    },
  };
}
