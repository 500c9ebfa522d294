import type { Quantity, Unit } from '../model/quantity';
import type { Estimate } from './estimate';

const suffix: Partial<Record<Unit, string>> = {
  percent: '%',
  'percent-change': '%',
  'people-per-day': ' a day',
  'people-per-year': ' a year',
  ratio: '×',
  days: ' days',
};

/**
 * A number as a reader expects it: thousands separators, whole numbers for counts, one decimal
 * (or more for small values) for rates, percents and ratios.
 *
 * @param x - The number.
 * @param unit - Its unit.
 * @returns e.g. `1,179`, `48.0%`, `9.2 a day`, `2.00×`.
 * @example
 * formatNumber(48.0068, 'percent'); // => '48.0%'
 */
export function formatNumber(x: number, unit: Unit): string {
  const whole = unit === 'people' || unit === 'count' || unit === 'days' || unit === 'usd';
  const digits = whole ? 0 : unit === 'ratio' ? 2 : Math.abs(x) < 1 && x !== 0 ? 2 : 1;
  const text = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  return unit === 'usd' ? `$${text}` : `${text}${suffix[unit] ?? ''}`;
}

/**
 * An estimate or a reported quantity as text: the point (with its qualifier, for a quantity),
 * then the interval when there is one. A reported number keeps the digits it was stated with
 * ("47%"); a computed one gets the digits of {@link formatNumber} ("48.0%").
 *
 * @param e - An estimate or quantity.
 * @returns e.g. `498`, `nearly 500 [450–500]`, `48.0%`, `170 [119–276]`.
 * @example
 * formatEstimate({ value: 170, low: 119, high: 276, unit: 'people' }); // => '170 [119–276]'
 */
export function formatEstimate(e: Estimate | Quantity): string {
  const stated = 'qualifier' in e;
  const show = (x: number): string => (stated ? formatStated(x, e.unit) : formatNumber(x, e.unit));
  const qualifier = stated && e.qualifier !== 'exact' && e.qualifier !== 'range' ? `${e.qualifier.replace('-', ' ')} ` : '';
  const point = `${qualifier}${show(e.value)}`;
  if (e.low === e.high) return point;
  const bare = (x: number): string => show(x).replace(suffix[e.unit] ?? '\u0000', '');
  return `${point} [${bare(e.low)}–${bare(e.high)}]`;
}

/** A stated number with the decimals it has (at most 2): 47 → `47%`, 48.3 → `48.3%`. */
function formatStated(x: number, unit: Unit): string {
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(x);
  return unit === 'usd' ? `$${text}` : `${text}${suffix[unit] ?? ''}`;
}
