/**
 * @icestat/loaders/inspect — what a downloaded file is before reading it: format (under gzip or
 * zip), encoding, sheets, header rows, banner lines and sample rows.
 *
 * @packageDocumentation
 */
export {
  findTableStart,
  inspectSource,
  type InspectOptions,
  type SheetInspection,
  type SourceInspection,
  type TableDetection,
  type TableStart,
} from './inspect';
