import { test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { datasetInput } from './__fixtures__/arbitraries';
import { jsonSchemaId, jsonSchemaTypes, toJsonSchema, type JsonSchemaType } from './json-schema';

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // Standard JSON Schema formats only ("date", "uri"): no zod-specific format may be needed.
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

describe('toJsonSchema', () => {
  it.each(Object.keys(jsonSchemaTypes) as JsonSchemaType[])('%s compiles under Ajv strict mode with a versioned $id', (type) => {
    const schema = toJsonSchema(type);
    expect(schema.$id).toBe(`https://icestat.dev/schema/1.0.0/${type}.json`);
    expect(schema.$id).toBe(jsonSchemaId(type));
    expect(() => strictAjv().compile(schema)).not.toThrow();
  });

  it('stands alone: no reference leaves the document', () => {
    const text = JSON.stringify(toJsonSchema('dataset'));
    const refs = [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0); // breakdowns recurse through $defs
    for (const ref of refs) expect(ref?.startsWith('#')).toBe(true);
  });

  it('uses only standard formats', () => {
    const formats = new Set([...JSON.stringify(toJsonSchema('dataset')).matchAll(/"format":"([^"]*)"/g)].map((m) => m[1]));
    expect([...formats].sort()).toEqual(['date', 'uri']);
  });

  const validate = strictAjv().compile(toJsonSchema('dataset'));

  test.prop([datasetInput], { numRuns: 60 })('accepts generated datasets', (input) => {
    const ok = validate(JSON.parse(JSON.stringify(input)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a broken copy, naming the place', () => {
    const d = {
      schemaVersion: '1.0.0',
      title: 'broken',
      sources: [{ id: 's', title: 't', publisher: 'p', kind: 'news-report' }],
      operations: [
        {
          id: 'o',
          name: 'o',
          agency: 'ICE',
          kind: 'targeted-sweep',
          period: { start: '2017-02-30' },
          places: [],
          figures: [{ id: 'f', metric: 'arrests', quantity: { value: 5, unit: 'people', qualifier: 'heaps' }, source: 's', claimant: { role: 'agency' }, evidence: 'e' }],
          sources: ['s'],
        },
      ],
    };
    expect(validate(d)).toBe(false);
    const where = (validate.errors ?? []).map((e) => e.instancePath);
    expect(where).toContain('/operations/0/figures/0/quantity/qualifier');
    expect(where).toContain('/operations/0/period/start');
  });
});
