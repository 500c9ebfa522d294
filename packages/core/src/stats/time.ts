import { IcestatError } from '../errors';
import { dateOfDayNumber, daysInMonth, dayNumber, fiscalYearBounds, isRealDate } from '../model/calendar';
import type { Period } from '../model/period';
import type { Estimate } from './estimate';

// A date, optionally followed by a time as releases write it: `2015-10-26 00:00:00`, `2023-05-11T09:49`.
const dateTime = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function checkDate(fn: string, date: string): void {
  if (!dateTime.test(date) || !isRealDate(date.slice(0, 10))) {
    throw new IcestatError('invalid_input', `${fn}: expected a date written YYYY-MM-DD; received "${date}"`);
  }
}

/**
 * The US federal fiscal year a date falls in. Fiscal years start on 1 October: 2016-09-30 is in
 * FY2016, 2016-10-01 in FY2017. A time after the date (`2016-10-01 00:00:00`) is ignored.
 *
 * @param date - `YYYY-MM-DD`, optionally followed by a time.
 * @returns The fiscal year, e.g. 2017.
 * @throws {@link IcestatError} `invalid_input` for anything but a real date.
 * @example
 * fiscalYear('2016-10-01'); // => 2017
 * fiscalYear('2016-09-30'); // => 2016
 */
export function fiscalYear(date: string): number {
  checkDate('fiscalYear', date);
  const year = Number(date.slice(0, 4));
  return date.charCodeAt(5) === 49 /* '1' */ ? year + 1 : year;
}

/**
 * The fiscal-year key icestat groups by: `FY2017`.
 *
 * @param date - `YYYY-MM-DD`, optionally with a time.
 * @returns `FY` and the fiscal year.
 * @example
 * fiscalYearKey('2017-09-25'); // => 'FY2017'
 */
export function fiscalYearKey(date: string): string {
  return `FY${fiscalYear(date)}`;
}

/**
 * The calendar-month key icestat groups by: `2017-09`.
 *
 * @param date - `YYYY-MM-DD`, optionally with a time.
 * @returns `YYYY-MM`.
 * @example
 * monthKey('2017-09-25 09:49:00'); // => '2017-09'
 */
export function monthKey(date: string): string {
  checkDate('monthKey', date);
  return date.slice(0, 7);
}

/**
 * How many days a period lasts, counting both ends, as an estimate. A stated duration
 * ("four-day raids") or day-precise dates give an exact count; a fiscal year gives 365 or 366.
 * Dates known only to the week, month or year ("in August", "to March") give the span between the
 * written dates as the point, and as the interval the fewest and most days the true dates allow:
 * within a single month, 1 to the month's length.
 *
 * @param period - A period.
 * @returns Days, unit `days`.
 * @throws {@link IcestatError} `not_determinable` when the period has neither a duration, both
 *   dates nor a fiscal year.
 * @example
 * daysInPeriod({ start: '2016-05-09', end: '2016-06-13' }); // => { value: 36, low: 36, high: 36, unit: 'days' }
 * daysInPeriod({ start: '2019-08-01', end: '2019-08-31', precision: 'month' }); // => { value: 31, low: 1, high: 31, unit: 'days' }
 */
export function daysInPeriod(period: Period): Estimate {
  if (period.days !== undefined) return { value: period.days, low: period.days, high: period.days, unit: 'days' };
  let start = period.start;
  let end = period.end;
  if ((!start || !end) && period.fiscalYear !== undefined) [start, end] = fiscalYearBounds(period.fiscalYear);
  if (!start || !end) {
    throw new IcestatError(
      'not_determinable',
      `daysInPeriod: the period${period.label ? ` "${period.label}"` : ''} has no duration, no start and end, and no fiscal year`,
    );
  }
  const span = dayNumber(end) - dayNumber(start) + 1;
  if (span < 1) throw new IcestatError('invalid_input', `daysInPeriod: the period ends (${end}) before it starts (${start})`);
  const precision = period.fiscalYear !== undefined ? 'day' : (period.precision ?? 'day');
  if (precision === 'day') return { value: span, low: span, high: span, unit: 'days' };
  // Dates known only to the week, month or year: the true start lies somewhere in the start's unit
  // and the true end somewhere in the end's unit.
  const [firstStart, lastStart] = unitOf(start, precision, 'start');
  const [firstEnd, lastEnd] = unitOf(end, precision, 'end');
  return {
    value: span,
    low: Math.max(1, dayNumber(firstEnd) - dayNumber(lastStart) + 1),
    high: dayNumber(lastEnd) - dayNumber(firstStart) + 1,
    unit: 'days',
  };
}

/**
 * The days a date known to the week, month or year may stand for. A week has no calendar
 * alignment, so a start date is read as the first day of its week and an end date as the last.
 */
function unitOf(date: string, precision: 'week' | 'month' | 'year', role: 'start' | 'end'): [string, string] {
  if (precision === 'year') return [`${date.slice(0, 4)}-01-01`, `${date.slice(0, 4)}-12-31`];
  if (precision === 'month') {
    const last = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
    return [`${date.slice(0, 7)}-01`, `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`];
  }
  const d = dayNumber(date);
  return role === 'start' ? [date, dateOfDayNumber(d + 6)] : [dateOfDayNumber(d - 6), date];
}
