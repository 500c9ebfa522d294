import * as z from 'zod';
import { vocabularyError } from '../errors';
import { agencySchema } from './agency';
import { breakdownSchema } from './breakdown';
import { derivedClaimSchema } from './claim';
import { namedOffencesSchema } from './criminality';
import { figureSchema, metricSchema } from './figure';
import { periodSchema } from './period';
import { placeSchema } from './place';
import { idSchema, textSchema } from './primitives';

export { agencySchema, type Agency } from './agency';

const operationKindValues = ['nationwide-surge', 'multi-state-operation', 'targeted-sweep', 'worksite-raid', 'at-large-arrests', 'daily-enforcement'] as const;
/** What sort of enforcement action an operation was. */
export const operationKindSchema = z.enum(operationKindValues, {
  error: (issue): string => vocabularyError('a kind of operation', operationKindValues)(issue),
});
export type OperationKind = z.infer<typeof operationKindSchema>;

/**
 * A named or described enforcement action: its agency, kind, period, places, stated target
 * ("sanctuary jurisdictions"), its figures, breakdowns and derived claims, and the sources it is
 * known from. `ambiguities` lists what the sources leave open, so the data never guesses.
 *
 * @example
 * operationSchema.parse({
 *   id: 'midwest-2016', name: 'Midwest raids', agency: 'ICE-ERO', kind: 'targeted-sweep',
 *   period: { start: '2016-05-09', end: '2016-06-13' }, places: [{ kind: 'aor', aor: 'CHI' }],
 *   figures: [ ... ], sources: ['fusion-2016'],
 * });
 */
export const operationSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    aliases: z.array(textSchema).optional(),
    agency: agencySchema,
    kind: operationKindSchema,
    period: periodSchema,
    places: z.array(placeSchema),
    target: z.object({ description: textSchema, source: idSchema, evidence: textSchema }).strict().optional(),
    figures: z.array(figureSchema).min(1, 'an operation needs at least one figure'),
    breakdowns: z.array(breakdownSchema).default([]),
    claims: z.array(derivedClaimSchema).default([]),
    namedOffences: z.array(namedOffencesSchema).optional(),
    sources: z.array(idSchema).min(1),
    ambiguities: z.array(textSchema).optional(),
    note: textSchema.optional(),
  })
  .strict();
export type Operation = z.infer<typeof operationSchema>;

/** How often a series' figures come: per fiscal year, per day, … or irregular spans. */
export const seriesIntervalSchema = z.enum(['fiscal-year', 'calendar-year', 'month', 'week', 'day', 'irregular']);

/**
 * Figures over time outside one operation: ERO arrests per fiscal year, daily arrests. Every
 * figure of a series must have a period.
 *
 * @example
 * seriesSchema.parse({ id: 'ero-arrests', name: 'ICE ERO arrests', agency: 'ICE-ERO', metric: 'arrests',
 *   interval: 'irregular', figures: [ ... ] });
 */
export const seriesSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    agency: agencySchema,
    metric: metricSchema,
    interval: seriesIntervalSchema,
    figures: z.array(figureSchema).min(1),
    claims: z.array(derivedClaimSchema).default([]),
    note: textSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    s.figures.forEach((f, i) => {
      if (!f.period) ctx.addIssue({ code: 'custom', path: ['figures', i, 'period'], message: 'a series figure needs a period' });
      if (f.metric !== s.metric) {
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'metric'], message: `must be the series’ metric "${s.metric}"; got "${f.metric}"` });
      }
    });
  });
export type Series = z.infer<typeof seriesSchema>;
