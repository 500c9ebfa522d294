import { fiscalYearBounds, type Period, type Series } from '@icestat/core';
import type { DatasetLike } from './chart-row';
import { compact, findSeries, metricWords, provenance, reading } from './internal';
import type { TimeGranularity, TimeRow } from './time-row';

function trim(date: string, period: Period): string {
  const precision = period.precision ?? 'day';
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

/** A compact name for a period: `FY2017`, `2016-10 – 2019-03`, `from 2016-10`, or the report's label. */
function periodKey(period: Period, fallback: string): string {
  if (period.fiscalYear !== undefined) return `FY${period.fiscalYear}`;
  const { start, end } = period;
  if (start && end) {
    const s = trim(start, period);
    const e = trim(end, period);
    return s === e ? s : `${s} – ${e}`;
  }
  if (start) return `from ${trim(start, period)}`;
  if (end) return `to ${trim(end, period)}`;
  return period.label ?? fallback;
}

/** The ISO day a period starts on, where the data says: its start, its fiscal year, or a bare year label ("2011"). */
function periodDate(period: Period): string | null {
  if (period.start) return period.start;
  if (period.fiscalYear !== undefined) return fiscalYearBounds(period.fiscalYear)[0];
  if (period.precision === 'year' && period.label && /^\d{4}$/.test(period.label)) return `${period.label}-01-01`;
  return null;
}

const granularityOf: Readonly<Record<Series['interval'], TimeGranularity>> = {
  'fiscal-year': 'fiscal-year',
  'calendar-year': 'period',
  month: 'month',
  week: 'period',
  day: 'day',
  irregular: 'period',
};

/**
 * Tidy rows of a series (ICE ERO arrests over the years), one per figure, in time order: figures
 * whose start the data gives come first, by date, and those without a known start after them in
 * the report's order. `x` names each figure's period compactly (`FY2017`, `2016-10 – 2019-03`);
 * the report's words for the period are kept in `reported`.
 *
 * @param dataset - The dataset holding the series.
 * @param series - The series or its id.
 * @returns One {@link TimeRow} per figure, `series` the series' name.
 * @throws {@link IcestatError} `invalid_input` when no series has that id.
 * @example
 * seriesRows(dataset, 'ice-ero-arrests').map((r) => r.x);
 * // => ['2009-01-20 – 2017-01-20', '2011', '2016-10 – 2019-03']
 */
export function seriesRows(dataset: DatasetLike, series: string | Series): TimeRow[] {
  const s = findSeries('seriesRows', dataset, series);
  const dated = s.figures.map((figure, i) => ({ figure, i, date: figure.period ? periodDate(figure.period) : null }));
  dated.sort((a, b) => (a.date === null ? (b.date === null ? a.i - b.i : 1) : b.date === null ? -1 : a.date.localeCompare(b.date) || a.i - b.i));
  return dated.map(({ figure, date }, order) => {
    // A series figure always has a period (the series schema requires one).
    const period: Period = figure.period ?? {};
    const x = periodKey(period, figure.id);
    return compact<TimeRow>({
      key: figure.id,
      label: x,
      ...reading(figure),
      series: s.name,
      metric: metricWords(figure.metric),
      reported: period.label !== undefined && period.label !== x ? period.label : undefined,
      order,
      ...provenance(dataset, figure),
      x,
      date,
      granularity: granularityOf[s.interval],
    } as TimeRow);
  });
}
