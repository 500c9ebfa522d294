import { qualifierInterval, type Breakdown, type Dataset, type Qualifier, type Unit } from '@icestat/core';
import { orderDataset } from '../../json/key-order';
import { escapeCsvCell } from './escape';
import {
  figuresCsvColumns,
  formatCell,
  numericColumns,
  placeToCells,
  recordSpecs,
  type FiguresCsvColumn,
  type FiguresCsvRecord,
  type RecordSpec,
} from './format';

/** One row as the writer builds it, before escaping. */
export interface WrittenRow {
  readonly record: FiguresCsvRecord;
  readonly cells: ReadonlyMap<FiguresCsvColumn, string>;
}

type Obj = Record<string, unknown>;

function isPlainObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function getAt(obj: Obj, path: readonly string[]): unknown {
  let node: unknown = obj;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Splits a record object into flat cells and the rest, which goes to the `json` column as
 * compact JSON. Each leaf goes to exactly one of them, so the reader can merge them back; an
 * object emptied by moving its fields to columns disappears, while an object that was empty to
 * begin with stays in `json`, so that its presence is kept.
 */
function toCells(spec: RecordSpec, record: Obj, extra: ReadonlyMap<FiguresCsvColumn, string>): Map<FiguresCsvColumn, string> {
  const rest = structuredClone(record);
  for (const child of spec.children) {
    const v = rest[child];
    // An empty list of nested breakdowns has no rows to say it exists; json keeps it.
    if (!(spec.type === 'part' && child === 'breakdowns' && Array.isArray(v) && v.length === 0)) delete rest[child];
  }
  const cells = new Map<FiguresCsvColumn, string>([['record', spec.type], ...extra]);
  const touched = new Set<string>();
  const remove = (path: readonly string[]): void => {
    const parent = getAt(rest, path.slice(0, -1));
    const key = path[path.length - 1];
    if (isPlainObject(parent) && key !== undefined) delete parent[key];
    for (let k = path.length - 1; k >= 1; k--) touched.add(JSON.stringify(path.slice(0, k)));
  };

  for (const qpath of spec.quantities) {
    const q = getAt(rest, qpath);
    if (!isPlainObject(q) || q.bounds !== 'rule') continue;
    const interval = qualifierInterval(q.value as number, q.qualifier as Qualifier, q.unit as Unit);
    // Bounds that follow the qualifier's rule are recomputed on reading: leave them out, so an
    // edited value takes its interval along.
    if (interval && interval[0] === q.low && interval[1] === q.high) {
      for (const k of ['low', 'high', 'bounds']) remove([...qpath, k]);
    }
  }
  for (const field of spec.fields) {
    const v = getAt(rest, field.path);
    if (v === undefined) continue;
    const cell = formatCell(field.cell, v);
    if (cell === undefined) continue;
    cells.set(field.column, cell);
    remove(field.path);
  }
  if (spec.place) {
    const v = getAt(rest, spec.place.path);
    const one = spec.place.many ? (Array.isArray(v) && v.length === 1 ? v[0] : undefined) : v;
    const placeCells = one === undefined ? undefined : placeToCells(one);
    if (placeCells) {
      for (const [k, s] of placeCells) cells.set(k, s);
      remove(spec.place.path);
    }
  }
  // Drop objects that moving fields to columns left empty, deepest first.
  const paths = [...touched].map((s) => JSON.parse(s) as string[]).sort((a, b) => b.length - a.length);
  for (const path of paths) {
    const v = getAt(rest, path);
    if (isPlainObject(v) && Object.keys(v).length === 0) remove(path);
  }
  for (const [key, value] of Object.entries(spec.defaults)) {
    if (Object.hasOwn(rest, key) && JSON.stringify(rest[key]) === JSON.stringify(value)) delete rest[key];
  }
  if (Object.keys(rest).length > 0) cells.set('json', JSON.stringify(rest));
  return cells;
}

function row(record: FiguresCsvRecord, obj: unknown, extra: readonly (readonly [FiguresCsvColumn, string])[] = []): WrittenRow {
  return { record, cells: toCells(recordSpecs[record], obj as Obj, new Map(extra)) };
}

function breakdownRows(b: Breakdown, operation: string, parent: string | undefined, out: WrittenRow[]): void {
  out.push(
    row(
      'breakdown',
      b,
      parent === undefined
        ? [['operation', operation]]
        : [
            ['operation', operation],
            ['parent', parent],
          ],
    ),
  );
  for (const part of b.parts)
    out.push(
      row('part', part, [
        ['breakdown', b.id],
        ['operation', operation],
      ]),
    );
  for (const part of b.parts) {
    for (const nested of part.breakdowns ?? []) breakdownRows(nested, operation, part.figure.id, out);
  }
}

/**
 * The rows that represent a dataset: a dataset row, its sources, then each operation (its row,
 * figures, breakdowns with their parts, nested breakdowns, claims), each series (row, figures,
 * claims), and the dataset's own claims.
 *
 * @param dataset - A parsed dataset.
 * @returns The rows, with cell texts before escaping.
 * @throws Never.
 * @example
 * datasetRows(dataset)[0]?.record; // => 'dataset'
 */
export function datasetRows(dataset: Dataset): WrittenRow[] {
  const d = orderDataset(dataset);
  const out: WrittenRow[] = [row('dataset', d)];
  for (const source of d.sources) out.push(row('source', source));
  for (const op of d.operations) {
    out.push(row('operation', op));
    for (const figure of op.figures) out.push(row('figure', figure, [['operation', op.id]]));
    for (const b of op.breakdowns) breakdownRows(b, op.id, undefined, out);
    for (const claim of op.claims) out.push(row('claim', claim, [['operation', op.id]]));
  }
  for (const series of d.series) {
    out.push(row('series', series));
    for (const figure of series.figures) out.push(row('figure', figure, [['series', series.id]]));
    for (const claim of series.claims) out.push(row('claim', claim, [['series', series.id]]));
  }
  for (const claim of d.claims) out.push(row('claim', claim));
  return out;
}

/** Options of the CSV-of-figures writer. */
export interface FiguresCsvWriteOptions {
  /** Cell delimiter: `,` (default), `;` or a tab. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Line ending: `\n` (default) or `\r\n`. Line breaks inside cells are written as they are. */
  readonly newline?: '\n' | '\r\n';
  /** `used` (default): only the columns some row fills; `all`: every column, e.g. for a template. */
  readonly columns?: 'used' | 'all';
  /** Start with a UTF-8 byte-order mark, which Excel needs to read accents and curly quotes. */
  readonly bom?: boolean;
}

/**
 * Formats rows as CSV text.
 *
 * @param rows - Rows from {@link datasetRows}.
 * @param options - Delimiter, line ending, columns, byte-order mark.
 * @returns The CSV text, header first, ending with a line break.
 * @throws Never.
 * @example
 * formatRows([{ record: 'dataset', cells: new Map([['record', 'dataset'], ['title', 'T']]) }]);
 * // => 'record,title\ndataset,T\n'
 */
export function formatRows(rows: readonly WrittenRow[], options: FiguresCsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\n';
  const used = new Set<FiguresCsvColumn>();
  for (const r of rows) for (const c of r.cells.keys()) used.add(c);
  const columns = options.columns === 'all' ? [...figuresCsvColumns] : figuresCsvColumns.filter((c) => used.has(c));
  const lines = [columns.join(delimiter)];
  for (const r of rows) {
    const cells = columns.map((c) => {
      const v = r.cells.get(c);
      if (v === undefined) return '';
      return numericColumns.has(c) ? v : escapeCsvCell(v, delimiter);
    });
    lines.push(cells.join(delimiter));
  }
  return `${options.bom ? '\ufeff' : ''}${lines.join(newline)}${newline}`;
}
