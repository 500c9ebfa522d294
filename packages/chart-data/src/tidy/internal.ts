// Helpers shared by the row builders; not part of the public API.
import { IcestatError, type Figure, type Metric, type Operation, type Series } from '@icestat/core';
import type { ChartRow, DatasetLike, RowQualifier } from './chart-row';
import { rowText } from './row-text';
import { sourceRef } from './source-ref';

const metricText: Readonly<Record<Metric, string>> = {
  arrests: 'arrests',
  detentions: 'detentions',
  removals: 'removals',
  apprehensions: 'apprehensions',
  encounters: 'encounters',
  detainers: 'detainers',
  'book-ins': 'book-ins',
  'detention-population': 'people detained',
  'average-daily-population': 'average daily population',
  'length-of-stay': 'average length of stay',
  'agents-deployed': 'agents deployed',
  'states-covered': 'states covered',
  'jurisdictions-covered': 'jurisdictions covered',
};

/** A metric in words: `agents-deployed` → `agents deployed`. */
export function metricWords(metric: Metric): string {
  return metricText[metric];
}

/** A slug in words: `sex-offence` → `sex offence`. */
export function slugWords(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/** The operation with this id (or the operation itself). */
export function findOperation(fn: string, dataset: DatasetLike, operation: string | Operation): Operation {
  if (typeof operation !== 'string') return operation;
  const found = dataset.operations.find((o) => o.id === operation);
  if (!found) {
    const known = dataset.operations.map((o) => o.id).join(', ');
    throw new IcestatError('invalid_input', `${fn}: expected the id of an operation of the dataset (${known}); received "${operation}"`);
  }
  return found;
}

/** The series with this id (or the series itself). */
export function findSeries(fn: string, dataset: DatasetLike, series: string | Series): Series {
  if (typeof series !== 'string') return series;
  const found = (dataset.series ?? []).find((s) => s.id === series);
  if (!found) {
    const known = (dataset.series ?? []).map((s) => s.id).join(', ') || 'none';
    throw new IcestatError('invalid_input', `${fn}: expected the id of a series of the dataset (${known}); received "${series}"`);
  }
  return found;
}

/** The provenance fields of a row read from a figure: source, citing source, evidence. */
export function provenance(dataset: DatasetLike, figure: Figure): Pick<ChartRow, 'source' | 'citing' | 'evidence'> {
  const source = sourceRef(dataset, figure.source);
  return figure.citing === undefined ? { source, evidence: figure.evidence } : { source, citing: sourceRef(dataset, figure.citing), evidence: figure.evidence };
}

/** The number fields of a row read from a figure, with its caption text. */
export function reading(figure: Figure): Pick<ChartRow, 'value' | 'low' | 'high' | 'unit' | 'qualifier' | 'text' | 'determinable'> {
  const q = figure.quantity;
  // A figure derived from others (1,660 − 1,517 = 143) is marked as computed, never as stated.
  const qualifier: RowQualifier = figure.derivedFrom ? 'computed' : q.qualifier;
  const text = rowText({ value: q.value, low: q.low, high: q.high, unit: q.unit, qualifier });
  return {
    value: q.value,
    low: q.low,
    high: q.high,
    unit: q.unit,
    qualifier,
    text: figure.derivedFrom ? `${text} (computed: ${figure.evidence})` : text,
    determinable: true,
  };
}

const fieldOrder = [
  'key',
  'label',
  'value',
  'low',
  'high',
  'unit',
  'qualifier',
  'text',
  'determinable',
  'reason',
  'series',
  'group',
  'metric',
  'reported',
  'placeKind',
  'order',
  'source',
  'citing',
  'evidence',
];

/**
 * Drops keys whose value is undefined, so rows stay plain JSON under exactOptionalPropertyTypes,
 * and puts the fields in one order (number first, provenance after), so rows read alike.
 */
export function compact<T extends object>(row: T): T {
  const entries = Object.entries(row).filter(([, v]) => v !== undefined);
  const rank = (k: string): number => {
    const i = fieldOrder.indexOf(k);
    return i === -1 ? fieldOrder.length : i;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries) as T;
}
