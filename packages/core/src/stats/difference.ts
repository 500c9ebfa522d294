import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate, sameUnit } from './internal';

/**
 * The difference `a − b` of two estimates in one unit. Its interval runs from `a.low − b.high` to
 * `a.high − b.low`, so "nearly 1,300" less 597 is about 703 in `[573, 703]`.
 *
 * @param a - The minuend.
 * @param b - The subtrahend.
 * @returns `a − b`; may be negative.
 * @throws {@link IcestatError} `invalid_input` when units differ.
 * @example
 * difference(quantity(1179), quantity(956)).value; // => 223
 */
export function difference(a: EstimateLike, b: EstimateLike): Estimate {
  const x = toEstimate(a);
  const y = toEstimate(b);
  const unit = sameUnit('difference', [x, y]);
  return makeEstimate(x.value - y.value, x.low - y.high, x.high - y.low, unit);
}
