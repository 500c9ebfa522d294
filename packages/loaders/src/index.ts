/**
 * @icestat/loaders — JSON and CSV loaders and writers for icestat datasets and record-level
 * arrest data. The loaders arrive with issue #4; this entry point is reserved for them.
 *
 * @packageDocumentation
 */
export {};
