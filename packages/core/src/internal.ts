/**
 * @icestat/core/internal — the parts of core that icestat's own loaders build on (record-table
 * specs, field kinds, value readers, issue conversion, tally group keys). Not part of the public
 * API: names here may change in any release without notice. Use `@icestat/core` instead.
 *
 * @packageDocumentation
 */

// Errors: turning zod issues into located IcestatIssues
export { formatPath, toIcestatIssues } from './errors';

// Record tables: the specs, field kinds and value readers the record loaders are driven by
export { isUnknownValue } from './records/aor-values';
export { countryCodeOf } from './records/countries';
export { recordModel, recordFieldKinds, fieldKindSchemas, type RecordFieldKind, type RecordShape } from './records/field-kinds';
export { missingValueMatcher, defaultMissingValues } from './records/missing';
export { isRedactionMarker } from './records/redaction';
export { iceCaseCategories, arrestFields, encounterFields, removalFields, detainerFields, detentionFields } from './records/tables';
export { parseRecordDate, type RecordDateParts } from './records/timestamp';

// Tallies: group keys of a record
export { groupOf } from './stats/tally';
