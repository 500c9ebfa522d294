import { formatPath } from '../../errors';
import { breakdownsOf } from '../../model/walk';
import { difference } from '../../stats/difference';
import { toEstimate } from '../../stats/estimate';
import { sum } from '../../stats/sum';
import { figureRef, type AuditCheck } from '../check';
import { judge } from '../judge';

/**
 * `breakdown-sum`: the parts of an exhaustive, exclusive breakdown against its total
 * (317 + 181 = 498 against "nearly 500"); with no stated total, the sum the parts give.
 */
export const breakdownSumCheck: AuditCheck = {
  name: 'breakdown-sum',
  codes: ['breakdown-sum'],
  description: 'the parts of an exhaustive breakdown add up to its total',
  *run(ctx) {
    for (const { breakdown: b, path, operation, total } of breakdownsOf(ctx.dataset)) {
      if (b.exhaustive !== true || b.exclusive === false) continue;
      const location = {
        path: formatPath(path),
        operation: operation.id,
        breakdown: b.id,
        figures: [...(total ? [total.id] : []), ...b.parts.map((p) => p.figure.id)],
      };
      const parts = b.parts.map((p) => figureRef(p.figure, p.label ?? p.category));
      const actual = sum(b.parts.map((p) => toEstimate(p.figure)));
      const common = { code: 'breakdown-sum', location, breakdown: { id: b.id, dimension: b.dimension }, parts, actual } as const;
      if (!total) {
        yield { ...common, severity: 'info', verdict: 'no-total' };
        continue;
      }
      const expected = toEstimate(total);
      const j = judge(actual, total.quantity, ctx.options);
      yield { ...common, ...j, total: figureRef(total), expected, difference: difference(actual, expected) };
    }
  },
};
