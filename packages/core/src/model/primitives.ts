import * as z from 'zod';

/**
 * An identifier for a source, operation, figure, breakdown or claim: lower-case letters, digits
 * and dashes, unique within a dataset (e.g. `safe-city-2017-arrests`).
 */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug of lower-case letters, digits and dashes (e.g. "safe-city-2017")')
  .max(120);
export type Id = z.infer<typeof idSchema>;

/** A calendar date written `YYYY-MM-DD` (ISO 8601), checked to exist (no 30 February). */
export const isoDateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD that exists' });
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * A date known to the year, month or day: `2016`, `2016-06` or `2016-06-13`. Reports often give
 * only a month ("in August") and sources only a year.
 */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isRealDate(s), { message: 'must be a date that exists' });
export type PartialDate = z.infer<typeof partialDateSchema>;

/** A non-empty, trimmed piece of text. */
export const textSchema = z.string().trim().min(1, 'must not be empty');

/**
 * Whether a `YYYY-MM-DD` string names a day on the calendar.
 *
 * @param s - The date text.
 * @returns `true` for `2024-02-29`, `false` for `2023-02-29`.
 * @example
 * isRealDate('2016-02-29'); // => true
 */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/**
 * The number of days in a month of the proleptic Gregorian calendar.
 *
 * @param year - The year, e.g. 2024.
 * @param month - 1 for January … 12 for December.
 * @returns 28 to 31.
 * @example
 * daysInMonth(2024, 2); // => 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether a year is a Gregorian leap year.
 *
 * @param year - The year.
 * @returns `true` for 2016 and 2000, `false` for 1900.
 * @example
 * isLeapYear(2016); // => true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
