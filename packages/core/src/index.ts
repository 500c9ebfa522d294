/**
 * @icestat/core — the typed domain model of immigration-enforcement figures (zod schemas and
 * their types), reference data (US states, ICE Areas of Responsibility), JSON Schema export, and
 * interval-carrying statistics.
 *
 * @packageDocumentation
 */
export * from './errors';
export * from './model/primitives';
export * from './model/quantity';
export * from './model/source';
export * from './model/place';
export * from './model/period';
export * from './model/criminality';
export * from './model/figure';
export * from './model/breakdown';
export * from './model/claim';
export * from './model/derivation';
export * from './model/operation';
export * from './model/table';
export * from './model/dataset';
export * from './model/walk';
export * from './model/arrest-record';
export * from './records/index';
export * from './reference/index';
export * from './json-schema';
export * from './stats/estimate';
export * from './stats/quantity';
export * from './stats/sum';
export * from './stats/difference';
export * from './stats/ratio';
export * from './stats/share';
export * from './stats/complement';
export * from './stats/time';
export * from './stats/rate-per-day';
export * from './stats/annual-rate';
export * from './stats/percent-change';
export * from './stats/headline-figure';
export * from './stats/compare';
export * from './stats/criminal-share';
export * from './stats/tally';
export * from './stats/format';
export * from './audit/index';
export * from './stats/tally-figures';
