import { formatPath } from '../../errors';
import { breakdownsOf } from '../../model/walk';
import { difference } from '../../stats/difference';
import { toEstimate } from '../../stats/estimate';
import { partCount } from '../../stats/part-count';
import { sum } from '../../stats/sum';
import { figureRef, type AuditCheck } from '../check';

/**
 * `parts-exceed-total`: a single part larger than its total (wrong whatever the flags say), and
 * parts that add to more than the total when they are not known to overlap. Exhaustive,
 * exclusive breakdowns are left to `breakdown-sum`, which says the same with the gap.
 */
export const partsExceedTotalCheck: AuditCheck = {
  name: 'parts-exceed-total',
  codes: ['parts-exceed-total'],
  description: 'no part, and no sum of parts that do not overlap, is larger than the total',
  *run(ctx) {
    for (const { breakdown: b, path, operation, total } of breakdownsOf(ctx.dataset)) {
      if (!total) continue;
      const location = { path: formatPath(path), operation: operation.id, breakdown: b.id, figures: [total.id, ...b.parts.map((p) => p.figure.id)] };
      const common = { code: 'parts-exceed-total', location, breakdown: { id: b.id, dimension: b.dimension }, total: figureRef(total) } as const;
      const expected = toEstimate(total);
      for (const p of b.parts) {
        const actual = partCount(p, total);
        if (actual.low > total.quantity.high) {
          yield {
            ...common,
            severity: 'error',
            verdict: 'part-exceeds',
            parts: [figureRef(p.figure, p.label ?? p.category)],
            expected,
            actual,
            difference: difference(actual, expected),
          };
        }
      }
      if (b.exclusive === false || b.exhaustive === true) continue;
      const actual = sum(b.parts.map((p) => partCount(p, total)));
      if (actual.low <= expected.high) continue;
      yield {
        ...common,
        severity: b.exclusive === true ? 'error' : 'warning',
        verdict: b.exclusive === true ? 'parts-exceed' : 'overlap-or-wrong',
        parts: b.parts.map((p) => figureRef(p.figure, p.label ?? p.category)),
        expected,
        actual,
        difference: difference(actual, expected),
      };
    }
  },
};
