/**
 * `@icestat/loaders/csv` — CSV of figures (a tidy, one-figure-a-row format, read into and written
 * from a Dataset) and CSV of record-level arrest data (streamed into ArrestRecords or a tally).
 *
 * @packageDocumentation
 */
export * from './figures';
export * from './records/index';
