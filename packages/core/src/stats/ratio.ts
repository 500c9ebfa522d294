import { IcestatError } from '../errors';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate } from './internal';

/**
 * The ratio `a ÷ b` of two estimates ("twice as large"). The interval is the smallest and largest
 * quotient over the corners of the inputs' intervals, sound because division is monotone in each
 * argument while the divisor keeps one sign.
 *
 * @param a - The numerator.
 * @param b - The denominator; its interval must not include 0.
 * @returns A dimensionless estimate (unit `ratio`).
 * @throws {@link IcestatError} `insufficient_data` when the denominator's interval includes 0.
 * @example
 * ratio(quantity(597), quantity(299)).value; // => 1.996655518
 */
export function ratio(a: EstimateLike, b: EstimateLike): Estimate {
  const x = toEstimate(a);
  const y = toEstimate(b);
  if (y.low <= 0 && y.high >= 0) {
    throw new IcestatError('insufficient_data', `ratio: the denominator's interval [${y.low}, ${y.high}] includes 0, so the ratio is unbounded`);
  }
  const corners = [x.low / y.low, x.low / y.high, x.high / y.low, x.high / y.high];
  return makeEstimate(x.value / y.value, Math.min(...corners), Math.max(...corners), 'ratio');
}
