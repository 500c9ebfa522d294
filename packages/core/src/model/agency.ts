import { z } from 'zod';

/** The agency that carried out an operation, reports a series, or made the arrests a breakdown part counts. */
export const agencySchema = z.enum(['ICE', 'ICE-ERO', 'ICE-HSI', 'CBP', 'USBP', 'DHS', 'DOJ', 'FBI', 'local-police', 'other']);
export type Agency = z.infer<typeof agencySchema>;
