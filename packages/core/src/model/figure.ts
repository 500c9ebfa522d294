import * as z from 'zod';
import { vocabularyError } from '../errors';
import { placeSchema } from './place';
import { periodSchema } from './period';
import { idSchema, textSchema } from './primitives';
import { quantitySchema } from './quantity';
import { derivationSchema } from './derivation';

const metricValues = [
  'arrests',
  'detentions',
  'removals',
  'apprehensions',
  'encounters',
  'detainers',
  'book-ins',
  'detention-population',
  'average-daily-population',
  'length-of-stay',
  'agents-deployed',
  'states-covered',
  'jurisdictions-covered',
] as const;
/** What a figure counts. Open to growth, closed for validation: a typo is an error, not a new metric. */
export const metricSchema = z.enum(metricValues, {
  error: (issue): string => vocabularyError('a metric', metricValues)(issue),
});
export type Metric = z.infer<typeof metricSchema>;

/**
 * How a figure sits in time. A `flow` is counted over a period (arrests, book-ins, removals); a
 * `stock` is counted at an instant (people detained on 1 October 2024), so its period is one day
 * and it has no rate per day; an `average` is a mean over a period (average daily population,
 * average length of stay) and may be fractional.
 */
export const measureSchema = z.enum(['flow', 'stock', 'average'], {
  error: 'must be flow (counted over a period), stock (counted on one day) or average (a mean over a period)',
});
export type Measure = z.infer<typeof measureSchema>;

/**
 * The measure each metric has unless a figure says otherwise, and the units it may be in.
 * `detentions` (people detained in a raid) is a flow; the population held on a day is
 * `detention-population`, a stock.
 */
export const metricMeasures: Readonly<Record<Metric, { readonly measure: Measure; readonly fixed: boolean }>> = Object.freeze({
  arrests: { measure: 'flow', fixed: false },
  detentions: { measure: 'flow', fixed: false },
  removals: { measure: 'flow', fixed: false },
  apprehensions: { measure: 'flow', fixed: false },
  encounters: { measure: 'flow', fixed: false },
  detainers: { measure: 'flow', fixed: false },
  'book-ins': { measure: 'flow', fixed: true },
  'detention-population': { measure: 'stock', fixed: true },
  'average-daily-population': { measure: 'average', fixed: true },
  'length-of-stay': { measure: 'average', fixed: true },
  'agents-deployed': { measure: 'stock', fixed: false },
  'states-covered': { measure: 'stock', fixed: false },
  'jurisdictions-covered': { measure: 'stock', fixed: false },
});

/**
 * A figure's measure: the one it states, or its metric's.
 *
 * @param figure - A figure (its `metric` and optional `measure`).
 * @returns `flow`, `stock` or `average`.
 * @example
 * measureOf({ metric: 'average-daily-population' }); // => 'average'
 */
export function measureOf(figure: { readonly metric: Metric; readonly measure?: Measure | undefined }): Measure {
  return figure.measure ?? metricMeasures[figure.metric].measure;
}

/** Who puts a figure forward: the agency itself, an official, a reporter's own computation, an advocate, … */
export const claimantSchema = z
  .object({
    /** `computed`: nobody stated it; the dataset computes it from stated figures (see `derivedFrom`). */
    role: z.enum(['agency', 'government-official', 'reporter', 'advocate', 'researcher', 'court', 'computed', 'other']),
    /** The person or organisation, e.g. "ICE", "CHIRLA", "Angelica Salas". */
    name: textSchema.optional(),
  })
  .strict();
export type Claimant = z.infer<typeof claimantSchema>;

/**
 * Where a figure sits in a tabular source (a spreadsheet tab, a PDF table): the table's name as
 * the source writes it, the row and the column. Evidence says what the cell states; the locator
 * says where to find it.
 */
export const evidenceLocatorSchema = z
  .object({
    /** The table, sheet or tab, e.g. "Detention FY24" or "Summary". */
    table: textSchema.optional(),
    /** The row label (or 1-based row number). */
    row: z.union([textSchema, z.number().int().positive()]).optional(),
    /** The column header (or 1-based column number). */
    column: z.union([textSchema, z.number().int().positive()]).optional(),
    /** The page of a PDF. */
    page: z.number().int().positive().optional(),
  })
  .strict()
  .refine((l) => Object.values(l).some((v) => v !== undefined), 'give at least one of table, row, column or page');
export type EvidenceLocator = z.infer<typeof evidenceLocatorSchema>;

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
    /** Flow, stock or average, when not the metric's own ({@link metricMeasures}). */
    measure: measureSchema.optional(),
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
    /** The shortest phrase of the source that states the figure (for a derived figure, the computation in words). */
    evidence: textSchema,
    /** For a tabular source: the table, row and column that hold the figure. */
    locator: evidenceLocatorSchema.optional(),
    /** How the figure is computed from other figures, when no source states it. */
    derivedFrom: derivationSchema.optional(),
    note: textSchema.optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const own = metricMeasures[f.metric];
    if (f.measure !== undefined && own.fixed && f.measure !== own.measure) {
      ctx.addIssue({ code: 'custom', path: ['measure'], message: `${f.metric} is always ${article(own.measure)} ${own.measure}; got ${f.measure}` });
    }
    const measure = measureOf(f);
    const unit = f.quantity.unit;
    const want = metricUnits[f.metric];
    if (want && !want.includes(unit)) {
      ctx.addIssue({ code: 'custom', path: ['quantity', 'unit'], message: `${f.metric} is counted in ${want.join(' or ')}; got ${unit}` });
    } else if ((unit === 'people-average' || unit === 'days-average') && measure !== 'average') {
      ctx.addIssue({
        code: 'custom',
        path: ['quantity', 'unit'],
        message: `${unit} is the unit of an average; this figure is ${article(measure)} ${measure} (set measure: "average" if it is one)`,
      });
    }
  });
export type Figure = z.infer<typeof figureSchema>;

const metricUnits: Partial<Record<Metric, readonly string[]>> = {
  'book-ins': ['people'],
  'detention-population': ['people'],
  'average-daily-population': ['people-average'],
  'length-of-stay': ['days-average', 'days'],
};

function article(measure: Measure): string {
  return measure === 'average' ? 'an' : 'a';
}
export type FigureInput = z.input<typeof figureSchema>;
