import * as z from 'zod';
import { vocabularyError } from '../errors';

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
 * Zod schema accepting exactly one of the upper-case {@link stateCodes}.
 *
 * @example
 * stateCodeSchema.parse('IL'); // => 'IL'
 * stateCodeSchema.safeParse('il').success; // => false
 */
export const stateCodeSchema = z.enum(stateCodes, {
  error: (issue): string => vocabularyError('a state’s postal code', stateCodes, (text): string | undefined => resolveState(text)?.code)(issue),
});

/**
 * A postal code of a state, DC or territory, e.g. `'IL'` or `'PR'`.
 *
 * @example
 * const code: StateCode = stateCodeSchema.parse('TX'); // => 'TX'
 */
export type StateCode = z.infer<typeof stateCodeSchema>;

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

/**
 * Every state, DC and territory, in alphabetical order of postal code (same order as {@link stateCodes}).
 *
 * @example
 * states.length; // => 56
 * states.find((s) => s.code === 'PR')?.fips; // => '72'
 */
export const states: readonly StateInfo[] = [
  { code: 'AK', name: 'Alaska', kind: 'state', fips: '02' },
  { code: 'AL', name: 'Alabama', kind: 'state', fips: '01' },
  { code: 'AR', name: 'Arkansas', kind: 'state', fips: '05' },
  { code: 'AS', name: 'American Samoa', kind: 'territory', fips: '60' },
  { code: 'AZ', name: 'Arizona', kind: 'state', fips: '04' },
  { code: 'CA', name: 'California', kind: 'state', fips: '06' },
  { code: 'CO', name: 'Colorado', kind: 'state', fips: '08' },
  { code: 'CT', name: 'Connecticut', kind: 'state', fips: '09' },
  { code: 'DC', name: 'District of Columbia', kind: 'district', fips: '11' },
  { code: 'DE', name: 'Delaware', kind: 'state', fips: '10' },
  { code: 'FL', name: 'Florida', kind: 'state', fips: '12' },
  { code: 'GA', name: 'Georgia', kind: 'state', fips: '13' },
  { code: 'GU', name: 'Guam', kind: 'territory', fips: '66' },
  { code: 'HI', name: 'Hawaii', kind: 'state', fips: '15' },
  { code: 'IA', name: 'Iowa', kind: 'state', fips: '19' },
  { code: 'ID', name: 'Idaho', kind: 'state', fips: '16' },
  { code: 'IL', name: 'Illinois', kind: 'state', fips: '17' },
  { code: 'IN', name: 'Indiana', kind: 'state', fips: '18' },
  { code: 'KS', name: 'Kansas', kind: 'state', fips: '20' },
  { code: 'KY', name: 'Kentucky', kind: 'state', fips: '21' },
  { code: 'LA', name: 'Louisiana', kind: 'state', fips: '22' },
  { code: 'MA', name: 'Massachusetts', kind: 'state', fips: '25' },
  { code: 'MD', name: 'Maryland', kind: 'state', fips: '24' },
  { code: 'ME', name: 'Maine', kind: 'state', fips: '23' },
  { code: 'MI', name: 'Michigan', kind: 'state', fips: '26' },
  { code: 'MN', name: 'Minnesota', kind: 'state', fips: '27' },
  { code: 'MO', name: 'Missouri', kind: 'state', fips: '29' },
  { code: 'MP', name: 'Northern Mariana Islands', kind: 'territory', fips: '69' },
  { code: 'MS', name: 'Mississippi', kind: 'state', fips: '28' },
  { code: 'MT', name: 'Montana', kind: 'state', fips: '30' },
  { code: 'NC', name: 'North Carolina', kind: 'state', fips: '37' },
  { code: 'ND', name: 'North Dakota', kind: 'state', fips: '38' },
  { code: 'NE', name: 'Nebraska', kind: 'state', fips: '31' },
  { code: 'NH', name: 'New Hampshire', kind: 'state', fips: '33' },
  { code: 'NJ', name: 'New Jersey', kind: 'state', fips: '34' },
  { code: 'NM', name: 'New Mexico', kind: 'state', fips: '35' },
  { code: 'NV', name: 'Nevada', kind: 'state', fips: '32' },
  { code: 'NY', name: 'New York', kind: 'state', fips: '36' },
  { code: 'OH', name: 'Ohio', kind: 'state', fips: '39' },
  { code: 'OK', name: 'Oklahoma', kind: 'state', fips: '40' },
  { code: 'OR', name: 'Oregon', kind: 'state', fips: '41' },
  { code: 'PA', name: 'Pennsylvania', kind: 'state', fips: '42' },
  { code: 'PR', name: 'Puerto Rico', kind: 'territory', fips: '72' },
  { code: 'RI', name: 'Rhode Island', kind: 'state', fips: '44' },
  { code: 'SC', name: 'South Carolina', kind: 'state', fips: '45' },
  { code: 'SD', name: 'South Dakota', kind: 'state', fips: '46' },
  { code: 'TN', name: 'Tennessee', kind: 'state', fips: '47' },
  { code: 'TX', name: 'Texas', kind: 'state', fips: '48' },
  { code: 'UT', name: 'Utah', kind: 'state', fips: '49' },
  { code: 'VA', name: 'Virginia', kind: 'state', fips: '51' },
  { code: 'VI', name: 'U.S. Virgin Islands', kind: 'territory', fips: '78' },
  { code: 'VT', name: 'Vermont', kind: 'state', fips: '50' },
  { code: 'WA', name: 'Washington', kind: 'state', fips: '53' },
  { code: 'WI', name: 'Wisconsin', kind: 'state', fips: '55' },
  { code: 'WV', name: 'West Virginia', kind: 'state', fips: '54' },
  { code: 'WY', name: 'Wyoming', kind: 'state', fips: '56' },
];

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
  return text.toLowerCase().replace(/\./g, '').replace(/[\s,]+/g, ' ').trim();
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
  states.flatMap((s): Array<[string, StateInfo]> => [
    [s.name, s],
    [s.name.toUpperCase(), s],
  ]),
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
