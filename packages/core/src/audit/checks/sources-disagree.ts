import { formatPath } from '../../errors';
import type { Figure } from '../../model/figure';
import type { Series } from '../../model/operation';
import { placeName } from '../../model/place';
import { breakdownsOf, containersOf, type FigureContainer } from '../../model/walk';
import { difference } from '../../stats/difference';
import { overlaps, toEstimate } from '../../stats/estimate';
import { figureRef, type AuditCheck, type AuditContext } from '../check';

function provenance(ctx: AuditContext, f: Figure): string {
  const s = (f.citing ? ctx.sources.get(f.citing) : undefined) ?? ctx.sources.get(f.source);
  return s ? `${s.kind.replace(/-/g, ' ')}, ${s.publisher}` : f.source;
}

function scopeKey(f: Figure): string {
  const p = f.period;
  const period = p ? [p.start, p.end, p.days, p.fiscalYear, p.start || p.end || p.days || p.fiscalYear ? '' : p.label].join('|') : '';
  return `${f.metric}|${f.quantity.unit}|${period}|${f.places ? f.places.map(placeName).join(';') : ''}`;
}

/**
 * `sources-disagree`: two sources giving the same metric for the same scope in one operation or
 * series, or in one breakdown part's scope (956 official vs 1,179 internal arrests on 26 January
 * 2025). `expected` is the first figure, `actual` the second.
 */
export const sourcesDisagreeCheck: AuditCheck = {
  name: 'sources-disagree',
  codes: ['sources-disagree'],
  description: 'figures of different sources for one metric and scope agree',
  *run(ctx) {
    const containers: [FigureContainer | Series, 'operation' | 'series', (string | number)[]][] = [
      ...containersOf(ctx.dataset).map(([c, path]): [FigureContainer, 'operation', (string | number)[]] => [c, 'operation', path]),
      ...ctx.dataset.series.map((s, i): [Series, 'series', (string | number)[]] => [s, 'series', ['series', i]]),
    ];
    // Scopes inside operations too: a breakdown part's figure and the other figures of its cell.
    const scopes: [{ readonly id: string; readonly name: string; readonly figures: readonly Figure[] }, 'operation' | 'series', (string | number)[]][] = [
      ...containers,
    ];
    for (const v of breakdownsOf(ctx.dataset)) {
      for (const [pi, part] of v.breakdown.parts.entries()) {
        if (!part.figures?.length) continue;
        scopes.push([
          { id: v.operation.id, name: `${v.operation.name} › ${part.label ?? part.category}`, figures: [part.figure, ...part.figures] },
          'operation',
          [...v.path, 'parts', pi],
        ]);
      }
    }
    for (const [container, kind, path] of scopes) {
      const groups = new Map<string, Figure[]>();
      for (const f of container.figures) {
        const key = scopeKey(f);
        groups.set(key, [...(groups.get(key) ?? []), f]);
      }
      for (const figures of groups.values()) {
        for (let i = 0; i < figures.length; i++) {
          for (let j = i + 1; j < figures.length; j++) {
            const a = figures[i]!;
            const b = figures[j]!;
            if (a.source === b.source && a.citing === b.citing) continue;
            const expected = toEstimate(a);
            const actual = toEstimate(b);
            const agree = overlaps(expected, actual);
            yield {
              code: 'sources-disagree',
              severity: agree ? 'info' : 'warning',
              verdict: agree ? 'agree' : 'disagree',
              location: { path: formatPath(path), [kind]: container.id, figures: [a.id, b.id] },
              container: container.name,
              inputs: [a, b].map((f) => ({ ...figureRef(f), provenance: provenance(ctx, f) })),
              ...(a.period ? { period: a.period } : {}),
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
