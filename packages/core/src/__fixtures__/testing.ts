// Helpers shared by the tests of core (and loaders): catching IcestatErrors, interval checks with
// floating-point slack, and the bundled example dataset.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { IcestatError } from '../errors';
import { datasetSchema, type Dataset } from '../model/dataset';
import type { Operation } from '../model/operation';
import { dateOfDayNumber, dayNumber, type Period } from '../model/period';
import { daysInMonth } from '../model/primitives';
import type { Estimate } from '../stats/estimate';

/** The IcestatError `f` throws; fails the test when it throws nothing or something else. */
export function caught(f: () => unknown): IcestatError {
  try {
    f();
  } catch (e) {
    if (IcestatError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected an IcestatError, but nothing was thrown');
}

/** Relative slack for floating-point dust (and the 1e-9 snapping of results). */
export const slack = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

/** Expects the real `x` inside `out`, give or take {@link slack}. */
export function expectInside(out: Estimate, x: number): void {
  expect(out.low - slack(x)).toBeLessThanOrEqual(x);
  expect(x).toBeLessThanOrEqual(out.high + slack(x));
}

/** Expects the interval `inner` inside `outer`, give or take {@link slack}. */
export function expectWithin(inner: Estimate, outer: Estimate): void {
  expect(outer.low - slack(inner.low)).toBeLessThanOrEqual(inner.low);
  expect(inner.high).toBeLessThanOrEqual(outer.high + slack(inner.high));
}

/** `e` moved up by `k`: its point and both ends plus `k`. */
export function shift(e: Estimate, k: number): Estimate {
  return { ...e, value: e.value + k, low: e.low + k, high: e.high + k };
}

/** Expects the point and both ends of `after` no lower than those of `before`. */
export function expectNoLower(before: Estimate, after: Estimate): void {
  for (const key of ['low', 'value', 'high'] as const) expect(after[key]).toBeGreaterThanOrEqual(before[key]);
}

/** Expects the point and both ends of `after` no higher than those of `before`. */
export function expectNoHigher(before: Estimate, after: Estimate): void {
  for (const key of ['low', 'value', 'high'] as const) expect(after[key]).toBeLessThanOrEqual(before[key]);
}

let bundled: Dataset | undefined;

/** The bundled example dataset's JSON text (@icestat/data/icestat-dataset.json), as it is stored. */
export function bundledDatasetText(): string {
  return readFileSync(new URL('../../../data/data/icestat-dataset.json', import.meta.url), 'utf8');
}

/** The bundled example dataset (@icestat/data/icestat-dataset.json), parsed once per test file. */
export function bundledDataset(): Dataset {
  bundled ??= datasetSchema.parse(JSON.parse(bundledDatasetText()));
  return bundled;
}

/** The operation `id` of `dataset`; throws when there is none. */
export function operationOf(dataset: Dataset, id: string): Operation {
  const op = dataset.operations.find((o) => o.id === id);
  if (!op) throw new Error(`the dataset "${dataset.title}" has no operation "${id}"`);
  return op;
}

/** A period with the range of its true first and last days (day numbers). */
export interface PeriodCase<P extends Period = Period> {
  readonly period: P;
  readonly starts: readonly [number, number];
  readonly ends: readonly [number, number];
}

/** Month `m` of year `y` to `k` months later, month-precise and written at the edges of its months. */
export function monthsCase(y: number, m: number, k: number): PeriodCase<{ start: string; end: string; precision: 'month' }> {
  const endMonth = m - 1 + k;
  const ey = y + Math.floor(endMonth / 12);
  const em = (endMonth % 12) + 1;
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
  const end = `${ey}-${String(em).padStart(2, '0')}-${daysInMonth(ey, em)}`;
  return {
    period: { start, end, precision: 'month' },
    starts: [dayNumber(start), dayNumber(start) + daysInMonth(y, m) - 1],
    ends: [dayNumber(end) - daysInMonth(ey, em) + 1, dayNumber(end)],
  };
}

/** The week starting on day number `s` to the week ending `k` weeks later, week-precise. */
export function weeksCase(s: number, k: number): PeriodCase<{ start: string; end: string; precision: 'week' }> {
  const e = s + 6 + 7 * k;
  return { period: { start: dateOfDayNumber(s), end: dateOfDayNumber(e), precision: 'week' }, starts: [s, s + 6], ends: [e - 6, e] };
}

/** True number of days of `c` for fractions `u`, `v` (in [0, 1]) picking the first and last day. */
export function trueDays(c: PeriodCase, u: number, v: number): number {
  const first = c.starts[0] + Math.round(u * (c.starts[1] - c.starts[0]));
  const lastMin = Math.max(first, c.ends[0]);
  const last = lastMin + Math.round(v * (c.ends[1] - lastMin));
  return last - first + 1;
}
