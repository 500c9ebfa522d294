/**
 * `@icestat/loaders/csv` — CSV of figures (a tidy, one-figure-a-row format, read into and written
 * from a Dataset) and CSV of record-level arrest data (streamed into ArrestRecords or a tally).
 *
 * @packageDocumentation
 */

// Figures as CSV: one figure a row, read into and written from a Dataset
export {
  parseFiguresCsv,
  safeParseFiguresCsv,
  loadFiguresCsv,
  safeLoadFiguresCsv,
  stringifyFiguresCsv,
  writeFiguresCsv,
  escapeCsvCell,
  needsFormulaGuard,
  unescapeCsvCell,
  figuresCsvColumns,
  figuresCsvRecords,
  type FiguresCsvColumn,
  type FiguresCsvRecord,
  type FiguresCsvReadOptions,
  type FiguresCsvWriteOptions,
  type FiguresCsvLoadOptions,
  type FiguresCsvResult,
} from './figures/index';

// Record-level releases: stream records, or tally them, with a report of every rejected row
export {
  readRecords,
  parseRecords,
  readArrestRecords,
  parseArrestRecords,
  tallyRecords,
  tallyArrestRecords,
  type AnyRecord,
  type ArrestRecordReader,
  type RecordOfTable,
  type RecordReader,
  type RecordSource,
  type TallyRecordsOptions,
  type TallyArrestRecordsOptions,
  type ReadArrestRecordsOptions,
  type ReadRecordsOptions,
  type LoadReport,
  type SheetReport,
  type Rejection,
  type RejectionCode,
} from './records/index';

// Arrest columns: the header presets, the column plan, and the value normalisers the readers use
export {
  arrestColumnPresets,
  normaliseHeader,
  planColumns,
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
  type ColumnMap,
  type ColumnPlan,
  type ColumnPresetChoice,
  type ColumnPresetName,
  type MappedColumn,
  type FieldKind,
} from './records/index';
