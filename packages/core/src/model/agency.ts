import * as z from 'zod';
import { vocabularyError } from '../errors';

const agencyValues = ['ICE', 'ICE-ERO', 'ICE-HSI', 'CBP', 'USBP', 'DHS', 'DOJ', 'FBI', 'local-police', 'other'] as const;
/** The agency that carried out an operation, reports a series, or made the arrests a breakdown part counts. */
export const agencySchema = z.enum(agencyValues, {
  error: (issue): string =>
    vocabularyError('an agency', agencyValues, (text) => agencyValues.find((a) => a.toLowerCase() === text.trim().toLowerCase()))(issue),
});
export type Agency = z.infer<typeof agencySchema>;
