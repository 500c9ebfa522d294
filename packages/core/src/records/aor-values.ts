import * as z from 'zod';
import { aorCodeSchema } from '../reference/aors';
import { HQ_AOR, type RecordAorCode, type UnknownValue } from './record-aors';

// The values' types and readers live in a zod-free module (tallies use them without zod).
export { HQ_AOR, isUnknownValue, recordAorLabel, resolveRecordAor, type RecordAorCode, type UnknownValue } from './record-aors';

/**
 * The AOR codes a record can hold: the 25 field offices and `HQ`.
 *
 * @example
 * recordAorCodeSchema.parse('HQ'); // => 'HQ'
 * recordAorCodeSchema.safeParse('XYZ').success; // => false
 */
export const recordAorCodeSchema = z.union([aorCodeSchema, z.literal(HQ_AOR)]) satisfies z.ZodType<RecordAorCode>;

/**
 * A value a column's vocabulary does not know, kept as written rather than rejected or guessed at:
 * `{ unknown: 'Springfield Area of Responsibility' }`. Tallies count it under its own text.
 *
 * @example
 * unknownValueSchema.parse({ unknown: 'Springfield Area of Responsibility' });
 */
export const unknownValueSchema = z.object({ unknown: z.string().min(1) }).strict() satisfies z.ZodType<UnknownValue>;

/**
 * An AOR as a record holds it: a known code (`SEA`, `HQ`) or, when the release names an office
 * icestat does not know, that name kept as written.
 *
 * @example
 * recordAorValueSchema.parse('HQ'); // => 'HQ'
 * recordAorValueSchema.parse({ unknown: 'Springfield' }); // => { unknown: 'Springfield' }
 */
export const recordAorValueSchema = z.union([recordAorCodeSchema, unknownValueSchema]);
export type RecordAorValue = z.infer<typeof recordAorValueSchema>;
