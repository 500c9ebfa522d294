// ISO 3166-1 alpha-2: the 249 codes officially assigned to a country or territory, and XK.
// XK (Kosovo) is a user-assigned code, not an official one, but it is the code the European
// Union, the United States and ICE's releases use for Kosovo, so a part may carry it. No other
// user-assigned (AA, QM–QZ, XA–XZ, ZZ) or reserved code (UK, EU, YU, SU, …) is accepted.
//
// ICE's country spellings already carry 200 of these codes; the other 50 are listed here, two
// letters each. A test checks the union against an independent copy of the standard, so the
// list cannot drift.
import { iceCountryCodes } from '../records/countries';

const unspelt = 'AQASAXBLBQBVCCCKCWCXEHFKFOGGGIGLGSGUHMIMIOJEKILIMCMFMPMQNCNFNRNUPMPRPSRESBSHSJSMSXTFTKTLTVUMVAVIWFYT';

/**
 * Every accepted country code, sorted: the ISO 3166-1 alpha-2 codes officially assigned to a
 * country or territory, and XK (Kosovo).
 *
 * @example
 * countryCodes.length; // => 250
 * countryCodes.includes('UK'); // => false (reserved; the United Kingdom is GB)
 */
export const countryCodes: readonly string[] = [...new Set([...Object.values(iceCountryCodes), ...unspelt.match(/../g)!])].sort();
