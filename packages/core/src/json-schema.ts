import * as z from 'zod';
import { arrestRecordSchema } from './model/arrest-record';
import { breakdownSchema } from './model/breakdown';
import { derivedClaimSchema } from './model/claim';
import { datasetSchema, SCHEMA_VERSION } from './model/dataset';
import { figureSchema } from './model/figure';
import { operationSchema, seriesSchema } from './model/operation';
import { periodSchema } from './model/period';
import { placeSchema } from './model/place';
import { quantitySchema, unitSchema } from './model/quantity';
import { claimArity } from './model/derivation';
import { textSchema } from './model/primitives';
import { sourceSchema } from './model/source';
import { detainerRecordSchema, detentionRecordSchema, encounterRecordSchema, removalRecordSchema } from './records/tables';
import { statisticalTableSchema } from './model/table';

/** The top-level types published as JSON Schema, by file name (`dataset` → `schema/dataset.json`). */
export const jsonSchemaTypes = {
  dataset: datasetSchema,
  source: sourceSchema,
  operation: operationSchema,
  series: seriesSchema,
  'statistical-table': statisticalTableSchema,
  figure: figureSchema,
  quantity: quantitySchema,
  breakdown: breakdownSchema,
  'derived-claim': derivedClaimSchema,
  place: placeSchema,
  period: periodSchema,
  'arrest-record': arrestRecordSchema,
  'encounter-record': encounterRecordSchema,
  'removal-record': removalRecordSchema,
  'detainer-record': detainerRecordSchema,
  'detention-record': detentionRecordSchema,
} as const;
export type JsonSchemaType = keyof typeof jsonSchemaTypes;

/**
 * The versioned `$id` of a published JSON Schema.
 *
 * @param type - A top-level type, e.g. `dataset`.
 * @returns e.g. `https://icestat.dev/schema/1.0.0/dataset.json`.
 * @example
 * jsonSchemaId('dataset'); // => 'https://icestat.dev/schema/1.0.0/dataset.json'
 */
export function jsonSchemaId(type: JsonSchemaType): string {
  return `https://icestat.dev/schema/${SCHEMA_VERSION}/${type}.json`;
}

type Json = Record<string, unknown>;

const wholeUnits = ['people', 'count', 'days'];
const claimUnits: Readonly<Record<string, string>> = { share: 'percent', ratio: 'ratio', 'percent-change': 'percent-change', 'rate-per-day': 'people-per-day' };
const metricUnits: Readonly<Record<string, readonly string[]>> = {
  'book-ins': ['people'],
  'detention-population': ['people'],
  'average-daily-population': ['people-average'],
  'length-of-stay': ['days-average', 'days'],
};

function shapeKeys(schema: unknown): readonly string[] {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } })._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

const when = (property: string, values: readonly string[], then: Json): Json => ({
  if: { type: 'object', properties: { [property]: { type: 'string', enum: values } }, required: [property] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, in a plain object that is never awaited
  then: { type: 'object', ...then },
});
const object = (properties: Json): Json => ({ type: 'object', properties });
const numbers = (keys: readonly string[], rule: Json): Json => ({ properties: Object.fromEntries(keys.map((k) => [k, { type: 'number', ...rule }])) });

/**
 * Adds to the generated JSON Schema the rules zod checks in refinements that JSON Schema can say
 * too: non-blank text, whole counts and per-unit bounds (if/then), bounds given in pairs, a
 * range's bounds, the unit of each claim kind, the unit of each metric, and the fields a place or
 * criminality part needs.
 */
function addRules(zodSchema: unknown, json: Json): void {
  if (zodSchema === textSchema) {
    json.pattern = '\\S';
    return;
  }
  const keys = shapeKeys(zodSchema);
  const has = (...k: string[]) => k.every((x) => keys.includes(x));
  const rules: Json[] = [];
  if (has('value', 'unit', 'qualifier', 'low', 'high', 'bounds')) {
    const vlh = ['value', 'low', 'high'];
    rules.push(
      when('unit', wholeUnits, numbers(vlh, { multipleOf: 1 })),
      when(
        'unit',
        unitSchema.options.filter((u) => u !== 'percent-change'),
        numbers(vlh, { minimum: 0 }),
      ),
      when('unit', ['percent'], numbers(vlh, { maximum: 100 })),
      when('qualifier', ['range'], { properties: { low: {}, high: {} }, required: ['low', 'high'] }),
    );
    json.dependentRequired = { low: ['high'], high: ['low'] };
  } else if (has('id', 'metric', 'quantity', 'evidence')) {
    for (const [metric, units] of Object.entries(metricUnits)) {
      rules.push(when('metric', [metric], { properties: { quantity: object({ unit: { type: 'string', enum: units } }) } }));
    }
  } else if (has('id', 'kind', 'inputs', 'stated')) {
    for (const [kind, unit] of Object.entries(claimUnits)) {
      rules.push(when('kind', [kind], { properties: { stated: object({ unit: { type: 'string', const: unit } }) } }));
    }
    for (const [kind, [min, max]] of Object.entries(claimArity)) {
      rules.push(when('kind', [kind], { properties: { inputs: { type: 'array', minItems: min, ...(max === Infinity ? {} : { maxItems: max }) } } }));
    }
  } else if (has('id', 'dimension', 'parts', 'exhaustive')) {
    rules.push(
      when('dimension', ['place'], { properties: { parts: { type: 'array', items: { type: 'object', properties: { place: {} }, required: ['place'] } } } }),
      when('dimension', ['criminality'], {
        properties: { parts: { type: 'array', items: { type: 'object', properties: { criminality: {} }, required: ['criminality'] } } },
      }),
    );
  }
  if (rules.length > 0) json.allOf = [...((json.allOf as Json[] | undefined) ?? []), ...rules];
}

/**
 * The JSON Schema (draft 2020-12) of one top-level type, generated from its zod schema. It
 * describes the *input* form (what a JSON file may contain: `low`/`high` optional, defaults
 * omitted), uses only standard formats, and stands alone (no external `$ref`). It says every rule
 * JSON Schema can — non-blank text, whole counts, per-unit bounds, a range's bounds, the unit of
 * each claim kind and metric, the fields a place or criminality part needs. Checks that compare
 * values or span the document (low ≤ high, end ≥ start, unique ids, references, units of
 * breakdown parts) cannot be said in JSON Schema; `datasetSchema` in icestat makes them.
 *
 * @param type - A top-level type.
 * @returns A JSON Schema object with `$id`, `title` and `$schema`.
 * @example
 * const schema = toJsonSchema('dataset');
 * new Ajv2020({ strict: true }).compile(schema);
 */
export function toJsonSchema(type: JsonSchemaType): Record<string, unknown> {
  const generated = z.toJSONSchema(jsonSchemaTypes[type], {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    reused: 'ref',
    override: ({ zodSchema, jsonSchema }) => addRules(zodSchema, jsonSchema as Json),
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: jsonSchemaId(type),
    title: `icestat ${type} (schema ${SCHEMA_VERSION})`,
    ...rest,
  };
}
