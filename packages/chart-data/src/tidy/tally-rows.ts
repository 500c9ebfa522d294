import { aorByCode, MISSING, REDACTED, stateByCode, type TallyDimension, type TallyResult } from '@icestat/core';
import type { ChartRow, SourceRef } from './chart-row';
import { criminalityLabel } from './criminality-label';
import { rowText } from './row-text';
import { compact } from './internal';
import type { TimeGranularity, TimeRow } from './time-row';

/** Options of {@link tallyRows}. */
export interface TallyRowsOptions {
  /** The release the records come from, for captions; rows carry `source: null` without it. */
  readonly source?: SourceRef;
  /** What the records count, in words; `arrests` by default. */
  readonly metric?: string;
}

const timeDimensions: ReadonlySet<TallyDimension> = new Set(['fiscalYear', 'month', 'day']);
const granularity: Readonly<Partial<Record<TallyDimension, TimeGranularity>>> = { fiscalYear: 'fiscal-year', month: 'month', day: 'day' };

function isGap(value: string): boolean {
  return value === MISSING || value === REDACTED;
}

/** A tally group value in words: AORs and states by name, criminality classes in words. */
function valueLabel(dimension: TallyDimension, value: string): string {
  if (value === MISSING) return 'missing';
  if (value === REDACTED) return 'redacted (FOIA)';
  switch (dimension) {
    case 'aor':
      return aorByCode(value)?.name ?? value;
    case 'state':
      return stateByCode(value)?.name ?? value;
    case 'criminality':
      return criminalityLabel([value]);
    default:
      return value;
  }
}

function dateOf(dimension: TallyDimension, value: string): string | null {
  if (isGap(value)) return null;
  if (dimension === 'fiscalYear') return `${Number(value.slice(2)) - 1}-10-01`;
  if (dimension === 'month') return `${value}-01`;
  if (dimension === 'day') return value;
  return null;
}

/** Orders group values with missing and redacted ones last. */
function byValue(a: string, b: string): number {
  return Number(isGap(a)) - Number(isGap(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Tidy rows of a tally of arrest records (core's `createTally(...).result()`): one row per group
 * of the tally's time dimension (fiscal year, month or day) × one other dimension, the other as
 * `series` — FY2017 convicted, FY2017 pending criminal charges, …. Without a time dimension the
 * first dimension labels the rows. Dimensions beyond two are summed over. Counts are exact; rows
 * whose time is missing or redacted are kept, with `x: null`, and sorted last.
 *
 * @param result - A tally result.
 * @param options - The records' source, and the metric in words.
 * @returns One {@link TimeRow} per group.
 * @example
 * const t = createTally({ by: ['fiscalYear', 'criminality'] });
 * t.add({ apprehensionDate: '2017-09-25', criminality: 'convicted' });
 * tallyRows(t.result())[0];
 * // => { key: 'FY2017|convicted', label: 'FY2017', series: 'convicted', value: 1, x: 'FY2017', date: '2016-10-01', … }
 */
export function tallyRows(result: TallyResult, options: TallyRowsOptions = {}): TimeRow[] {
  const time = result.by.find((d) => timeDimensions.has(d));
  const labelDim = time ?? result.by[0];
  const seriesDim = result.by.find((d) => d !== labelDim);
  const groups = new Map<string, { label: string; series: string | undefined; count: number }>();
  for (const row of result.rows) {
    const label = labelDim ? (row[labelDim] ?? MISSING) : 'all records';
    const series = seriesDim ? (row[seriesDim] ?? MISSING) : undefined;
    const key = series === undefined ? label : `${label}|${series}`;
    const g = groups.get(key);
    if (g) g.count += row.count;
    else groups.set(key, { label, series, count: row.count });
  }
  const sorted = [...groups.entries()].sort(([, a], [, b]) => byValue(a.label, b.label) || byValue(a.series ?? '', b.series ?? ''));
  const metric = options.metric ?? 'arrests';
  return sorted.map(([key, g], order) => {
    const x = time && !isGap(g.label) ? g.label : null;
    const row: Omit<TimeRow, keyof ChartRow> & ChartRow = {
      key,
      label: labelDim ? valueLabel(labelDim, g.label) : g.label,
      value: g.count,
      low: g.count,
      high: g.count,
      unit: 'people',
      qualifier: 'exact',
      ...(seriesDim && g.series !== undefined ? { series: valueLabel(seriesDim, g.series) } : {}),
      metric,
      order,
      source: options.source ?? null,
      evidence: null,
      text: rowText({ value: g.count, low: g.count, high: g.count, unit: 'people' }),
      determinable: true,
      x,
      date: time ? dateOf(time, g.label) : null,
      granularity: time ? (granularity[time] ?? null) : null,
    };
    return compact<TimeRow>(row);
  });
}
