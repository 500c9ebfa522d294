import type * as z from 'zod';
import { arrestRecordSchema } from '../model/arrest-record';
import { recordModel } from './field-kinds';
import {
  detainerFields,
  detentionFields,
  encounterFields,
  recordTableSpecs,
  removalFields,
  type RecordTableLayout,
  type RecordTableName,
  type RecordTableSpec,
  type arrestFields,
} from './table-specs';

// The specs without their models live in a zod-free module (the tally uses them without zod).
export {
  arrestFields,
  detainerFields,
  detentionFields,
  encounterFields,
  iceCaseCategories,
  recordDimensions,
  recordTableNames,
  recordTableSpecs,
  removalFields,
  type RecordDimension,
  type RecordTableLayout,
  type RecordTableName,
  type RecordTableSpec,
  type TimeDimension,
} from './table-specs';

/**
 * One ICE ERO encounter. Every field may be missing (`null`) or redacted; unknown columns are
 * kept in `extra`.
 *
 * @example
 * encounterRecordSchema.parse({ eventDate: '2015-10-01', responsibleAor: 'HQ', criminality: 'convicted' });
 */
export const encounterRecordSchema = recordModel(encounterFields);
export type EncounterRecord = z.infer<typeof encounterRecordSchema>;

/**
 * One ICE removal (deportation or return).
 *
 * @example
 * removalRecordSchema.parse({ departedDate: '2015-10-01', removalDate: '2015-10-01', caseAor: 'NOL', finalChargeSection: '237a2Aiii' });
 */
export const removalRecordSchema = recordModel(removalFields);
export type RemovalRecord = z.infer<typeof removalRecordSchema>;

/**
 * One detainer ICE lodged with a jail or prison.
 *
 * @example
 * detainerRecordSchema.parse({ prepareDate: '2025-02-05', facilityState: 'WA', facilityAor: 'SEA', criminality: 'convicted' });
 */
export const detainerRecordSchema = recordModel(detainerFields);
export type DetainerRecord = z.infer<typeof detainerRecordSchema>;

/**
 * One detention book-in (a stint at one facility).
 *
 * @example
 * detentionRecordSchema.parse({ bookInDate: '2024-06-27T12:50:00', facility: 'NORTHWEST DET. CENTER', releaseReason: 'Removed' });
 */
export const detentionRecordSchema = recordModel(detentionFields);
export type DetentionRecord = z.infer<typeof detentionRecordSchema>;

/** A table's spec: its zod-free layout with its model, keys in the spec's documented order. */
function withSchema<F extends string>(layout: RecordTableLayout<F>, schema: z.ZodObject): RecordTableSpec<F> {
  const { name, recordName, metric, ...rest } = layout;
  return { name, recordName, metric, schema, ...rest };
}

/**
 * The five record tables' specs, by name.
 *
 * @example
 * recordTables.removals.mainDate; // => 'departedDate'
 * recordTables.detentions.dimensions.facility; // => 'facility'
 */
export const recordTables: {
  readonly arrests: RecordTableSpec<keyof typeof arrestFields>;
  readonly encounters: RecordTableSpec<keyof typeof encounterFields>;
  readonly removals: RecordTableSpec<keyof typeof removalFields>;
  readonly detainers: RecordTableSpec<keyof typeof detainerFields>;
  readonly detentions: RecordTableSpec<keyof typeof detentionFields>;
} = Object.freeze({
  arrests: withSchema(recordTableSpecs.arrests, arrestRecordSchema),
  encounters: withSchema(recordTableSpecs.encounters, encounterRecordSchema),
  removals: withSchema(recordTableSpecs.removals, removalRecordSchema),
  detainers: withSchema(recordTableSpecs.detainers, detainerRecordSchema),
  detentions: withSchema(recordTableSpecs.detentions, detentionRecordSchema),
});

/**
 * Looks up a table spec by name.
 *
 * @param name - One of {@link recordTableNames}.
 * @returns The spec.
 * @example
 * recordTable('detainers').mainDate; // => 'prepareDate'
 */
export function recordTable(name: RecordTableName): RecordTableSpec {
  return recordTables[name] as RecordTableSpec;
}
