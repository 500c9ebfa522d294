import { z } from 'zod';
import { placeSchema } from './place';
import { periodSchema } from './period';
import { idSchema, textSchema } from './primitives';
import { quantitySchema } from './quantity';

/** What a figure counts. Open to growth, closed for validation: a typo is an error, not a new metric. */
export const metricSchema = z.enum([
  'arrests',
  'detentions',
  'removals',
  'apprehensions',
  'encounters',
  'detainers',
  'book-ins',
  'agents-deployed',
  'states-covered',
  'jurisdictions-covered',
]);
export type Metric = z.infer<typeof metricSchema>;

/** Who puts a figure forward: the agency itself, an official, a reporter's own computation, an advocate, … */
export const claimantSchema = z
  .object({
    role: z.enum(['agency', 'government-official', 'reporter', 'advocate', 'researcher', 'court', 'other']),
    /** The person or organisation, e.g. "ICE", "CHIRLA", "Angelica Salas". */
    name: textSchema.optional(),
  })
  .strict();
export type Claimant = z.infer<typeof claimantSchema>;

/**
 * One quantity about one thing, with its provenance: the metric, the quantity (value, qualifier,
 * interval), its scope (period and places; the operation is the one that holds it), the source
 * it was read in, the source that source cites, who claims it, and `evidence` — the shortest
 * phrase of the source that states it ("nearly 500 people"), so a reader can find it.
 *
 * @example
 * figureSchema.parse({
 *   id: 'midwest-2016-arrests', metric: 'arrests',
 *   quantity: { value: 331, unit: 'people' },
 *   source: 'fusion-2016', claimant: { role: 'agency', name: 'ICE' },
 *   evidence: 'the arrest of 331 individuals',
 * });
 */
export const figureSchema = z
  .object({
    id: idSchema,
    metric: metricSchema,
    quantity: quantitySchema,
    /** When it applies, if not the whole period of the operation that holds it. */
    period: periodSchema.optional(),
    /** Where it applies, if not all places of the operation that holds it. */
    places: z.array(placeSchema).min(1).optional(),
    /** Id of the source the figure was read in. */
    source: idSchema,
    /** Id of the source that source attributes the figure to (an ICE release quoted by a newspaper). */
    citing: idSchema.optional(),
    claimant: claimantSchema,
    /** The shortest phrase of the source that states the figure. */
    evidence: textSchema,
    note: textSchema.optional(),
  })
  .strict();
export type Figure = z.infer<typeof figureSchema>;
export type FigureInput = z.input<typeof figureSchema>;
