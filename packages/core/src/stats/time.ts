import { IcestatError } from '../errors';
import { dateOfDayNumber, dayNumber, fiscalYearBounds, type Period } from '../model/period';
import { daysInMonth, isRealDate } from '../model/primitives';
import type { Estimate } from './estimate';

function checkDate(fn: string, date: string): void {
  if (!isRealDate(date.slice(0, 10))) {
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
 * Dates known only to the week, month or year ("in August", "to March") give the span as the point
 * and, as the low, the fewest days the true dates allow (1 within a single month).
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
  // Dates known only to the week, month or year: the true start may be as late as the end of its
  // unit and the true end as early as the beginning of its unit.
  const latestStart = dayNumber(unitEnd(start, precision));
  const earliestEnd = dayNumber(unitStart(end, precision));
  return { value: span, low: Math.max(1, earliestEnd - latestStart + 1), high: span, unit: 'days' };
}

function unitStart(date: string, precision: 'week' | 'month' | 'year'): string {
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${date.slice(0, 7)}-01`;
  return dateOfDayNumber(dayNumber(date) - 6);
}

function unitEnd(date: string, precision: 'week' | 'month' | 'year'): string {
  if (precision === 'year') return `${date.slice(0, 4)}-12-31`;
  if (precision === 'month') {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  }
  return dateOfDayNumber(dayNumber(date) + 6);
}
