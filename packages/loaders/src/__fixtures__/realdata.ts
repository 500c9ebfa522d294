// The real ICE releases the tests read, from the folder of real files next to the repository
// (see its README for the facts asserted here). Tests skip when it is absent, unless
// ICESTAT_REQUIRE_REALDATA=1, when they fail loudly instead.
import { createReadStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, createGunzip } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe } from 'vitest';

/** The folder of real releases: `<repo>/../shared/realdata/`. */
export const realdataDir = fileURLToPath(new URL('../../../../../shared/realdata/', import.meta.url));

/** Whether the real files are here. */
export const hasRealdata = existsSync(join(realdataDir, 'README.md'));

const required = process.env.ICESTAT_REQUIRE_REALDATA === '1';

/**
 * `describe` when the real files are present (or required: then a missing folder fails every
 * test loudly); `describe.skip` with a message otherwise.
 */
export function describeRealdata(name: string, body: () => void): void {
  if (hasRealdata || required) describe(name, body);
  else describe.skip(`${name} (skipped: no real releases at ${realdataDir}; set ICESTAT_REQUIRE_REALDATA=1 to require them)`, body);
}

/** The path of a real file, e.g. `ice-lesa/EROArrests_FY2016.csv.gz`. */
export function realPath(file: string): string {
  return join(realdataDir, file);
}

/** The whole text of a real file, gunzipped when it ends in `.gz`. */
export function realText(file: string): string {
  const bytes = readFileSync(realPath(file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The first `n` lines of a real file (gunzipped as it streams), without reading it all. */
export async function realLines(file: string, n: number): Promise<string[]> {
  const stream = file.endsWith('.gz') ? createReadStream(realPath(file)).pipe(createGunzip()) : createReadStream(realPath(file));
  let text = '';
  for await (const chunk of stream) {
    text += (chunk as Buffer).toString('utf8');
    if (text.split('\n').length > n) break;
  }
  stream.destroy();
  return text.split(/\r?\n/).slice(0, n);
}

let tempDir: string | undefined;

/** A real file gunzipped into a temporary file (for path-based reads), its path. */
export function gunzippedCopy(file: string): string {
  tempDir ??= mkdtempSync(join(tmpdir(), 'icestat-realdata-'));
  const out = join(tempDir, file.replace(/[/\\]/g, '_').replace(/\.gz$/, ''));
  if (!existsSync(out)) writeFileSync(out, realText(file));
  return out;
}
