import { formatPath } from '../../errors';
import { breakdownsOf } from '../../model/walk';
import { difference } from '../../stats/difference';
import { toEstimate } from '../../stats/estimate';
import { partCount } from '../../stats/part-count';
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
      // Stated shares count as share × total; without a total, parts in different units cannot be added.
      const counts = b.parts.map((p) => (total ? partCount(p, total) : toEstimate(p.figure)));
      if (new Set(counts.map((c) => c.unit)).size > 1) continue;
      const actual = sum(counts);
      const common = { code: 'breakdown-sum', location, breakdown: { id: b.id, dimension: b.dimension }, parts, actual } as const;
      if (!total) {
        yield { ...common, severity: 'info', verdict: 'no-total' };
        continue;
      }
      const expected = toEstimate(total);
      const named = b.uncounted ?? [];
      if (named.length > 0) {
        // Each category named without a count holds at least one person; what the counted parts
        // leave of the total is theirs.
        const left = difference(expected, actual);
        const uncounted = named.map((u) => ({ category: u.category, evidence: u.evidence, ...(u.label === undefined ? {} : { label: u.label }) }));
        const fits = left.high >= named.length;
        const gap = fits ? { ...left, low: Math.max(left.low, named.length), value: Math.max(left.value, named.length) } : left;
        yield {
          ...common,
          severity: fits ? 'info' : 'error',
          verdict: fits ? 'attributed' : 'no-room-for-uncounted',
          total: figureRef(total),
          expected,
          difference: difference(actual, expected),
          gap,
          uncounted,
        };
        continue;
      }
      const j = judge(actual, total.quantity, ctx.options);
      yield { ...common, ...j, total: figureRef(total), expected, difference: difference(actual, expected) };
    }
  },
};
