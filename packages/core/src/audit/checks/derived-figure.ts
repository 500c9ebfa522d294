import { formatPath, IcestatError } from '../../errors';
import { figuresOf } from '../../model/walk';
import { difference } from '../../stats/difference';
import { toEstimate, type Estimate } from '../../stats/estimate';
import { figureRef, type AuditCheck, type FigureHome } from '../check';
import { judge } from '../judge';
import { recompute } from '../recompute';

/**
 * `derived-figure`: every figure with `derivedFrom` recomputed from its inputs and judged against
 * its own quantity (143 = 1,660 − 1,517).
 */
export const derivedFigureCheck: AuditCheck = {
  name: 'derived-figure',
  codes: ['derived-figure'],
  description: 'figures computed from other figures recomputed',
  *run(ctx) {
    for (const { figure, path, operation, series } of figuresOf(ctx.dataset)) {
      const d = figure.derivedFrom;
      if (!d) continue;
      const location = {
        path: formatPath([...path, 'derivedFrom']),
        ...(operation ? { operation: operation.id } : series ? { series: series.id } : {}),
        figures: [figure.id, ...d.inputs],
      };
      const homes = d.inputs.map((id) => ctx.figures.get(id)).filter((x): x is FigureHome => x !== undefined);
      const inputs = homes.map((h) => figureRef(h.figure));
      const expected = toEstimate(figure);
      const common = { code: 'derived-figure', location, derived: { figure: figureRef(figure), operation: d.operation }, inputs, expected } as const;
      let actual: Estimate;
      try {
        actual = recompute(d.operation, homes, d.period);
      } catch (e) {
        if (!IcestatError.isInstance(e)) throw e;
        yield { ...common, severity: 'warning', verdict: 'not-computable', reason: e.message };
        continue;
      }
      yield {
        ...common,
        ...judge(actual, figure.quantity, ctx.options),
        actual,
        ...(actual.unit === expected.unit ? { difference: difference(actual, expected) } : {}),
      };
    }
  },
};
