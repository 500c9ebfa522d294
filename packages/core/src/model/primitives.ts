import * as z from 'zod';
import { isRealDate } from './calendar';

// The calendar arithmetic lives in a zod-free module (record loaders use it without zod).
export { daysInMonth, isLeapYear, isRealDate } from './calendar';

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
