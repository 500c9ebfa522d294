import type { Operation } from '../model/operation';
import { difference } from './difference';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { headlineFigure } from './headline-figure';
import { percentChange } from './percent-change';
import { ratio } from './ratio';

/** The result of {@link compare}: both sides and how they relate, each with its interval. */
export interface Comparison {
  readonly a: Estimate;
  readonly b: Estimate;
  /** `a ÷ b`. */
  readonly ratio: Estimate;
  /** `a − b`. */
  readonly difference: Estimate;
  /** Change from `b` to `a`, in percent: how much larger `a` is than `b`. */
  readonly percentChange: Estimate;
}

function side(x: EstimateLike | Operation): Estimate {
  return 'figures' in x ? toEstimate(headlineFigure(x)) : toEstimate(x);
}

/**
 * Compares two figures, quantities or operations (by their {@link headlineFigure}): how many times
 * `a` is `b`, how many more, and by what percent — each with its interval. The September 2019
 * surge (597) against June's (299) gives a ratio ≈ 2.0, so "twice as large" holds.
 *
 * @param a - The figure or operation compared.
 * @param b - The reference.
 * @returns {@link Comparison}.
 * @throws {@link IcestatError} when units differ or `b` may be 0.
 * @example
 * compare(quantity(597), quantity(299)).ratio.value; // => 1.996655518
 * compare(quantity(597), quantity(299)).difference.value; // => 298
 */
export function compare(a: EstimateLike | Operation, b: EstimateLike | Operation): Comparison {
  const x = side(a);
  const y = side(b);
  return { a: x, b: y, ratio: ratio(x, y), difference: difference(x, y), percentChange: percentChange(y, x) };
}
