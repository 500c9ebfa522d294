// Calendar arithmetic on ISO dates, with no zod: the record loaders' hot paths and worker threads
// import it without loading the schemas of the model.

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

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC, no time zone drift).
 *
 * @param date - The date.
 * @returns An integer day number.
 * @example
 * dayNumber('1970-01-02'); // => 1
 */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The `YYYY-MM-DD` date of a day number (the inverse of {@link dayNumber}).
 *
 * @param day - Days since 1970-01-01.
 * @returns The ISO date.
 * @example
 * dateOfDayNumber(0); // => '1970-01-01'
 */
export function dateOfDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The first and last day of a US federal fiscal year, which starts on 1 October of the previous
 * calendar year: FY2017 = 2016-10-01 … 2017-09-30.
 *
 * @param fiscalYear - The fiscal year, e.g. 2017.
 * @returns `[start, end]` as ISO dates.
 * @example
 * fiscalYearBounds(2017); // => ['2016-10-01', '2017-09-30']
 */
export function fiscalYearBounds(fiscalYear: number): [string, string] {
  return [`${fiscalYear - 1}-10-01`, `${fiscalYear}-09-30`];
}
