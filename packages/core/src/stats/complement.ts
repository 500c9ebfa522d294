import { IcestatError } from '../errors';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate } from './internal';

/**
 * What is left of a whole once a part is taken out: "more than 680" arrested at "approximately
 * 75 percent" convicted leaves about 170 not convicted, somewhere in `[119, 276]`. The part may be
 * a count in the whole's unit or a percent of the whole. Intervals take the part inside the whole:
 * a count's complement is `[max(0, whole.low − part.high), whole.high − part.low]`; a percent's is
 * `[whole.low × (100 − high)%, whole.high × (100 − low)%]`. Counts stay whole numbers.
 *
 * @param whole - The whole (a count).
 * @param part - A count of the whole, or its share in percent.
 * @returns The remainder, in the whole's unit.
 * @throws {@link IcestatError} `invalid_input` when units are incompatible.
 * @example
 * complement(quantity(680, 'more-than'), quantity(75, 'approximately', { unit: 'percent' }));
 * // => { value: 170, low: 119, high: 276, unit: 'people' }
 */
export function complement(whole: EstimateLike, part: EstimateLike): Estimate {
  const w = toEstimate(whole);
  const p = toEstimate(part);
  if (p.unit === 'percent') {
    const value = (w.value * (100 - p.value)) / 100;
    return makeEstimate(value, (w.low * (100 - p.high)) / 100, (w.high * (100 - p.low)) / 100, w.unit);
  }
  if (p.unit !== w.unit) {
    throw new IcestatError('invalid_input', `complement: the part must be in the whole's unit (${w.unit}) or in percent; received ${p.unit}`);
  }
  return makeEstimate(w.value - p.value, Math.max(0, w.low - p.high), w.high - p.low, w.unit);
}
