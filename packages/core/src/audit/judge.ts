import { isWholeUnit, type Quantity } from '../model/quantity';
import type { Estimate } from '../stats/estimate';
import type { FindingSeverity, FindingVerdict } from './finding';

/** Options of {@link audit}. */
export interface AuditOptions {
  /**
   * Read a stated number as rounded to its last digit: "47%" stands for 46.5–47.5%, "85.3%" for
   * 85.25–85.35%, so a share computed as 85.27% is no error. Counts of people are not rounded
   * (a stated 100 is 100). A computed point that would not round to the stated number, by its
   * last significant digit (47 → 46.5–47.5, 700 → 650–750, "twice" → 1.5–2.5), is a warning even
   * when the qualifier's interval allows it. Default `true`.
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
 * The rounding unit a stated number implies by its last significant digit: 1,300 → 100, 47 → 1,
 * 48.3 → 0.1, 1.8 million → 100,000.
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
  return decimalPrecision(v);
}

/**
 * The rounding unit of a number's written decimals: 85.3 → 0.1, 47 → 1, 48.01 → 0.01. Unlike
 * {@link statedPrecision}, trailing zeros of a whole number count as digits ("50%" is 49.5–50.5%).
 *
 * @param value - A stated number.
 * @returns 1 for whole numbers, else 10^−decimals (at most 15 decimals).
 * @example
 * decimalPrecision(85.3); // => 0.1
 */
export function decimalPrecision(value: number): number {
  if (Number.isInteger(value)) return 1;
  const text = String(Math.abs(value));
  const exp = /e-(\d+)$/.exec(text);
  const decimals = exp ? Number(exp[1]) + (text.split('e')[0]!.split('.')[1] ?? '').length : (text.split('.')[1] ?? '').length;
  return 10 ** -Math.min(decimals, 15);
}

/**
 * Floating-point dust: 1e-9 relative, the snapping every statistic applies to its results.
 *
 * @param x - A number compared.
 * @returns The slack allowed around it.
 * @example
 * dust(48); // => 4.8e-8
 */
export function dust(x: number): number {
  return 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * The interval a stated quantity allows, as the audit reads it: the qualifier's interval, plus
 * half the unit of its last written digit for numbers that are not counts (when `rounding`), plus
 * the tolerances.
 *
 * @param stated - The stated quantity or estimate.
 * @param options - The audit's options.
 * @returns `[low, high]`.
 * @example
 * statedReading(quantity(85.3, 'exact', { unit: 'percent' }), defaultAuditOptions); // => [85.25, 85.35]
 */
export function statedReading(stated: Estimate, options: Required<AuditOptions>): [number, number] {
  const s = Math.abs(stated.value) * options.relativeTolerance + (stated.unit === 'percent' ? options.percentPointTolerance : 0);
  const r = options.rounding && !isWholeUnit(stated.unit) ? decimalPrecision(stated.value) / 2 : 0;
  return [stated.low - s - r, stated.high + s + r];
}

/** What comparing a computed estimate with a stated one concluded. */
export interface Judgement {
  readonly severity: FindingSeverity;
  readonly verdict: Extract<FindingVerdict, 'consistent' | 'impossible' | 'not-rounded'>;
}

/**
 * Compares a computed estimate with a stated quantity: `impossible` (an error) when no value the
 * computed interval allows lies in the stated one read with its rounding; `not-rounded` (a
 * warning) when the computed point would not round to the stated number; else `consistent`.
 *
 * @param actual - What the arithmetic gives.
 * @param stated - What the data states.
 * @param options - The audit's options.
 * @returns The severity and verdict.
 * @example
 * judge(share(quantity(566), quantity(1179)), quantity(47, 'about', { unit: 'percent' }), defaultAuditOptions);
 * // => { severity: 'warning', verdict: 'not-rounded' }
 */
export function judge(actual: Estimate, stated: Quantity | Estimate, options: Required<AuditOptions>): Judgement {
  const [low, high] = statedReading(stated, options);
  if (actual.low > high + dust(high) || actual.high < low - dust(low)) return { severity: 'error', verdict: 'impossible' };
  if (options.rounding) {
    const s = Math.abs(stated.value) * options.relativeTolerance + (stated.unit === 'percent' ? options.percentPointTolerance : 0);
    const half = statedPrecision(stated.value) / 2 + s;
    if (Math.abs(actual.value - stated.value) > half + dust(stated.value)) return { severity: 'warning', verdict: 'not-rounded' };
  }
  return { severity: 'info', verdict: 'consistent' };
}
