import * as z from 'zod';
import { vocabularyError } from '../errors';
import { resolveState, stateCodes, type StateCode } from './state-data';

// The codes, the table and the lookups live in a zod-free module (record loaders use them without zod).
export { resolveState, stateByCode, stateByName, stateCodes, states, type StateCode, type StateInfo } from './state-data';

/**
 * Zod schema accepting exactly one of the upper-case {@link stateCodes}.
 *
 * @example
 * stateCodeSchema.parse('IL'); // => 'IL'
 * stateCodeSchema.safeParse('il').success; // => false
 */
export const stateCodeSchema = z.enum(stateCodes, {
  error: (issue): string => vocabularyError('a state’s postal code', stateCodes, (text): string | undefined => resolveState(text)?.code)(issue),
}) satisfies z.ZodType<StateCode>;
