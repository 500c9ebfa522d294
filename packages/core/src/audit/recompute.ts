import { IcestatError } from '../errors';
import type { ClaimKind } from '../model/claim';
import type { Figure } from '../model/figure';
import type { Period } from '../model/period';
import { complement } from '../stats/complement';
import { difference } from '../stats/difference';
import type { Estimate } from '../stats/estimate';
import { percentChange } from '../stats/percent-change';
import { ratePerDay } from '../stats/rate-per-day';
import { ratio } from '../stats/ratio';
import { share } from '../stats/share';
import { sum } from '../stats/sum';
import type { FigureHome } from './check';

/**
 * The result of a claim's or a derived figure's arithmetic on its input figures.
 *
 * @param kind - The operation.
 * @param inputs - The input figures, with the operation or series holding each.
 * @param period - For `rate-per-day`: the period, when not the first input's own (or its operation's).
 * @returns The computed estimate.
 * @throws {@link IcestatError} from the statistic, or `not_determinable` for a rate without a period.
 * @example
 * recompute('difference', [{ figure: week }, { figure: city }]).value; // => 143
 */
export function recompute(kind: ClaimKind, inputs: readonly FigureHome[], period?: Period): Estimate {
  const fs = inputs.map((i) => i.figure);
  const [a, b] = fs as [Figure, Figure];
  switch (kind) {
    case 'sum':
      return sum(fs);
    case 'difference':
      return difference(a, b);
    case 'ratio':
      return ratio(a, b);
    case 'share':
      return share(a, b);
    case 'complement':
      return complement(a, b);
    case 'percent-change':
      return percentChange(a, b);
    case 'rate-per-day': {
      const p = period ?? inputs[0]?.figure.period ?? inputs[0]?.operation?.period;
      if (!p) throw new IcestatError('not_determinable', 'no period is given for the rate');
      return ratePerDay(a, p);
    }
  }
}
