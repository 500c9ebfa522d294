import { z } from 'zod';
import { arrestRecordSchema } from './model/arrest-record';
import { breakdownSchema } from './model/breakdown';
import { derivedClaimSchema } from './model/claim';
import { datasetSchema, SCHEMA_VERSION } from './model/dataset';
import { figureSchema } from './model/figure';
import { operationSchema, seriesSchema } from './model/operation';
import { periodSchema } from './model/period';
import { placeSchema } from './model/place';
import { quantitySchema } from './model/quantity';
import { sourceSchema } from './model/source';
import { detainerRecordSchema, detentionRecordSchema, encounterRecordSchema, removalRecordSchema } from './records/tables';

/** The top-level types published as JSON Schema, by file name (`dataset` → `schema/dataset.json`). */
export const jsonSchemaTypes = {
  dataset: datasetSchema,
  source: sourceSchema,
  operation: operationSchema,
  series: seriesSchema,
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

/**
 * The JSON Schema (draft 2020-12) of one top-level type, generated from its zod schema. It
 * describes the *input* form (what a JSON file may contain: `low`/`high` optional, defaults
 * omitted), uses only standard formats, and stands alone (no external `$ref`). Checks that span
 * the document (unique ids, references, units of breakdown parts) cannot be said in JSON Schema;
 * `datasetSchema` in icestat makes them.
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
    reused: 'inline',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: jsonSchemaId(type),
    title: `icestat ${type} (schema ${SCHEMA_VERSION})`,
    ...rest,
  };
}
