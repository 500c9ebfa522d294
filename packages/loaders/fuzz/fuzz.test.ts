// The short fuzz pass CI runs: 200 mutated record files from a fixed seed, each read every way
// the library offers (workers on some) and compared with the reference reader. `npm run fuzz`
// runs the same engine for longer, with any seed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realBanners } from './mutate';
import { runFuzz } from './run';

const realDir = fileURLToPath(new URL('../../../../shared/realdata/ice-lesa', import.meta.url));
const required = process.env.ICESTAT_REQUIRE_REALDATA === '1';
const present = existsSync(realDir);

describe('fuzz: mutated record files read every way agree with the reference reader', () => {
  it('200 files from seed 20261130: no invariant violation', { timeout: 900_000 }, async () => {
    // Bounded by the number of files, not by time: the verdict must not depend on the machine's speed.
    const summary = await runFuzz({ seed: 20261130, files: 200, timeMs: Number.POSITIVE_INFINITY, workersEvery: 40, ...(present ? { realDir } : {}) });
    expect(summary.violations.map((v) => `file ${v.file} [${v.mutations.join(', ')}] ${v.way}: ${v.what} ${v.detail ?? ''}`)).toEqual([]);
    expect(summary.files).toBe(200);
    // every mutation was tried
    for (const [name, n] of Object.entries(summary.mutationCounts)) expect(n, name).toBeGreaterThan(0);
  });

  it.skipIf(!present && !required)("uses the real ICE banners (skipped: the real releases' folder is absent)", async () => {
    const banners = await realBanners(realDir);
    expect(banners).toHaveLength(3);
    for (const b of banners) expect(b.startsWith('"ERO-LESA Statistical Tracking Unit"|')).toBe(true);
  });
});
