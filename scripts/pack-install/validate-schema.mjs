// Validates the bundled dataset with the JSON Schema @icestat/core ships
// (`@icestat/core/schema/dataset.json`), under Ajv's JSON Schema 2020-12 validator in strict mode
// with the standard formats, as the core README tells users to. Also compiles every shipped
// schema strictly, and checks that the schema rejects what it must.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { assert, check, finish } from './harness.cjs';

const require = createRequire(import.meta.url);
const datasetPath = fileURLToPath(new URL('./data/icestat-dataset.json', import.meta.url));
const dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));

/** A strict Ajv 2020 with the standard formats, whose warnings are collected as failures. */
function strictAjv() {
  const warnings = [];
  const logger = { log: () => {}, warn: (...a) => warnings.push(a.map(String).join(' ')), error: (...a) => warnings.push(a.map(String).join(' ')) };
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
  addFormats(ajv);
  return { ajv, warnings };
}

let schemaFile;
await check('resolve @icestat/core/schema/dataset.json', () => {
  const viaImport = fileURLToPath(import.meta.resolve('@icestat/core/schema/dataset.json'));
  const viaRequire = require.resolve('@icestat/core/schema/dataset.json');
  assert(viaImport === viaRequire, `import.meta.resolve gives ${viaImport}, require.resolve gives ${viaRequire}`);
  assert(viaImport.endsWith('/node_modules/@icestat/core/schema/dataset.json'), `resolves to ${viaImport}`);
  schemaFile = viaImport;
  return viaImport.slice(viaImport.lastIndexOf('node_modules/'));
});

let validate;
await check('compile dataset.json under Ajv2020 strict + ajv-formats', () => {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  assert(schema.$schema === 'https://json-schema.org/draft/2020-12/schema', `$schema is ${schema.$schema}`);
  const { ajv, warnings } = strictAjv();
  validate = ajv.compile(schema);
  assert(warnings.length === 0, `Ajv warned:\n${warnings.join('\n')}`);
  return `${(JSON.stringify(schema).length / 1024).toFixed(0)} KiB`;
});

await check('the bundled dataset validates', () => {
  assert(validate, 'no validator');
  if (!validate(dataset)) throw new Error(`${validate.errors?.length} errors:\n${ajvErrors(validate.errors ?? [])}`);
  const figures = dataset.operations.reduce((n, o) => n + (o.figures?.length ?? 0), 0);
  return `${dataset.sources.length} sources, ${dataset.operations.length} operations, ${figures} figures, ${dataset.series?.length ?? 0} series`;
});

await check('the schema rejects broken datasets', () => {
  assert(validate, 'no validator');
  const broken = {
    'an unknown top-level key': { ...dataset, unexpected: true },
    'sources not an array': { ...dataset, sources: 'none' },
    'a quantity value that is text': (() => {
      const copy = structuredClone(dataset);
      const figure = copy.operations.find((o) => o.figures?.length)?.figures[0];
      figure.quantity.value = 'three hundred';
      return copy;
    })(),
  };
  const accepted = Object.entries(broken)
    .filter(([, data]) => validate(data))
    .map(([what]) => what);
  assert(accepted.length === 0, `accepted a dataset with ${accepted.join(', ')}`);
  return `${Object.keys(broken).length} broken copies rejected`;
});

await check('every shipped schema compiles strictly', () => {
  const dir = dirname(schemaFile);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const bad = [];
  for (const f of files) {
    const { ajv, warnings } = strictAjv();
    try {
      ajv.compile(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (warnings.length) bad.push(`${f}: ${warnings.join('; ')}`);
    } catch (e) {
      bad.push(`${f}: ${e.message}`);
    }
  }
  assert(bad.length === 0, bad.join('\n'));
  return files.map((f) => f.replace(/\.json$/, '')).join(', ');
});

function ajvErrors(errors) {
  return errors
    .slice(0, 10)
    .map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('\n');
}

finish();
