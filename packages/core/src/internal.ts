/**
 * @icestat/core/internal — the parts of core that icestat's own loaders build on (record-table
 * specs, field kinds, value readers, issue conversion, tally group keys). Not part of the public
 * API: names here may change in any release without notice. Use `@icestat/core` instead.
 *
 * Nothing here loads zod: a loader's worker thread imports only this entry, so it starts without
 * building the model's schemas. The names shared with `@icestat/core` are the same objects.
 *
 * @packageDocumentation
 */

// Errors: the error class, and turning zod issues into located IcestatIssues
export { formatPath, IcestatError, toIcestatIssues } from './errors';

// Reference data: resolving states and Areas of Responsibility
export { resolveState } from './reference/state-data';
export { resolveAor } from './reference/aor-data';

// Record tables: the specs, field kinds and value readers the record loaders are driven by
export { isUnknownValue, resolveRecordAor } from './records/record-aors';
export { countryCodeOf } from './records/countries';
export { recordFieldKinds, type RecordFieldKind } from './records/field-kind-names';
export { missingValueMatcher, defaultMissingValues } from './records/missing';
export { isRedactionMarker } from './records/redaction';
export {
  iceCaseCategories,
  arrestFields,
  encounterFields,
  removalFields,
  detainerFields,
  detentionFields,
  recordTableNames,
  recordTableSpecs,
  type RecordTableLayout,
} from './records/table-specs';
export { parseRecordDate, type RecordDateParts } from './records/timestamp';

// Tallies: the tally, its group keys of a record and its group names
export { createTally, groupOf, MISSING, REDACTED } from './stats/tally';
