import type { Period } from '../model/period';
import type { Estimate, EstimateLike } from './estimate';
import { makeEstimate } from './internal';
import { ratePerDay } from './rate-per-day';

/** Days in a mean Gregorian year, the base of annualised rates. */
export const DAYS_PER_YEAR = 365.2425;

/**
 * A count over a period scaled to a year: the per-day rate times 365.2425 days (the mean
 * Gregorian year), with its interval scaled the same way.
 *
 * @param count - A count (people).
 * @param period - The period it was counted over.
 * @returns People per year.
 * @throws {@link IcestatError} `not_determinable` when the period's length is unknown.
 * @example
 * annualRate(quantity(326876), { start: '2016-10-01', end: '2019-03-31' }).value; // => 130908.999 (326,876 over 912 days)
 */
export function annualRate(count: EstimateLike, period: Period): Estimate {
  const r = ratePerDay(count, period);
  return makeEstimate(r.value * DAYS_PER_YEAR, r.low * DAYS_PER_YEAR, r.high * DAYS_PER_YEAR, 'people-per-year');
}
