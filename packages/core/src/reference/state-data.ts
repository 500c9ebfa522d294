// The states table and its lookups, with no zod: the record loaders' worker threads resolve states
// without loading the schemas of the model (`stateCodeSchema` is built on these codes).

// biome-ignore format: a reference table, several entries a line, laid out by hand
/**
 * The USPS postal codes of the 50 states, DC and the five inhabited territories, in alphabetical order.
 *
 * @example
 * stateCodes.length; // => 56
 * stateCodes[0]; // => 'AK'
 */
export const stateCodes = [
  'AK', 'AL', 'AR', 'AS', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE',
  'FL', 'GA', 'GU', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY',
  'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MP', 'MS', 'MT',
  'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK',
  'OR', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VA',
  'VI', 'VT', 'WA', 'WI', 'WV', 'WY',
] as const;

/**
 * A postal code of a state, DC or territory, e.g. `'IL'` or `'PR'`.
 *
 * @example
 * const code: StateCode = 'TX';
 */
export type StateCode = (typeof stateCodes)[number];

/**
 * Reference facts about one state, DC or territory.
 *
 * `fips` is the two-digit FIPS 5-2 code kept as a string because the leading zero is significant.
 *
 * @example
 * stateByCode('IL'); // => { code: 'IL', name: 'Illinois', kind: 'state', fips: '17' }
 */
export type StateInfo = {
  readonly code: StateCode;
  readonly name: string;
  readonly kind: 'state' | 'district' | 'territory';
  readonly fips: string;
};

// biome-ignore format: a reference table, several entries a line, laid out by hand
/**
 * Every state, DC and territory, in alphabetical order of postal code (same order as {@link stateCodes}).
 *
 * @example
 * states.length; // => 56
 * states.find((s) => s.code === 'PR')?.fips; // => '72'
 */
export const states: readonly StateInfo[] = (
  'AK02sAlaska|AL01sAlabama|AR05sArkansas|AS60tAmerican Samoa|AZ04sArizona|CA06sCalifornia|' +
  'CO08sColorado|CT09sConnecticut|DC11dDistrict of Columbia|DE10sDelaware|FL12sFlorida|' +
  'GA13sGeorgia|GU66tGuam|HI15sHawaii|IA19sIowa|ID16sIdaho|IL17sIllinois|IN18sIndiana|' +
  'KS20sKansas|KY21sKentucky|LA22sLouisiana|MA25sMassachusetts|MD24sMaryland|ME23sMaine|' +
  'MI26sMichigan|MN27sMinnesota|MO29sMissouri|MP69tNorthern Mariana Islands|MS28sMississippi|' +
  'MT30sMontana|NC37sNorth Carolina|ND38sNorth Dakota|NE31sNebraska|NH33sNew Hampshire|' +
  'NJ34sNew Jersey|NM35sNew Mexico|NV32sNevada|NY36sNew York|OH39sOhio|OK40sOklahoma|' +
  'OR41sOregon|PA42sPennsylvania|PR72tPuerto Rico|RI44sRhode Island|SC45sSouth Carolina|' +
  'SD46sSouth Dakota|TN47sTennessee|TX48sTexas|UT49sUtah|VA51sVirginia|VI78tU.S. Virgin Islands|' +
  'VT50sVermont|WA53sWashington|WI55sWisconsin|WV54sWest Virginia|WY56sWyoming'
)
  .split('|')
  .map((e) => ({ code: e.slice(0, 2) as StateCode, name: e.slice(5), kind: e[4] === 's' ? 'state' : e[4] === 'd' ? 'district' : 'territory', fips: e.slice(2, 4) }));

// Spellings seen in government files besides the canonical `name`. Keys are already normalized
// (see normalizeName), so "Washington, D.C." and "Washington DC" both land on 'washington dc'.
// Bare "Washington" deliberately stays the state: DC is only matched when the text says so.
const nameAliases: ReadonlyArray<readonly [string, StateCode]> = [
  ['dc', 'DC'],
  ['d c', 'DC'],
  ['washington dc', 'DC'],
  ['washington d c', 'DC'],
  ['washington district of columbia', 'DC'],
  ['virgin islands', 'VI'],
  ['us virgin islands', 'VI'],
  ['u s virgin islands', 'VI'],
  ['united states virgin islands', 'VI'],
  ['virgin islands of the united states', 'VI'],
  ['virgin islands us', 'VI'],
  ['commonwealth of the northern mariana islands', 'MP'],
  ['northern marianas', 'MP'],
  ['commonwealth of puerto rico', 'PR'],
];

/**
 * Folds the punctuation and spacing variants that record-level files use into one key.
 * Periods are dropped (D.C. → dc) and commas treated as spaces (Washington, DC → washington dc).
 */
function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s,]+/g, ' ')
    .trim();
}

// Built once: the lookups below sit in per-row loops over millions of records.
const byCode: ReadonlyMap<string, StateInfo> = new Map(states.map((s) => [s.code, s]));

const byName: ReadonlyMap<string, StateInfo> = (() => {
  const map = new Map<string, StateInfo>(states.map((s) => [normalizeName(s.name), s]));
  for (const [alias, code] of nameAliases) {
    const info = byCode.get(code);
    if (info !== undefined) map.set(alias, info);
  }
  return map;
})();

// Exact spellings (canonical and all-caps, as most federal extracts write them) skip normalization.
const byExactName: ReadonlyMap<string, StateInfo> = new Map(
  states.flatMap(
    (s): Array<[string, StateInfo]> => [
      [s.name, s],
      [s.name.toUpperCase(), s],
    ],
  ),
);

/**
 * Looks up a state, DC or territory by postal code, ignoring case and surrounding whitespace.
 *
 * @param code - A two-letter postal code such as `'IL'`, `'il'` or `' pr '`.
 * @returns The matching {@link StateInfo}, or `undefined` if the code is unknown.
 * @example
 * stateByCode('il')?.name; // => 'Illinois'
 * stateByCode(' PR ')?.fips; // => '72'
 * stateByCode('XX'); // => undefined
 */
export function stateByCode(code: string): StateInfo | undefined {
  return byCode.get(code) ?? byCode.get(code.trim().toUpperCase());
}

/**
 * Looks up a state, DC or territory by name, ignoring case, periods, commas and extra whitespace.
 *
 * @param name - A name such as `'COLORADO'`, `' new  york '`, `'Washington, D.C.'` or `'Virgin Islands'`.
 * @returns The matching {@link StateInfo}, or `undefined` if the name is unknown.
 * @example
 * stateByName('COLORADO')?.code; // => 'CO'
 * stateByName('Washington, D.C.')?.code; // => 'DC'
 * stateByName('Washington')?.code; // => 'WA'
 * stateByName('U.S. Virgin Islands')?.code; // => 'VI'
 */
export function stateByName(name: string): StateInfo | undefined {
  return byExactName.get(name) ?? byName.get(normalizeName(name));
}

/**
 * Resolves free text that may hold either a postal code or a name, as record-level files write both (`CO`, `COLORADO`).
 *
 * @param text - A postal code or name in any case.
 * @returns The matching {@link StateInfo}, or `undefined` if neither lookup matches.
 * @example
 * resolveState('CO')?.name; // => 'Colorado'
 * resolveState('COLORADO')?.code; // => 'CO'
 * resolveState('Puerto Rico')?.fips; // => '72'
 * resolveState('Atlantis'); // => undefined
 */
export function resolveState(text: string): StateInfo | undefined {
  return stateByCode(text) ?? stateByName(text);
}
