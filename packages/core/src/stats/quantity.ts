import { IcestatError, toIcestatIssues } from '../errors';
import { qualifierFromWords, qualifierInterval, quantitySchema, type Qualifier, type QualifierRuleOptions, type Quantity, type Unit } from '../model/quantity';

/** Options of {@link quantity}. */
export interface QuantityOptions {
  /** The unit; `people` by default. */
  readonly unit?: Unit;
  /** Explicit bounds, overriding the qualifier's rule (required for `range`). */
  readonly low?: number;
  readonly high?: number;
  /** Other widths for the qualifier's default rule (see {@link defaultQualifierRules}). */
  readonly rules?: QualifierRuleOptions;
}

/**
 * Builds a validated {@link Quantity} from a reported number: "nearly 500" is
 * `quantity(500, 'nearly')`. The qualifier may be a canonical name or the report's words
 * ("about", "more than", "almost", "up to"). Its interval follows the qualifier's default rule
 * ({@link qualifierInterval}) unless `low`/`high` or other `rules` are given.
 *
 * @param value - The number as reported.
 * @param qualifier - How it was qualified; `exact` by default.
 * @param options - Unit, explicit bounds, rule widths.
 * @returns The quantity with `low`, `high` and `bounds` set.
 * @throws {@link IcestatError} `invalid_input` for a negative count, a fractional count, a percent
 *   above 100, bounds that exclude the value, or unknown qualifier words.
 * @example
 * quantity(500, 'nearly'); // => { value: 500, unit: 'people', qualifier: 'nearly', low: 450, high: 500, bounds: 'rule' }
 * quantity(75, 'approximately', { unit: 'percent' }).low; // => 67.5
 */
export function quantity(value: number, qualifier: Qualifier | string = 'exact', options: QuantityOptions = {}): Quantity {
  const q = qualifierFromWords(qualifier);
  if (q === undefined) {
    throw new IcestatError(
      'invalid_input',
      `quantity: unknown qualifier "${qualifier}"; expected one of exact, approximately, more-than, at-least, nearly, fewer-than, at-most, range or words such as "about", "over", "almost"`,
    );
  }
  const unit = options.unit ?? 'people';
  let low = options.low;
  let high = options.high;
  if (low === undefined && high === undefined && options.rules && q !== 'range') {
    [low, high] = qualifierInterval(value, q, unit, options.rules) ?? [value, value];
  }
  const parsed = quantitySchema.safeParse({
    value,
    unit,
    qualifier: q,
    ...(low === undefined ? {} : { low }),
    ...(high === undefined ? {} : { high }),
  });
  if (!parsed.success) {
    const issues = toIcestatIssues(parsed.error.issues);
    throw new IcestatError('invalid_input', `quantity(${value}, '${q}'): ${issues.map((i) => i.message).join('; ')}`, {
      cause: parsed.error,
      issues,
    });
  }
  return parsed.data;
}
