// The horizontal bars-with-intervals layout behind the place and comparison specs; not public.
// resolution-mode: vega-lite's types are ESM only; this lets CommonJS consumers (.d.cts) read them.
// biome-ignore syntax/correctness/noTypeOnlyImportAttributes: TypeScript (5.3+) allows resolution-mode on a type-only import; Biome's parser does not know it yet
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { ChartRow } from '../tidy/chart-row';
import { bandLine, frame, intervalLine, provenanceTooltip, schemaUrl, sourceLine, valueAxis, values, valueTitle } from './internal';
import type { VegaLiteSpecOptions } from './options';

export interface IntervalBarsLayout {
  readonly title: string;
  readonly axisTitle: string;
  /** Category order, top to bottom. */
  readonly order: readonly string[];
  /** Extra tooltip entries before the provenance ones. */
  readonly tooltip?: readonly { field: string; type: 'nominal'; title: string }[];
}

/**
 * Horizontal bars of `value`, error bars over `[low, high]` where the interval is wider than the
 * point, dashed bands over `[low, high]` for not-determinable rows, and the caption text at the
 * end of each bar. Mark names: `bars`, `intervals`, `ranges`, `labels`.
 */
export function intervalBars(rows: readonly ChartRow[], options: VegaLiteSpecOptions, layout: IntervalBarsLayout): TopLevelSpec {
  const unit = rows[0]?.unit;
  const title = valueTitle(rows);
  const caption = [sourceLine(rows), ...intervalLine(rows, 'Error bars'), ...bandLine(rows)];
  const tips = provenanceTooltip(rows);
  const tooltip = [{ field: 'label', type: 'nominal' as const, title: layout.axisTitle }, ...(layout.tooltip ?? []), ...tips.tooltip];
  const x = (field: string) => ({ field, type: 'quantitative' as const, title, axis: { ...valueAxis(unit), grid: true } });
  return {
    $schema: schemaUrl,
    ...frame(options, { title: layout.title, width: 480, height: { step: 24 } }, caption),
    data: { values: values(rows) },
    transform: tips.transform,
    encoding: {
      y: { field: 'label', type: 'nominal', sort: [...layout.order], title: null, axis: { labelLimit: 320 } },
    },
    layer: [
      {
        name: 'bars',
        transform: [{ filter: 'datum.determinable' }],
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: { x: x('value'), tooltip },
      },
      {
        name: 'ranges',
        transform: [{ filter: '!datum.determinable' }],
        mark: { type: 'bar', color: '#bbbbbb', opacity: 0.5, stroke: '#666666', strokeDash: [4, 2] },
        encoding: { x: x('low'), x2: { field: 'high' }, tooltip },
      },
      {
        name: 'intervals',
        transform: [{ filter: 'datum.determinable && datum.high > datum.low' }],
        mark: { type: 'errorbar', ticks: true, size: 10, color: '#222222' },
        encoding: { x: x('low'), x2: { field: 'high' } },
      },
      {
        name: 'labels',
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 10, color: '#333333' },
        encoding: { x: x('high'), text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
}
