import * as z from 'zod';
import { recordAorValueSchema } from '../records/aor-values';
import { stateCodeSchema } from '../reference/states';
import { criminalityClassSchema } from './criminality';
import { isoDateSchema } from './primitives';
import type { Redacted } from './redacted';

// `Redacted` and `isRedacted` live in a zod-free module (tallies use them without zod).
export { isRedacted, type Redacted } from './redacted';

/**
 * A value withheld under FOIA exemptions, e.g. `(b)(6)(b)(7)(c)`: the schema of {@link Redacted}.
 * Redacted is neither missing nor invalid, and tallies count it as its own group.
 */
export const redactedSchema = z
  .object({
    redacted: z.literal(true),
    /** The marker as the release writes it. */
    marker: z.string().optional(),
  })
  .strict() satisfies z.ZodType<Redacted>;

/** A field that may be missing (`null`, blank in the release) or redacted. */
function field<T extends z.ZodType>(schema: T) {
  return z.union([schema, redactedSchema, z.null()]).optional();
}

/** The genders record-level releases write. */
export const genderSchema = z.enum(['male', 'female', 'unknown']);
export type Gender = z.infer<typeof genderSchema>;

/** Whether an arrest targeted the person or swept them up alongside ("collateral"). */
export const apprehensionTypeSchema = z.enum(['targeted', 'collateral']);
export type ApprehensionType = z.infer<typeof apprehensionTypeSchema>;

/**
 * One row of record-level government arrest data (FOIA releases of ICE ERO arrests). Every field
 * may be missing (`null`) or redacted; columns the model does not know are kept in `extra`, never
 * dropped. Codes are normalised: criminality to ICE's classes, AORs to their 3-letter code (`HQ`
 * for ICE headquarters), states to postal codes; countries stay as ICE spells them.
 *
 * @example
 * arrestRecordSchema.parse({
 *   apprehensionDate: '2017-09-25', apprehensionState: 'PA', apprehensionAor: 'PHI',
 *   criminality: 'convicted', gender: 'male', birthYear: 1985,
 *   extra: { apprehension_site_landmark: 'PHI STREET ARREST' },
 * });
 */
export const arrestRecordSchema = z
  .object({
    apprehensionDate: field(isoDateSchema),
    /** Time of day `HH:MM[:SS]`, where the release gives one. */
    apprehensionTime: field(z.string().regex(/^\d{2}:\d{2}(?::\d{2})?$/)),
    apprehensionState: field(stateCodeSchema),
    apprehensionCounty: field(z.string()),
    /** An AOR code, `HQ` for ICE headquarters, or `{ unknown }` for an office icestat does not know. */
    apprehensionAor: field(recordAorValueSchema),
    apprehensionMethod: field(z.string()),
    criminality: field(criminalityClassSchema),
    apprehensionType: field(apprehensionTypeSchema),
    arrestingAgency: field(z.string()),
    operation: field(z.string()),
    citizenshipCountry: field(z.string()),
    gender: field(genderSchema),
    birthYear: field(z.number().int().min(1900).max(2100)),
    caseStatus: field(z.string()),
    caseCategory: field(z.string()),
    finalOrder: field(z.boolean()),
    departedDate: field(isoDateSchema),
    landmark: field(z.string()),
    /** Processed copies flag the same person arrested twice within 24 hours. */
    duplicateLikely: field(z.boolean()),
    processingDisposition: field(z.string()),
    finalProgram: field(z.string()),
    departureCountry: field(z.string()),
    finalOrderDate: field(isoDateSchema),
    /** Birth date as written; the releases redact it. */
    birthDate: field(z.string()),
    mostSeriousConviction: field(z.string()),
    eventNumber: field(z.string()),
    /** Newer releases: the case's criminality class, next to the arrest's. */
    caseCriminality: field(criminalityClassSchema),
    caseThreatLevel: field(z.string()),
    /** Who created the arrest record (the 2012–2023 release). */
    arrestCreatedBy: field(z.string()),
    /** The release's anonymised person identifier. */
    uniqueIdentifier: field(z.string()),
    /** Columns the model has no field for, by their header, values as written. */
    extra: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type ArrestRecord = z.infer<typeof arrestRecordSchema>;

/** The keys of {@link ArrestRecord} that hold data (every key but `extra`). */
export type ArrestRecordField = Exclude<keyof ArrestRecord, 'extra'>;
