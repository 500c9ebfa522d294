import { formatPath } from '../../errors';
import type { BreakdownPart } from '../../model/breakdown';
import { breakdownsOf, type BreakdownVisit } from '../../model/walk';
import { difference } from '../../stats/difference';
import { isSharePart } from '../../stats/part-count';
import { share } from '../../stats/share';
import { figureRef, type AuditCheck } from '../check';
import { judge } from '../judge';

function sameCategory(a: BreakdownPart, b: BreakdownPart): boolean {
  if (a.category === b.category) return true;
  const ca = a.criminality;
  const cb = b.criminality;
  return ca !== undefined && cb !== undefined && ca.length === cb.length && ca.every((c) => cb.includes(c));
}

/**
 * `stated-share`: a breakdown part that states a share of its total ("approximately 75 percent
 * with criminal convictions") against the share any stated count of the same category makes of
 * the same total (share × total vs the count).
 */
export const statedShareCheck: AuditCheck = {
  name: 'stated-share',
  codes: ['stated-share'],
  description: 'a stated share of a total against a stated count of the same category',
  *run(ctx) {
    const visits = breakdownsOf(ctx.dataset);
    const byTotal = new Map<string, BreakdownVisit[]>();
    for (const v of visits) if (v.total) byTotal.set(v.total.id, [...(byTotal.get(v.total.id) ?? []), v]);
    for (const v of visits) {
      const total = v.total;
      if (!total) continue;
      for (const [pi, sp] of v.breakdown.parts.entries()) {
        if (!isSharePart(sp, total)) continue;
        for (const other of byTotal.get(total.id) ?? []) {
          for (const cp of other.breakdown.parts) {
            if (cp === sp || cp.figure.quantity.unit !== total.quantity.unit || !sameCategory(sp, cp)) continue;
            const actual = share(cp.figure, total);
            const expected = { value: sp.figure.quantity.value, low: sp.figure.quantity.low, high: sp.figure.quantity.high, unit: 'percent' as const };
            yield {
              code: 'stated-share',
              ...judge(actual, sp.figure.quantity, ctx.options),
              location: {
                path: formatPath([...v.path, 'parts', pi]),
                operation: v.operation.id,
                breakdown: v.breakdown.id,
                figures: [sp.figure.id, cp.figure.id, total.id],
              },
              breakdown: { id: v.breakdown.id, dimension: v.breakdown.dimension },
              total: figureRef(total),
              parts: [figureRef(sp.figure, sp.label ?? sp.category), figureRef(cp.figure, cp.label ?? cp.category)],
              expected,
              actual,
              difference: difference(actual, expected),
            };
          }
        }
      }
    }
  },
};
