import * as z from 'zod';
import { vocabularyError } from '../errors';
import { criminalityClassValues, type CriminalityClass } from './criminality-classes';
import { textSchema } from './primitives';

// The classes themselves live in a zod-free module (tallies use them without zod).
export { criminalityClasses, type CriminalityClass } from './criminality-classes';

/**
 * ICE's own three classes of the people it arrests: convicted of a crime, facing pending criminal
 * charges, or an "other immigration violator" with no known conviction or charge.
 */
export const criminalityClassSchema = z.enum(criminalityClassValues, {
  error: (issue): string => vocabularyError('one of ICE’s criminality classes', criminalityClassValues)(issue),
}) satisfies z.ZodType<CriminalityClass>;

/**
 * Offence categories reports name. The vocabulary is open ({@link offenceCategorySchema} accepts
 * any slug); these are the ones icestat knows, and the ones it treats as immigration offences.
 */
export const knownOffenceCategories = [
  'dui',
  'domestic-violence',
  'sex-offence',
  'burglary',
  'assault',
  'drugs',
  'homicide',
  'weapons',
  'fraud-false-documents',
  'illegal-entry',
  'illegal-reentry',
  'immigration-other',
  'traffic',
  'theft',
  'other',
] as const;

/** Offences that are immigration offences, for the "convicted of a non-immigration offence" definition. */
export const immigrationOffences: ReadonlySet<string> = new Set(['illegal-entry', 'illegal-reentry', 'immigration-other']);

/** An offence category: a known one of {@link knownOffenceCategories} or any other slug. */
export const offenceCategorySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an offence slug such as "dui" or "domestic-violence"');
export type OffenceCategory = z.infer<typeof offenceCategorySchema>;

/**
 * The definitions of "criminal" that reports argue about. A criminal share always names one:
 *
 * - `ice-criminal`: ICE's "criminal arrests" — convicted or facing pending charges.
 * - `convicted`: convicted of any crime.
 * - `convicted-non-immigration`: convicted of something other than an immigration offence
 *   (illegal entry and re-entry are crimes, so ICE's counts include people whose only crime was
 *   crossing the border).
 */
export const criminalDefinitionSchema = z.enum(['ice-criminal', 'convicted', 'convicted-non-immigration']);
export type CriminalDefinition = z.infer<typeof criminalDefinitionSchema>;

/** A one-line description of each {@link CriminalDefinition}, for captions and reports. */
export const criminalDefinitions: Readonly<Record<CriminalDefinition, string>> = Object.freeze({
  'ice-criminal': 'ICE’s “criminal arrests”: convicted or facing pending criminal charges',
  convicted: 'convicted of any crime',
  'convicted-non-immigration': 'convicted of a crime other than an immigration offence (illegal entry, re-entry)',
});

/**
 * Offences a report names without counting them ("prior convictions including burglary, domestic
 * violence, sex crimes, and driving while under the influence"), kept with their evidence.
 */
export const namedOffencesSchema = z
  .object({
    offences: z.array(offenceCategorySchema).min(1),
    /** Whom the offences are said of, e.g. "the detained men". */
    about: textSchema.optional(),
    source: z.string().min(1),
    evidence: textSchema,
  })
  .strict();
export type NamedOffences = z.infer<typeof namedOffencesSchema>;
