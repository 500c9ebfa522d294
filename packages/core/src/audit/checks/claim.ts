import { formatPath, IcestatError } from '../../errors';
import type { DerivedClaim } from '../../model/claim';
import { difference } from '../../stats/difference';
import { toEstimate, type Estimate } from '../../stats/estimate';
import { figureRef, type AuditCheck, type FigureHome } from '../check';
import type { FindingLocation } from '../finding';
import { judge } from '../judge';
import { recompute } from '../recompute';

/**
 * `claim` and `claim-not-computable`: every derived claim recomputed from its input figures and
 * judged against what it states ("around 47%" against 566 ÷ 1,179 = 48.0%).
 */
export const claimCheck: AuditCheck = {
  name: 'claim',
  codes: ['claim', 'claim-not-computable'],
  description: 'every derived claim recomputed from its inputs',
  *run(ctx) {
    const sets: [readonly DerivedClaim[], (string | number)[], { operation?: string; series?: string }][] = [
      ...ctx.dataset.operations.map((o, i): [readonly DerivedClaim[], (string | number)[], { operation: string }] => [
        o.claims,
        ['operations', i, 'claims'],
        { operation: o.id },
      ]),
      ...ctx.dataset.series.map((s, i): [readonly DerivedClaim[], (string | number)[], { series: string }] => [
        s.claims,
        ['series', i, 'claims'],
        { series: s.id },
      ]),
      ...(ctx.dataset.tables ?? []).map((t, i): [readonly DerivedClaim[], (string | number)[], { operation: string }] => [
        t.claims,
        ['tables', i, 'claims'],
        { operation: t.id },
      ]),
      [ctx.dataset.claims, ['claims'], {}],
    ];
    for (const [claims, base, owner] of sets) {
      for (const [ci, c] of claims.entries()) {
        const location: FindingLocation = { path: formatPath([...base, ci]), ...owner, claim: c.id, figures: c.inputs };
        const info = { id: c.id, kind: c.kind, statement: c.statement ?? c.evidence, stated: c.stated };
        const expected = toEstimate(c.stated);
        const homes = c.inputs.map((id) => ctx.figures.get(id));
        const found = homes.filter((x): x is FigureHome => x !== undefined);
        if (found.length !== homes.length) {
          yield { code: 'claim-not-computable', severity: 'warning', verdict: 'missing-input', location, claim: info, expected };
          continue;
        }
        const inputs = found.map((h) => figureRef(h.figure));
        let actual: Estimate;
        try {
          actual = recompute(c.kind, found, c.period);
        } catch (e) {
          if (!IcestatError.isInstance(e)) throw e;
          yield { code: 'claim-not-computable', severity: 'warning', verdict: 'not-computable', location, claim: info, inputs, expected, reason: e.message };
          continue;
        }
        const j = judge(actual, c.stated, ctx.options);
        yield {
          code: 'claim',
          ...j,
          location,
          claim: info,
          inputs,
          expected,
          actual,
          ...(actual.unit === expected.unit ? { difference: difference(actual, expected) } : {}),
        };
      }
    }
  },
};
