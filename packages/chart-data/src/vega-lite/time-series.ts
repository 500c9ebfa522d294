// resolution-mode: vega-lite's types are ESM only; this lets CommonJS consumers (.d.cts) read them.
// biome-ignore syntax/correctness/noTypeOnlyImportAttributes: TypeScript (5.3+) allows resolution-mode on a type-only import; Biome's parser does not know it yet
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { TimeRow } from '../tidy/time-row';
import { frame, provenanceTooltip, schemaUrl, sourceLine, valueAxis, values, valueTitle } from './internal';
import type { VegaLiteSpecOptions } from './options';

/** Options of {@link toVegaLiteTimeSeries}. */
export interface TimeSeriesSpecOptions extends VegaLiteSpecOptions {
  /**
   * `ordinal` places each `x` key evenly, in time order; `temporal` places `date` on a UTC time
   * axis. By default temporal for months and days, ordinal for fiscal years and irregular periods.
   */
  readonly xType?: 'ordinal' | 'temporal';
}

const xTitles = { 'fiscal-year': 'Fiscal year (starts 1 October)', month: 'Month', day: 'Day', period: 'Period' } as const;

/**
 * A Vega-Lite spec of figures over time: for fiscal years, months and days a line through the
 * point values, an area band over each point's interval, and a point per row carrying the tooltip
 * (figure, qualifier, source, evidence); several series (a tally by fiscal year × criminality)
 * get a colour each. Figures over irregular periods (ERO arrests "during his two terms", "in
 * 2011") are totals over spans of different lengths, so they get points with error bars and no
 * line. Rows whose time is missing or redacted are not drawn, and the caption says how many people
 * they hold. Marks are named `band`, `line`, `points` (regular) or `intervals`, `points` (irregular).
 *
 * @param rows - Rows from `seriesRows` or `tallyRows` (with a time dimension).
 * @param options - Title, extra subtitle lines, size, x axis type.
 * @returns A Vega-Lite v6 spec with the rows inline.
 * @example
 * toVegaLiteTimeSeries(seriesRows(dataset, 'ice-ero-arrests')).title.text;
 * // => 'ICE Enforcement and Removal Operations (ERO) arrests over time'
 */
export function toVegaLiteTimeSeries(rows: readonly TimeRow[], options: TimeSeriesSpecOptions = {}): TopLevelSpec {
  const granularity = rows.find((r) => r.granularity !== null)?.granularity ?? 'period';
  const temporal = (options.xType ?? (granularity === 'month' || granularity === 'day' ? 'temporal' : 'ordinal')) === 'temporal';
  const seriesNames = [...new Set(rows.map((r) => r.series).filter((s): s is string => s !== undefined))];
  const drawn = rows.filter((r) => r.x !== null && (!temporal || r.date !== null));
  const undrawn = rows.filter((r) => !drawn.includes(r));
  const irregular = granularity === 'period';
  const caption = [sourceLine(rows)];
  const example = drawn.find((r) => r.high > r.low);
  if (example) caption.push(`${irregular ? 'Error bars show' : 'The band shows'} the interval each number stands for (“${example.text}”).`);
  if (irregular) caption.push('Each point is a total over its own period; the periods differ in length, so no line joins them.');
  if (undrawn.length > 0) {
    const people = undrawn.reduce((s, r) => s + (r.value ?? 0), 0);
    caption.push(`Not drawn: ${people.toLocaleString('en-US')} ${rows[0]?.metric ?? 'people'} whose date is missing or redacted.`);
  }
  const single = seriesNames.length <= 1;
  const metric = rows[0]?.metric ?? 'number';
  const title = single && seriesNames[0] ? `${seriesNames[0]} over time` : `${metric.charAt(0).toUpperCase()}${metric.slice(1)} over time`;
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: valueTitle(rows), axis: valueAxis(rows[0]?.unit) });
  const order = [...new Set([...drawn].sort((a, b) => a.order - b.order).map((r) => r.x ?? ''))];
  const x = temporal
    ? {
        field: 'date',
        type: 'temporal' as const,
        timeUnit: granularity === 'day' ? ('utcyearmonthdate' as const) : ('utcyearmonth' as const),
        title: xTitles[granularity],
      }
    : { field: 'x', type: 'ordinal' as const, sort: order, title: xTitles[granularity], axis: { labelAngle: 0, labelLimit: 240 } };
  const color = single ? {} : { color: { field: 'series', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const, labelLimit: 240 } } };
  const tips = provenanceTooltip(rows);
  const tooltip = [
    { field: 'x', type: 'nominal' as const, title: xTitles[granularity] },
    ...(single ? [] : [{ field: 'series', type: 'nominal' as const, title: 'Series' }]),
    ...tips.tooltip,
  ];
  return {
    $schema: schemaUrl,
    ...frame(options, { title, width: 560, height: 300 }, caption),
    data: { values: values(rows) },
    transform: [{ filter: temporal ? 'isValid(datum.x) && isValid(datum.date)' : 'isValid(datum.x)' }, ...tips.transform],
    encoding: { x, ...color },
    layer: irregular
      ? [
          // Totals over periods of different lengths: a line between them would suggest a trend.
          {
            name: 'intervals',
            transform: [{ filter: 'datum.high > datum.low' }],
            mark: { type: 'errorbar', ticks: true, size: 10 },
            encoding: { y: y('low'), y2: { field: 'high' } },
          },
          { name: 'points', mark: { type: 'point', filled: true, size: 60 }, encoding: { y: y('value'), tooltip } },
        ]
      : [
          { name: 'band', mark: { type: 'area', opacity: 0.25 }, encoding: { y: y('low'), y2: { field: 'high' } } },
          { name: 'line', mark: { type: 'line' }, encoding: { y: y('value') } },
          { name: 'points', mark: { type: 'point', filled: true, size: 40 }, encoding: { y: y('value'), tooltip } },
        ],
  };
}
