/**
 * @icestat/core — the typed domain model of immigration-enforcement figures (zod schemas and
 * their types), reference data (US states, ICE Areas of Responsibility), JSON Schema export, and
 * interval-carrying statistics.
 *
 * @packageDocumentation
 */

// Errors: every failure is an IcestatError with located issues
export { IcestatError, type IcestatErrorCode, type ErrorLocation, type IcestatIssue } from './errors';

// The model: primitives, quantities and their qualifiers, sources, places, periods
export { idSchema, isoDateSchema, partialDateSchema, textSchema, type Id, type IsoDate, type PartialDate } from './model/primitives';
export {
  qualifierInterval,
  qualifierFromWords,
  unitSchema,
  qualifierSchema,
  defaultQualifierRules,
  quantitySchema,
  type Unit,
  type Qualifier,
  type QualifierRuleOptions,
  type Quantity,
  type QuantityInput,
} from './model/quantity';
export { sourceKindSchema, sourceSchema, type SourceKind, type Source } from './model/source';
export { statesOfPlace, placeName, placeSchema, type Place, type PlaceKind } from './model/place';
export { fiscalYearBounds, precisionSchema, periodSchema, type Precision, type Period } from './model/period';

// The model: figures, breakdowns, claims, operations, tables and the dataset
export {
  criminalityClassSchema,
  criminalityClasses,
  knownOffenceCategories,
  immigrationOffences,
  offenceCategorySchema,
  criminalDefinitionSchema,
  criminalDefinitions,
  namedOffencesSchema,
  type CriminalityClass,
  type OffenceCategory,
  type CriminalDefinition,
  type NamedOffences,
} from './model/criminality';
export {
  measureOf,
  metricSchema,
  measureSchema,
  metricMeasures,
  claimantSchema,
  evidenceLocatorSchema,
  figureSchema,
  type Metric,
  type Measure,
  type Claimant,
  type EvidenceLocator,
  type Figure,
  type FigureInput,
} from './model/figure';
export {
  dimensionSchema,
  knownCategories,
  removalTypeSchema,
  tristateSchema,
  countryCodeSchema,
  uncountedPartSchema,
  breakdownPartSchema,
  breakdownSchema,
  type Dimension,
  type RemovalType,
  type Tristate,
  type BreakdownPart,
  type UncountedPart,
  type Breakdown,
} from './model/breakdown';
export { claimKindSchema, derivedClaimSchema, type ClaimKind, type DerivedClaim } from './model/claim';
export { derivationSchema, type Derivation } from './model/derivation';
export {
  agencySchema,
  operationKindSchema,
  operationSchema,
  seriesIntervalSchema,
  seriesSchema,
  type Agency,
  type OperationKind,
  type Operation,
  type Series,
} from './model/operation';
export { statisticalTableSchema, type StatisticalTable } from './model/table';
export { SCHEMA_VERSION, datasetSchema, type Dataset, type DatasetInput } from './model/dataset';

// Walking a dataset: every figure and breakdown with where it sits
export { containersOf, breakdownsOf, figuresOf, type FigureContainer, type FigureVisit, type BreakdownVisit, type Walkable } from './model/walk';

// Record-level releases: arrest records and the other record tables
export {
  isRedacted,
  redactedSchema,
  genderSchema,
  apprehensionTypeSchema,
  arrestRecordSchema,
  type Redacted,
  type Gender,
  type ApprehensionType,
  type ArrestRecord,
  type ArrestRecordField,
} from './model/arrest-record';
export {
  recordAorLabel,
  resolveRecordAor,
  HQ_AOR,
  recordAorCodeSchema,
  unknownValueSchema,
  recordAorValueSchema,
  type RecordAorCode,
  type UnknownValue,
  type RecordAorValue,
} from './records/aor-values';
export { recordCountry, iceCountryCodes, type RecordCountry } from './records/countries';
export { isoTimestampSchema, type IsoTimestamp } from './records/field-kinds';
// The table specs: each table's fields, main date, date fields and tally dimensions
export { recordTables, recordTable, type RecordTableSpec } from './records/tables';
export {
  recordTableNames,
  recordDimensions,
  encounterRecordSchema,
  removalRecordSchema,
  detainerRecordSchema,
  detentionRecordSchema,
  type RecordTableName,
  type RecordDimension,
  type TimeDimension,
  type EncounterRecord,
  type RemovalRecord,
  type DetainerRecord,
  type DetentionRecord,
} from './records/tables';

// Reference data: US states and ICE Areas of Responsibility
export { stateByCode, stateByName, resolveState, stateCodes, stateCodeSchema, states, type StateCode, type StateInfo } from './reference/states';
export {
  aorByCode,
  aorByName,
  resolveAor,
  aorsForState,
  isStateSplit,
  statesOfAor,
  aorCodes,
  aorCodeSchema,
  aors,
  type AorCode,
  type AorCoverage,
  type AorInfo,
} from './reference/aors';

// JSON Schema: generated at build into @icestat/core/schema/<type>.json; `toJsonSchema` itself is
// the subpath @icestat/core/json-schema, so browser bundles of the model do not carry the generator.

// Statistics: interval-carrying estimates and what they derive
export { toEstimate, type Estimate, type EstimateLike } from './stats/estimate';
export { quantity, type QuantityOptions } from './stats/quantity';
export { sum } from './stats/sum';
export { difference } from './stats/difference';
export { ratio } from './stats/ratio';
export { share } from './stats/share';
export { complement } from './stats/complement';
export { percentChange } from './stats/percent-change';
export { headlineFigure } from './stats/headline-figure';
export { compare, type Comparison } from './stats/compare';
export {
  criminalShare,
  criminalShares,
  criminalSharesByScope,
  type CriminalityCounts,
  type CriminalityInput,
  type CriminalShare,
  type CriminalShareSummary,
  type ScopedCriminalShares,
} from './stats/criminal-share';

// Time: fiscal years, month keys, rates per day and per year
export { fiscalYear, fiscalYearKey, monthKey, daysInPeriod } from './stats/time';
export { ratePerDay } from './stats/rate-per-day';
export { annualRate, DAYS_PER_YEAR } from './stats/annual-rate';

// Tallies: counts of records by dimension, and the figures made from them
export {
  createTally,
  tallyDimensions,
  dimensionField,
  MISSING,
  REDACTED,
  tallyDimensionFields,
  type TallyDimension,
  type TallyRecord,
  type TallyOptions,
  type TallyRow,
  type TallySnapshot,
  type TallyResult,
  type Tally,
} from './stats/tally';
export { tallyBreakdown, tallySeries, type TallyFigureOptions } from './stats/tally-figures';

// Formatting numbers and estimates for people
export { formatNumber, formatInterval, formatEstimate } from './stats/format';

// The audit: checks of a dataset and their findings
export {
  defaultAuditOptions,
  figureRef,
  findingMessage,
  auditChecks,
  audit,
  countFindings,
  verifyEvidence,
  type FigureRef,
  type Finding,
  type FindingCode,
  type FindingDraft,
  type FindingLocation,
  type FindingSeverity,
  type FindingVerdict,
  type AuditOptions,
  type AuditCheck,
  type AuditContext,
  type FigureHome,
  type EvidenceCheck,
  type EvidenceReport,
} from './audit/index';
