import * as z from 'zod';
import { claimantSchema } from './figure';
import { periodSchema } from './period';
import { idSchema, textSchema } from './primitives';
import { quantitySchema } from './quantity';
import { claimArity as arity, claimKindSchema, type ClaimKind } from './derivation';

export { claimKindSchema, type ClaimKind } from './derivation';

/**
 * What a report *says about* its figures — a share, complement, sum, difference, ratio, rate or
 * percent change — naming the figures it is computed from, the stated result as a quantity, and
 * its evidence and source. The audit recomputes every claim.
 *
 * @example
 * derivedClaimSchema.parse({
 *   id: 'surge-2019-twice-june', kind: 'ratio',
 *   inputs: ['surge-2019-09-arrests', 'surge-2019-06-arrests'],
 *   stated: { value: 2, unit: 'ratio', qualifier: 'approximately' },
 *   statement: 'twice as large', evidence: 'twice as large as the last five-day multi-state ICE operation in June',
 *   source: 'wsws-2019-10-07', claimant: { role: 'reporter' },
 * });
 */
export const derivedClaimSchema = z
  .object({
    id: idSchema,
    kind: claimKindSchema,
    /** Ids of the figures the claim is computed from, in the order its kind gives. */
    inputs: z.array(idSchema).min(1),
    /** For `rate-per-day`: the period, when not the input figure's own. */
    period: periodSchema.optional(),
    /** The result the report states. */
    stated: quantitySchema,
    /** The claim in the report's words, e.g. "twice as large". */
    statement: textSchema.optional(),
    source: idSchema,
    citing: idSchema.optional(),
    claimant: claimantSchema,
    evidence: textSchema,
    note: textSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const [min, max] = arity[c.kind];
    if (c.inputs.length < min || c.inputs.length > max) {
      const want = max === Infinity ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
      ctx.addIssue({
        code: 'custom',
        path: ['inputs'],
        message: `a ${c.kind} claim takes ${want} input figure${min === 1 && max === 1 ? '' : 's'}; got ${c.inputs.length}`,
      });
    }
    const unitFor: Partial<Record<ClaimKind, string>> = {
      share: 'percent',
      ratio: 'ratio',
      'percent-change': 'percent-change',
      'rate-per-day': 'people-per-day',
    };
    const want = unitFor[c.kind];
    if (want && c.stated.unit !== want) {
      ctx.addIssue({ code: 'custom', path: ['stated', 'unit'], message: `a ${c.kind} claim states a result in ${want}; got ${c.stated.unit}` });
    }
  });
export type DerivedClaim = z.infer<typeof derivedClaimSchema>;
