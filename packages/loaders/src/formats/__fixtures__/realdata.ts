// The real published releases the format tests read, from the folder beside the repository.
// Absent (a fresh clone elsewhere): those tests are skipped with a message, unless
// ICESTAT_REQUIRE_REALDATA=1 (CI), where they fail.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The real-data folder: four levels above packages/loaders/src/formats/__fixtures__, then shared/realdata. */
export const REALDATA = fileURLToPath(new URL('../../../../../../shared/realdata/', import.meta.url));

const present = existsSync(REALDATA);
const required = process.env.ICESTAT_REQUIRE_REALDATA === '1';

/** Path of a real-data file, e.g. `realdata('ice-lesa/EROArrests_FY2016.csv.gz')`. */
export function realdata(relative: string): string {
  return `${REALDATA}${relative}`;
}

/** `describe` when the real files are there (or required), `describe.skip` with a message otherwise. */
export function describeRealdata(name: string, fn: () => void): void {
  if (present || required) {
    if (!present) throw new Error(`ICESTAT_REQUIRE_REALDATA=1 but the real-data folder is missing: ${REALDATA}`);
    describe(name, { timeout: 120_000 }, fn);
    return;
  }
  console.warn(`real-data tests skipped: ${REALDATA} is absent (set ICESTAT_REQUIRE_REALDATA=1 to make this an error)`);
  describe.skip(`${name} (skipped: the real-data folder is absent)`, fn);
}
