// The Areas of Responsibility table and its lookups, with no zod: the record loaders' worker threads
// resolve AORs without loading the schemas of the model (`aorCodeSchema` is built on these codes).
import type { StateCode } from './state-data';

// biome-ignore format: a reference table, several entries a line, laid out by hand
/**
 * The three-letter codes of ICE Enforcement and Removal Operations' 25 field offices, in alphabetical order.
 *
 * @example
 * aorCodes.length; // => 25
 * aorCodes[0]; // => 'ATL'
 */
export const aorCodes = [
  'ATL', 'BAL', 'BOS', 'BUF', 'CHI', 'DAL', 'DEN', 'DET', 'ELP', 'HAL',
  'HOU', 'LOS', 'MIA', 'NEW', 'NOL', 'NYC', 'PHI', 'PHO', 'SEA', 'SFR',
  'SLC', 'SNA', 'SND', 'SPM', 'WAS',
] as const;

/**
 * The code of one ERO field office and its Area of Responsibility, e.g. `'CHI'`.
 *
 * @example
 * const code: AorCode = 'SPM';
 */
export type AorCode = (typeof aorCodes)[number];

/**
 * One state (or part of one) that an Area of Responsibility covers.
 *
 * `part` is only set when `whole` is false, and is a short human description of the share, not a
 * county list: ICE does not publish AOR boundaries in machine-readable form.
 *
 * @example
 * aorByCode('DAL')?.covers; // => [{ state: 'OK', whole: true }, { state: 'TX', whole: false, part: 'north' }]
 */
export type AorCoverage = {
  readonly state: StateCode;
  readonly whole: boolean;
  readonly part?: string;
};

/**
 * Reference facts about one ERO field office and its Area of Responsibility.
 *
 * `releaseName` is the spelling used in ICE's released data ("Chicago Area of Responsibility"),
 * which is what record-level columns must be matched against.
 *
 * @example
 * aorByCode('CHI')?.releaseName; // => 'Chicago Area of Responsibility'
 */
export type AorInfo = {
  readonly code: AorCode;
  readonly name: string;
  readonly releaseName: string;
  readonly fieldOffice: string;
  readonly covers: readonly AorCoverage[];
};

function whole(state: StateCode): AorCoverage {
  return { state, whole: true };
}

function part(state: StateCode, description: string): AorCoverage {
  return { state, whole: false, part: description };
}

function aor(code: AorCode, name: string, covers: readonly AorCoverage[]): AorInfo {
  return {
    code,
    name,
    releaseName: `${name} Area of Responsibility`,
    fieldOffice: `${name} Field Office`,
    covers,
  };
}

/**
 * All 25 ERO Areas of Responsibility with the states and territories each covers, in the order of {@link aorCodes}.
 *
 * American Samoa (AS) is covered by none of them and so appears in no `covers` list.
 *
 * @example
 * aors.length; // => 25
 * aors.find((a) => a.code === 'DEN')?.covers.map((c) => c.state); // => ['CO', 'WY']
 */
export const aors: readonly AorInfo[] = [
  aor('ATL', 'Atlanta', [whole('GA'), whole('NC'), whole('SC')]),
  aor('BAL', 'Baltimore', [whole('MD')]),
  aor('BOS', 'Boston', [whole('CT'), whole('MA'), whole('ME'), whole('NH'), whole('RI'), whole('VT')]),
  aor('BUF', 'Buffalo', [part('NY', 'upstate')]),
  aor('CHI', 'Chicago', [whole('IL'), whole('IN'), whole('KS'), whole('KY'), whole('MO'), whole('WI')]),
  aor('DAL', 'Dallas', [whole('OK'), part('TX', 'north')]),
  aor('DEN', 'Denver', [whole('CO'), whole('WY')]),
  aor('DET', 'Detroit', [whole('MI'), whole('OH')]),
  aor('ELP', 'El Paso', [whole('NM'), part('TX', 'west')]),
  aor('HAL', 'Harlingen', [part('TX', 'south')]),
  aor('HOU', 'Houston', [part('TX', 'southeast')]),
  aor('LOS', 'Los Angeles', [part('CA', 'south, except San Diego and Imperial counties')]),
  aor('MIA', 'Miami', [whole('FL'), whole('PR'), whole('VI')]),
  aor('NEW', 'Newark', [whole('NJ')]),
  aor('NOL', 'New Orleans', [whole('AL'), whole('AR'), whole('LA'), whole('MS'), whole('TN')]),
  aor('NYC', 'New York City', [part('NY', 'city and downstate')]),
  aor('PHI', 'Philadelphia', [whole('DE'), whole('PA'), whole('WV')]),
  aor('PHO', 'Phoenix', [whole('AZ')]),
  aor('SEA', 'Seattle', [whole('AK'), whole('OR'), whole('WA')]),
  aor('SFR', 'San Francisco', [part('CA', 'north and central'), whole('HI'), whole('GU'), whole('MP')]),
  aor('SLC', 'Salt Lake City', [whole('ID'), whole('MT'), whole('NV'), whole('UT')]),
  aor('SNA', 'San Antonio', [part('TX', 'central and south')]),
  aor('SND', 'San Diego', [part('CA', 'San Diego and Imperial counties')]),
  aor('SPM', 'St. Paul', [whole('IA'), whole('MN'), whole('ND'), whole('NE'), whole('SD')]),
  aor('WAS', 'Washington', [whole('DC'), whole('VA')]),
];

// Other ways people and datasets name an office, already normalized (see normalizeName).
// "Washington" alone means the DC office here: ERO has no office named for Washington State,
// which belongs to Seattle.
const nameAliases: ReadonlyArray<readonly [string, AorCode]> = [
  ['saint paul', 'SPM'],
  ['st paul minnesota', 'SPM'],
  ['new york', 'NYC'],
  ['washington dc', 'WAS'],
  ['washington d c', 'WAS'],
  ['washington district of columbia', 'WAS'],
  ['salt lake', 'SLC'],
];

// Suffixes and prefixes that wrap an office name in release files and reporting.
const nameSuffixes = ['', ' area of responsibility', ' aor', ' field office', ' ero field office'] as const;
const namePrefixes = ['', 'ero '] as const;

/**
 * Folds case, periods ("St. Paul", "D.C."), commas and runs of whitespace into one key.
 */
function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s,]+/g, ' ')
    .trim();
}

// Everything below is built once at module load: the lookups run per row over millions of records.
const byCode: ReadonlyMap<string, AorInfo> = new Map(aors.map((a): [string, AorInfo] => [a.code, a]));

const byName: ReadonlyMap<string, AorInfo> = (() => {
  const map = new Map<string, AorInfo>();
  const bases: Array<[string, AorInfo]> = aors.map((a) => [normalizeName(a.name), a]);
  for (const [alias, code] of nameAliases) {
    const info = byCode.get(code);
    if (info !== undefined) bases.push([alias, info]);
  }
  for (const [base, info] of bases) {
    for (const prefix of namePrefixes) {
      for (const suffix of nameSuffixes) map.set(`${prefix}${base}${suffix}`, info);
    }
  }
  return map;
})();

// The spellings released data actually uses hit this map without any string work.
const byExactName: ReadonlyMap<string, AorInfo> = new Map(
  aors.flatMap(
    (a): Array<[string, AorInfo]> => [
      [a.name, a],
      [a.releaseName, a],
      [a.fieldOffice, a],
      [a.name.toUpperCase(), a],
      [a.releaseName.toUpperCase(), a],
      [a.fieldOffice.toUpperCase(), a],
    ],
  ),
);

const byState: ReadonlyMap<StateCode, readonly AorInfo[]> = (() => {
  const map = new Map<StateCode, AorInfo[]>();
  for (const a of aors) {
    for (const c of a.covers) {
      const list = map.get(c.state);
      if (list === undefined) map.set(c.state, [a]);
      else list.push(a);
    }
  }
  return map;
})();

const statesByAor: ReadonlyMap<AorCode, readonly StateCode[]> = new Map(
  aors.map((a): [AorCode, readonly StateCode[]] => [a.code, a.covers.map((c) => c.state)]),
);

const none: readonly never[] = Object.freeze([]);

/**
 * Looks up an Area of Responsibility by its three-letter code, ignoring case and surrounding whitespace.
 *
 * @param code - A code such as `'CHI'`, `'chi'` or `' nol '`.
 * @returns The matching {@link AorInfo}, or `undefined` if the code is unknown.
 * @example
 * aorByCode('chi')?.name; // => 'Chicago'
 * aorByCode('XXX'); // => undefined
 */
export function aorByCode(code: string): AorInfo | undefined {
  return byCode.get(code) ?? byCode.get(code.trim().toUpperCase());
}

/**
 * Looks up an Area of Responsibility by its city name, release name, "AOR" form or field-office name.
 *
 * Matching ignores case, periods, commas and extra whitespace, so "St. Paul", "st paul" and
 * "Saint Paul" agree. Bare "Washington" is the DC office (WAS), not Washington State (SEA).
 *
 * @param name - A name such as `'Chicago'`, `'Chicago Area of Responsibility'`, `'Chicago AOR'` or `'Chicago Field Office'`.
 * @returns The matching {@link AorInfo}, or `undefined` if the name is unknown.
 * @example
 * aorByName('chicago area of responsibility')?.code; // => 'CHI'
 * aorByName('Saint Paul')?.code; // => 'SPM'
 * aorByName('New York')?.code; // => 'NYC'
 * aorByName('Washington, D.C.')?.code; // => 'WAS'
 * aorByName('Springfield'); // => undefined
 */
export function aorByName(name: string): AorInfo | undefined {
  return byExactName.get(name) ?? byName.get(normalizeName(name));
}

/**
 * Resolves free text that may hold either an AOR code or a name, trying the code first.
 *
 * @param text - A code or any spelling accepted by {@link aorByName}.
 * @returns The matching {@link AorInfo}, or `undefined` if neither lookup matches.
 * @example
 * resolveAor('NOL')?.name; // => 'New Orleans'
 * resolveAor('Salt Lake City Area of Responsibility')?.code; // => 'SLC'
 */
export function resolveAor(text: string): AorInfo | undefined {
  return aorByCode(text) ?? aorByName(text);
}

/**
 * Lists every Area of Responsibility covering all or part of a state, in code order.
 *
 * @param state - A postal code from {@link StateCode}.
 * @returns The covering AORs; empty for American Samoa, which no AOR covers.
 * @example
 * aorsForState('IL').map((a) => a.code); // => ['CHI']
 * aorsForState('TX').map((a) => a.code); // => ['DAL', 'ELP', 'HAL', 'HOU', 'SNA']
 * aorsForState('AS'); // => []
 */
export function aorsForState(state: StateCode): readonly AorInfo[] {
  return byState.get(state) ?? none;
}

/**
 * Tells whether a state is divided between more than one Area of Responsibility.
 *
 * A split state's counts cannot be attributed to one AOR without sub-state detail.
 *
 * @param state - A postal code from {@link StateCode}.
 * @returns `true` when two or more AORs cover the state.
 * @example
 * isStateSplit('TX'); // => true
 * isStateSplit('IL'); // => false
 */
export function isStateSplit(state: StateCode): boolean {
  return aorsForState(state).length > 1;
}

/**
 * Lists the states and territories, whole or partial, that an Area of Responsibility covers.
 *
 * @param code - An {@link AorCode}.
 * @returns The covered postal codes in the order of the AOR's `covers` list.
 * @example
 * statesOfAor('CHI'); // => ['IL', 'IN', 'KS', 'KY', 'MO', 'WI']
 * statesOfAor('HAL'); // => ['TX']
 */
export function statesOfAor(code: AorCode): readonly StateCode[] {
  return statesByAor.get(code) ?? none;
}
