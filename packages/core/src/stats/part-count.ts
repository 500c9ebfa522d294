import { IcestatError } from '../errors';
import type { BreakdownPart } from '../model/breakdown';
import { toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate } from './internal';

/**
 * Whether a breakdown part states a share of its total rather than a count: a part in percent
 * under a total that is not ("approximately 75 percent" of "more than 680").
 *
 * @param part - A breakdown part (its figure).
 * @param total - The breakdown's total, when known.
 * @returns `true` for a stated share.
 * @example
 * isSharePart({ figure: { quantity: quantity(75, 'about', { unit: 'percent' }) } }, quantity(680, 'more than')); // => true
 */
export function isSharePart(part: Pick<BreakdownPart, 'figure'>, total: EstimateLike | undefined): boolean {
  return part.figure.quantity.unit === 'percent' && (total === undefined || toEstimate(total).unit !== 'percent');
}

/**
 * A breakdown part as a count in its total's unit: a count as it is, a stated share as share ×
 * total with the interval of both ("approximately 75 percent" [67.5–82.5%] of "more than 680"
 * [680–850] is 510 [459–701] people).
 *
 * @param part - A breakdown part.
 * @param total - The breakdown's total; needed for a share.
 * @returns The part's count.
 * @throws {@link IcestatError} `insufficient_data` for a share without a total.
 * @example
 * partCount({ figure: { quantity: quantity(75, 'about', { unit: 'percent' }) } }, quantity(680, 'more than'));
 * // => { value: 510, low: 459, high: 701, unit: 'people' }
 */
export function partCount(part: Pick<BreakdownPart, 'figure'>, total: EstimateLike | undefined): Estimate {
  const p = toEstimate(part.figure);
  if (!isSharePart(part, total)) return p;
  if (total === undefined) {
    throw new IcestatError(
      'insufficient_data',
      `partCount: the part "${part.figure.id}" states a share (${p.value}%) but its breakdown has no total to take it of`,
    );
  }
  const t = toEstimate(total);
  return makeEstimate((p.value * t.value) / 100, (p.low * t.low) / 100, (p.high * t.high) / 100, t.unit);
}
