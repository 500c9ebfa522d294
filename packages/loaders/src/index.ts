/**
 * @icestat/loaders — JSON and CSV loaders and writers for icestat datasets and record-level
 * arrest data. Streaming, with located errors, and nothing silently dropped: every row read is
 * either accepted or reported.
 *
 * @packageDocumentation
 */
export * from './json/index';
export * from './csv/index';
export * from './tables/index';
export { byteChunks, inputName, readText, textChunks, type InputOptions, type InputSource, type NodeReadableLike } from './shared/input';
export { describeFormat, detectFormat, unsupportedFormatError, type DetectedFormat, type FileFormat, type TextEncodingName } from './formats/detect';
export { gunzipChunks, type SourceFormatOptions } from './formats/containers';
export type { DecompressionLimits } from './formats/zip';
