import { datasetSchema, type Dataset } from '@icestat/core';

/** The parts of a zod v4 schema definition that carry key order (zod's `_zod.def`). */
interface Def {
  readonly type: string;
  readonly innerType?: Node;
  readonly getter?: () => Node;
  readonly in?: Node;
  readonly element?: Node;
  readonly shape?: Readonly<Record<string, Node>>;
  readonly options?: readonly Node[];
  readonly values?: readonly unknown[];
}
interface Node {
  readonly _zod: { readonly def: Def };
}

const wrappers = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);

/** Looks through wrappers, lazy schemas and pipes to the schema that describes the value's shape. */
function unwrap(schema: Node | undefined): Node | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 32; guard++) {
    const def: Def = s._zod.def;
    if (wrappers.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    // A pipe's input side is what a document holds (quantitySchema: object → transform).
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
  return s;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** For a union of objects (a place), the option whose literal fields match and whose keys cover the value's. */
function pickOption(options: readonly Node[], value: Record<string, unknown>): Node | undefined {
  let fallback: Node | undefined;
  for (const option of options) {
    const s = unwrap(option);
    const shape = s?._zod.def.shape;
    if (!s || !shape) continue;
    if (!Object.keys(value).every((k) => k in shape)) continue;
    const literalsMatch = Object.entries(shape).every(([k, field]) => {
      const f = unwrap(field)?._zod.def;
      return f?.type !== 'literal' || !(k in value) || (f.values ?? []).includes(value[k]);
    });
    if (literalsMatch) return s;
    fallback ??= s;
  }
  return fallback;
}

/**
 * A copy of a value with every object's keys in the order of its zod schema's shape; keys the
 * schema does not know come last, alphabetically. Arrays keep their order.
 *
 * @param value - Data that (mostly) follows `schema`.
 * @param schema - A zod v4 schema, or undefined for "no known order" (alphabetical).
 * @returns A structurally equal copy with canonically ordered keys.
 * @throws Never.
 * @example
 * Object.keys(canonicalOrder({ unit: 'people', value: 5 }, quantitySchema)); // => ['value', 'unit']
 */
export function canonicalOrder(value: unknown, schema: unknown): unknown {
  const s = unwrap(schema as Node | undefined);
  const def = s?._zod.def;
  if (Array.isArray(value)) {
    const element = def?.type === 'array' ? def.element : undefined;
    return value.map((v: unknown) => canonicalOrder(v, element));
  }
  if (!isPlainObject(value)) return value;
  let shape: Readonly<Record<string, Node>> | undefined;
  if (def?.type === 'object') shape = def.shape;
  else if (def?.type === 'union' && def.options) shape = pickOption(def.options, value)?._zod.def.shape;
  const known = shape ? Object.keys(shape).filter((k) => Object.hasOwn(value, k)) : [];
  const knownSet = new Set(known);
  const rest = Object.keys(value)
    .filter((k) => !knownSet.has(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) {
    const child = canonicalOrder(value[key], shape?.[key]);
    // defineProperty, so that a key named "__proto__" stays data and never becomes a prototype.
    Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A copy of a dataset with its keys in the canonical order of the dataset schema.
 *
 * @param dataset - A parsed dataset.
 * @returns The same data with keys ordered as `datasetSchema` declares them.
 * @throws Never.
 * @example
 * Object.keys(orderDataset(dataset)).slice(0, 2); // => ['schemaVersion', 'title']
 */
export function orderDataset(dataset: Dataset): Dataset {
  return canonicalOrder(dataset, datasetSchema) as Dataset;
}
