import type { Unit } from '@icestat/core';
import type { RowQualifier } from './chart-row';

/** What {@link formatEstimate} reads: an estimate, optionally qualified; `value: null` when not determinable. */
export interface FormattableEstimate {
  readonly value: number | null;
  readonly low: number;
  readonly high: number;
  readonly unit: Unit;
  readonly qualifier?: RowQualifier;
}

const prefix: Readonly<Record<RowQualifier, string>> = {
  exact: '',
  computed: '',
  approximately: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  nearly: 'nearly ',
  'fewer-than': 'fewer than ',
  'at-most': 'at most ',
  range: '',
};

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const fixedOne = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A number in a unit, without the unit's sign: grouped whole numbers for counts, one decimal for
 * shares and rates, two for ratios.
 */
function bare(x: number, unit: Unit): string {
  switch (unit) {
    case 'percent':
    case 'percent-change':
      return oneDecimal.format(x);
    case 'people-per-day':
      return fixedOne.format(x);
    case 'ratio':
      return twoDecimals.format(x);
    default:
      return whole.format(x);
  }
}

function withUnit(text: string, unit: Unit, value?: number): string {
  switch (unit) {
    case 'percent':
      return `${text}%`;
    case 'percent-change':
      return `${value !== undefined && value > 0 ? '+' : ''}${text}%`;
    case 'people-per-day':
      return `${text} a day`;
    case 'people-per-year':
      return `${text} a year`;
    case 'ratio':
      return `${text}×`;
    case 'usd':
      return `$${text}`;
    default:
      return text;
  }
}

/**
 * Caption-ready text for a number and its interval, the way the report qualified it: the
 * qualifier's words, the number in its unit, and the interval in brackets when it is wider than
 * the number's rounding.
 *
 * @param e - The estimate, with its qualifier (`exact` when omitted) and unit.
 * @returns Text such as `nearly 500 [450–500]`, `63.7%`, `9.2 a day`, `not determinable [63.7–100%]`.
 * @example
 * formatEstimate({ value: 500, low: 450, high: 500, unit: 'people', qualifier: 'nearly' }); // => 'nearly 500 [450–500]'
 * formatEstimate({ value: null, low: 0, high: 51.99, unit: 'percent' }); // => 'not determinable [0–52%]'
 */
export function formatEstimate(e: FormattableEstimate): string {
  const lo = bare(e.low, e.unit);
  const hi = bare(e.high, e.unit);
  const interval = withUnit(`${lo}–${hi}`, e.unit, e.low);
  if (e.value === null) return `not determinable [${interval}]`;
  const qualifier = e.qualifier ?? 'exact';
  if (qualifier === 'range') return `between ${withUnit(lo, e.unit, e.low)} and ${withUnit(hi, e.unit, e.high)}`;
  const point = `${prefix[qualifier]}${withUnit(bare(e.value, e.unit), e.unit, e.value)}`;
  return lo === hi ? point : `${point} [${interval}]`;
}
