import * as z from 'zod';
import { dayNumber, fiscalYearBounds } from './calendar';
import { isoDateSchema, textSchema } from './primitives';

// The day arithmetic lives in a zod-free module (record loaders use it without zod).
export { dateOfDayNumber, dayNumber, fiscalYearBounds } from './calendar';

/** How precisely a period's dates are known: a date with `month` precision means "some day that month". */
export const precisionSchema = z.enum(['day', 'week', 'month', 'year']);
export type Precision = z.infer<typeof precisionSchema>;

/**
 * When something happened. Either date may be unknown; `days` holds a duration known without
 * dates ("four-day raids"); `fiscalYear` names a whole US federal fiscal year; `precision` says
 * how exactly the dates are known. `label` keeps the report's words ("that week").
 *
 * @example
 * periodSchema.parse({ start: '2016-05-09', end: '2016-06-13', precision: 'day' });
 * periodSchema.parse({ days: 4, label: 'a series of four-day raids' });
 */
export const periodSchema = z
  .object({
    start: isoDateSchema.optional(),
    end: isoDateSchema.optional(),
    /** Length in days, counting both ends, when stated or known without dates. */
    days: z.number().int('must be a whole number of days').positive('must be at least 1 day').optional(),
    precision: precisionSchema.optional(),
    fiscalYear: z.number().int().min(1900).max(2200).optional(),
    label: textSchema.optional(),
    note: textSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.start && p.end && p.end < p.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be before start (start ${p.start}, end ${p.end})` });
    }
    const precision = p.precision ?? 'day';
    if (p.start && p.end && p.days !== undefined && precision === 'day') {
      const span = dayNumber(p.end) - dayNumber(p.start) + 1;
      if (span !== p.days) {
        ctx.addIssue({
          code: 'custom',
          path: ['days'],
          message: `does not match the dates: ${p.start} … ${p.end} is ${span} days counting both ends, not ${p.days}`,
        });
      }
    }
    if (p.fiscalYear !== undefined && (p.start || p.end)) {
      const [fs, fe] = fiscalYearBounds(p.fiscalYear);
      if ((p.start && p.start !== fs) || (p.end && p.end !== fe)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fiscalYear'],
          message: `FY${p.fiscalYear} runs ${fs} … ${fe}; start/end disagree (write the dates alone for part of a fiscal year)`,
        });
      }
    }
  });
export type Period = z.infer<typeof periodSchema>;
