import * as z from 'zod';
import { vocabularyError } from '../errors';
import { idSchema } from './primitives';
import { periodSchema } from './period';

const claimKindValues = ['sum', 'difference', 'ratio', 'share', 'complement', 'rate-per-day', 'percent-change'] as const;
/**
 * The kinds of arithmetic a report does with its figures, and what `inputs` holds for each:
 *
 * | kind | inputs | result |
 * |---|---|---|
 * | sum | two or more counts | their total |
 * | difference | `[a, b]` | a − b ("700 over and above") |
 * | ratio | `[a, b]` | a ÷ b ("twice as large") |
 * | share | `[part, whole]` | part as a percent of whole ("around 47%") |
 * | complement | `[whole, part]` | whole − part, where part is a count or a percent of whole ("the remaining 566") |
 * | rate-per-day | `[count]` | count ÷ days of the claim's (or the figure's) period |
 * | percent-change | `[from, to]` | (to − from) ÷ from × 100 |
 */
export const claimKindSchema = z.enum(claimKindValues, {
  error: (issue): string => vocabularyError('a kind of claim', claimKindValues)(issue),
});
export type ClaimKind = z.infer<typeof claimKindSchema>;

/** How many inputs each kind of claim or derivation takes: `[min, max]`. */
export const claimArity: Readonly<Record<ClaimKind, readonly [min: number, max: number]>> = {
  sum: [2, Infinity],
  difference: [2, 2],
  ratio: [2, 2],
  share: [2, 2],
  complement: [2, 2],
  'rate-per-day': [1, 1],
  'percent-change': [2, 2],
};

/**
 * How a figure was computed from other figures of the dataset rather than stated by its source
 * (1,660 − 1,517 = 143): the operation (a claim kind) and the ids of its inputs, in that kind's
 * order. The audit recomputes it; charts mark the figure as derived.
 *
 * @example
 * derivationSchema.parse({ operation: 'difference', inputs: ['total-week', 'total-city'] });
 */
export const derivationSchema = z
  .object({
    operation: claimKindSchema,
    inputs: z.array(idSchema).min(1, 'a derived figure needs at least one input figure'),
    /** For `rate-per-day`: the period, when not the input figure's own. */
    period: periodSchema.optional(),
  })
  .strict();
export type Derivation = z.infer<typeof derivationSchema>;
