import { IcestatError } from '../errors';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate, sameUnit } from './internal';

/**
 * The share of a whole that a part makes up, in percent (0–100, as reports write it). The part is
 * taken to be inside the whole, so the interval is clipped to [0, 100]: 566 of 1,179 is 48.0%.
 *
 * @param part - A count within the whole.
 * @param whole - The whole, in the same unit; its interval must be above 0.
 * @returns A percent estimate.
 * @throws {@link IcestatError} `invalid_input` when units differ or the part exceeds the whole
 *   for every value in the intervals; `insufficient_data` when the whole may be 0.
 * @example
 * share(quantity(566), quantity(1179)).value; // => 48.006785411
 */
export function share(part: EstimateLike, whole: EstimateLike): Estimate {
  const p = toEstimate(part);
  const w = toEstimate(whole);
  sameUnit('share', [p, w]);
  if (w.low <= 0) throw new IcestatError('insufficient_data', `share: the whole's interval [${w.low}, ${w.high}] includes 0`);
  if (p.low > w.high) {
    throw new IcestatError('invalid_input', `share: the part (at least ${p.low}) exceeds the whole (at most ${w.high})`);
  }
  const value = Math.min(100, (p.value / w.value) * 100);
  const low = Math.max(0, (p.low / w.high) * 100);
  const high = Math.min(100, (p.high / w.low) * 100);
  return makeEstimate(value, low, high, 'percent');
}
