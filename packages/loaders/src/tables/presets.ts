import type { RecordTableName } from '@icestat/core';
import { recordTableSpecs } from '@icestat/core/internal';

/**
 * The release families whose headers icestat knows:
 *
 * - `ice-lesa`: ICE ERO-LESA's nationwide FY2016–FY2019 releases (FOIA 2019-ICFO-53623):
 *   arrests, encounters, removals.
 * - `ice-seattle`: the Seattle AOR production of UW v. DHS (2012-01-01 … 2019-07-06): arrests,
 *   initial book-ins, expedited and other removals.
 * - `ddp-2023`: the 2012–2023 arrests release the Deportation Data Project republished, whose
 *   sheets spell one column three ways (`Arrest Created By`, `Arrest Create By`, `Arrested Created By`).
 * - `ddp-2025`: the Deportation Data Project's 2025 release (2025-ICLI-00019): arrests,
 *   encounters, detainers, removals.
 * - `ddp-2026`: its March 2026 release: arrests (`State`, `County`, `TOA Current Duty AOR`, …),
 *   removals, detention stints, and the renamed detainer and encounter columns.
 * - `ice-release`: arrests in the Title Case columns of ICE's recent releases, as icestat read
 *   them before the per-release presets (the 2025 and 2026 columns, `Apprehension Time`,
 *   `Duplicate Likely`); kept so such files read as before.
 * - `snake-case`: processed copies in snake_case (only headers written in lower case without
 *   spaces match it) (janitor's `clean_names` of the above, UWCHR's
 *   pipe-delimited copies with an `aor` code column, the Deportation Data Project's joined files
 *   whose columns end in `.arrest`, `.detainer`, … for the table they came from).
 *
 * @example
 * releaseFamilies.includes('ice-lesa'); // => true
 */
export const releaseFamilies = ['ice-lesa', 'ice-seattle', 'ddp-2023', 'ddp-2025', 'ddp-2026', 'ice-release', 'snake-case'] as const;
export type ReleaseFamily = (typeof releaseFamilies)[number];

/** One release's header for one table: each header as the release writes it, and the field it fills. */
export interface HeaderPreset {
  /** `family/table`, e.g. `ice-lesa/arrests`. */
  readonly name: string;
  readonly family: ReleaseFamily;
  readonly table: RecordTableName;
  /** What the release is, for reports. */
  readonly description: string;
  /** Header as written → record field. Headers the release has but the model does not are listed with `null`. */
  readonly columns: Readonly<Record<string, string | null>>;
}

function preset(family: ReleaseFamily, table: RecordTableName, description: string, columns: Record<string, string | null>): HeaderPreset {
  return Object.freeze({ name: `${family}/${table}`, family, table, description, columns: Object.freeze(columns) });
}

// Columns every DDP 2025/2026 table shares at its end: identifiers, all redacted or anonymised.
const ddpIdentifiers = { 'Alien File Number': null, 'EID Case ID': null, 'EID Subject ID': null, 'Unique Identifier': 'uniqueIdentifier' };

const lesa = 'ICE ERO-LESA nationwide release, FY2016–FY2019';
const seattle = 'ICE production in UW v. DHS, Seattle AOR, 2012–2019';
const ddp2025 = 'Deportation Data Project, 2025 release (ICE 2025-ICLI-00019)';
const ddp2026 = 'Deportation Data Project, March 2026 release';

const titled: readonly HeaderPreset[] = [
  preset('ice-release', 'arrests', 'ICE record-level arrest releases, Title Case columns (2025 and 2026)', {
    'Apprehension Date': 'apprehensionDate',
    'Apprehension Time': 'apprehensionTime',
    'Apprehension State': 'apprehensionState',
    'Apprehension County': 'apprehensionCounty',
    'Apprehension AOR': 'apprehensionAor',
    'Apprehension Method': 'apprehensionMethod',
    'Apprehension Criminality': 'criminality',
    'Apprehension Type': 'apprehensionType',
    'Arresting Agency': 'arrestingAgency',
    Operation: 'operation',
    'Citizenship Country': 'citizenshipCountry',
    Gender: 'gender',
    'Birth Year': 'birthYear',
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Final Order Yes No': 'finalOrder',
    'Departed Date': 'departedDate',
    'Apprehension Site Landmark': 'landmark',
    'Duplicate Likely': 'duplicateLikely',
  }),
  preset('ice-lesa', 'arrests', lesa, {
    'Area of Responsibility': 'apprehensionAor',
    'Apprehension Date': 'apprehensionDate',
    'Apprehension Method': 'apprehensionMethod',
    'Apprehension Landmark': 'landmark',
    Operation: 'operation',
    'Processing Disposition': 'processingDisposition',
    'Birth Date': 'birthDate',
    Citizenship: 'citizenshipCountry',
    Gender: 'gender',
  }),
  preset('ice-lesa', 'encounters', lesa, {
    'Event Area of Responsibility': 'responsibleAor',
    'Event Date': 'eventDate',
    Landmark: 'landmark',
    Operation: 'operation',
    'Processing Disposition': 'processingDisposition',
    'Birth Date': 'birthDate',
    Citizenship: 'citizenshipCountry',
    Gender: 'gender',
  }),
  preset('ice-lesa', 'removals', lesa, {
    'Area of Responsibility': 'caseAor',
    'Apprehension Date': 'apprehensionDate',
    'Processing Disposition Code': 'processingDisposition',
    'Birth Date': 'birthDate',
    Citizenship: 'citizenshipCountry',
    Gender: 'gender',
    'RC Threat Level': 'threatLevel',
    'Final Charge Section': 'finalChargeSection',
    'Departed Date': 'departedDate',
    'Removal Date': 'removalDate',
  }),
  preset('ice-seattle', 'arrests', seattle, {
    'Arrest Date': 'apprehensionDate',
    'Date of Birth': 'birthDate',
    Gender: 'gender',
    'Country of Citizenship': 'citizenshipCountry',
    'Event Number': 'eventNumber',
    'Apprehension Landmark': 'landmark',
    'Arrest Method': 'apprehensionMethod',
    'Most Serious Conviction': 'mostSeriousConviction',
  }),
  preset('ice-seattle', 'detentions', seattle, {
    'Book In Date': 'bookInDate',
    'Date of Birth': 'birthDate',
    Gender: 'gender',
    'Country of Citizenship': 'citizenshipCountry',
    'Detention Facility': 'facility',
    'Apprehension Method': 'apprehensionMethod',
    'Most Serious Conviction': 'mostSeriousConviction',
  }),
  preset('ice-seattle', 'removals', seattle, {
    'Departed Date': 'departedDate',
    'Date of Birth': 'birthDate',
    Gender: 'gender',
    'Country of Citizenship': 'citizenshipCountry',
    'Event Number': 'eventNumber',
    'Most Serious Conviction': 'mostSeriousConviction',
    'Case Category': 'caseCategory',
  }),
  preset('ddp-2023', 'arrests', 'ICE arrests 2012–2023 (2023-ICFO-42034), as the Deportation Data Project republished them', {
    'Apprehension Date': 'apprehensionDate',
    'Apprehension Method': 'apprehensionMethod',
    'Arrest Created By': 'arrestCreatedBy',
    'Arrest Create By': 'arrestCreatedBy',
    'Arrested Created By': 'arrestCreatedBy',
    'Case ID': null,
    'Subject ID': null,
    'Alien File Number': null,
    'Anonymized Identifier': 'uniqueIdentifier',
  }),
  preset('ddp-2025', 'arrests', ddp2025, {
    'Apprehension Date': 'apprehensionDate',
    'Apprehension State': 'apprehensionState',
    'Apprehension County': 'apprehensionCounty',
    'Apprehension AOR': 'apprehensionAor',
    'Final Program': 'finalProgram',
    'Final Program Group': null,
    'Apprehension Method': 'apprehensionMethod',
    'Apprehension Criminality': 'criminality',
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Departed Date': 'departedDate',
    'Departure Country': 'departureCountry',
    'Final Order Yes No': 'finalOrder',
    'Final Order Date': 'finalOrderDate',
    'Birth Date': 'birthDate',
    'Birth Year': 'birthYear',
    'Citizenship Country': 'citizenshipCountry',
    Gender: 'gender',
    'Apprehension Site Landmark': 'landmark',
    ...ddpIdentifiers,
  }),
  preset('ddp-2025', 'encounters', ddp2025, {
    'Event Date': 'eventDate',
    'Responsible AOR': 'responsibleAor',
    'Responsible Site': 'responsibleSite',
    'Lead Event Type': 'leadEventType',
    'Lead Source': 'leadSource',
    'Event Type': 'eventType',
    'Final Program': 'finalProgram',
    'Final Program Group': null,
    'Encounter Criminality': 'criminality',
    'Processing Disposition': 'processingDisposition',
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Departed Date': 'departedDate',
    'Departure Country': 'departureCountry',
    'Final Order Yes No': 'finalOrder',
    'Final Order Date': 'finalOrderDate',
    'Birth Date': 'birthDate',
    'Birth Year': 'birthYear',
    'Citizenship Country': 'citizenshipCountry',
    Gender: 'gender',
    'Event Landmark': 'landmark',
    ...ddpIdentifiers,
  }),
  preset('ddp-2025', 'detainers', ddp2025, {
    'Detainer Prepare Date': 'prepareDate',
    'Facility State': 'facilityState',
    'Facility AOR': 'facilityAor',
    'Port of Departure': 'portOfDeparture',
    'Departure Country': 'departureCountry',
    'Departed Date': 'departedDate',
    'Case Status': 'caseStatus',
    'Detainer Prepared Criminality': 'criminality',
    'Detention Facility': 'facility',
    'Detention Facility Code': 'facilityCode',
    'Facility City': 'facilityCity',
    'Detainer Prep Threat Level': 'threatLevel',
    Gender: 'gender',
    'Citizenship Country': 'citizenshipCountry',
    'Birth Country': 'birthCountry',
    'Birth Date': 'birthDate',
    'Birth Year': 'birthYear',
    'Entry Status': 'entryStatus',
    'Most Serious Conviction (MSC) Charge': 'mostSeriousConviction',
    'MSC Sentence Days': null,
    'MSC Sentence Months': null,
    'MSC Sentence Years': null,
    'MSC Charge Code': null,
    'MSC Charge Date': null,
    'MSC Conviction Date': null,
    Felon: null,
    'Processing Disposition': 'processingDisposition',
    'Case Category': 'caseCategory',
    'Final Program': 'finalProgram',
    'Time of Apprehension Case Category': null,
    'Time of Apprehension Current Program': null,
    'Apprehension Method': 'apprehensionMethod',
    'Case Final Order Yes No': 'finalOrder',
    'Final Order Date': 'finalOrderDate',
    'Apprehension Date': 'apprehensionDate',
    'Entry Date': 'entryDate',
    'Detainer Lift Reason': 'detainerLiftReason',
    'Detainer Type': 'detainerType',
    'EID DTA ID': null,
    ...ddpIdentifiers,
  }),
  preset('ddp-2025', 'removals', ddp2025, {
    'Departed Date': 'departedDate',
    'Port of Departure': 'portOfDeparture',
    'Departure Country': 'departureCountry',
    'Docket AOR': 'caseAor',
    'Apprehension State': 'apprehensionState',
    'Apprehension County': 'apprehensionCounty',
    'Case Status': 'caseStatus',
    Gender: 'gender',
    'Birth Country': 'birthCountry',
    'Citizenship Country': 'citizenshipCountry',
    'Birth Date': 'birthDate',
    'Birth Year': 'birthYear',
    'Entry Date': 'entryDate',
    'Entry Status': 'entryStatus',
    'MSC NCIC Charge': 'mostSeriousConviction',
    'MSC NCIC Charge Code': null,
    'MSC Charge Date': null,
    'MSC Criminal Charge Status': null,
    'MSC Criminal Charge Status Code': null,
    'MSC Conviction Date': null,
    'Case Threat Level': 'threatLevel',
    'Case Criminality': 'criminality',
    Felon: null,
    'Processing Disposition': 'processingDisposition',
    'Case Category': 'caseCategory',
    'Final Program': 'finalProgram',
    'Final Program Code': null,
    'Case Category Time of Arrest': null,
    'Latest Arrest Program Current': null,
    'Latest Arrest Program Current Code': null,
    'Latest Person Apprehension Date': null,
    'Final Order Yes No': 'finalOrder',
    'Final Order Date': 'finalOrderDate',
    'Final Charge Code': 'finalChargeCode',
    'Final Charge Section Code': 'finalChargeSection',
    'Prior Deport Yes No': null,
    'Latest Person Departed Date': null,
    ...ddpIdentifiers,
  }),
  preset('ddp-2026', 'arrests', ddp2026, {
    'Apprehension Date': 'apprehensionDate',
    'Apprehension Type': 'apprehensionType',
    State: 'apprehensionState',
    County: 'apprehensionCounty',
    'TOA Current Duty AOR': 'apprehensionAor',
    'Apprehension Final Program': 'finalProgram',
    'Arresting Agency': 'arrestingAgency',
    'Apprehension Method': 'apprehensionMethod',
    'Apprehension Criminality': 'criminality',
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Departure Country': 'departureCountry',
    'Final Order Yes No': 'finalOrder',
    'Birth Date': 'birthDate',
    'Birth Year': 'birthYear',
    'Citizenship Country': 'citizenshipCountry',
    Gender: 'gender',
    'Departed Date': 'departedDate',
    'Final Order Date': 'finalOrderDate',
    'Apprehension Site Landmark': 'landmark',
    Operation: 'operation',
    'TOA Current Duty Site': null,
    'Case Criminality': 'caseCriminality',
    'Case Threat Level': 'caseThreatLevel',
    'Anonymized Identifier': 'uniqueIdentifier',
  }),
  preset('ddp-2026', 'encounters', ddp2026, {
    'Event Date': 'eventDate',
    'Responsible AOR': 'responsibleAor',
    'Responsible Site': 'responsibleSite',
    'Encounter Criminality': 'criminality',
    'Processing Disposition': 'processingDisposition',
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Departed Date': 'departedDate',
    'Departure Country': 'departureCountry',
    'Birth Year': 'birthYear',
    'Citizenship Country': 'citizenshipCountry',
    Gender: 'gender',
    'Event Landmark': 'landmark',
    'Anonymized Identifier': 'uniqueIdentifier',
  }),
  preset('ddp-2026', 'detainers', ddp2026, {
    'Detainer Prepare Date': 'prepareDate',
    'Facility State': 'facilityState',
    'Facility AOR': 'facilityAor',
    'Detainer Criminality': 'criminality',
    'Detainer Prepared Criminality': 'criminality',
    'Detention Facility': 'facility',
    'Detention Facility Code': 'facilityCode',
    'Facility City': 'facilityCity',
    'Detainer Threat Level': 'threatLevel',
    'Detainer Type': 'detainerType',
    'Detainer Lift Reason': 'detainerLiftReason',
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Departed Date': 'departedDate',
    'Departure Country': 'departureCountry',
    'Birth Year': 'birthYear',
    'Citizenship Country': 'citizenshipCountry',
    Gender: 'gender',
    'Anonymized Identifier': 'uniqueIdentifier',
  }),
  preset('ddp-2026', 'removals', ddp2026, {
    'Departed Date': 'departedDate',
    'Case AOR': 'caseAor',
    'Docket AOR': 'caseAor',
    State: 'apprehensionState',
    County: 'apprehensionCounty',
    'Apprehension State': 'apprehensionState',
    'Apprehension City': null,
    'Birth Year': 'birthYear',
    'Case Category': 'caseCategory',
    'TOA Case Category': null,
    'Case Criminality': 'criminality',
    'Case Status': 'caseStatus',
    'Case Threat Level': 'threatLevel',
    'Citizenship Country': 'citizenshipCountry',
    'Departure Country': 'departureCountry',
    'Entry Date': 'entryDate',
    'Entry Status': 'entryStatus',
    'Final Charge Code': 'finalChargeCode',
    'Final Charge Section': 'finalChargeSection',
    'Final Order Yes No': 'finalOrder',
    'Final Order Date': 'finalOrderDate',
    'Final Program': 'finalProgram',
    'Final Program Code': null,
    Gender: 'gender',
    'Apprehension Date': 'apprehensionDate',
    'Latest Apprehension Program Code': null,
    'Latest Apprehension Program': null,
    'MSC Charge': 'mostSeriousConviction',
    'MSC Charge Date': null,
    'MSC Charge Code': null,
    'MSC Conviction Date': null,
    'MSC Criminal Charge Status': null,
    'Port of Departure': 'portOfDeparture',
    'Prior Deport Yes No': null,
    'Processing Disposition': 'processingDisposition',
    'Arresting Agency': 'arrestingAgency',
    'Alien File Number': null,
    'Anonymized Unique Identifier': 'uniqueIdentifier',
  }),
  preset('ddp-2026', 'detentions', ddp2026, {
    'Stay Book In Date Time': 'stayBookInDate',
    'Book In Date Time': 'bookInDate',
    'Detention Facility': 'facility',
    'Book Out Date Time': 'bookOutDate',
    'Detention Book Out Date Time': 'bookOutDate',
    'Stay Book Out Date Time': 'stayBookOutDate',
    'Detention Release Reason': 'releaseReason',
    'Stay Book Out Date': null,
    'Stay Release Reason': 'stayReleaseReason',
    Religion: 'religion',
    Gender: 'gender',
    'Marital Status': 'maritalStatus',
    Ethnicity: 'ethnicity',
    'Birth Country': 'birthCountry',
    'Citizenship Country': 'citizenshipCountry',
    'Entry Status': 'entryStatus',
    'Known Terrorist Yes No': null,
    'Suspected Gang Yes No': null,
    'MSC Charge': 'mostSeriousConviction',
    'MSC Sentence Days': null,
    'MSC Sentence Months': null,
    'MSC Sentence Years': null,
    'MSC Charge Code': null,
    'Aggravated Felon Yes No': null,
    'Offense INA 236C Yes No': null,
    'Case INA 236C Yes No': null,
    'Bond Posted Date': null,
    'Bond Posted Amount': null,
    'Case Status': 'caseStatus',
    'Case Category': 'caseCategory',
    'Final Order Yes No': 'finalOrder',
    'Final Order Date': 'finalOrderDate',
    'Case Threat Level': 'threatLevel',
    'Detainee Classification': null,
    'Final Charge': 'finalCharge',
    'Departed Date': 'departedDate',
    'Departure Country': 'departureCountry',
    'Initial Bond Set Amount': null,
    'Initial Bond Set Date': null,
    'Detention Facility Code': 'facilityCode',
    'Birth Date': 'birthDate',
    'Birth Year': 'birthYear',
    'Book In Criminality': 'criminality',
    Race: null,
    'Entry Date': null,
    'Apprehension Final Program': null,
    'MSC Conviction Date': null,
    'MSC Criminal Charge Status': null,
    'MSC Criminal Charge Status Code': null,
    'MSC Crime Class': null,
    'Book In Site': 'bookInSite',
    'Book In AOR': 'aor',
    'Anonymized Identifier': 'uniqueIdentifier',
  }),
];

/**
 * The snake_case spelling of a header, as janitor's `clean_names` and most processed copies write
 * it: lower case, every run of other characters one underscore. `Most Serious Conviction (MSC)
 * Charge` → `most_serious_conviction_msc_charge`.
 *
 * @param header - A header as a release writes it.
 * @returns Its snake_case spelling.
 * @example
 * snakeCaseHeader('Final Order Yes No'); // => 'final_order_yes_no'
 */
export function snakeCaseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// Spellings of processed copies that are not snake_case versions of a release header: UWCHR's
// copies, the arrests model's own names, the camelCase field names of each table.
const snakeExtras: Readonly<Record<RecordTableName, Record<string, string>>> = {
  arrests: {
    arrest_date: 'apprehensionDate',
    aor: 'apprehensionAor',
    arrest_method: 'apprehensionMethod',
    apprehension_time: 'apprehensionTime',
    apprehension_type: 'apprehensionType',
    arresting_agency: 'arrestingAgency',
    duplicate_likely: 'duplicateLikely',
    citizenship: 'citizenshipCountry',
    criminality: 'criminality',
  },
  encounters: { aor: 'responsibleAor', event_aor: 'responsibleAor' },
  removals: { aor: 'caseAor', removal_date: 'removalDate' },
  detainers: { aor: 'facilityAor' },
  detentions: { book_in_date: 'bookInDate', stay_book_in_date: 'stayBookInDate', book_out_date: 'bookOutDate' },
};

function snakePreset(table: RecordTableName): HeaderPreset {
  const columns: Record<string, string | null> = {};
  for (const p of titled) {
    if (p.table !== table) continue;
    for (const [header, field] of Object.entries(p.columns)) {
      const key = snakeCaseHeader(header);
      if (field !== null || !(key in columns)) columns[key] = field;
    }
  }
  Object.assign(columns, snakeExtras[table]);
  // The model's own field names, in snake_case: `apprehension_aor`, `landmark`, `case_aor`, `book_in_date`.
  for (const field of Object.keys(recordTableSpecs[table].fields)) {
    const key = snakeCaseHeader(field.replace(/[A-Z]/g, (c) => `_${c}`));
    if (!(key in columns)) columns[key] = field;
  }
  return preset('snake-case', table, 'processed copies in snake_case (janitor clean_names, UWCHR, the Deportation Data Project)', columns);
}

/**
 * Every header preset icestat knows: each release family's header for each table it publishes.
 *
 * @example
 * headerPresets.find((p) => p.name === 'ice-lesa/arrests')?.columns['Area of Responsibility']; // => 'apprehensionAor'
 * headerPresets.filter((p) => p.table === 'detentions').map((p) => p.family); // => ['ice-seattle', 'ddp-2026', 'snake-case']
 */
export const headerPresets: readonly HeaderPreset[] = Object.freeze([
  ...titled,
  ...(['arrests', 'encounters', 'removals', 'detainers', 'detentions'] as const).map(snakePreset),
]);

/**
 * Looks up a preset by its name (`ice-lesa/arrests`) or, with a table, by its family (`ice-lesa`).
 *
 * @param name - `family/table`, or a family when `table` is given.
 * @param table - The table, when `name` is a family.
 * @returns The preset, or `undefined` when there is none.
 * @example
 * headerPreset('ddp-2026', 'arrests')?.columns.State; // => 'apprehensionState'
 */
export function headerPreset(name: string, table?: RecordTableName): HeaderPreset | undefined {
  const full = table !== undefined && !name.includes('/') ? `${name}/${table}` : name;
  return headerPresets.find((p) => p.name === full);
}
