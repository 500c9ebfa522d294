/**
 * @icestat/loaders — JSON and CSV loaders and writers for icestat datasets and record-level
 * arrest data. Streaming, with located errors, and nothing silently dropped: every row read is
 * either accepted or reported.
 *
 * @packageDocumentation
 */

// Datasets as JSON: parse, load, validate, write
export {
  parseDataset,
  safeParseDataset,
  loadDataset,
  safeLoadDataset,
  stringifyDataset,
  writeDataset,
  type DatasetParseOptions,
  type DatasetLoadOptions,
  type DatasetResult,
} from './json/index';

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
} from './csv/index';

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
} from './csv/index';

// Release headers: the header presets of each release family, and pre-split rows
export { headerPreset, headerPresets, releaseFamilies, type HeaderPreset, type ReleaseFamily, type SplitRow } from './tables/index';

// Input: files, URLs, streams and strings, as bytes or text
export { byteChunks, inputName, readText, textChunks, type InputOptions, type InputSource, type NodeReadableLike } from './shared/input';

// File formats: detection, gzip, and the limits on decompression
export { describeFormat, detectFormat, unsupportedFormatError, type DetectedFormat, type FileFormat, type TextEncodingName } from './formats/detect';
export { gunzipChunks, type SourceFormatOptions } from './formats/containers';
export type { DecompressionLimits } from './formats/zip';
