import { formatPath } from '../../errors';
import { measureOf } from '../../model/figure';
import { dateOfDayNumber, dayNumber, type Period } from '../../model/period';
import { containersOf, figuresOf } from '../../model/walk';
import type { AuditCheck, AuditContext } from '../check';
import type { FindingDraft, FindingLocation } from '../finding';

/** Stocks of people held on a day; agents deployed or states covered are stocks over an operation. */
function metricIsHeld(metric: string): boolean {
  return metric === 'detention-population';
}

/** The last day a partial date (`2019`, `2019-10`, `2019-10-07`) can mean. */
function latestDay(partial: string): string {
  if (partial.length === 10) return partial;
  if (partial.length === 7) {
    const y = Number(partial.slice(0, 4));
    const m = Number(partial.slice(5, 7));
    return `${partial}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return `${partial}-12-31`;
}

function* checkPeriod(
  ctx: AuditContext,
  period: Period | undefined,
  location: FindingLocation,
  subject: string,
  sourceIds: readonly string[],
): Generator<FindingDraft> {
  if (!period) return;
  const common = { code: 'impossible-period', location, subject, period } as const;
  if (period.start && period.end && period.end < period.start) {
    yield { ...common, severity: 'error', verdict: 'ends-before-start' };
    return;
  }
  if (period.start && period.end && period.days !== undefined) {
    const span = dayNumber(period.end) - dayNumber(period.start) + 1;
    const byDay = (period.precision ?? 'day') === 'day';
    if (byDay ? span !== period.days : period.days > span) {
      yield { ...common, severity: 'error', verdict: byDay ? 'days-mismatch' : 'days-exceed-span', reference: { days: span } };
    }
  }
  if (!period.start) return;
  for (const id of sourceIds) {
    const source = ctx.sources.get(id);
    if (source?.published && latestDay(source.published) < period.start) {
      yield { ...common, severity: 'error', verdict: 'after-publication', reference: { published: source.published, title: source.title } };
    }
  }
}

/**
 * `impossible-period`: a period that ends before it starts, lasts longer than its dates allow,
 * starts after its source was published, or (warnings) reaches outside its operation's period,
 * or gives a stock — people held on a day — several days. Periods are checked by measure: a
 * stock may fall on the day after its operation's period ends (the population at its close).
 */
export const impossiblePeriodCheck: AuditCheck = {
  name: 'impossible-period',
  codes: ['impossible-period'],
  description: 'periods that cannot be',
  *run(ctx) {
    for (const [o, path] of containersOf(ctx.dataset)) {
      yield* checkPeriod(ctx, o.period, { path: formatPath([...path, 'period']), operation: o.id }, `${'kind' in o ? 'operation' : 'table'} “${o.name}”`, []);
    }
    for (const { figure, path, operation, series } of figuresOf(ctx.dataset)) {
      const owner = operation ? { operation: operation.id } : series ? { series: series.id } : {};
      const subject = `figure “${figure.evidence}”`;
      const p = figure.period ?? operation?.period;
      yield* checkPeriod(ctx, p, { path: formatPath([...path, ...(figure.period ? ['period'] : [])]), ...owner, figures: [figure.id] }, subject, [
        figure.source,
      ]);
      const measure = measureOf(figure);
      if (
        measure === 'stock' &&
        p?.start &&
        p.end &&
        p.start !== p.end &&
        (p.precision ?? 'day') === 'day' &&
        (figure.measure === 'stock' || metricIsHeld(figure.metric))
      ) {
        yield {
          code: 'impossible-period',
          severity: 'warning',
          verdict: 'stock-not-instant',
          location: { path: formatPath([...path, ...(figure.period ? ['period'] : [])]), ...owner, figures: [figure.id] },
          subject,
          period: p,
          measure,
        };
      }
      const op = operation?.period;
      const fp = figure.period;
      if (fp?.start && fp.end && op?.start && op.end && (op.precision ?? 'day') === 'day' && (fp.precision ?? 'day') === 'day') {
        const lastDay = measure === 'stock' ? dateOfDayNumber(dayNumber(op.end) + 1) : op.end;
        if (fp.start < op.start || fp.end > lastDay) {
          yield {
            code: 'impossible-period',
            severity: 'warning',
            verdict: 'outside-operation',
            location: { path: formatPath([...path, 'period']), ...owner, figures: [figure.id] },
            subject,
            period: fp,
            reference: { period: op },
            measure,
          };
        }
      }
    }
  },
};
