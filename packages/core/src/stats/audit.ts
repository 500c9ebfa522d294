import { formatPath } from '../errors';
import type { DerivedClaim } from '../model/claim';
import type { Dataset } from '../model/dataset';
import type { Figure } from '../model/figure';
import type { Operation, Series } from '../model/operation';
import { dayNumber, type Period } from '../model/period';
import { placeName } from '../model/place';
import type { Quantity } from '../model/quantity';
import type { Source } from '../model/source';
import { breakdownsOf, figuresOf } from '../model/walk';
import { IcestatError } from '../errors';
import { complement } from './complement';
import { difference } from './difference';
import { overlaps, toEstimate, type Estimate } from './estimate';
import { formatEstimate, formatNumber } from './format';
import { percentChange } from './percent-change';
import { ratePerDay } from './rate-per-day';
import { ratio } from './ratio';
import { share } from './share';
import { sum } from './sum';
import { makeEstimate } from './internal';

/** How serious a finding is: `error` — cannot be true; `warning` — a reader should look; `info` — checked and consistent, or context. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** What a finding is about; one code per check of {@link audit}. */
export type FindingCode =
  | 'breakdown-sum'
  | 'parts-exceed-total'
  | 'claim'
  | 'claim-not-computable'
  | 'unexplained-remainder'
  | 'sources-disagree'
  | 'impossible-period';

/** Where a finding points: the ids involved and the JSON path of the checked item. */
export interface FindingLocation {
  /** JSON path in the dataset, e.g. `operations[4].breakdowns[0]`. */
  readonly path: string;
  readonly operation?: string;
  readonly series?: string;
  readonly breakdown?: string;
  readonly claim?: string;
  readonly figures?: readonly string[];
}

/** One result of {@link audit}. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** What was checked and what came out, for a reader. */
  readonly message: string;
  readonly location: FindingLocation;
  /** What the data says it should be (the stated figure, or the total). */
  readonly expected?: Estimate;
  /** What the arithmetic gives. */
  readonly actual?: Estimate;
  /** `actual − expected`, with its interval. */
  readonly difference?: Estimate;
}

/** Options of {@link audit}. */
export interface AuditOptions {
  /**
   * Read a stated number as rounded to its last significant digit (47 → 46.5–47.5, 700 → 650–750,
   * "twice" → 1.5–2.5). A computed point outside that rounding is a warning even when the
   * qualifier's interval allows it. Default `true`.
   */
  readonly rounding?: boolean;
  /** Extra slack, as a fraction of the stated value, before a mismatch counts. Default 0. */
  readonly relativeTolerance?: number;
  /** Extra slack for percents, in percentage points. Default 0. */
  readonly percentPointTolerance?: number;
  /** Keep `info` findings for checks that pass. Default `true` (a fact-check shows what was checked). */
  readonly includePassed?: boolean;
}

/** The defaults of {@link AuditOptions}. */
export const defaultAuditOptions: Required<AuditOptions> = Object.freeze({
  rounding: true,
  relativeTolerance: 0,
  percentPointTolerance: 0,
  includePassed: true,
});

/**
 * The rounding unit a stated number implies: 1,300 → 100, 47 → 1, 48.3 → 0.1, 1.8 million → 100,000.
 *
 * @param value - A stated number.
 * @returns A power of ten.
 * @example
 * statedPrecision(700); // => 100
 */
export function statedPrecision(value: number): number {
  const v = Math.abs(value);
  if (v === 0) return 1;
  if (Number.isInteger(v)) {
    let p = 1;
    while (v % (p * 10) === 0) p *= 10;
    return p;
  }
  const decimals = (String(v).split('.')[1] ?? '').length;
  return 10 ** -Math.min(decimals, 9);
}

interface Judgement {
  readonly severity: FindingSeverity;
  readonly note: string;
}

function slack(stated: Estimate, o: Required<AuditOptions>): number {
  return Math.abs(stated.value) * o.relativeTolerance + (stated.unit === 'percent' ? o.percentPointTolerance : 0);
}

/** Compares a computed estimate with a stated quantity; see {@link AuditOptions.rounding}. */
function judge(actual: Estimate, stated: Quantity | Estimate, o: Required<AuditOptions>): Judgement {
  const s = slack(stated, o);
  const widened = { ...stated, low: stated.low - s, high: stated.high + s };
  if (!overlaps(actual, widened)) return { severity: 'error', note: 'cannot be true for any value the figures allow' };
  if (o.rounding) {
    const half = statedPrecision(stated.value) / 2 + s;
    if (Math.abs(actual.value - stated.value) > half + 1e-9) {
      const qualified = 'qualifier' in stated && stated.qualifier !== 'exact';
      return {
        severity: 'warning',
        note: qualified
          ? `within “${stated.qualifier.replace('-', ' ')}”, but it would not round to ${formatEstimate({ ...stated, qualifier: 'exact', low: stated.value, high: stated.value })}`
          : `within the figures' intervals, but it would not round to ${formatEstimate({ ...stated, qualifier: 'exact', low: stated.value, high: stated.value })}`,
      };
    }
  }
  return { severity: 'info', note: 'consistent' };
}

/** `{ difference: actual − expected }` when the two share a unit, else nothing. */
function withGap(actual: Estimate, expected: Estimate): { difference?: Estimate } {
  return actual.unit === expected.unit ? { difference: difference(actual, expected) } : {};
}

function describeGap(actual: Estimate, expected: Estimate): string {
  const d = actual.value - expected.value;
  if (Math.abs(d) < 1e-9) return 'the same';
  const size = Math.abs(d);
  if (expected.unit === 'percent') {
    const points = size.toFixed(1);
    return `${points} percentage point${points === '1.0' ? '' : 's'} ${d > 0 ? 'higher' : 'lower'}`;
  }
  const words = expected.unit === 'ratio' ? (d > 0 ? 'higher' : 'lower') : d > 0 ? 'more' : 'fewer';
  return `${formatNumber(size, expected.unit)} ${words}`;
}

function quote(f: Figure): string {
  return `“${f.evidence}”`;
}

interface Context {
  readonly dataset: Dataset;
  readonly options: Required<AuditOptions>;
  readonly figures: ReadonlyMap<string, { figure: Figure; operation?: Operation; series?: Series }>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly out: Finding[];
}

function push(ctx: Context, f: Finding): void {
  if (f.severity === 'info' && !ctx.options.includePassed) return;
  ctx.out.push(f);
}

function checkBreakdowns(ctx: Context): void {
  for (const { breakdown: b, path, operation, total } of breakdownsOf(ctx.dataset)) {
    const location: FindingLocation = {
      path: formatPath(path),
      operation: operation.id,
      breakdown: b.id,
      figures: [...(total ? [total.id] : []), ...b.parts.map((p) => p.figure.id)],
    };
    const parts = b.parts.map((p) => toEstimate(p.figure));
    const partsText = b.parts.map((p) => formatNumber(p.figure.quantity.value, p.figure.quantity.unit)).join(' + ');
    const partsSum = sum(parts);
    const totalText = total ? `${formatEstimate(total.quantity)} (${quote(total)})` : '';

    // A single part larger than the whole is wrong whatever the flags say.
    for (const p of b.parts) {
      if (total && p.figure.quantity.low > total.quantity.high) {
        push(ctx, {
          code: 'parts-exceed-total',
          severity: 'error',
          message: `${b.dimension} breakdown “${b.id}”: the part “${p.label ?? p.category}” (${formatEstimate(p.figure.quantity)}) exceeds the total ${totalText}`,
          location,
          expected: toEstimate(total),
          actual: toEstimate(p.figure),
        });
      }
    }

    if (b.exhaustive === true && b.exclusive !== false) {
      if (!total) {
        push(ctx, {
          code: 'breakdown-sum',
          severity: 'info',
          message: `${b.dimension} breakdown “${b.id}”: no total is stated; the parts add to ${formatEstimate(partsSum)} (${partsText})`,
          location,
          actual: partsSum,
        });
        continue;
      }
      const j = judge(partsSum, total.quantity, ctx.options);
      const expected = toEstimate(total);
      push(ctx, {
        code: 'breakdown-sum',
        severity: j.severity,
        message:
          j.severity === 'info'
            ? `${b.dimension} breakdown “${b.id}”: the parts add to ${formatEstimate(partsSum)} (${partsText}), consistent with the total ${totalText}`
            : `${b.dimension} breakdown “${b.id}”: the parts add to ${formatEstimate(partsSum)} (${partsText}), but the total is ${totalText} — ${describeGap(partsSum, expected)}; ${j.note}`,
        location,
        expected,
        actual: partsSum,
        ...withGap(partsSum, expected),
      });
      continue;
    }

    if (!total) continue;
    const expected = toEstimate(total);
    // Overlapping parts (exclusive: false) may add to more than the total; unknown overlap is worth a look.
    if (b.exclusive !== false && partsSum.low > expected.high) {
      push(ctx, {
        code: 'parts-exceed-total',
        severity: b.exclusive === true ? 'error' : 'warning',
        message:
          b.exclusive === true
            ? `${b.dimension} breakdown “${b.id}”: the parts add to ${formatEstimate(partsSum)} (${partsText}), more than the total ${totalText}`
            : `${b.dimension} breakdown “${b.id}”: the parts add to ${formatEstimate(partsSum)} (${partsText}), more than the total ${totalText}; either they overlap or a figure is wrong`,
        location,
        expected,
        actual: partsSum,
      });
      continue;
    }

    if (b.exhaustive === 'unknown' && b.exclusive !== false) {
      // What no part accounts for: exact when parts are exclusive, at least this much when they may overlap.
      const value = expected.value - partsSum.value;
      const low = Math.max(0, expected.low - partsSum.high);
      const high = b.exclusive === true ? expected.high - partsSum.low : expected.high - Math.max(...parts.map((p) => p.low));
      const remainder = makeEstimate(Math.max(0, value), low, Math.max(low, high), expected.unit);
      if (remainder.high <= 0) continue;
      const atLeast = b.exclusive === true ? '' : 'at least ';
      push(ctx, {
        code: 'unexplained-remainder',
        severity: value > 0 ? 'warning' : 'info',
        message: `${b.dimension} breakdown “${b.id}”: ${formatEstimate(total.quantity)} − (${partsText}) leaves ${atLeast}${formatNumber(Math.max(0, value), expected.unit)} of ${quote(total)} in no category${b.exclusive === true ? '' : ' (more if the categories overlap)'}; the source does not explain them`,
        location,
        expected,
        actual: partsSum,
        difference: remainder,
      });
    }
  }
}

function claimPeriod(claim: DerivedClaim, input: { figure: Figure; operation?: Operation } | undefined): Period | undefined {
  return claim.period ?? input?.figure.period ?? input?.operation?.period;
}

function recompute(claim: DerivedClaim, inputs: readonly { figure: Figure; operation?: Operation }[]): Estimate {
  const fs = inputs.map((i) => i.figure);
  const [a, b] = fs as [Figure, Figure];
  switch (claim.kind) {
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
      const period = claimPeriod(claim, inputs[0]);
      if (!period) throw new IcestatError('not_determinable', 'no period is given for the rate');
      return ratePerDay(a, period);
    }
  }
}

const kindWords: Record<DerivedClaim['kind'], string> = {
  sum: 'sum',
  difference: 'difference',
  ratio: 'ratio',
  share: 'share',
  complement: 'remainder',
  'rate-per-day': 'rate per day',
  'percent-change': 'percent change',
};

function checkClaims(ctx: Context): void {
  const sets: [readonly DerivedClaim[], (string | number)[], { operation?: string; series?: string }][] = [
    ...ctx.dataset.operations.map((o, i): [readonly DerivedClaim[], (string | number)[], { operation: string }] => [o.claims, ['operations', i, 'claims'], { operation: o.id }]),
    ...ctx.dataset.series.map((s, i): [readonly DerivedClaim[], (string | number)[], { series: string }] => [s.claims, ['series', i, 'claims'], { series: s.id }]),
    [ctx.dataset.claims, ['claims'], {}],
  ];
  for (const [claims, base, owner] of sets) {
    claims.forEach((claim, ci) => {
      const location: FindingLocation = { path: formatPath([...base, ci]), ...owner, claim: claim.id, figures: claim.inputs };
      const inputs = claim.inputs.map((id) => ctx.figures.get(id));
      const stated = `“${claim.statement ?? claim.evidence}”`;
      const found = inputs.filter((x): x is NonNullable<typeof x> => x !== undefined);
      if (found.length !== inputs.length) {
        push(ctx, { code: 'claim-not-computable', severity: 'warning', message: `claim ${stated}: an input figure is missing`, location });
        return;
      }
      const inputText = found.map((i) => formatEstimate(i.figure.quantity)).join(claim.kind === 'sum' ? ' + ' : claim.kind === 'difference' || claim.kind === 'complement' ? ' − ' : ' ÷ ');
      let actual: Estimate;
      try {
        actual = recompute(claim, found);
      } catch (e) {
        if (!IcestatError.isInstance(e)) throw e;
        push(ctx, {
          code: 'claim-not-computable',
          severity: 'warning',
          message: `claim ${stated} (${kindWords[claim.kind]} of ${inputText}) cannot be recomputed: ${e.message}`,
          location,
          expected: toEstimate(claim.stated),
        });
        return;
      }
      const expected = toEstimate(claim.stated);
      const j = judge(actual, claim.stated, ctx.options);
      const head = `claim ${stated}: states ${formatEstimate(claim.stated)}; the ${kindWords[claim.kind]} of ${inputText} is ${formatEstimate(actual)}`;
      push(ctx, {
        code: 'claim',
        severity: j.severity,
        message: j.severity === 'info' ? `${head} — consistent` : `${head} — ${describeGap(actual, expected)}; ${j.note}`,
        location,
        expected,
        actual,
        ...withGap(actual, expected),
      });
    });
  }
}

function provenance(ctx: Context, f: Figure): string {
  const cited = f.citing ? ctx.sources.get(f.citing) : undefined;
  const source = ctx.sources.get(f.source);
  const s = cited ?? source;
  return s ? `${s.kind.replace(/-/g, ' ')}, ${s.publisher}` : f.source;
}

function scopeKey(f: Figure): string {
  const p = f.period;
  const period = p ? [p.start, p.end, p.days, p.fiscalYear, p.start || p.end || p.days || p.fiscalYear ? '' : p.label].join('|') : '';
  return `${f.metric}|${f.quantity.unit}|${period}|${f.places ? f.places.map(placeName).join(';') : ''}`;
}

function checkSources(ctx: Context): void {
  const containers: [Operation | Series, string, (string | number)[]][] = [
    ...ctx.dataset.operations.map((o, i): [Operation, string, (string | number)[]] => [o, 'operation', ['operations', i]]),
    ...ctx.dataset.series.map((s, i): [Series, string, (string | number)[]] => [s, 'series', ['series', i]]),
  ];
  for (const [container, kind, path] of containers) {
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
          const ea = toEstimate(a);
          const eb = toEstimate(b);
          const d = difference(eb, ea);
          const scope = `${a.metric}${a.period?.label ? ` (${a.period.label})` : a.period?.start ? ` on ${a.period.start}${a.period.end && a.period.end !== a.period.start ? ` … ${a.period.end}` : ''}` : ''}`;
          const agree = overlaps(ea, eb);
          push(ctx, {
            code: 'sources-disagree',
            severity: agree ? 'info' : 'warning',
            message: agree
              ? `${container.name}: ${formatEstimate(a.quantity)} ${quote(a)} (${provenance(ctx, a)}) and ${formatEstimate(b.quantity)} ${quote(b)} (${provenance(ctx, b)}) for ${scope} agree within their intervals`
              : `${container.name}: sources disagree on ${scope} — ${formatEstimate(a.quantity)} ${quote(a)} (${provenance(ctx, a)}) vs ${formatEstimate(b.quantity)} ${quote(b)} (${provenance(ctx, b)}): ${formatEstimate({ ...d, value: Math.abs(d.value), low: Math.min(Math.abs(d.low), Math.abs(d.high)), high: Math.max(Math.abs(d.low), Math.abs(d.high)) })} apart`,
            location: { path: formatPath(path), [kind]: container.id, figures: [a.id, b.id] },
            expected: ea,
            actual: eb,
            difference: d,
          });
        }
      }
    }
  }
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

function checkPeriods(ctx: Context): void {
  const check = (period: Period | undefined, path: (string | number)[], location: Omit<FindingLocation, 'path'>, what: string, sourceIds: readonly string[]): void => {
    if (!period) return;
    const where = { path: formatPath(path), ...location };
    if (period.start && period.end && period.end < period.start) {
      push(ctx, { code: 'impossible-period', severity: 'error', message: `${what}: ends ${period.end}, before it starts ${period.start}`, location: where });
      return;
    }
    if (period.start && period.end && period.days !== undefined && (period.precision ?? 'day') === 'day') {
      const span = dayNumber(period.end) - dayNumber(period.start) + 1;
      if (span !== period.days) {
        push(ctx, { code: 'impossible-period', severity: 'error', message: `${what}: ${period.start} … ${period.end} is ${span} days, not ${period.days}`, location: where });
      }
    }
    if (period.start && period.end && period.days !== undefined && period.precision && period.precision !== 'day') {
      const span = dayNumber(period.end) - dayNumber(period.start) + 1;
      if (period.days > span) {
        push(ctx, { code: 'impossible-period', severity: 'error', message: `${what}: lasts ${period.days} days but fits in ${period.start} … ${period.end} (${span} days)`, location: where });
      }
    }
    if (!period.start) return;
    for (const id of sourceIds) {
      const published = ctx.sources.get(id)?.published;
      if (published && latestDay(published) < period.start) {
        push(ctx, {
          code: 'impossible-period',
          severity: 'error',
          message: `${what}: starts ${period.start}, after its source “${ctx.sources.get(id)?.title ?? id}” was published (${published})`,
          location: where,
        });
      }
    }
  };
  ctx.dataset.operations.forEach((o, i) => {
    check(o.period, ['operations', i, 'period'], { operation: o.id }, `operation “${o.name}”`, []);
  });
  for (const { figure, path, operation, series } of figuresOf(ctx.dataset)) {
    const owner = operation ? { operation: operation.id } : series ? { series: series.id } : {};
    const p = figure.period ?? (operation ? operation.period : undefined);
    check(p, [...path, ...(figure.period ? ['period'] : [])], { ...owner, figures: [figure.id] }, `figure ${quote(figure)}`, [figure.source]);
    const op = operation?.period;
    if (figure.period?.start && figure.period.end && op?.start && op.end && (op.precision ?? 'day') === 'day' && (figure.period.precision ?? 'day') === 'day') {
      if (figure.period.start < op.start || figure.period.end > op.end) {
        push(ctx, {
          code: 'impossible-period',
          severity: 'warning',
          message: `figure ${quote(figure)}: its period ${figure.period.start} … ${figure.period.end} reaches outside its operation's ${op.start} … ${op.end}`,
          location: { path: formatPath([...path, 'period']), ...owner, figures: [figure.id] },
        });
      }
    }
  }
}

/**
 * Checks a dataset's arithmetic and reports findings, each with a code, a severity, a message a
 * reader understands, where it is (ids and JSON path), and expected vs actual with intervals:
 *
 * - `breakdown-sum`: an exhaustive breakdown's parts against its total (498 = 317 + 181).
 * - `parts-exceed-total`: parts larger than their total.
 * - `claim`: every derived claim recomputed — a stated share against the share computed from
 *   counts ("around 47%" vs 48.0%), sums, differences ("700 over and above"), ratios ("twice as
 *   large"), complements, rates, percent changes.
 * - `unexplained-remainder`: what a breakdown of unknown exhaustiveness leaves in no category
 *   (181 − 68 − 104 = 9).
 * - `sources-disagree`: two sources on the same metric and scope (956 official vs 1,179 internal).
 * - `impossible-period`: a period that ends before it starts, lasts longer than its dates allow,
 *   starts after its source was published, or reaches outside its operation.
 *
 * Severity: `error` when no value the intervals allow makes the statement true; `warning` when it
 * can be true but a careful writer would have written another number (see
 * {@link AuditOptions.rounding}), or the source leaves something unexplained; `info` for checks
 * that pass. Tolerances are options ({@link defaultAuditOptions}).
 *
 * @param dataset - A parsed dataset.
 * @param options - Tolerances and whether to keep passing checks.
 * @returns Findings in document order, per check.
 * @example
 * audit(dataset).filter((f) => f.severity !== 'info').map((f) => f.message);
 * // => ['claim “around 47%”: states 47.0% (approximately); the share of 566 ÷ 1,179 is 48.0% — 1.0 percentage point higher; …', …]
 */
export function audit(dataset: Dataset, options: AuditOptions = {}): Finding[] {
  const figures = new Map<string, { figure: Figure; operation?: Operation; series?: Series }>();
  for (const v of figuresOf(dataset)) {
    figures.set(v.figure.id, { figure: v.figure, ...(v.operation ? { operation: v.operation } : {}), ...(v.series ? { series: v.series } : {}) });
  }
  const ctx: Context = {
    dataset,
    options: { ...defaultAuditOptions, ...options },
    figures,
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    out: [],
  };
  checkBreakdowns(ctx);
  checkClaims(ctx);
  checkSources(ctx);
  checkPeriods(ctx);
  return ctx.out;
}

/**
 * Counts findings by severity.
 *
 * @param findings - The output of {@link audit}.
 * @returns `{ error, warning, info }`.
 * @example
 * countFindings(audit(dataset)); // => { error: 0, warning: 4, info: 12 }
 */
export function countFindings(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
