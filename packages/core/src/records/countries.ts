import { closestWord } from '../errors';

// ICE writes countries of citizenship, birth and departure in its own upper-case spellings
// ("CHINA, PEOPLES REPUBLIC OF", "BURMA", "ST. KITTS-NEVIS"). These are the spellings of the
// nationwide and Seattle releases and of the Deportation Data Project's copies, with their ISO 3166
// alpha-2 codes. Spellings with no single present-day code are deliberately absent and stay text:
// USSR, YUGOSLAVIA, CZECHOSLOVAKIA, SERBIA AND MONTENEGRO, NETHERLANDS ANTILLES (dissolved), bare
// KOREA (North or South cannot be told) and UNKNOWN.
// biome-ignore format: a reference table, several entries a line, laid out by hand
const spellings: ReadonlyArray<readonly [string, string]> = [
  ['AFGHANISTAN', 'AF'], ['ALBANIA', 'AL'], ['ALGERIA', 'DZ'], ['ANDORRA', 'AD'], ['ANGOLA', 'AO'],
  ['ANGUILLA', 'AI'], ['ANTIGUA-BARBUDA', 'AG'], ['ANTIGUA AND BARBUDA', 'AG'], ['ARGENTINA', 'AR'],
  ['ARMENIA', 'AM'], ['ARUBA', 'AW'], ['AUSTRALIA', 'AU'], ['AUSTRIA', 'AT'], ['AZERBAIJAN', 'AZ'],
  ['BAHAMAS', 'BS'], ['BAHRAIN', 'BH'], ['BANGLADESH', 'BD'], ['BARBADOS', 'BB'], ['BELARUS', 'BY'],
  ['BELGIUM', 'BE'], ['BELIZE', 'BZ'], ['BENIN', 'BJ'], ['BERMUDA', 'BM'], ['BHUTAN', 'BT'],
  ['BOLIVIA', 'BO'], ['BOSNIA-HERZEGOVINA', 'BA'], ['BOSNIA AND HERZEGOVINA', 'BA'], ['BOTSWANA', 'BW'],
  ['BRAZIL', 'BR'], ['BRITISH VIRGIN ISLANDS', 'VG'], ['BRUNEI', 'BN'], ['BULGARIA', 'BG'],
  ['BURKINA FASO', 'BF'], ['BURMA', 'MM'], ['MYANMAR', 'MM'], ['BURUNDI', 'BI'], ['CAMBODIA', 'KH'],
  ['CAMEROON', 'CM'], ['CANADA', 'CA'], ['CAPE VERDE', 'CV'], ['CABO VERDE', 'CV'], ['CAYMAN ISLANDS', 'KY'],
  ['CENTRAL AFRICAN REPUBLIC', 'CF'], ['CHAD', 'TD'], ['CHILE', 'CL'], ['CHINA, PEOPLES REPUBLIC OF', 'CN'],
  ['CHINA', 'CN'], ['COLOMBIA', 'CO'], ['COMOROS', 'KM'], ['CONGO', 'CG'], ['DEM REP OF THE CONGO', 'CD'],
  ['DEMOCRATIC REPUBLIC OF THE CONGO', 'CD'], ['COSTA RICA', 'CR'], ['CROATIA', 'HR'], ['CUBA', 'CU'],
  ['CYPRUS', 'CY'], ['CZECH REPUBLIC', 'CZ'], ['DENMARK', 'DK'], ['DJIBOUTI', 'DJ'], ['DOMINICA', 'DM'],
  ['DOMINICAN REPUBLIC', 'DO'], ['ECUADOR', 'EC'], ['EGYPT', 'EG'], ['EL SALVADOR', 'SV'],
  ['EQUATORIAL GUINEA', 'GQ'], ['ERITREA', 'ER'], ['ESTONIA', 'EE'], ['ETHIOPIA', 'ET'], ['FIJI', 'FJ'],
  ['FINLAND', 'FI'], ['FRANCE', 'FR'], ['FRENCH GUIANA', 'GF'], ['FRENCH POLYNESIA', 'PF'], ['GABON', 'GA'],
  ['GAMBIA', 'GM'], ['GEORGIA', 'GE'], ['GERMANY', 'DE'], ['GHANA', 'GH'], ['GREECE', 'GR'], ['GRENADA', 'GD'],
  ['GUADELOUPE', 'GP'], ['GUATEMALA', 'GT'], ['GUINEA', 'GN'], ['GUINEA-BISSAU', 'GW'], ['GUYANA', 'GY'],
  ['HAITI', 'HT'], ['HONDURAS', 'HN'], ['HONG KONG', 'HK'], ['HUNGARY', 'HU'], ['ICELAND', 'IS'],
  ['INDIA', 'IN'], ['INDONESIA', 'ID'], ['IRAN', 'IR'], ['IRAQ', 'IQ'], ['IRELAND', 'IE'], ['ISRAEL', 'IL'],
  ['ITALY', 'IT'], ['IVORY COAST', 'CI'], ["COTE D'IVOIRE", 'CI'], ['JAMAICA', 'JM'], ['JAPAN', 'JP'],
  ['JORDAN', 'JO'], ['KAZAKHSTAN', 'KZ'], ['KENYA', 'KE'], ['KOREA, SOUTH', 'KR'], ['SOUTH KOREA', 'KR'],
  ['KOREA, NORTH', 'KP'], ['NORTH KOREA', 'KP'], ['KOSOVO', 'XK'], ['KUWAIT', 'KW'], ['KYRGYZSTAN', 'KG'],
  ['LAOS', 'LA'], ['LATVIA', 'LV'], ['LEBANON', 'LB'], ['LESOTHO', 'LS'], ['LIBERIA', 'LR'], ['LIBYA', 'LY'],
  ['LITHUANIA', 'LT'], ['LUXEMBOURG', 'LU'], ['MACAU', 'MO'], ['MACEDONIA', 'MK'], ['NORTH MACEDONIA', 'MK'],
  ['MADAGASCAR', 'MG'], ['MALAWI', 'MW'], ['MALAYSIA', 'MY'], ['MALDIVES', 'MV'], ['MALI', 'ML'],
  ['MALTA', 'MT'], ['MARSHALL ISLANDS', 'MH'], ['MAURITANIA', 'MR'], ['MAURITIUS', 'MU'], ['MEXICO', 'MX'],
  ['MICRONESIA, FEDERATED STATES OF', 'FM'], ['MOLDOVA', 'MD'], ['MONGOLIA', 'MN'], ['MONTENEGRO', 'ME'],
  ['MONTSERRAT', 'MS'], ['MOROCCO', 'MA'], ['MOZAMBIQUE', 'MZ'], ['NAMIBIA', 'NA'], ['NEPAL', 'NP'],
  ['NETHERLANDS', 'NL'], ['NEW ZEALAND', 'NZ'], ['NICARAGUA', 'NI'], ['NIGER', 'NE'], ['NIGERIA', 'NG'],
  ['NORWAY', 'NO'], ['OMAN', 'OM'], ['PAKISTAN', 'PK'], ['PALAU', 'PW'], ['PANAMA', 'PA'],
  ['PAPUA NEW GUINEA', 'PG'], ['PARAGUAY', 'PY'], ['PERU', 'PE'], ['PHILIPPINES', 'PH'],
  ['PITCAIRN ISLANDS', 'PN'], ['POLAND', 'PL'], ['PORTUGAL', 'PT'], ['QATAR', 'QA'], ['ROMANIA', 'RO'],
  ['RUSSIA', 'RU'], ['RWANDA', 'RW'], ['SAMOA', 'WS'], ['SAO TOME AND PRINCIPE', 'ST'], ['SAUDI ARABIA', 'SA'],
  ['SENEGAL', 'SN'], ['SERBIA', 'RS'], ['SEYCHELLES', 'SC'], ['SIERRA LEONE', 'SL'], ['SINGAPORE', 'SG'],
  ['SLOVAKIA', 'SK'], ['SLOVENIA', 'SI'], ['SOMALIA', 'SO'], ['SOUTH AFRICA', 'ZA'], ['SOUTH SUDAN', 'SS'],
  ['SPAIN', 'ES'], ['SRI LANKA', 'LK'], ['ST. KITTS-NEVIS', 'KN'], ['ST. LUCIA', 'LC'],
  ['ST. VINCENT-GRENADINES', 'VC'], ['SUDAN', 'SD'], ['SURINAME', 'SR'], ['SWAZILAND', 'SZ'], ['ESWATINI', 'SZ'],
  ['SWEDEN', 'SE'], ['SWITZERLAND', 'CH'], ['SYRIA', 'SY'], ['TAIWAN', 'TW'], ['TAJIKISTAN', 'TJ'],
  ['TANZANIA', 'TZ'], ['THAILAND', 'TH'], ['TOGO', 'TG'], ['TONGA', 'TO'], ['TRINIDAD AND TOBAGO', 'TT'],
  ['TUNISIA', 'TN'], ['TURKEY', 'TR'], ['TURKMENISTAN', 'TM'], ['TURKS AND CAICOS ISLANDS', 'TC'],
  ['UGANDA', 'UG'], ['UKRAINE', 'UA'], ['UNITED ARAB EMIRATES', 'AE'], ['UNITED KINGDOM', 'GB'],
  ['UNITED STATES', 'US'], ['URUGUAY', 'UY'], ['UZBEKISTAN', 'UZ'], ['VANUATU', 'VU'], ['VENEZUELA', 'VE'],
  ['VIETNAM', 'VN'], ['YEMEN', 'YE'], ['ZAMBIA', 'ZM'], ['ZIMBABWE', 'ZW'],
];

/**
 * ICE's country spellings with their ISO 3166-1 alpha-2 codes (`XK` for Kosovo, the code in
 * common use). Spellings with no single present-day code (USSR, YUGOSLAVIA, bare KOREA, …) are
 * not listed: they stay text.
 *
 * @example
 * iceCountryCodes['CHINA, PEOPLES REPUBLIC OF']; // => 'CN'
 * iceCountryCodes['KOREA, SOUTH']; // => 'KR'
 */
export const iceCountryCodes: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(spellings));

const byKey: ReadonlyMap<string, string> = new Map(spellings.map(([name, code]) => [countryKey(name), code]));

function countryKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** A country as a record names it: the ISO code when the spelling is known, and the spelling as written. */
export interface RecordCountry {
  /** ISO 3166-1 alpha-2 (`MX`), or `undefined` for a spelling icestat does not know. */
  readonly code: string | undefined;
  /** The spelling as written, trimmed (`MEXICO`, `MÉXICO`, `USSR`). */
  readonly text: string;
}

/**
 * Reads a country as ICE writes it. Case and runs of spaces are ignored; nothing else is guessed:
 * an unknown spelling (`MÉXICO`, `USSR`) keeps its text, untouched, with no code.
 *
 * @param text - A country cell, e.g. `MEXICO` or `CHINA, PEOPLES REPUBLIC OF`.
 * @returns The code (or `undefined`) and the trimmed text.
 * @example
 * recordCountry('KOREA, SOUTH'); // => { code: 'KR', text: 'KOREA, SOUTH' }
 * recordCountry('MÉXICO'); // => { code: undefined, text: 'MÉXICO' }
 */
export function recordCountry(text: string): RecordCountry {
  const t = text.trim();
  return { code: byKey.get(countryKey(t)), text: t };
}

/**
 * The ISO 3166-1 alpha-2 code of an ICE country spelling.
 *
 * @param text - A country cell.
 * @returns The code, or `undefined` for a spelling with no known code.
 * @example
 * countryCodeOf('Mexico'); // => 'MX'
 * countryCodeOf('USSR'); // => undefined
 */
export function countryCodeOf(text: string): string | undefined {
  return byKey.get(countryKey(text));
}

/** Letters only, in capitals: `St Kitts-Nevis` and `ST. KITTS-NEVIS` are one spelling. */
const letters = (text: string): string => text.replace(/[^a-z]/gi, '').toUpperCase();

const byLetters: ReadonlyMap<string, string> = new Map(spellings.map(([name]) => [letters(name), name]));

/**
 * A country as a reader writes it, from ICE's capitals: each word capitalised, joining words
 * (of, and, the) in lower case.
 *
 * @param spelling - An ICE spelling, e.g. `CHINA, PEOPLES REPUBLIC OF`.
 * @returns e.g. `China, Peoples Republic of`.
 * @example
 * countryName('ST. KITTS-NEVIS'); // => 'St. Kitts-Nevis'
 */
export function countryName(spelling: string): string {
  return spelling
    .toLowerCase()
    .replace(/(^|[\s-'])([a-z]+)/g, (all, before: string, word: string) =>
      before && /^(of|and|the)$/.test(word) ? all : before + word[0]!.toUpperCase() + word.slice(1),
    );
}

/** A country named in words, as {@link meantCountry} reads it. */
export interface MeantCountry {
  /** ISO 3166-1 alpha-2 code, e.g. `MX`. */
  readonly code: string;
  /** The name as a reader writes it, e.g. `Mexico`. */
  readonly name: string;
  /** `true` when the words are an ICE spelling (case, spaces and punctuation aside), `false` when only close to one. */
  readonly exact: boolean;
}

/**
 * The country words most likely name: the ICE spelling they are (case, spaces and punctuation
 * aside), or else the closest one by spelling, when it is close (the bound of the library's
 * other "did you mean" suggestions). Spellings with no present-day code (USSR, YUGOSLAVIA) are
 * not countries here, and neither is anything far from every spelling.
 *
 * @param words - A category, label or cell, e.g. `Hondruas`.
 * @returns The code, the name and whether the words were exact; `undefined` when no country is close.
 * @example
 * meantCountry('mexcio'); // => { code: 'MX', name: 'Mexico', exact: false }
 * meantCountry('KOREA, SOUTH'); // => { code: 'KR', name: 'Korea, South', exact: true }
 */
export function meantCountry(words: string): MeantCountry | undefined {
  const exact = byLetters.get(letters(words));
  const spelling = exact ?? closestWord(words, byLetters.values());
  return spelling === undefined ? undefined : { code: byKey.get(spelling)!, name: countryName(spelling), exact: exact !== undefined };
}
