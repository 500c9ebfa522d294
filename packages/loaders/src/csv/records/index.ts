/**
 * Record-level arrest CSV: one row per arrest, as ICE's FOIA releases and their processed copies
 * write them. Streamed into {@link ArrestRecord}s or straight into a tally, every bad row a
 * located rejection.
 *
 * @packageDocumentation
 */
export { readArrestRecords, parseArrestRecords, type ArrestRecordReader, type RecordSource } from './read';
export { tallyArrestRecords, type TallyArrestRecordsOptions } from './tally';
export type { ReadArrestRecordsOptions } from './options';
export type { LoadReport, Rejection, RejectionCode } from './report';
export {
  arrestColumnPresets,
  normaliseHeader,
  planColumns,
  type ColumnMap,
  type ColumnPlan,
  type ColumnPresetChoice,
  type ColumnPresetName,
  type MappedColumn,
} from './columns';
export {
  arrestFieldKinds,
  criminalitySpellings,
  isRedactionMarker,
  normaliseAor,
  normaliseApprehensionType,
  normaliseBirthYear,
  normaliseBoolean,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseState,
  normaliseTime,
  timeOfDate,
  type FieldKind,
} from './normalise';
