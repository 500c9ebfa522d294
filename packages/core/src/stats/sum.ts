import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate, sameUnit } from './internal';

/**
 * The sum of estimates in one unit. The interval adds the lows and the highs, so it holds every
 * sum of values from the inputs' intervals (interval arithmetic; inputs taken as independent).
 *
 * @param values - One or more estimates, quantities or figures.
 * @returns Their sum.
 * @throws {@link IcestatError} `invalid_input` when units differ, `insufficient_data` when empty.
 * @example
 * sum([quantity(317), quantity(181)]); // => { value: 498, low: 498, high: 498, unit: 'people' }
 */
export function sum(values: readonly EstimateLike[]): Estimate {
  const es = values.map(toEstimate);
  const unit = sameUnit('sum', es);
  let value = 0;
  let low = 0;
  let high = 0;
  for (const e of es) {
    value += e.value;
    low += e.low;
    high += e.high;
  }
  return makeEstimate(value, low, high, unit);
}
