// The record tables' specs without their zod models: the names, field kinds, date axes,
// dimensions and vocabularies the tally and the record loaders' worker threads read without loading
// the schemas of the model (`recordTables` adds each table's schema to these).
import type * as z from 'zod';
import type { ArrestRecordField } from '../model/arrest-record';
import { criminalityClasses } from '../model/criminality-classes';
import type { Metric } from '../model/figure';
import { aorCodes } from '../reference/aor-data';
import type { RecordFieldKind } from './field-kind-names';
import { HQ_AOR } from './record-aors';

/**
 * The record tables ICE publishes row by row (FOIA releases, and the Deportation Data Project's
 * and UWCHR's copies): arrests, encounters, removals, detainers and detention book-ins (stints).
 *
 * @example
 * recordTableNames.length; // => 5
 */
export const recordTableNames = ['arrests', 'encounters', 'removals', 'detainers', 'detentions'] as const;
export type RecordTableName = (typeof recordTableNames)[number];

/**
 * What a tally of records can group by. The time dimensions read a date field (the table's main
 * date unless another is asked for); the others read the field the table names for them.
 *
 * @example
 * recordDimensions.includes('facility'); // => true
 */
export const recordDimensions = [
  'fiscalYear',
  'month',
  'day',
  'state',
  'aor',
  'criminality',
  'citizenship',
  'gender',
  'apprehensionType',
  'facility',
  'releaseReason',
  'caseCategory',
  'threatLevel',
  'disposition',
  'method',
  'departureCountry',
] as const;
export type RecordDimension = (typeof recordDimensions)[number];

/** The time dimensions: fiscal year (from 1 October), calendar month and day. */
export type TimeDimension = 'fiscalYear' | 'month' | 'day';

/**
 * ICE's case categories as the releases write them (EID's list), for checks and labels. Open:
 * a category not listed is kept as written.
 *
 * @example
 * iceCaseCategories.includes('[8F] Expedited Removal'); // => true
 */
export const iceCaseCategories: readonly string[] = Object.freeze([
  '[10] Visa Waiver Deportation / Removal',
  '[11] Administrative Deportation / Removal',
  '[12] Judicial Deportation / Removal',
  '[13] Section 250 Removal',
  '[14] Crewmen, Stowaways, S-Visa Holders, 235(c) Cases',
  '[15] Terrorist Court Case (Title 5)',
  '[16] Reinstated Final Order',
  '[17] USC Prosecution Case',
  '[1A] Voluntary Departure - Un-Expired and Un-Extended Departure Period',
  '[1B] Voluntary Departure - Extended Departure Period',
  '[1C] Expired Voluntary Departure Period - Referred to Investigation',
  '[2A] Deportable - Under Adjudication by IJ',
  '[2B] Deportable - Under Adjudication by BIA',
  '[3] Deportable - Administratively Final Order',
  '[5A] Referred for Investigation - No Show for Hearing - No Final Order',
  '[5B] Removable - ICE Fugitive',
  '[5C] Relief Granted - Withholding of Deportation / Removal',
  '[5D] Final Order of Deportation / Removal - Deferred Action Granted',
  '[5E] Relief Granted - Extended Voluntary Departure',
  '[5F] Unable to Obtain Travel Document',
  '[8A] Excludable / Inadmissible - Hearing Not Commenced',
  '[8B] Excludable / Inadmissible - Under Adjudication by IJ',
  '[8C] Excludable / Inadmissible - Administrative Final Order Issued',
  '[8D] Excludable / Inadmissible - Under Adjudication by BIA',
  '[8E] Inadmissible - ICE Fugitive',
  '[8F] Expedited Removal',
  '[8G] Expedited Removal - Credible Fear Referral',
  '[8H] Expedited Removal - Status Claim Referral',
  '[8I] Inadmissible - ICE Fugitive - Expedited Removal',
  '[8K] Expedited Removal Terminated due to Credible Fear Finding / NTA Issued',
  '[9] VR Under Safeguards',
  '[H] Historical Category For Migration Only',
]);

/** The vocabularies every table shares: the closed ones a reader checks values against. */
const sharedCategories = {
  criminality: criminalityClasses,
  gender: ['male', 'female', 'unknown'],
  aor: [...aorCodes, HQ_AOR],
  caseCategory: iceCaseCategories,
} as const;

/**
 * Everything the reader and the tally need to know about one record table: its model, the kind
 * of each field, its date axes, what each tally dimension reads, and its vocabularies.
 */
export interface RecordTableSpec<F extends string = string> {
  readonly name: RecordTableName;
  /** What one row is, singular ("arrest", "detention book-in"). */
  readonly recordName: string;
  /** What the table counts, as a figure's metric. */
  readonly metric: Metric;
  /** The record model. */
  readonly schema: z.ZodObject;
  /** Each field's kind. */
  readonly fields: Readonly<Record<F, RecordFieldKind>>;
  /** The date the table is counted by: the time dimensions read it unless another date is asked for. */
  readonly mainDate: F;
  /** Every date field a time dimension can read instead, the main one first. */
  readonly dateFields: readonly F[];
  /** A time-of-day field that a main date cell's time fills (arrests' `apprehensionTime`). */
  readonly timeField?: F;
  /** The field each non-time dimension reads; a dimension not listed is not available. */
  readonly dimensions: Readonly<Partial<Record<Exclude<RecordDimension, TimeDimension>, F>>>;
  /** Known values of categorical fields, by field (open vocabularies list what icestat knows). */
  readonly categories: Readonly<Partial<Record<F, readonly string[]>>>;
}

function dateFieldsOf<F extends string>(fields: Readonly<Record<F, RecordFieldKind>>, main: F): F[] {
  const dates = (Object.keys(fields) as F[]).filter((f) => fields[f] === 'date' || fields[f] === 'timestamp');
  return [main, ...dates.filter((f) => f !== main)];
}

/**
 * The kind of each {@link ArrestRecord} field.
 *
 * @example
 * arrestFields.apprehensionAor; // => 'aor'
 */
export const arrestFields = Object.freeze({
  apprehensionDate: 'date',
  apprehensionTime: 'time',
  apprehensionState: 'state',
  apprehensionCounty: 'text',
  apprehensionAor: 'aor',
  apprehensionMethod: 'text',
  criminality: 'criminality',
  apprehensionType: 'apprehensionType',
  arrestingAgency: 'text',
  operation: 'text',
  citizenshipCountry: 'country',
  gender: 'gender',
  birthYear: 'birthYear',
  caseStatus: 'text',
  caseCategory: 'text',
  finalOrder: 'boolean',
  departedDate: 'date',
  landmark: 'text',
  duplicateLikely: 'boolean',
  processingDisposition: 'text',
  finalProgram: 'text',
  departureCountry: 'country',
  finalOrderDate: 'date',
  birthDate: 'text',
  mostSeriousConviction: 'text',
  eventNumber: 'text',
  caseCriminality: 'criminality',
  caseThreatLevel: 'text',
  arrestCreatedBy: 'text',
  uniqueIdentifier: 'text',
} as const satisfies Record<ArrestRecordField, RecordFieldKind>);

/**
 * The kind of each encounter field: ICE ERO encounters (every contact that opened or touched a
 * case, counted by event date).
 *
 * @example
 * encounterFields.responsibleAor; // => 'aor'
 */
export const encounterFields = Object.freeze({
  eventDate: 'date',
  eventTime: 'time',
  responsibleAor: 'aor',
  responsibleSite: 'text',
  landmark: 'text',
  operation: 'text',
  leadEventType: 'text',
  leadSource: 'text',
  eventType: 'text',
  finalProgram: 'text',
  criminality: 'criminality',
  processingDisposition: 'text',
  caseStatus: 'text',
  caseCategory: 'text',
  departedDate: 'date',
  departureCountry: 'country',
  finalOrder: 'boolean',
  finalOrderDate: 'date',
  birthDate: 'text',
  birthYear: 'birthYear',
  citizenshipCountry: 'country',
  gender: 'gender',
  uniqueIdentifier: 'text',
} as const);

/**
 * The kind of each removal field: ICE removals and returns, counted by departed date.
 *
 * @example
 * removalFields.departedDate; // => 'date'
 */
export const removalFields = Object.freeze({
  departedDate: 'date',
  removalDate: 'date',
  apprehensionDate: 'date',
  caseAor: 'aor',
  apprehensionState: 'state',
  apprehensionCounty: 'text',
  portOfDeparture: 'text',
  departureCountry: 'country',
  caseStatus: 'text',
  caseCategory: 'text',
  criminality: 'criminality',
  threatLevel: 'text',
  processingDisposition: 'text',
  finalProgram: 'text',
  finalOrder: 'boolean',
  finalOrderDate: 'date',
  finalChargeSection: 'text',
  finalChargeCode: 'text',
  mostSeriousConviction: 'text',
  entryDate: 'date',
  entryStatus: 'text',
  birthDate: 'text',
  birthYear: 'birthYear',
  birthCountry: 'country',
  citizenshipCountry: 'country',
  gender: 'gender',
  arrestingAgency: 'text',
  eventNumber: 'text',
  uniqueIdentifier: 'text',
} as const);

/**
 * The kind of each detainer field: detainers (immigration holds) ICE lodged with jails and
 * prisons, counted by prepare date.
 *
 * @example
 * detainerFields.prepareDate; // => 'date'
 */
export const detainerFields = Object.freeze({
  prepareDate: 'date',
  facility: 'text',
  facilityCode: 'text',
  facilityCity: 'text',
  facilityState: 'state',
  facilityAor: 'aor',
  criminality: 'criminality',
  threatLevel: 'text',
  detainerType: 'text',
  detainerLiftReason: 'text',
  caseStatus: 'text',
  caseCategory: 'text',
  processingDisposition: 'text',
  finalProgram: 'text',
  apprehensionMethod: 'text',
  apprehensionDate: 'date',
  mostSeriousConviction: 'text',
  finalOrder: 'boolean',
  finalOrderDate: 'date',
  portOfDeparture: 'text',
  departureCountry: 'country',
  departedDate: 'date',
  entryDate: 'date',
  entryStatus: 'text',
  birthDate: 'text',
  birthYear: 'birthYear',
  birthCountry: 'country',
  citizenshipCountry: 'country',
  gender: 'gender',
  uniqueIdentifier: 'text',
} as const);

/**
 * The kind of each detention field: detention book-ins (stints; Seattle's "initial book-ins"),
 * counted by book-in date.
 *
 * @example
 * detentionFields.bookInDate; // => 'timestamp'
 */
export const detentionFields = Object.freeze({
  bookInDate: 'timestamp',
  bookOutDate: 'timestamp',
  stayBookInDate: 'timestamp',
  stayBookOutDate: 'timestamp',
  facility: 'text',
  facilityCode: 'text',
  aor: 'aor',
  bookInSite: 'text',
  releaseReason: 'text',
  stayReleaseReason: 'text',
  criminality: 'criminality',
  threatLevel: 'text',
  apprehensionMethod: 'text',
  mostSeriousConviction: 'text',
  caseStatus: 'text',
  caseCategory: 'text',
  finalCharge: 'text',
  finalOrder: 'boolean',
  finalOrderDate: 'date',
  departedDate: 'date',
  departureCountry: 'country',
  entryStatus: 'text',
  birthDate: 'text',
  birthYear: 'birthYear',
  birthCountry: 'country',
  citizenshipCountry: 'country',
  gender: 'gender',
  ethnicity: 'text',
  maritalStatus: 'text',
  religion: 'text',
  uniqueIdentifier: 'text',
} as const);

const countryDimensions = { citizenship: 'citizenshipCountry', departureCountry: 'departureCountry' } as const;

/**
 * A record table's spec without its zod model: everything the reader and the tally need.
 *
 * @example
 * const spec: RecordTableLayout = recordTableSpecs.removals;
 */
export type RecordTableLayout<F extends string = string> = Omit<RecordTableSpec<F>, 'schema'>;

/**
 * The five record tables' specs by name, without their zod models: `recordTables` is these plus
 * each table's `schema`, sharing their fields, dimensions and vocabularies.
 *
 * @example
 * recordTableSpecs.removals.mainDate; // => 'departedDate'
 * recordTableSpecs.detentions.dimensions.facility; // => 'facility'
 */
export const recordTableSpecs: {
  readonly arrests: RecordTableLayout<keyof typeof arrestFields>;
  readonly encounters: RecordTableLayout<keyof typeof encounterFields>;
  readonly removals: RecordTableLayout<keyof typeof removalFields>;
  readonly detainers: RecordTableLayout<keyof typeof detainerFields>;
  readonly detentions: RecordTableLayout<keyof typeof detentionFields>;
} = Object.freeze({
  arrests: {
    name: 'arrests',
    recordName: 'arrest',
    metric: 'arrests',
    fields: arrestFields,
    mainDate: 'apprehensionDate',
    dateFields: dateFieldsOf(arrestFields, 'apprehensionDate'),
    timeField: 'apprehensionTime',
    dimensions: {
      state: 'apprehensionState',
      aor: 'apprehensionAor',
      criminality: 'criminality',
      citizenship: 'citizenshipCountry',
      gender: 'gender',
      apprehensionType: 'apprehensionType',
      caseCategory: 'caseCategory',
      threatLevel: 'caseThreatLevel',
      disposition: 'processingDisposition',
      method: 'apprehensionMethod',
      departureCountry: 'departureCountry',
    },
    categories: {
      criminality: sharedCategories.criminality,
      gender: sharedCategories.gender,
      apprehensionAor: sharedCategories.aor,
      caseCategory: iceCaseCategories,
    },
  },
  encounters: {
    name: 'encounters',
    recordName: 'encounter',
    metric: 'encounters',
    fields: encounterFields,
    mainDate: 'eventDate',
    dateFields: dateFieldsOf(encounterFields, 'eventDate'),
    timeField: 'eventTime',
    dimensions: {
      aor: 'responsibleAor',
      criminality: 'criminality',
      ...countryDimensions,
      gender: 'gender',
      caseCategory: 'caseCategory',
      disposition: 'processingDisposition',
    },
    categories: {
      criminality: sharedCategories.criminality,
      gender: sharedCategories.gender,
      responsibleAor: sharedCategories.aor,
      caseCategory: iceCaseCategories,
    },
  },
  removals: {
    name: 'removals',
    recordName: 'removal',
    metric: 'removals',
    fields: removalFields,
    mainDate: 'departedDate',
    dateFields: dateFieldsOf(removalFields, 'departedDate'),
    dimensions: {
      state: 'apprehensionState',
      aor: 'caseAor',
      criminality: 'criminality',
      ...countryDimensions,
      gender: 'gender',
      caseCategory: 'caseCategory',
      threatLevel: 'threatLevel',
      disposition: 'processingDisposition',
    },
    categories: { criminality: sharedCategories.criminality, gender: sharedCategories.gender, caseAor: sharedCategories.aor, caseCategory: iceCaseCategories },
  },
  detainers: {
    name: 'detainers',
    recordName: 'detainer',
    metric: 'detainers',
    fields: detainerFields,
    mainDate: 'prepareDate',
    dateFields: dateFieldsOf(detainerFields, 'prepareDate'),
    dimensions: {
      state: 'facilityState',
      aor: 'facilityAor',
      criminality: 'criminality',
      ...countryDimensions,
      gender: 'gender',
      facility: 'facility',
      caseCategory: 'caseCategory',
      threatLevel: 'threatLevel',
      disposition: 'processingDisposition',
      method: 'apprehensionMethod',
    },
    categories: {
      criminality: sharedCategories.criminality,
      gender: sharedCategories.gender,
      facilityAor: sharedCategories.aor,
      caseCategory: iceCaseCategories,
    },
  },
  detentions: {
    name: 'detentions',
    recordName: 'detention book-in',
    metric: 'book-ins',
    fields: detentionFields,
    mainDate: 'bookInDate',
    dateFields: dateFieldsOf(detentionFields, 'bookInDate'),
    dimensions: {
      aor: 'aor',
      criminality: 'criminality',
      ...countryDimensions,
      gender: 'gender',
      facility: 'facility',
      releaseReason: 'releaseReason',
      caseCategory: 'caseCategory',
      threatLevel: 'threatLevel',
      method: 'apprehensionMethod',
    },
    categories: { criminality: sharedCategories.criminality, gender: sharedCategories.gender, aor: sharedCategories.aor, caseCategory: iceCaseCategories },
  },
});
