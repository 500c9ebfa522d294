import type { CriminalityRow } from '../tidy/criminality-rows';
import { sourceCaption } from '../tidy/source-caption';
import { alignRows, barDataset, percentTicks, sizing, titles } from './internal';
import type { ChartJsBarConfig, ChartJsOptions } from './types';

/**
 * A Chart.js configuration of the "criminal" share of each operation's arrests under one
 * definition, as 100% horizontal bars built from floating bars (shares as fractions of 1, the
 * axis formatted as percent): `[0, share]` criminal, `[share, 1]` not criminal and, where the
 * data cannot tell, a grey `[low, high]` band between the part known criminal and the part known
 * not to be — never a guessed split. Datasets carry their rows (reason, source, evidence) in
 * `dataset.icestat.rows`.
 *
 * @param rows - Rows from `criminalityRows`, all under one definition.
 * @param options - Title, extra subtitle lines, aspect ratio.
 * @returns A `ChartConfiguration<'bar'>` to pass to `new Chart(canvas, config)`.
 * @example
 * const config = toChartJsCriminality(criminalityRows(dataset, 'convicted'));
 * config.data.datasets.map((d) => [d.icestat.role, d.data]);
 * // => [['criminal', [null, [0, 0.63654618474]]], ['undetermined', [[0, 0.51993214589], null]], ['not-criminal', [[0.51993214589, 1], [0.63654618474, 1]]]]
 */
export function toChartJsCriminality(rows: readonly CriminalityRow[], options: ChartJsOptions = {}): ChartJsBarConfig<CriminalityRow> {
  const labels = [...new Set([...rows].sort((a, b) => a.order - b.order).map((r) => r.label))];
  const ordered = alignRows(rows, labels);
  // Percent to fractions of 1, without floating-point dust (51.993214589 / 100 = 0.5199321458899999).
  const fraction = (percent: number) => Math.round(percent * 1e10) / 1e12;
  const criminalEnd = (r: CriminalityRow) => fraction(r.determinable && r.value !== null ? r.value : r.low);
  const notStart = (r: CriminalityRow) => fraction(r.determinable && r.value !== null ? r.value : r.high);
  const style = { grouped: false, barPercentage: 0.8 };
  const datasets = [
    ...barDataset('criminal', 'criminal', ordered, (r) => (criminalEnd(r) > 0 ? [0, criminalEnd(r)] : null), {
      ...style,
      backgroundColor: '#c44e52',
      order: 3,
    }),
    ...barDataset('undetermined', 'cannot tell from the data', ordered, (r) => (r.determinable ? null : [fraction(r.low), fraction(r.high)]), {
      ...style,
      backgroundColor: 'rgba(187, 187, 187, 0.6)',
      borderColor: '#555555',
      borderWidth: 1,
      order: 2,
    }),
    ...barDataset('not-criminal', 'not criminal', ordered, (r) => (notStart(r) < 1 ? [notStart(r), 1] : null), {
      ...style,
      backgroundColor: '#8fb3d9',
      order: 3,
    }),
    ...barDataset('interval', 'interval of the share', ordered, (r) => (r.determinable && r.high > r.low ? [fraction(r.low), fraction(r.high)] : null), {
      grouped: false,
      barPercentage: 0.15,
      backgroundColor: 'rgba(34, 34, 34, 0.85)',
      order: 1,
    }),
  ];
  const descriptions = [...new Set(ordered.map((r) => r.description))];
  const caption = [`“Criminal” here: ${descriptions.join('; ')}.`, sourceCaption(ordered)];
  if (ordered.some((r) => !r.determinable)) caption.push('Grey: what the data cannot tell; the band spans the shares it allows.');
  for (const r of ordered) caption.push(`${r.label}: ${r.text}${r.reason ? ` (${r.reason})` : ''}.`);
  return {
    type: 'bar',
    data: { labels: ordered.map((r) => r.label), datasets },
    options: {
      indexAxis: 'y',
      ...sizing(options),
      plugins: { ...titles(options, 'How many of those arrested were “criminal”?', caption), legend: { display: true, position: 'bottom' } },
      scales: {
        x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'share of arrests' }, ticks: percentTicks },
        y: { type: 'category' },
      },
    },
  };
}
