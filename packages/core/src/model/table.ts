import * as z from 'zod';
import { breakdownSchema, dimensionSchema } from './breakdown';
import { derivedClaimSchema } from './claim';
import { figureSchema } from './figure';
import { agencySchema } from './operation';
import { periodSchema } from './period';
import { placeSchema } from './place';
import { idSchema, textSchema } from './primitives';

/**
 * A publisher's statistical table — ICE's yearly detention statistics, a per-AOR arrest table, a
 * FOIA summary tab — as a container beside operations: its source, period, places and
 * dimensions, and its cells as figures and breakdowns, with the same claims and audit as an
 * operation. It is not an enforcement action, so it has no operation kind.
 *
 * @example
 * statisticalTableSchema.parse({
 *   id: 'ice-detention-fy2024', name: 'ICE detention statistics, FY2024', agency: 'ICE-ERO',
 *   period: { fiscalYear: 2024 }, dimensions: ['criminality', 'agency'],
 *   figures: [ ... ], breakdowns: [ ... ], sources: ['ice-detention-stats-fy2024'],
 * });
 */
export const statisticalTableSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    /** The agency whose figures the table gives, when one. */
    agency: agencySchema.optional(),
    period: periodSchema,
    places: z.array(placeSchema).default([]),
    /** The dimensions the table splits its counts along, in its column order. */
    dimensions: z.array(dimensionSchema).optional(),
    figures: z.array(figureSchema).min(1, 'a table needs at least one figure'),
    breakdowns: z.array(breakdownSchema).default([]),
    claims: z.array(derivedClaimSchema).default([]),
    sources: z.array(idSchema).min(1, 'a table needs its source'),
    note: textSchema.optional(),
  })
  .strict();
export type StatisticalTable = z.infer<typeof statisticalTableSchema>;
