// Helpers shared by the Vega-Lite builders; not part of the public API.
import type { Unit } from '@icestat/core';
import type { ChartRow } from '../tidy/chart-row';
import { sourceCaption } from '../tidy/source-caption';
import { wrap } from '../internal/caption';

export { bandLine, intervalLine, valueTitle } from '../internal/caption';
import type { VegaLiteSpecOptions } from './options';

/** The Vega-Lite schema the specs are written against (the major version of the vega-lite peer). */
export const schemaUrl = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Quantitative axis settings for a unit: its format, and whole ticks for counts (no "0, 0, 1, 1"). */
export function valueAxis(unit: Unit | undefined): { format: string; tickMinStep?: number } {
  const format = axisFormat(unit);
  return format === ',d' ? { format, tickMinStep: 1 } : { format };
}

/** d3-format for an axis of this unit: `,d` for counts, `.1f` for rates, `.2f` for ratios. */
export function axisFormat(unit: Unit | undefined): string {
  switch (unit) {
    case 'people-per-day':
    case 'people-per-year':
    case 'people-average':
    case 'days-average':
    case 'percent':
    case 'percent-change':
      return '.1f';
    case 'ratio':
      return '.2f';
    default:
      return ',d';
  }
}

/** The caption line naming the rows' sources; always present. */
export const sourceLine = sourceCaption;

/** The title block, caption and size shared by every spec. */
export function frame(
  options: VegaLiteSpecOptions,
  defaults: { title: string; width: number | 'container'; height: number | 'container' | { step: number } },
  caption: readonly string[],
): {
  title: { text: string; subtitle: string[]; anchor: 'start' };
  description: string;
  width: number | 'container';
  height: number | 'container' | { step: number };
} {
  const extra = options.subtitle === undefined ? [] : typeof options.subtitle === 'string' ? [options.subtitle] : [...options.subtitle];
  const text = options.title ?? defaults.title;
  const height = options.height === undefined ? defaults.height : typeof options.height === 'object' ? { step: options.height.step } : options.height;
  const width = options.width ?? defaults.width;
  const max = typeof width === 'number' ? Math.max(60, Math.round((width + 200) / 6.5)) : 90;
  const subtitle = [...extra, ...caption].flatMap((line) => wrap(line, max));
  return {
    title: { text, subtitle, anchor: 'start' },
    description: options.description ?? [text, ...extra, ...caption].join(' '),
    width,
    height,
  };
}

/** The rows as plain, mutable data for `data.values`. */
export function values(rows: readonly ChartRow[]): object[] {
  return rows.map((r) => ({ ...r }));
}

type TooltipEntry = { field: string; type: 'nominal'; title: string };
type Calculate = { calculate: string; as: string };

/**
 * Tooltip entries every mark shows — the figure, its qualifier, what the report said, why it is
 * not determinable, source, citing source, evidence — and the `calculate` transforms that fill
 * them, so a row without a source or evidence reads "not given" rather than "null".
 */
export function provenanceTooltip(rows: readonly ChartRow[]): { tooltip: TooltipEntry[]; transform: Calculate[] } {
  const t = (field: string, title: string): TooltipEntry => ({ field, type: 'nominal', title });
  const fill = (field: string, expr: string): Calculate => ({ calculate: expr, as: field });
  const tooltip = [t('text', 'Figure'), t('qualifier', 'Qualifier')];
  const transform: Calculate[] = [];
  if (rows.some((r) => r.reported !== undefined)) {
    tooltip.push(t('tipReported', 'As reported'));
    transform.push(fill('tipReported', "isValid(datum.reported) ? datum.reported : '—'"));
  }
  if (rows.some((r) => !r.determinable)) {
    tooltip.push(t('tipReason', 'Why not determinable'));
    transform.push(fill('tipReason', "isValid(datum.reason) ? datum.reason : '—'"));
  }
  tooltip.push(t('tipSource', 'Source'));
  transform.push(fill('tipSource', "isValid(datum.source) ? datum.source.publisher + ', “' + datum.source.title + '”' : 'not given'"));
  if (rows.some((r) => r.citing !== undefined)) {
    tooltip.push(t('tipCiting', 'Citing'));
    transform.push(fill('tipCiting', "isValid(datum.citing) ? datum.citing.publisher : '—'"));
  }
  tooltip.push(t('tipEvidence', 'Evidence'));
  transform.push(fill('tipEvidence', "isValid(datum.evidence) ? '“' + datum.evidence + '”' : 'not given'"));
  return { tooltip, transform };
}

/** Labels in the order of the rows' `order` field. */
export function labelsInOrder(rows: readonly ChartRow[]): string[] {
  return [...new Set([...rows].sort((a, b) => a.order - b.order).map((r) => r.label))];
}

/** Labels by value, largest first; rows without a value last, in their order. */
export function labelsByValue(rows: readonly ChartRow[]): string[] {
  const sorted = [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.order - b.order);
  return [...new Set(sorted.map((r) => r.label))];
}
