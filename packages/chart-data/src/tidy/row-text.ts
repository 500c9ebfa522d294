import { formatEstimate, formatInterval, type Unit } from '@icestat/core';
import type { RowQualifier } from './chart-row';

/** What {@link rowText} reads: an estimate, optionally qualified; `value: null` when not determinable. */
export interface RowEstimate {
  readonly value: number | null;
  readonly low: number;
  readonly high: number;
  readonly unit: Unit;
  readonly qualifier?: RowQualifier;
}

/**
 * A row's `text`: its number written by core's `formatEstimate` (a reported number with the
 * digits and qualifier words it was stated with, a computed one with fixed digits), or the range
 * the data allows when the value is not determinable. Not exported: users call core's
 * `formatEstimate`, the one number formatter.
 *
 * @param e - The estimate, with its qualifier (`exact` when omitted) and unit.
 * @returns Text such as `nearly 500 [450–500]`, `63.7%`, `9.2 a day`, `not determinable [63.7–100.0%]`.
 * @example
 * rowText({ value: 500, low: 450, high: 500, unit: 'people', qualifier: 'nearly' }); // => 'nearly 500 [450–500]'
 * rowText({ value: null, low: 0, high: 51.99, unit: 'percent' }); // => 'not determinable [0.0–52.0%]'
 */
export function rowText(e: RowEstimate): string {
  if (e.value === null) return `not determinable [${formatInterval(e.low, e.high, e.unit)}]`;
  const estimate = { value: e.value, low: e.low, high: e.high, unit: e.unit };
  const qualifier = e.qualifier ?? 'exact';
  // A computed number has no qualifier: core writes it with fixed digits ("48.0%").
  return formatEstimate(qualifier === 'computed' ? estimate : { ...estimate, qualifier, bounds: 'explicit' });
}
