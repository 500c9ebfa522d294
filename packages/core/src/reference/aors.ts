import * as z from 'zod';
import { vocabularyError } from '../errors';
import { aorCodes, resolveAor, type AorCode } from './aor-data';

// The codes, the table and the lookups live in a zod-free module (record loaders use them without zod).
export {
  aorByCode,
  aorByName,
  aorCodes,
  aors,
  aorsForState,
  isStateSplit,
  resolveAor,
  statesOfAor,
  type AorCode,
  type AorCoverage,
  type AorInfo,
} from './aor-data';

/**
 * Zod schema accepting exactly one of the upper-case {@link aorCodes}.
 *
 * @example
 * aorCodeSchema.parse('CHI'); // => 'CHI'
 * aorCodeSchema.safeParse('Chicago').success; // => false
 */
export const aorCodeSchema = z.enum(aorCodes, {
  error: (issue): string => vocabularyError('the code of an ICE Area of Responsibility', aorCodes, (text): string | undefined => resolveAor(text)?.code)(issue),
}) satisfies z.ZodType<AorCode>;
