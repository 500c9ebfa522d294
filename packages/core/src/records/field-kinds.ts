import * as z from 'zod';
import { apprehensionTypeSchema, genderSchema, redactedSchema } from '../model/arrest-record';
import { criminalityClassSchema } from '../model/criminality';
import { isoDateSchema } from '../model/primitives';
import { stateCodeSchema } from '../reference/states';
import { recordAorValueSchema } from './aor-values';
import type { RecordFieldKind } from './field-kind-names';

// The list of kinds lives in a zod-free module (record loaders use it without zod).
export { recordFieldKinds, type RecordFieldKind } from './field-kind-names';

/**
 * A local date-time as records keep it: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` when the release
 * gave a time of day.
 *
 * @example
 * isoTimestampSchema.parse('2024-06-27T12:50:00'); // => '2024-06-27T12:50:00'
 */
export const isoTimestampSchema = z.union([
  isoDateSchema,
  z
    .string()
    .regex(
      /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/,
      'must be a local date-time written YYYY-MM-DDTHH:MM[:SS]',
    ),
]);
export type IsoTimestamp = z.infer<typeof isoTimestampSchema>;

const timeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/);

/** The value schema of each field kind (before redaction and blanks are allowed). */
export const fieldKindSchemas = {
  date: isoDateSchema,
  timestamp: isoTimestampSchema,
  time: timeOfDaySchema,
  aor: recordAorValueSchema,
  state: stateCodeSchema,
  criminality: criminalityClassSchema,
  country: z.string().min(1),
  gender: genderSchema,
  apprehensionType: apprehensionTypeSchema,
  birthYear: z.number().int().min(1900).max(2100),
  boolean: z.boolean(),
  text: z.string(),
} as const satisfies Record<RecordFieldKind, z.ZodType>;

type KindSchemas = typeof fieldKindSchemas;

/** A field that may be missing (`null`, blank in the release) or redacted. */
function field<T extends z.ZodType>(schema: T) {
  return z.union([schema, redactedSchema, z.null()]).optional();
}

type FieldSchemas = { [Kind in RecordFieldKind]: z.ZodOptional<z.ZodUnion<readonly [KindSchemas[Kind], typeof redactedSchema, z.ZodNull]>> };

/** The zod shape of a table's fields, from their kinds. */
export type RecordShape<K extends Readonly<Record<string, RecordFieldKind>>> = {
  -readonly [F in keyof K]: FieldSchemas[K[F]];
};

/**
 * Builds a record model from a table's field kinds: every field optional, blank (`null`) or
 * redacted, plus `extra` for the columns the model does not know.
 *
 * @param kinds - Field name → kind.
 * @returns A strict zod object schema.
 * @example
 * const schema = recordModel({ eventDate: 'date', responsibleAor: 'aor' } as const);
 * schema.parse({ eventDate: '2015-10-01', responsibleAor: 'HQ' });
 */
export function recordModel<const K extends Readonly<Record<string, RecordFieldKind>>>(kinds: K) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(kinds)) shape[name] = field(fieldKindSchemas[kind]);
  return z
    .object({
      ...(shape as RecordShape<K>),
      /** Columns the model has no field for, by their header, values as written. */
      extra: z.record(z.string(), z.string()).optional(),
    })
    .strict();
}
