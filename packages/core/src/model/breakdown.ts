import * as z from 'zod';
import { vocabularyError } from '../errors';
import { meantCountry } from '../records/countries';
import { countryCodes } from '../reference/countries';
import { agencySchema, type Agency } from './agency';
import { criminalityClassSchema, offenceCategorySchema } from './criminality';
import { figureSchema, type Figure } from './figure';
import { placeSchema, type Place } from './place';
import { idSchema, textSchema } from './primitives';
import type { CriminalityClass } from './criminality';

const dimensionValues = [
  'place',
  'criminality',
  'offence',
  'immigration-history',
  'sex',
  'age-group',
  'citizenship',
  'gang-affiliation',
  'apprehension-type',
  'agency',
  'removal-type',
  'apprehension-method',
  'case-category',
  'processing-disposition',
  'threat-level',
  'release-reason',
  'departure-country',
] as const;
/** The dimension a breakdown splits a figure along. */
export const dimensionSchema = z.enum(dimensionValues, {
  error: (issue): string => vocabularyError('a dimension', dimensionValues)(issue),
});
export type Dimension = z.infer<typeof dimensionSchema>;

/**
 * Category slugs icestat knows for each dimension. Categories are open (any slug is accepted);
 * these are the ones statistics and charts understand by name.
 */
export const knownCategories: Readonly<Partial<Record<Dimension, readonly string[]>>> = Object.freeze({
  criminality: ['convicted', 'pending-charges', 'other-immigration-violator', 'criminal', 'not-convicted'],
  'immigration-history': ['undocumented-only', 'previously-removed', 'final-order', 'reentered-after-removal'],
  sex: ['male', 'female'],
  'age-group': ['minor', 'adult'],
  'gang-affiliation': ['alleged-gang-member'],
  'apprehension-type': ['targeted', 'collateral'],
});

const removalTypeValues = ['removal', 'expedited-removal', 'reinstatement', 'return', 'voluntary-departure', 'other'] as const;
/** How a person left: ICE's removal types, for `removal-type` breakdowns. */
export const removalTypeSchema = z.enum(removalTypeValues, {
  error: (issue): string =>
    vocabularyError('a removal type', removalTypeValues, (text) =>
      removalTypeValues.find(
        (t) =>
          t ===
          text
            .trim()
            .toLowerCase()
            .replace(/[\s_]+/g, '-'),
      ),
    )(issue),
});
export type RemovalType = z.infer<typeof removalTypeSchema>;

/** Whether parts are meant to be exhaustive / exclusive: `true`, `false`, or `'unknown'` when the report does not say. */
export const tristateSchema = z.union([z.boolean(), z.literal('unknown')]);
export type Tristate = z.infer<typeof tristateSchema>;

/** One cell of a breakdown: a category, its figure, and any breakdowns of that figure nested below it. */
export interface BreakdownPart {
  /** Slug of the category, e.g. `convicted`, `dui`, `philadelphia`. */
  readonly category: string;
  /** The category as the report writes it. */
  readonly label?: string | undefined;
  /** For `place` breakdowns: the place of the cell. */
  readonly place?: Place | undefined;
  /** For `criminality` breakdowns: ICE classes the cell covers (613 "criminal arrests" = convicted + pending). */
  readonly criminality?: readonly CriminalityClass[] | undefined;
  /** For `offence` breakdowns: the offence category. */
  readonly offence?: string | undefined;
  /** For `agency` breakdowns: the arresting or booking agency. */
  readonly agency?: Agency | undefined;
  /** For `citizenship` and `departure-country` breakdowns: the ISO 3166-1 alpha-2 code (`label` keeps the source's spelling, "Tonga"). */
  readonly country?: string | undefined;
  /** For `removal-type` breakdowns: the removal type. */
  readonly removalType?: RemovalType | undefined;
  /**
   * The cell holds records whose value was not recorded in a form the dimension can place: blank,
   * redacted under FOIA, or a value the vocabulary does not know. It needs no place, and keeps the
   * parts adding up to the total.
   */
  readonly notRecorded?: boolean | undefined;
  readonly figure: Figure;
  /** Breakdowns of this cell's figure (181 without conviction → 68 undocumented only, 104 previously removed). */
  readonly breakdowns?: readonly Breakdown[] | undefined;
  /**
   * Other figures in this cell's scope: the same count from another source (a city's week inside
   * a nationwide week, as the city's own paper reports it), or other metrics of the cell. The
   * audit compares sources within the cell as within an operation.
   */
  readonly figures?: readonly Figure[] | undefined;
}

/**
 * An ISO 3166-1 alpha-2 country code in capitals: `MX`, `WS` (Samoa), `TO` (Tonga). Only codes
 * officially assigned to a country or territory are accepted, and XK (Kosovo), the user-assigned
 * code ICE's releases use; reserved codes (`UK`, `EU`, `YU`) are not. `countryCodeSchema.options`
 * lists them all. A wrong code gets "did you mean" from its case (`mx`), a name (`Mexico`,
 * `Mexcio`) or, for `UK`, its assigned code `GB`.
 */
export const countryCodeSchema = z.enum(countryCodes, {
  error: (issue): string =>
    vocabularyError('an ISO 3166-1 alpha-2 country code in capitals', countryCodes, (text) => {
      const code = text.trim().toUpperCase();
      // The text itself when nothing is meant: two letters are always one letter from some code.
      return countryCodes.includes(code) ? code : code === 'UK' ? 'GB' : (meantCountry(text)?.code ?? text);
    })(issue),
});

/**
 * A category a report names without a count ("…Samoa 2, Brazil 1, and Tonga"). It cannot be a
 * part, but it is not nothing: the audit attributes what the counted parts leave of an exhaustive
 * total to it ("Tonga: implied 1") instead of calling the remainder unexplained.
 */
export interface UncountedPart {
  readonly category: string;
  readonly label?: string | undefined;
  readonly place?: Place | undefined;
  /** ISO 3166-1 alpha-2 code of a citizenship category, e.g. `TO` for Tonga. */
  readonly country?: string | undefined;
  /** The source that names it, and the phrase that does. */
  readonly source: string;
  readonly evidence: string;
}

/** Schema of an {@link UncountedPart}. */
export const uncountedPartSchema: z.ZodType<UncountedPart, unknown> = z
  .object({
    category: idSchema,
    label: textSchema.optional(),
    place: placeSchema.optional(),
    country: countryCodeSchema.optional(),
    source: idSchema,
    evidence: textSchema,
  })
  .strict();

/**
 * A figure split along one dimension. `total` names the figure split; it is omitted on a nested
 * breakdown (whose total is the part above it) and where the report states the parts but no total
 * (Chicago: "106 males and one female"). `exhaustive`: the parts are meant to add up to
 * the total; `exclusive`: no one is in two parts. Either may be `'unknown'`, and `ambiguity`
 * says in words what the report leaves open ("are the 18 alleged gang members inside the 181?").
 */
export interface Breakdown {
  readonly id: string;
  readonly dimension: Dimension;
  readonly total?: string | undefined;
  readonly exhaustive: Tristate;
  readonly exclusive: Tristate;
  readonly ambiguity?: string | undefined;
  readonly note?: string | undefined;
  readonly parts: readonly BreakdownPart[];
  /** Categories the source names without a count. */
  readonly uncounted?: readonly UncountedPart[] | undefined;
}

/** Schema of a {@link BreakdownPart}. */
export const breakdownPartSchema: z.ZodType<BreakdownPart, unknown> = z.lazy(() =>
  z
    .object({
      category: idSchema,
      label: textSchema.optional(),
      place: placeSchema.optional(),
      criminality: z.array(criminalityClassSchema).min(1).optional(),
      offence: offenceCategorySchema.optional(),
      agency: agencySchema.optional(),
      country: countryCodeSchema.optional(),
      removalType: removalTypeSchema.optional(),
      notRecorded: z.boolean().optional(),
      figure: figureSchema,
      breakdowns: z.array(breakdownSchema).optional(),
      figures: z.array(figureSchema).optional(),
    })
    .strict(),
);

/**
 * Schema of a {@link Breakdown}; recursive through its parts. Cross-checks that need the whole
 * dataset (the total exists, parts share its unit) run in `datasetSchema`.
 *
 * @example
 * breakdownSchema.parse({
 *   id: 'chicago-by-sex', dimension: 'sex', total: 'midwest-2016-chicago',
 *   exhaustive: true, exclusive: true,
 *   parts: [{ category: 'male', figure: { ... } }, { category: 'female', figure: { ... } }],
 * });
 */
export const breakdownSchema: z.ZodType<Breakdown, unknown> = z.lazy(() =>
  z
    .object({
      id: idSchema,
      dimension: dimensionSchema,
      total: idSchema.optional(),
      exhaustive: tristateSchema,
      exclusive: tristateSchema,
      ambiguity: textSchema.optional(),
      note: textSchema.optional(),
      parts: z.array(breakdownPartSchema).min(1, 'a breakdown needs at least one part'),
      uncounted: z.array(uncountedPartSchema).optional(),
    })
    .strict()
    .superRefine((b, ctx) => {
      b.parts.forEach((part, i) => {
        if (b.dimension === 'place' && !part.place && part.notRecorded !== true) {
          ctx.addIssue({ code: 'custom', path: ['parts', i, 'place'], message: 'a place breakdown’s part needs a place' });
        }
        if (b.dimension === 'criminality' && !part.criminality) {
          ctx.addIssue({
            code: 'custom',
            path: ['parts', i, 'criminality'],
            message: 'a criminality breakdown’s part needs the ICE classes it covers (convicted, pending-charges, other-immigration-violator)',
          });
        }
      });
    }),
);
