import { IcestatError } from '../errors';
import { measureOf } from '../model/figure';
import type { Period } from '../model/period';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate } from './internal';
import { daysInPeriod } from './time';

/**
 * The average number per day over a period: 331 arrests over the 36 days of 9 May – 13 June 2016
 * is 9.2 a day. The interval divides the count's low by the most days and its high by the fewest,
 * so a period known only to the month widens it.
 *
 * @param count - A count (people).
 * @param period - The period it was counted over.
 * @returns People per day.
 * @throws {@link IcestatError} `not_determinable` when the period's length is unknown, or the
 *   count is a figure that is not a flow (people detained on a day have no rate per day).
 * @example
 * ratePerDay(quantity(331), { start: '2016-05-09', end: '2016-06-13' }).value; // => 9.194444444
 */
export function ratePerDay(count: EstimateLike, period: Period): Estimate {
  if ('metric' in count && typeof count.metric === 'string') {
    const measure = measureOf(count as Parameters<typeof measureOf>[0]);
    if (measure !== 'flow') {
      throw new IcestatError(
        'not_determinable',
        `ratePerDay needs a flow (a count over a period); ${count.metric} is ${measure === 'stock' ? 'a stock, counted on one day' : 'an average over its period already'}`,
      );
    }
  }
  const c = toEstimate(count);
  const d = daysInPeriod(period);
  return makeEstimate(c.value / d.value, c.low / d.high, c.high / d.low, 'people-per-day');
}
