/**
 * @icestat/loaders/parquet — Parquet files (as the Deportation Data Project publishes its tables)
 * read in pure JavaScript, in Node and in browsers: footer metadata, and rows with only the
 * columns asked for.
 *
 * @packageDocumentation
 */
export {
  parquetValueToString,
  readParquetMetadata,
  readParquetRows,
  type ParquetColumn,
  type ParquetMetadata,
  type ParquetRow,
  type ParquetValue,
  type ReadParquetOptions,
} from './read';
