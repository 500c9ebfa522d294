import { IcestatError } from '../errors';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate, sameUnit } from './internal';

/**
 * The percent change from one estimate to another, `(to − from) ÷ from × 100`. With `from` above 0 it is
 * monotone in each argument, so the interval is the least and greatest change over the corners of
 * the inputs' intervals (for counts: `(to.low ÷ from.high − 1) × 100` to `(to.high ÷ from.low − 1) × 100`).
 *
 * @param from - The earlier or reference value (its interval must be above 0).
 * @param to - The later or compared value, in the same unit.
 * @returns Unit `percent-change`; 100 means doubled.
 * @throws {@link IcestatError} `insufficient_data` when `from` may be 0; `invalid_input` when units differ.
 * @example
 * percentChange(quantity(299), quantity(597)).value; // => 99.665551839
 */
export function percentChange(from: EstimateLike, to: EstimateLike): Estimate {
  const a = toEstimate(from);
  const b = toEstimate(to);
  sameUnit('percentChange', [a, b]);
  if (a.low <= 0) throw new IcestatError('insufficient_data', `percentChange: the starting value's interval [${a.low}, ${a.high}] includes 0 or less`);
  // With from > 0 the change is monotone in each argument, so the corners bound it.
  const corners = [b.low / a.low, b.low / a.high, b.high / a.low, b.high / a.high].map((q) => (q - 1) * 100);
  return makeEstimate((b.value / a.value - 1) * 100, Math.min(...corners), Math.max(...corners), 'percent-change');
}
