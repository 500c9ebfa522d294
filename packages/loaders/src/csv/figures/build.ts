import { parseJsonSafely } from '../../json/syntax';
import { parseCell, placeColumn, placeKinds, placeLayouts, type FiguresCsvColumn, type FiguresCsvRecord, type RecordSpec } from './format';

type Obj = Record<string, unknown>;

/** A non-empty cell with where it was read. */
export interface Cell {
  readonly text: string;
  readonly line: number;
  /** The header as the file writes it. */
  readonly header: string;
}

/** What a record of the assembled dataset was read from, to point schema problems at cells. */
export interface Origin {
  readonly spec: RecordSpec;
  readonly cells: ReadonlyMap<FiguresCsvColumn, Cell>;
  readonly line: number;
  readonly jsonPaths: readonly (readonly string[])[];
}

/** Reports a problem at a cell (or where a missing cell would be). */
export type Report = (at: { readonly line: number; readonly header: string }, code: string, what: string) => void;

/** A record object built from cells, with where it came from. */
export interface Built {
  readonly obj: Obj;
  readonly origin: Origin;
}

/** The record type of the rows that hold each kind of child. */
const childRecords: Readonly<Record<string, FiguresCsvRecord>> = {
  sources: 'source',
  operations: 'operation',
  series: 'series',
  claims: 'claim',
  figures: 'figure',
  breakdowns: 'breakdown',
  parts: 'part',
};

/**
 * Whether a value is a plain object (not an array, not null).
 *
 * @param x - Anything.
 * @returns `true` for `{}`-like values.
 * @throws Never.
 * @example
 * isPlainObject([]); // => false
 */
export function isPlainObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Sets an own data property, whatever its name: `defineProperty` never runs a setter inherited
 * from `Object.prototype`, so a key named `__proto__` cannot change an object's prototype.
 *
 * @param obj - The object.
 * @param key - The key.
 * @param value - The value.
 * @returns Nothing.
 * @throws Never.
 * @example
 * define(o, 'id', 'safe-city-2017');
 */
export function define(obj: Obj, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Sets a value at a path of keys, creating plain objects on the way (with {@link define}).
 *
 * @param obj - The root object.
 * @param path - Keys from the root, e.g. `['quantity', 'low']`.
 * @param value - The value.
 * @returns Nothing.
 * @throws Never.
 * @example
 * setAt(figure, ['claimant', 'role'], 'agency');
 */
export function setAt(obj: Obj, path: readonly string[], value: unknown): void {
  let node = obj;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isPlainObject(next)) node = next;
    else {
      const created: Obj = {};
      define(node, key, created);
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) define(node, last, value);
}

/**
 * The value at a path of keys (own properties only), or undefined.
 *
 * @param obj - The root.
 * @param path - Keys and indices from the root.
 * @returns The value, or `undefined` when the path does not exist.
 * @throws Never.
 * @example
 * getAt({ a: [{ b: 1 }] }, ['a', 0, 'b']); // => 1
 */
export function getAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let node = obj;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => String(path[i]) === String(k));
}

/**
 * Builds a record's object from its cells: each flat column parsed into its field, the place
 * columns into a place, then the `json` cell merged in deeply (a field given twice is a
 * conflict), then the record's defaults.
 *
 * @param spec - The record type's spec.
 * @param cells - The non-empty cells by column.
 * @param line - The line of the record's row (for problems without a cell).
 * @param report - Receives each problem with the cell it is about.
 * @returns The object (in the schema's input form) and its origin, for locating schema problems.
 * @throws Never: problems go to `report`.
 * @example
 * buildRecord(recordSpecs.source, cells, 2, report).obj; // => { id: 'bf', title: '…', … }
 */
export function buildRecord(spec: RecordSpec, cells: ReadonlyMap<FiguresCsvColumn, Cell>, line: number, report: Report): Built {
  const obj: Obj = {};
  const jsonPaths: string[][] = [];
  for (const field of spec.fields) {
    const cell = cells.get(field.column);
    if (!cell) continue;
    const parsed = parseCell(field.cell, cell.text);
    if (parsed.ok) setAt(obj, field.path, parsed.value);
    else report(cell, 'invalid_cell', parsed.what);
  }
  if (spec.place) {
    const kindCell = cells.get('place_kind');
    const others = (['place', 'place_state', 'place_label'] as const).filter((c) => cells.has(c));
    if (!kindCell && others.length > 0) {
      const first = cells.get(others[0]!)!;
      report(
        { line: first.line, header: 'place_kind' },
        'invalid_cell',
        `needed when ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} given: one of ${placeKinds.join(', ')}`,
      );
    } else if (kindCell) {
      const parsedKind = parseCell({ kind: 'enum', options: placeKinds }, kindCell.text);
      if (!parsedKind.ok) report(kindCell, 'invalid_cell', parsedKind.what);
      else {
        const kind = parsedKind.value as (typeof placeKinds)[number];
        const place: Obj = { kind };
        const layout = placeLayouts[kind];
        for (const column of others) {
          const cell = cells.get(column)!;
          const slot = Object.entries(layout).find(([, [c]]) => c === column);
          if (!slot) {
            report(cell, 'unused_cell', `a ${kind} place takes no ${column}; got ${JSON.stringify(cell.text)}`);
            continue;
          }
          const parsed = parseCell(slot[1][1], cell.text);
          if (parsed.ok) define(place, slot[0], parsed.value);
          else report(cell, 'invalid_cell', parsed.what);
        }
        if (kind === 'nation' && !Object.hasOwn(place, 'country')) define(place, 'country', 'US');
        setAt(obj, spec.place.path, spec.place.many ? [place] : place);
      }
    }
  }
  const jsonCell = cells.get('json');
  if (jsonCell) {
    const parsed = parseJsonSafely(jsonCell.text);
    if (!parsed.ok) {
      report(jsonCell, 'invalid_json', `invalid JSON at character ${parsed.offset + 1}: ${parsed.what}`);
    } else if (!isPlainObject(parsed.value)) {
      report(
        jsonCell,
        'invalid_json',
        `expected a JSON object such as {"aliases": ["…"]}; got ${Array.isArray(parsed.value) ? 'an array' : typeof parsed.value}`,
      );
    } else {
      const value = parsed.value;
      for (const child of spec.children) {
        if (!Object.hasOwn(value, child)) continue;
        const v = value[child];
        const emptyNested = spec.type === 'part' && child === 'breakdowns' && Array.isArray(v) && v.length === 0;
        if (!emptyNested) {
          report(jsonCell, 'invalid_json', `"${child}" are rows of their own (record ${childRecords[child] ?? child}); the json column cannot hold them`);
          delete value[child];
        }
      }
      const merge = (target: Obj, source: Obj, path: string[]): void => {
        for (const key of Object.keys(source)) {
          const v = source[key];
          const here = [...path, key];
          if (!Object.hasOwn(target, key)) {
            define(target, key, v);
            jsonPaths.push(here);
          } else if (isPlainObject(target[key]) && isPlainObject(v)) merge(target[key], v, here);
          else {
            const column = columnFor({ spec, cells, line, jsonPaths: [] }, here, obj);
            report(jsonCell, 'conflict', `gives ${JSON.stringify(here.join('.'))}, which column "${column ?? here.join('.')}" gives too; give it once`);
          }
        }
      };
      merge(obj, value, []);
    }
  }
  for (const [key, value] of Object.entries(spec.defaults)) if (!Object.hasOwn(obj, key)) define(obj, key, structuredClone(value));
  return { obj, origin: { spec, cells, line, jsonPaths } };
}

/**
 * The column that holds the field at `sub` inside a record read from `origin`, to point a schema
 * problem at a cell.
 *
 * @param origin - Where the record came from.
 * @param sub - The path inside the record, e.g. `['quantity', 'low']`.
 * @param record - The record object (to tell a place's kind).
 * @returns The column, `json` when the field came from there, or `undefined` for the whole record.
 * @throws Never.
 * @example
 * columnFor(origin, ['quantity', 'low'], figure); // => 'low'
 */
export function columnFor(origin: Origin, sub: readonly PropertyKey[], record: unknown): FiguresCsvColumn | undefined {
  if (sub.length === 0) return undefined;
  if (origin.jsonPaths.some((p) => startsWith(sub, p))) return 'json';
  const { spec } = origin;
  if (spec.place && startsWith(sub, spec.place.path)) {
    const rest = sub.slice(spec.place.path.length);
    const key = spec.place.many ? rest[1] : rest[0];
    const placeObj = getAt(record, spec.place.many ? [...spec.place.path, 0] : spec.place.path);
    const kind = getAt(placeObj, ['kind']);
    return placeColumn(typeof kind === 'string' ? kind : undefined, typeof key === 'string' ? key : undefined);
  }
  let best: FiguresCsvColumn | undefined;
  let bestLength = -1;
  for (const field of spec.fields) {
    if (startsWith(sub, field.path) && field.path.length > bestLength) {
      best = field.column;
      bestLength = field.path.length;
    }
  }
  if (best) return best;
  return spec.fields.find((field) => startsWith(field.path, sub))?.column;
}
