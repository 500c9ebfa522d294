import * as z from 'zod';
import { vocabularyError } from '../errors';
import { idSchema, partialDateSchema, textSchema } from './primitives';

const sourceKindValues = [
  'official-release',
  'official-statement',
  'internal-statistics',
  'news-report',
  'advocacy-statement',
  'dataset',
  'court-filing',
] as const;
/**
 * What kind of document a figure was read in. Official and internal figures for the same day can
 * differ (956 official vs 1,179 internal on 26 January 2025), so the kind travels with the figure.
 */
export const sourceKindSchema = z.enum(sourceKindValues, {
  error: (issue): string => vocabularyError('a kind of source', sourceKindValues)(issue),
});
export type SourceKind = z.infer<typeof sourceKindSchema>;

/**
 * Where a figure was said: a press release, a statement, leaked statistics, a news report, an
 * advocacy statement, a dataset or a court filing. A news report citing ICE is one source and
 * ICE's statement another; a figure names the first as `source` and the second as `citing`.
 *
 * @example
 * sourceSchema.parse({ id: 'ice-statement-2016-06', title: 'ICE statement on Midwest arrests',
 *   publisher: 'U.S. Immigration and Customs Enforcement', kind: 'official-statement', published: '2016-06' });
 */
export const sourceSchema = z
  .object({
    id: idSchema,
    title: textSchema,
    publisher: textSchema,
    kind: sourceKindSchema,
    /** Publication date, to the day, month or year. */
    published: partialDateSchema.optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    author: textSchema.optional(),
    /** Sources this one reports or quotes (a newspaper citing an ICE release). */
    cites: z.array(idSchema).optional(),
    /** Anything a reader should know: how the text was obtained, what is uncertain about it. */
    note: textSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;
