/**
 * Record-level releases (arrests, encounters, removals, detainers, detention book-ins): one row
 * per record, as ICE's FOIA releases and their processed copies write them. Streamed into
 * records or straight into a tally, every bad row a located rejection.
 *
 * @packageDocumentation
 */
export {
  readRecords,
  parseRecords,
  readArrestRecords,
  parseArrestRecords,
  type AnyRecord,
  type ArrestRecordReader,
  type RecordOfTable,
  type RecordReader,
  type RecordSource,
} from './read';
export { tallyRecords, tallyArrestRecords, type TallyRecordsOptions, type TallyArrestRecordsOptions } from './tally';
export type { ReadArrestRecordsOptions, ReadRecordsOptions } from './options';
export type { LoadReport, Rejection, RejectionCode, SheetReport } from './report';
export type { SheetOptions } from './sources';
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
