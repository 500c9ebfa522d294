import * as z from 'zod';
import { closestWord, vocabularyError } from '../errors';

const unitValues = [
  'people',
  'count',
  'days',
  'people-average',
  'days-average',
  'percent',
  'percent-change',
  'people-per-day',
  'people-per-year',
  'ratio',
  'usd',
] as const;
/**
 * The units a reported number can be in. `people`, `count` and `days` are whole numbers;
 * `people-average` (an average daily population, 24,216.45) and `days-average` (an average
 * length of stay, 46.4 days) are averages and may be fractional; `percent` is 0–100 as reports
 * write it; `percent-change` may be negative or above 100.
 */
export const unitSchema = z.enum(unitValues, { error: (issue): string => vocabularyError('a unit', unitValues)(issue) });
export type Unit = z.infer<typeof unitSchema>;

const wholeUnits: ReadonlySet<Unit> = new Set(['people', 'count', 'days']);

/**
 * Whether a unit counts whole things (people, states, days), whose intervals are whole numbers.
 *
 * @param unit - A unit.
 * @returns `true` for `people`, `count` and `days`.
 * @example
 * isWholeUnit('people'); // => true
 */
export function isWholeUnit(unit: Unit): boolean {
  return wholeUnits.has(unit);
}

const qualifierValues = ['exact', 'approximately', 'more-than', 'at-least', 'nearly', 'fewer-than', 'at-most', 'range'] as const;
/**
 * How a report qualifies a number. Each has a default interval rule ({@link qualifierInterval});
 * synonyms ("about", "over", "almost", "up to", …) map to these with {@link qualifierFromWords}.
 */
export const qualifierSchema = z.enum(qualifierValues, { error: (issue): string => qualifierError(issue) });
export type Qualifier = z.infer<typeof qualifierSchema>;

/**
 * The tunable widths of the default interval rules. Reports rarely say how approximate they are,
 * so these are conventions, documented here and overridable per call or by explicit bounds.
 */
export interface QualifierRuleOptions {
  /** Half-width of "approximately" as a fraction of the value. Default 0.1 (±10%). */
  readonly approximately?: number;
  /** How far above the value "more than" / "at least" may reach, as a fraction. Default 0.25. */
  readonly above?: number;
  /** How far below the value "nearly" may reach, as a fraction. Default 0.1. */
  readonly nearly?: number;
}

/** The default widths of {@link QualifierRuleOptions}. */
export const defaultQualifierRules: Required<QualifierRuleOptions> = Object.freeze({
  approximately: 0.1,
  above: 0.25,
  nearly: 0.1,
});

/** Removes floating-point dust (0.9 × 500 = 450.00000000000006) before rounding to whole numbers. */
function snap(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * The default interval `[low, high]` a qualified number stands for. Bounds are closed and always
 * contain the reported number itself, a deliberate slight widening for "more than" and "nearly"
 * so that the point estimate lies inside its interval:
 *
 * | qualifier | interval |
 * |---|---|
 * | exact | `[v, v]` |
 * | approximately | `[v − m, v + m]`, m = 10% of v (at least 1 for whole units) |
 * | more-than, at-least | `[v, v × 1.25]` (no upper bound is stated; 25% is a convention) |
 * | nearly | `[v × 0.9, v]` |
 * | fewer-than, at-most | `[0, v]` |
 * | range | no default: give `low` and `high` |
 *
 * Whole units round inward to whole numbers; non-negative units clip at 0 and percent at 100.
 *
 * @param value - The reported number.
 * @param qualifier - How it was qualified.
 * @param unit - Its unit (decides whole-number rounding and clipping).
 * @param rules - Overrides of the default widths.
 * @returns `[low, high]`, or `undefined` for `range`, which has no default.
 * @example
 * qualifierInterval(500, 'nearly', 'people'); // => [450, 500]
 * qualifierInterval(75, 'approximately', 'percent'); // => [67.5, 82.5]
 */
export function qualifierInterval(value: number, qualifier: Qualifier, unit: Unit, rules: QualifierRuleOptions = {}): [number, number] | undefined {
  const r = { ...defaultQualifierRules, ...rules };
  const whole = isWholeUnit(unit);
  const magnitude = Math.abs(value);
  let low: number;
  let high: number;
  switch (qualifier) {
    case 'exact':
      return [value, value];
    case 'range':
      return undefined;
    case 'approximately': {
      const m = Math.max(magnitude * r.approximately, whole ? 1 : 0);
      low = value - m;
      high = value + m;
      break;
    }
    case 'more-than':
    case 'at-least':
      low = value;
      high = value + Math.max(magnitude * r.above, whole ? 1 : 0);
      break;
    case 'nearly':
      low = value - magnitude * r.nearly;
      high = value;
      break;
    case 'fewer-than':
    case 'at-most':
      low = Math.min(0, value);
      high = value;
      break;
  }
  if (whole) {
    low = Math.ceil(snap(low));
    high = Math.floor(snap(high));
  } else {
    low = snap(low);
    high = snap(high);
  }
  if (unit !== 'percent-change') low = Math.max(0, low);
  if (unit === 'percent') high = Math.min(100, high);
  // Snapping and clipping must never push the reported number itself out of its interval.
  return [Math.min(low, value), Math.max(high, value)];
}

const qualifierWordList: ReadonlyArray<readonly [string, Qualifier]> = [
  ['exactly', 'exact'],
  ['exact', 'exact'],
  ['approximately', 'approximately'],
  ['about', 'approximately'],
  ['around', 'approximately'],
  ['roughly', 'approximately'],
  ['some', 'approximately'],
  ['an estimated', 'approximately'],
  ['estimated', 'approximately'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['just under', 'nearly'],
  ['close to', 'nearly'],
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['upwards of', 'more-than'],
  ['in excess of', 'more-than'],
  ['at least', 'at-least'],
  ['at the very least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['fewer than', 'fewer-than'],
  ['less than', 'fewer-than'],
  ['under', 'fewer-than'],
  ['at most', 'at-most'],
  ['up to', 'at-most'],
  ['no more than', 'at-most'],
  ['between', 'range'],
];
const qualifierWords: ReadonlyMap<string, Qualifier> = new Map(qualifierWordList);
// Written lazily: the schemas above are built before these lists exist.
function qualifierError(issue: { input?: unknown }): string {
  return vocabularyError('a qualifier', qualifierValues, (words) => qualifierFromWords(words) ?? closestQualifierWords(words))(issue);
}

/** A qualifier for words close to known ones ("aproximately", "roughy"). */
function closestQualifierWords(words: string): Qualifier | undefined {
  const meant = closestWord(words, qualifierWords.keys());
  return meant === undefined ? undefined : qualifierWords.get(meant);
}

/**
 * Maps the words a report uses ("about", "more than", "almost", "up to") to a {@link Qualifier}.
 *
 * @param words - The qualifying words, any case; canonical names like `more-than` also work.
 * @returns The qualifier, or `undefined` when the words are not known.
 * @example
 * qualifierFromWords('Upwards of'); // => 'more-than'
 */
export function qualifierFromWords(words: string): Qualifier | undefined {
  const key = words.trim().toLowerCase().replace(/\s+/g, ' ');
  const parsed = qualifierSchema.safeParse(key);
  return parsed.success ? parsed.data : qualifierWords.get(key);
}

/**
 * A reported number as it is stored: the value, its unit and qualifier, and the closed interval
 * `[low, high]` it stands for. `bounds` says whether the interval came from the qualifier's
 * default rule or was given explicitly.
 */
export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
  readonly low: number;
  readonly high: number;
  readonly bounds: 'rule' | 'explicit';
}

const finite = z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');

const quantityInputSchema = z
  .object({
    /** The number as reported (the point estimate). */
    value: finite,
    /** What it counts or measures. */
    unit: unitSchema,
    /** How the report qualified it; `exact` when omitted. */
    qualifier: qualifierSchema.default('exact'),
    /** Lower bound; from the qualifier's rule when omitted. */
    low: finite.optional(),
    /** Upper bound; from the qualifier's rule when omitted. */
    high: finite.optional(),
    /** `rule`: low/high follow the qualifier's default rule; `explicit`: they were given. */
    bounds: z.enum(['rule', 'explicit']).optional(),
  })
  .strict();

function checkQuantity(q: z.output<typeof quantityInputSchema>, ctx: z.core.$RefinementCtx): void {
  const whole = isWholeUnit(q.unit);
  const nonNegative = q.unit !== 'percent-change';
  for (const key of ['value', 'low', 'high'] as const) {
    const x = q[key];
    if (x === undefined) continue;
    if (whole && !Number.isInteger(x)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `must be a whole number of ${q.unit} (got ${x})` });
    }
    if (nonNegative && x < 0) {
      ctx.addIssue({ code: 'custom', path: [key], message: `must not be negative (got ${x} ${q.unit})` });
    }
    if (q.unit === 'percent' && x > 100) {
      ctx.addIssue({ code: 'custom', path: [key], message: `a percent must be between 0 and 100 (got ${x})` });
    }
  }
  if ((q.low === undefined) !== (q.high === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [q.low === undefined ? 'low' : 'high'],
      message: 'give both low and high, or neither (the qualifier’s rule then sets them)',
    });
    return;
  }
  if (q.qualifier === 'range' && q.low === undefined) {
    ctx.addIssue({ code: 'custom', path: ['low'], message: 'a range needs explicit low and high' });
    return;
  }
  if (q.low !== undefined && q.high !== undefined) {
    if (q.low > q.high) {
      ctx.addIssue({ code: 'custom', path: ['low'], message: `must not exceed high (low ${q.low}, high ${q.high})` });
    } else if (q.value < q.low || q.value > q.high) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must lie within [low, high] (value ${q.value}, low ${q.low}, high ${q.high})`,
      });
    } else if (q.bounds === 'rule') {
      const rule = qualifierInterval(q.value, q.qualifier, q.unit);
      if (rule && (rule[0] !== q.low || rule[1] !== q.high)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bounds'],
          message: `says "rule" but [${q.low}, ${q.high}] is not the ${q.qualifier} rule's [${rule[0]}, ${rule[1]}]; use "explicit"`,
        });
      }
    }
  } else if (q.bounds === 'explicit') {
    ctx.addIssue({ code: 'custom', path: ['bounds'], message: 'says "explicit" but low and high are missing' });
  }
}

/**
 * Schema of a {@link Quantity}. Input may omit `low`/`high` (the qualifier's default rule fills
 * them) and `qualifier` (exact); output always has all six fields.
 *
 * @example
 * quantitySchema.parse({ value: 500, unit: 'people', qualifier: 'nearly' });
 * // => { value: 500, unit: 'people', qualifier: 'nearly', low: 450, high: 500, bounds: 'rule' }
 */
export const quantitySchema = quantityInputSchema.superRefine(checkQuantity).transform((q): Quantity => {
  if (q.low !== undefined && q.high !== undefined) {
    return { value: q.value, unit: q.unit, qualifier: q.qualifier, low: q.low, high: q.high, bounds: q.bounds ?? 'explicit' };
  }
  // checkQuantity has rejected a range without bounds, so the rule always applies here.
  const [low, high] = qualifierInterval(q.value, q.qualifier, q.unit) ?? [q.value, q.value];
  return { value: q.value, unit: q.unit, qualifier: q.qualifier, low, high, bounds: 'rule' };
});
export type QuantityInput = z.input<typeof quantitySchema>;
