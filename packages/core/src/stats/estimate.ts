import type { Figure } from '../model/figure';
import type { Unit } from '../model/quantity';

/**
 * A computed number with its interval: the point estimate `value` and the closed interval
 * `[low, high]` that surely holds the true value if the inputs' intervals do. Every
 * {@link Quantity} is an Estimate, so reported and computed numbers mix freely.
 */
export interface Estimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly unit: Unit;
}

/** What the statistics accept: an {@link Estimate} (a Quantity is one) or a {@link Figure}. */
export type EstimateLike = Estimate | Pick<Figure, 'quantity'>;

/**
 * The estimate inside a figure or quantity.
 *
 * @param x - A figure, quantity or estimate.
 * @returns Its `{ value, low, high, unit }`.
 * @example
 * toEstimate({ quantity: { value: 500, unit: 'people', qualifier: 'nearly', low: 450, high: 500, bounds: 'rule' } });
 * // => { value: 500, low: 450, high: 500, unit: 'people' }
 */
export function toEstimate(x: EstimateLike): Estimate {
  const q = 'quantity' in x ? x.quantity : x;
  return { value: q.value, low: q.low, high: q.high, unit: q.unit };
}

/**
 * An estimate with no uncertainty.
 *
 * @param value - The number.
 * @param unit - Its unit; `people` by default.
 * @returns `{ value, low: value, high: value, unit }`.
 * @example
 * exactly(331); // => { value: 331, low: 331, high: 331, unit: 'people' }
 */
export function exactly(value: number, unit: Unit = 'people'): Estimate {
  return { value, low: value, high: value, unit };
}

/**
 * The width of an estimate's interval, `high − low`: how much the qualifiers leave open.
 *
 * @param e - An estimate.
 * @returns A number ≥ 0.
 * @example
 * width({ value: 170, low: 136, high: 255, unit: 'people' }); // => 119
 */
export function width(e: Estimate): number {
  return e.high - e.low;
}

/**
 * Whether an estimate's interval holds a number.
 *
 * @param e - An estimate.
 * @param x - The number.
 * @returns `low ≤ x ≤ high`.
 * @example
 * contains({ value: 500, low: 450, high: 500, unit: 'people' }, 498); // => true
 */
export function contains(e: Estimate, x: number): boolean {
  return e.low <= x && x <= e.high;
}

/**
 * Whether two estimates' intervals share at least one number.
 *
 * @param a - An estimate.
 * @param b - Another.
 * @returns `true` when the intervals overlap.
 * @example
 * overlaps(exactly(956), exactly(1179)); // => false
 */
export function overlaps(a: Estimate, b: Estimate): boolean {
  return a.low <= b.high && b.low <= a.high;
}
