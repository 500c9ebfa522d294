// Writes one JSON Schema file per top-level type into packages/core/schema/, from the built
// package, so the published files are generated from the very schemas that ship.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaTypes, toJsonSchema } from '../dist/json-schema.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
mkdirSync(out, { recursive: true });
for (const type of Object.keys(jsonSchemaTypes)) {
  writeFileSync(join(out, `${type}.json`), `${JSON.stringify(toJsonSchema(type), null, 2)}\n`);
}
console.log(`wrote ${Object.keys(jsonSchemaTypes).length} JSON Schema files to ${out}`);
