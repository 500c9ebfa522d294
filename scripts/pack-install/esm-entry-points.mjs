// Imports every entry point of the installed @icestat packages from ESM and checks their key
// exports, and that each resolves to the package's built ESM file. Writes the export names it
// saw to out/exports-esm.json, which cjs-entry-points.cjs compares with what require() gives.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assert, check, expectExports, finish } from './harness.cjs';

const expected = JSON.parse(readFileSync(new URL('./expected-exports.json', import.meta.url), 'utf8'));
delete expected.$comment;
const here = fileURLToPath(new URL('./', import.meta.url));
const seen = {};

for (const [specifier, keys] of Object.entries(expected)) {
  await check(`import * from '${specifier}'`, async () => {
    const url = import.meta.resolve(specifier);
    const file = fileURLToPath(url);
    assert(
      file.startsWith(here) && /\/node_modules\/@icestat\/[^/]+\/dist\/.+\.js$/.test(file),
      `resolves to ${file}, not a dist/*.js file of the package installed here`,
    );
    const mod = await import(specifier);
    const names = expectExports(specifier, mod, keys);
    seen[specifier] = names;
    return `${names.length} exports, ${file.slice(file.lastIndexOf('node_modules/') + 13)}`;
  });
}

await check(`import '@icestat/core/schema/dataset.json' with { type: 'json' }`, async () => {
  const { default: schema } = await import('@icestat/core/schema/dataset.json', { with: { type: 'json' } });
  assert(schema && typeof schema === 'object' && schema.$schema === 'https://json-schema.org/draft/2020-12/schema', `unexpected $schema ${schema?.$schema}`);
  return `$id ${schema.$id ?? '(none)'}`;
});

await check(`import '@icestat/*/package.json'`, async () => {
  const versions = [];
  for (const name of ['@icestat/core', '@icestat/loaders', '@icestat/chart-data', '@icestat/data']) {
    const { default: pkg } = await import(`${name}/package.json`, { with: { type: 'json' } });
    assert(pkg.name === name, `${name}/package.json names ${pkg.name}`);
    versions.push(`${name.slice(9)}@${pkg.version}`);
  }
  return versions.join(', ');
});

await check('deep imports are closed by "exports"', async () => {
  for (const deep of ['@icestat/core/dist/index.js', '@icestat/loaders/src/index.ts', '@icestat/chart-data/dist/vega-lite/index.js']) {
    try {
      await import(deep);
    } catch (e) {
      if (e?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') continue;
      throw e;
    }
    throw new Error(`${deep} could be imported`);
  }
});

// The arrest-column helpers (column plans, value normalisers) are public on /csv only.
const csvOnly = /^(normalise[A-Z]\w*|planColumns|arrestColumnPresets|arrestFieldKinds|criminalitySpellings|isRedactionMarker|timeOfDate)$/;
await check("@icestat/loaders exports what /json and /csv export (but /csv's column helpers)", () => {
  const root = new Set(seen['@icestat/loaders'] ?? []);
  const missing = [...(seen['@icestat/loaders/json'] ?? []), ...(seen['@icestat/loaders/csv'] ?? [])].filter((k) => !root.has(k) && !csvOnly.test(k));
  const leaked = [...root].filter((k) => csvOnly.test(k));
  assert(leaked.length === 0, `the root re-exports /csv's column helpers ${leaked.join(', ')}`);
  assert(seen['@icestat/loaders'] && missing.length === 0, `the root lacks ${missing.join(', ')}`);
});

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/exports-esm.json', import.meta.url), `${JSON.stringify(seen, null, 2)}\n`);
finish();
