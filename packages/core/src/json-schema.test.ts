import { test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { datasetInput } from './__fixtures__/arbitraries';
import { bundledDatasetText } from './__fixtures__/testing';
import { detentionStatisticsTable, stateAndCountryOperation, statedShareOperation } from './__fixtures__/tables';
import { jsonSchemaId, jsonSchemaTypes, toJsonSchema, type JsonSchemaType } from './json-schema';
import { datasetSchema } from './model/dataset';

const datasetSchemaRejects = (d: unknown): boolean => !datasetSchema.safeParse(d).success;

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
          figures: [
            {
              id: 'f',
              metric: 'arrests',
              quantity: { value: 5, unit: 'people', qualifier: 'heaps' },
              source: 's',
              claimant: { role: 'agency' },
              evidence: 'e',
            },
          ],
          sources: ['s'],
        },
      ],
    };
    expect(validate(d)).toBe(false);
    const where = (validate.errors ?? []).map((e) => e.instancePath);
    expect(where).toContain('/operations/0/figures/0/quantity/qualifier');
    expect(where).toContain('/operations/0/period/start');
  });

  describe('says what zod says where JSON Schema can', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the mistakes below write values the model's types forbid
    type Loose = any;
    const base = () => ({
      schemaVersion: '1.0.0',
      title: 'mistakes',
      sources: [{ id: 's', title: 't', publisher: 'p', kind: 'news-report' }],
      operations: [
        {
          id: 'o',
          name: 'o',
          agency: 'ICE',
          kind: 'targeted-sweep',
          period: { start: '2017-02-01' },
          places: [],
          figures: [
            { id: 'f', metric: 'arrests', quantity: { value: 5, unit: 'people' }, source: 's', claimant: { role: 'agency' }, evidence: 'five' },
          ] as Loose[],
          breakdowns: [] as Loose[],
          claims: [] as Loose[],
          sources: ['s'],
        },
      ],
    });
    const mistakes: [string, (d: ReturnType<typeof base>) => void, string][] = [
      [
        'a percent above 100',
        (d) => {
          d.operations[0]!.figures[0].quantity = { value: 120, unit: 'percent' };
        },
        '/operations/0/figures/0/quantity/value',
      ],
      [
        'fractional people',
        (d) => {
          d.operations[0]!.figures[0].quantity.value = 2.5;
        },
        '/operations/0/figures/0/quantity/value',
      ],
      [
        'a negative count',
        (d) => {
          d.operations[0]!.figures[0].quantity.value = -1;
        },
        '/operations/0/figures/0/quantity/value',
      ],
      [
        'blank evidence',
        (d) => {
          d.operations[0]!.figures[0].evidence = '   ';
        },
        '/operations/0/figures/0/evidence',
      ],
      [
        'a range without bounds',
        (d) => {
          d.operations[0]!.figures[0].quantity = { value: 5, unit: 'people', qualifier: 'range' };
        },
        '/operations/0/figures/0/quantity',
      ],
      [
        'low without high',
        (d) => {
          d.operations[0]!.figures[0].quantity = { value: 5, unit: 'people', low: 4 };
        },
        '/operations/0/figures/0/quantity',
      ],
      [
        'an average daily population in whole people',
        (d) => {
          d.operations[0]!.figures[0] = { ...d.operations[0]!.figures[0], metric: 'average-daily-population' };
        },
        '/operations/0/figures/0/quantity/unit',
      ],
      [
        'a share claim stated in people',
        (d) => {
          d.operations[0]!.claims = [
            { id: 'c', kind: 'share', inputs: ['f', 'f'], stated: { value: 5, unit: 'people' }, source: 's', claimant: { role: 'reporter' }, evidence: 'e' },
          ];
        },
        '/operations/0/claims/0/stated/unit',
      ],
      [
        'a difference of three figures',
        (d) => {
          d.operations[0]!.claims = [
            {
              id: 'c',
              kind: 'difference',
              inputs: ['f', 'f', 'f'],
              stated: { value: 5, unit: 'people' },
              source: 's',
              claimant: { role: 'reporter' },
              evidence: 'e',
            },
          ];
        },
        '/operations/0/claims/0/inputs',
      ],
      [
        'a place part without a place',
        (d) => {
          d.operations[0]!.breakdowns = [
            {
              id: 'b',
              dimension: 'place',
              total: 'f',
              exhaustive: true,
              exclusive: true,
              parts: [{ category: 'x', figure: { ...d.operations[0]!.figures[0], id: 'g' } }],
            },
          ];
        },
        '/operations/0/breakdowns/0/parts/0',
      ],
      [
        'a country code ISO 3166-1 does not assign (UK for GB)',
        (d) => {
          d.operations[0]!.breakdowns = [
            {
              id: 'b',
              dimension: 'citizenship',
              total: 'f',
              exhaustive: true,
              exclusive: true,
              parts: [{ category: 'uk', country: 'UK', figure: { ...d.operations[0]!.figures[0], id: 'g' } }],
            },
          ];
        },
        '/operations/0/breakdowns/0/parts/0/country',
      ],
      [
        'a removal type not in the vocabulary',
        (d) => {
          d.operations[0]!.breakdowns = [
            {
              id: 'b',
              dimension: 'removal-type',
              total: 'f',
              exhaustive: true,
              exclusive: true,
              parts: [{ category: 'er', removalType: 'Expedited Removal', figure: { ...d.operations[0]!.figures[0], id: 'g' } }],
            },
          ];
        },
        '/operations/0/breakdowns/0/parts/0/removalType',
      ],
    ];
    it('accepts the clean copy, the bundled dataset and the constructed tables', () => {
      expect(validate(base())).toBe(true);
      for (const d of [JSON.parse(bundledDatasetText()), detentionStatisticsTable(), stateAndCountryOperation(), statedShareOperation()]) {
        expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
      }
    });
    it.each(mistakes)('rejects %s, as zod does', (_, edit, path) => {
      const d = base();
      edit(d);
      expect(datasetSchemaRejects(d)).toBe(true);
      expect(validate(d)).toBe(false);
      expect((validate.errors ?? []).map((e) => e.instancePath)).toContain(path);
    });
  });
});
