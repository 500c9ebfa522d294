import { IcestatError } from '../errors';
import type { Breakdown, BreakdownPart, Dimension } from '../model/breakdown';
import type { CriminalityClass } from '../model/criminality';
import type { Claimant, Figure, Metric } from '../model/figure';
import type { Place } from '../model/place';
import type { Series } from '../model/operation';
import { fiscalYearBounds } from '../model/period';
import { HQ_AOR } from '../records/aor-values';
import { countryCodeOf } from '../records/countries';
import { recordTables } from '../records/tables';
import { aorCodeSchema } from '../reference/aors';
import { stateCodeSchema } from '../reference/states';
import { MISSING, REDACTED, type TallyDimension, type TallyResult } from './tally';

/** Options of {@link tallyBreakdown} and {@link tallySeries}: the provenance the figures carry. */
export interface TallyFigureOptions {
  /** Id of the dataset source the records come from (e.g. a FOIA release). */
  readonly source: string;
  /** Prefix of the generated ids, a slug; `tally` by default. */
  readonly idPrefix?: string;
  /** What the records count; by default the tally's table's (arrests, encounters, removals, detainers, book-ins). */
  readonly metric?: Metric;
  /** Who computed it; a researcher by default. */
  readonly claimant?: Claimant;
  /** The phrase that states where the counts come from; by default "tally of N records". */
  readonly evidence?: string;
}

const dimensionOf: Partial<Record<TallyDimension, Dimension>> = {
  state: 'place',
  aor: 'place',
  criminality: 'criminality',
  citizenship: 'citizenship',
  gender: 'sex',
  apprehensionType: 'apprehension-type',
  facility: 'place',
  method: 'apprehension-method',
  caseCategory: 'case-category',
  disposition: 'processing-disposition',
  threatLevel: 'threat-level',
  releaseReason: 'release-reason',
  departureCountry: 'departure-country',
};

function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, letters stay: MÉXICO → mexico, not me-xico
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out === '' ? 'x' : out;
}

/** Counts of a tally summed over every dimension but one. */
function marginal(result: TallyResult, dimension: TallyDimension): Map<string, number> {
  if (!result.by.includes(dimension)) {
    throw new IcestatError('invalid_input', `the tally is by ${result.by.join(', ') || 'nothing'}; it has no "${dimension}" to break down by`);
  }
  const counts = new Map<string, number>();
  for (const row of result.rows) {
    const key = row[dimension] ?? MISSING;
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** What a tally's records count, from its table (arrests, removals, book-ins, …). */
function metricOf(result: TallyResult): Metric {
  return recordTables[result.table]?.metric ?? 'arrests';
}

function figure(id: string, count: number, o: TallyFigureOptions, evidence: string): Figure {
  return {
    id,
    metric: o.metric ?? 'arrests',
    quantity: { value: count, unit: 'people', qualifier: 'exact', low: count, high: count, bounds: 'rule' },
    source: o.source,
    claimant: o.claimant ?? { role: 'researcher' },
    evidence,
  };
}

type PartShape = Pick<BreakdownPart, 'category' | 'label' | 'place' | 'criminality' | 'country' | 'notRecorded'>;

function partFor(dimension: TallyDimension, key: string): PartShape {
  // Blank and redacted cells have no known value: an explicit "not recorded" part, so the parts
  // add up; a criminality part of them may be any class.
  if (key === MISSING || key === REDACTED) {
    return {
      category: key === MISSING ? 'missing' : 'redacted',
      label: key === MISSING ? 'not recorded (blank in the release)' : 'not recorded (redacted under FOIA)',
      notRecorded: true,
      ...(dimension === 'criminality' ? { criminality: ['convicted', 'pending-charges', 'other-immigration-violator'] } : {}),
    };
  }
  if (dimension === 'state') {
    const s = stateCodeSchema.safeParse(key);
    return s.success
      ? { category: slug(key), label: key, place: { kind: 'state', state: s.data } satisfies Place }
      : { category: slug(key), label: key, notRecorded: true };
  }
  if (dimension === 'aor') {
    const a = aorCodeSchema.safeParse(key);
    if (a.success) return { category: slug(key), label: key, place: { kind: 'aor', aor: a.data } satisfies Place };
    // ICE headquarters is a real AOR value that covers no state.
    if (key === HQ_AOR)
      return { category: 'hq', label: 'ICE headquarters', place: { kind: 'site', name: 'ICE headquarters', label: 'HQ Area of Responsibility' } };
    return { category: `unknown-${slug(key)}`, label: key, notRecorded: true };
  }
  if (dimension === 'facility') return { category: slug(key), label: key, place: { kind: 'site', name: key } };
  if (dimension === 'citizenship' || dimension === 'departureCountry') {
    const code = countryCodeOf(key);
    return code === undefined ? { category: slug(key), label: key } : { category: code.toLowerCase(), label: key, country: code };
  }
  if (dimension === 'criminality') return { category: slug(key), label: key, criminality: [key as CriminalityClass] };
  return { category: slug(key), label: key };
}

/**
 * Turns a tally into a total figure and a breakdown of it along one dimension (summing over the
 * others), ready for {@link audit}, {@link criminalShare} and the chart adapters. Records with the
 * field blank or redacted become their own parts (`missing`, `redacted`), so the parts always add
 * up to the total: the breakdown is exhaustive and exclusive.
 *
 * @param result - A tally result (`createTally(...).result()`).
 * @param dimension - One of the tally's dimensions: state, aor, criminality, citizenship, gender or apprehensionType.
 * @param options - The source id and provenance of the figures.
 * @returns `{ total, breakdown }` in the model's shapes.
 * @throws {@link IcestatError} `invalid_input` when the tally is not by that dimension or it is a time dimension (use {@link tallySeries}).
 * @example
 * const { total, breakdown } = tallyBreakdown(tally.result(), 'criminality', { source: 'ice-foia-2023' });
 * criminalShare({ breakdown, total }, 'convicted').share?.value;
 */
export function tallyBreakdown(
  result: TallyResult,
  dimension: TallyDimension,
  options: TallyFigureOptions,
): { readonly total: Figure; readonly breakdown: Breakdown } {
  const d = dimensionOf[dimension];
  if (!d) throw new IcestatError('invalid_input', `"${dimension}" is a time dimension; use tallySeries for it`);
  options = { ...options, metric: options.metric ?? metricOf(result) };
  const prefix = options.idPrefix ?? 'tally';
  const counts = marginal(result, dimension);
  const evidence = options.evidence ?? `tally of ${result.total} records`;
  const total = figure(`${prefix}-total`, result.total, options, evidence);
  // Spellings that share a category (BURMA and MYANMAR are both MM) become one part.
  const byCategory = new Map<string, { shape: PartShape; labels: string[]; count: number }>();
  for (const [key, count] of counts) {
    const shape = partFor(dimension, key);
    const seen = byCategory.get(shape.category);
    if (seen === undefined) byCategory.set(shape.category, { shape, labels: [shape.label ?? key], count });
    else {
      seen.count += count;
      seen.labels.push(shape.label ?? key);
    }
  }
  const parts: BreakdownPart[] = [...byCategory.values()].map(({ shape, labels, count }) => ({
    ...shape,
    label: labels.join(' / '),
    figure: figure(`${prefix}-${slug(dimension)}-${shape.category}`, count, options, evidence),
  }));
  return {
    total,
    breakdown: { id: `${prefix}-by-${slug(dimension)}`, dimension: d, total: total.id, exhaustive: true, exclusive: true, parts },
  };
}

/**
 * Turns a tally by fiscal year, month or day into a {@link Series}: one figure per period,
 * summing over the other dimensions. Missing and redacted dates are left out of the series and
 * reported in its `note`, so nothing disappears silently.
 *
 * @param result - A tally result that includes the time dimension.
 * @param dimension - `fiscalYear`, `month` or `day`.
 * @param options - Provenance, plus the series' `name` and `agency`.
 * @returns A series in the model's shape.
 * @throws {@link IcestatError} `invalid_input` for a non-time dimension.
 * @example
 * tallySeries(tally.result(), 'fiscalYear', { source: 'ice-foia-2023', name: 'ERO arrests by fiscal year' }).figures.length;
 */
export function tallySeries(
  result: TallyResult,
  dimension: 'fiscalYear' | 'month' | 'day',
  options: TallyFigureOptions & { readonly name: string; readonly agency?: Series['agency'] },
): Series {
  if (dimension !== 'fiscalYear' && dimension !== 'month' && dimension !== 'day') {
    throw new IcestatError('invalid_input', `tallySeries needs fiscalYear, month or day; received "${String(dimension)}"`);
  }
  options = { ...options, metric: options.metric ?? metricOf(result) };
  const prefix = options.idPrefix ?? 'tally';
  const counts = marginal(result, dimension);
  const evidence = options.evidence ?? `tally of ${result.total} records`;
  const figures: Figure[] = [];
  const range = result.dateRange;
  let undated = 0;
  for (const [key, count] of counts) {
    if (key === MISSING || key === REDACTED) {
      undated += count;
      continue;
    }
    let period: Figure['period'];
    if (dimension === 'fiscalYear' || dimension === 'month') {
      let start: string;
      let end: string;
      if (dimension === 'fiscalYear') [start, end] = fiscalYearBounds(Number(key.slice(2)));
      else {
        const last = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)), 0)).getUTCDate();
        [start, end] = [`${key}-01`, `${key}-${String(last).padStart(2, '0')}`];
      }
      // The period the data ends in (a release that stops mid-year) runs to the data's last date,
      // and says so: its count is not the whole period's.
      const to = range !== undefined && range.last >= start && range.last < end ? range.last : undefined;
      if (to === undefined)
        period = dimension === 'fiscalYear' ? { start, end, fiscalYear: Number(key.slice(2)), label: key } : { start, end, precision: 'day', label: key };
      else period = { start, end: to, precision: 'day', label: `${key} (to ${to})` };
    } else {
      period = { start: key, end: key, days: 1, label: key };
    }
    figures.push({ ...figure(`${prefix}-${slug(key)}`, count, options, evidence), period });
  }
  return {
    id: `${prefix}-by-${slug(dimension)}`,
    name: options.name,
    agency: options.agency ?? 'ICE-ERO',
    metric: options.metric ?? metricOf(result),
    interval: dimension === 'fiscalYear' ? 'fiscal-year' : dimension,
    figures,
    claims: [],
    ...(undated > 0
      ? { note: `${undated} record${undated === 1 ? '' : 's'} with a missing or redacted date ${undated === 1 ? 'is' : 'are'} in no period` }
      : {}),
  };
}
