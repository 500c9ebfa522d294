import { formatPath } from '../../errors';
import { breakdownsOf } from '../../model/walk';
import { difference } from '../../stats/difference';
import { toEstimate } from '../../stats/estimate';
import { makeEstimate } from '../../stats/internal';
import { partCount } from '../../stats/part-count';
import { sum } from '../../stats/sum';
import { figureRef, type AuditCheck } from '../check';

/**
 * `unexplained-remainder`: what a breakdown not known to be exhaustive leaves in no category
 * (181 − (68 + 104) = 9). When the parts may overlap, the gap is a lower bound.
 */
export const unexplainedRemainderCheck: AuditCheck = {
  name: 'unexplained-remainder',
  codes: ['unexplained-remainder'],
  description: 'what a breakdown of unknown exhaustiveness leaves in no category',
  *run(ctx) {
    for (const { breakdown: b, path, operation, total } of breakdownsOf(ctx.dataset)) {
      if (!total || b.exhaustive !== 'unknown' || b.exclusive === false) continue;
      const expected = toEstimate(total);
      const estimates = b.parts.map((p) => partCount(p, total));
      const actual = sum(estimates);
      if (actual.low > expected.high) continue; // parts-exceed-total reports it
      // Exact when parts are exclusive; at least this much when they may overlap.
      const value = expected.value - actual.value;
      const low = Math.max(0, expected.low - actual.high);
      const high = b.exclusive === true ? expected.high - actual.low : expected.high - Math.max(...estimates.map((p) => p.low));
      const gap = makeEstimate(Math.max(0, value), low, Math.max(low, high), expected.unit);
      if (gap.high <= 0) continue;
      const named = b.uncounted ?? [];
      yield {
        code: 'unexplained-remainder',
        severity: value > 0 && named.length === 0 ? 'warning' : 'info',
        verdict: named.length === 0 ? 'unexplained' : 'named-uncounted',
        ...(named.length === 0
          ? {}
          : { uncounted: named.map((u) => ({ category: u.category, evidence: u.evidence, ...(u.label === undefined ? {} : { label: u.label }) })) }),
        location: { path: formatPath(path), operation: operation.id, breakdown: b.id, figures: [total.id, ...b.parts.map((p) => p.figure.id)] },
        breakdown: { id: b.id, dimension: b.dimension, exclusive: b.exclusive },
        total: figureRef(total),
        parts: b.parts.map((p) => figureRef(p.figure, p.label ?? p.category)),
        expected,
        actual,
        difference: difference(actual, expected),
        gap,
      };
    }
  },
};
