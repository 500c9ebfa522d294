// Reference data the bench needs without a build: the 25 ICE ERO Areas of Responsibility (a copy of
// packages/core/src/reference/aor-data.ts — `aor(code, name, covers)`, releaseName = `${name} Area of
// Responsibility`) and the state names the generator writes in upper case.
// run.mjs checks this table against aor-data.ts on every run and refuses to go on if they drift.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** [code, name, states covered] in the order of aor-data.ts. */
export const AORS = [
  ['ATL', 'Atlanta', ['GA', 'NC', 'SC']],
  ['BAL', 'Baltimore', ['MD']],
  ['BOS', 'Boston', ['CT', 'MA', 'ME', 'NH', 'RI', 'VT']],
  ['BUF', 'Buffalo', ['NY']],
  ['CHI', 'Chicago', ['IL', 'IN', 'KS', 'KY', 'MO', 'WI']],
  ['DAL', 'Dallas', ['OK', 'TX']],
  ['DEN', 'Denver', ['CO', 'WY']],
  ['DET', 'Detroit', ['MI', 'OH']],
  ['ELP', 'El Paso', ['NM', 'TX']],
  ['HAL', 'Harlingen', ['TX']],
  ['HOU', 'Houston', ['TX']],
  ['LOS', 'Los Angeles', ['CA']],
  ['MIA', 'Miami', ['FL', 'PR', 'VI']],
  ['NEW', 'Newark', ['NJ']],
  ['NOL', 'New Orleans', ['AL', 'AR', 'LA', 'MS', 'TN']],
  ['NYC', 'New York City', ['NY']],
  ['PHI', 'Philadelphia', ['DE', 'PA', 'WV']],
  ['PHO', 'Phoenix', ['AZ']],
  ['SEA', 'Seattle', ['AK', 'OR', 'WA']],
  ['SFR', 'San Francisco', ['CA', 'HI', 'GU', 'MP']],
  ['SLC', 'Salt Lake City', ['ID', 'MT', 'NV', 'UT']],
  ['SNA', 'San Antonio', ['TX']],
  ['SND', 'San Diego', ['CA']],
  ['SPM', 'St. Paul', ['IA', 'MN', 'ND', 'NE', 'SD']],
  ['WAS', 'Washington', ['DC', 'VA']],
].map(([code, name, states]) => ({ code, name, releaseName: `${name} Area of Responsibility`, states }));

/** ICE headquarters, a real AOR value in the releases (`HQ Area of Responsibility`): icestat labels it `HQ`. */
export const HQ = { code: 'HQ', releaseName: 'HQ Area of Responsibility' };

/** Release spelling (full name or 3-letter code, and HQ's) → AOR code: the lookup the peers use. */
// biome-ignore format: a reference table, several entries a line, laid out by hand
export const AOR_LOOKUP = Object.fromEntries([
  ...AORS.flatMap((a) => [[a.releaseName, a.code], [a.code, a.code]]),
  [HQ.releaseName, HQ.code],
]);

// biome-ignore format: a reference table, several entries a line, laid out by hand
export const STATE_NAMES = {
  AK: 'ALASKA', AL: 'ALABAMA', AR: 'ARKANSAS', AZ: 'ARIZONA', CA: 'CALIFORNIA', CO: 'COLORADO',
  CT: 'CONNECTICUT', DC: 'DISTRICT OF COLUMBIA', DE: 'DELAWARE', FL: 'FLORIDA', GA: 'GEORGIA',
  GU: 'GUAM', HI: 'HAWAII', IA: 'IOWA', ID: 'IDAHO', IL: 'ILLINOIS', IN: 'INDIANA', KS: 'KANSAS',
  KY: 'KENTUCKY', LA: 'LOUISIANA', MA: 'MASSACHUSETTS', MD: 'MARYLAND', ME: 'MAINE', MI: 'MICHIGAN',
  MN: 'MINNESOTA', MO: 'MISSOURI', MP: 'NORTHERN MARIANA ISLANDS', MS: 'MISSISSIPPI', MT: 'MONTANA',
  NC: 'NORTH CAROLINA', ND: 'NORTH DAKOTA', NE: 'NEBRASKA', NH: 'NEW HAMPSHIRE', NJ: 'NEW JERSEY',
  NM: 'NEW MEXICO', NV: 'NEVADA', NY: 'NEW YORK', OH: 'OHIO', OK: 'OKLAHOMA', OR: 'OREGON',
  PA: 'PENNSYLVANIA', PR: 'PUERTO RICO', RI: 'RHODE ISLAND', SC: 'SOUTH CAROLINA', SD: 'SOUTH DAKOTA',
  TN: 'TENNESSEE', TX: 'TEXAS', UT: 'UTAH', VA: 'VIRGINIA', VI: 'VIRGIN ISLANDS', VT: 'VERMONT',
  WA: 'WASHINGTON', WI: 'WISCONSIN', WV: 'WEST VIRGINIA', WY: 'WYOMING',
};

/**
 * Compares {@link AORS} with packages/core/src/reference/aor-data.ts (parsed, not imported, so no build
 * is needed). Returns a list of differences; empty when they agree or when aor-data.ts is absent.
 */
export function aorDrift() {
  const src = fileURLToPath(new URL('../../packages/core/src/reference/aor-data.ts', import.meta.url));
  let text;
  try {
    text = readFileSync(src, 'utf8');
  } catch {
    return [];
  }
  const found = [...text.matchAll(/^\s*aor\('([A-Z]{3})',\s*'([^']+)'/gm)].map((m) => `${m[1]}=${m[2]}`);
  const ours = AORS.map((a) => `${a.code}=${a.name}`);
  if (found.length === 0) return [`could not read any aor('XXX', 'Name', …) entry from ${src}`];
  const diffs = [];
  for (const f of found) if (!ours.includes(f)) diffs.push(`aor-data.ts has ${f}, bench/lib/reference.mjs does not`);
  for (const o of ours) if (!found.includes(o)) diffs.push(`bench/lib/reference.mjs has ${o}, aor-data.ts does not`);
  return diffs;
}
