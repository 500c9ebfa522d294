import type { Quantity, Unit } from '../model/quantity';
import type { Estimate } from './estimate';

const suffix: Partial<Record<Unit, string>> = {
  percent: '%',
  'percent-change': '%',
  'people-per-day': ' a day',
  'people-per-year': ' a year',
  ratio: '×',
  days: ' days',
  'days-average': ' days',
};

/** How each qualifier reads in front of a number. */
const qualifierWords: Readonly<Record<Quantity['qualifier'], string>> = {
  exact: '',
  approximately: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  nearly: 'nearly ',
  'fewer-than': 'fewer than ',
  'at-most': 'at most ',
  range: '',
};

function withUnit(text: string, unit: Unit, sign: string): string {
  return unit === 'usd' ? `${sign}$${text}` : `${sign}${text}${suffix[unit] ?? ''}`;
}

function digitsFor(x: number, unit: Unit): number {
  if (unit === 'people' || unit === 'count' || unit === 'days' || unit === 'usd') return 0;
  if (unit === 'ratio') return 2;
  return Math.abs(x) < 1 && x !== 0 ? 2 : 1;
}

function plain(x: number, unit: Unit, stated: boolean): string {
  const d = stated ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digitsFor(x, unit), maximumFractionDigits: digitsFor(x, unit) };
  return new Intl.NumberFormat('en-US', d).format(Math.abs(x));
}

/** A minus for negatives; for a percent change, a plus for rises too. */
function signOf(x: number, unit: Unit): string {
  if (x < 0) return '−';
  return unit === 'percent-change' && x > 0 ? '+' : '';
}

/**
 * A number as a reader expects it: thousands separators, whole numbers for counts, one decimal
 * (two below 1) for rates and percents, two for ratios; a percent change is signed.
 *
 * @param x - The number.
 * @param unit - Its unit.
 * @returns e.g. `1,179`, `48.0%`, `9.2 a day`, `2.00×`, `+99.7%`.
 * @example
 * formatNumber(48.0068, 'percent'); // => '48.0%'
 */
export function formatNumber(x: number, unit: Unit): string {
  return withUnit(plain(x, unit, false), unit, signOf(x, unit));
}

/**
 * An interval as text, the unit written once: `450–500`, `0–52.0%`, `9.0–9.5 a day`.
 *
 * @param low - The lower bound.
 * @param high - The upper bound.
 * @param unit - Their unit.
 * @param stated - Write the numbers with the digits they have (reported bounds) rather than the
 *   fixed digits of {@link formatNumber} (computed bounds).
 * @returns The interval.
 * @example
 * formatInterval(63.65, 100, 'percent'); // => '63.7–100.0%'
 */
export function formatInterval(low: number, high: number, unit: Unit, stated = false): string {
  const a = `${signOf(low, unit)}${plain(low, unit, stated)}`;
  const b = `${signOf(high, unit)}${plain(high, unit, stated)}`;
  return unit === 'usd' ? `$${a}–$${b}` : `${a}–${b}${suffix[unit] ?? ''}`;
}

/**
 * An estimate or a reported quantity as text: the point (after its qualifier's words, for a
 * quantity: "nearly", "about", "more than"), then the interval when there is one. A reported
 * number keeps the digits it was stated with ("47%"); a computed one gets the digits of
 * {@link formatNumber} ("48.0%"). A range reads "between 100 and 200".
 *
 * @param e - An estimate or quantity.
 * @returns e.g. `498`, `nearly 500 [450–500]`, `48.0%`, `170 [119–276]`.
 * @example
 * formatEstimate({ value: 170, low: 119, high: 276, unit: 'people' }); // => '170 [119–276]'
 * formatEstimate(quantity(500, 'nearly')); // => 'nearly 500 [450–500]'
 */
export function formatEstimate(e: Estimate | Quantity): string {
  const stated = 'qualifier' in e;
  const number = (x: number): string => withUnit(plain(x, e.unit, stated), e.unit, signOf(x, e.unit));
  if (stated && e.qualifier === 'range') return `between ${number(e.low)} and ${number(e.high)}`;
  const point = `${stated ? qualifierWords[e.qualifier] : ''}${number(e.value)}`;
  if (e.low === e.high) return point;
  return `${point} [${formatInterval(e.low, e.high, e.unit, stated)}]`;
}
