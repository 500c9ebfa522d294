import type { TimeRow } from '../tidy/time-row';
import { sourceCaption } from '../tidy/source-caption';
import { sizing, titles, valueTicks, valueTitle } from './internal';
import type { ChartJsLineConfig, ChartJsLineDataset, ChartJsOptions, ChartJsRole } from './types';

const palette = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d'];

/** `#4c78a8` at an opacity, as `rgba(…)`. */
function fade(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * A Chart.js line configuration of figures over time on a category axis of the rows' `x` keys
 * (FY2017, 2017-09, …; no date adapter needed). Per series: a line of the values and two
 * borderless lines at `low` and `high` whose area between is filled (`fill: '+1'`; register
 * Chart.js's Filler plugin). Figures over irregular periods are totals over spans of different
 * lengths, so there no line joins them: points, with `low`/`high` as dash markers. Rows whose time
 * is missing or redacted are left out and counted in the subtitle.
 *
 * @param rows - Rows from `seriesRows` or `tallyRows` (with a time dimension).
 * @param options - Title, extra subtitle lines, aspect ratio.
 * @returns A `ChartConfiguration<'line'>` to pass to `new Chart(canvas, config)`.
 * @example
 * const config = toChartJsTimeSeries(seriesRows(dataset, 'ice-ero-arrests'));
 * config.data.labels; // => ['2009-01-20 – 2017-01-20', '2011', '2016-10 – 2019-03']
 */
export function toChartJsTimeSeries(rows: readonly TimeRow[], options: ChartJsOptions = {}): ChartJsLineConfig<TimeRow> {
  const drawn = [...rows].filter((r) => r.x !== null).sort((a, b) => a.order - b.order);
  const undrawn = rows.filter((r) => r.x === null);
  const labels = [...new Set(drawn.map((r) => r.x ?? ''))];
  const irregular = (drawn.find((r) => r.granularity !== null)?.granularity ?? 'period') === 'period';
  const names = [...new Set(drawn.map((r) => r.series ?? ''))];
  const datasets: ChartJsLineDataset<TimeRow>[] = names.flatMap((name, i) => {
    const color = palette[i % palette.length] ?? '#4c78a8';
    const cells = labels.map((x) => drawn.find((r) => r.x === x && (r.series ?? '') === name) ?? null);
    const series = (role: ChartJsRole, pick: (r: TimeRow) => number | null) => {
      const data = cells.map((r) => (r === null ? null : pick(r)));
      return { data, icestat: { role, rows: cells.map((r, j) => (data[j] === null ? null : r)) } };
    };
    const label = name === '' ? valueTitle(drawn) : name;
    const value: ChartJsLineDataset<TimeRow> = {
      label,
      ...series('value', (r) => r.value),
      borderColor: color,
      backgroundColor: color,
      pointRadius: 3,
      ...(irregular ? { showLine: false, pointRadius: 5 } : {}),
      order: 1,
    };
    if (!cells.some((r) => r !== null && r.high > r.low)) return [value];
    if (irregular) {
      const marker = { showLine: false, pointStyle: 'dash' as const, pointRadius: 8, borderColor: color, borderWidth: 2, order: 2 };
      const spread = (pick: (r: TimeRow) => number) => (r: TimeRow) => (r.high > r.low ? pick(r) : null);
      return [
        value,
        {
          label: `${label}: high`,
          ...series(
            'band-high',
            spread((r) => r.high),
          ),
          ...marker,
        },
        {
          label: `${label}: low`,
          ...series(
            'band-low',
            spread((r) => r.low),
          ),
          ...marker,
        },
      ];
    }
    const edge = { pointRadius: 0, borderWidth: 0, borderColor: fade(color, 0), order: 2 };
    return [
      value,
      { label: `${label}: high`, ...series('band-high', (r) => r.high), ...edge, backgroundColor: fade(color, 0.2), fill: '+1' },
      { label: `${label}: low`, ...series('band-low', (r) => r.low), ...edge, fill: false },
    ];
  });
  const caption = [sourceCaption(rows)];
  const example = drawn.find((r) => r.high > r.low);
  if (example) caption.push(`${irregular ? 'Dashes mark' : 'The shaded band shows'} the interval each number stands for (“${example.text}”).`);
  if (irregular) caption.push('Each point is a total over its own period; the periods differ in length, so no line joins them.');
  if (undrawn.length > 0) {
    const people = undrawn.reduce((s, r) => s + (r.value ?? 0), 0);
    caption.push(`Not drawn: ${people.toLocaleString('en-US')} ${rows[0]?.metric ?? 'people'} whose date is missing or redacted.`);
  }
  const metric = rows[0]?.metric ?? 'number';
  const title = names.length === 1 && names[0] ? `${names[0]} over time` : `${metric.charAt(0).toUpperCase()}${metric.slice(1)} over time`;
  return {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...sizing(options),
      plugins: { ...titles(options, title, caption), legend: { display: true, position: 'bottom' } },
      scales: {
        x: {
          type: 'category',
          title: { display: true, text: irregular ? 'Period' : drawn[0]?.granularity === 'fiscal-year' ? 'Fiscal year (starts 1 October)' : 'Date' },
        },
        y: { type: 'linear', beginAtZero: true, title: { display: true, text: valueTitle(drawn) }, ticks: valueTicks(drawn[0]?.unit) },
      },
    },
  };
}
