import { SCHEMA_VERSION } from '@icestat/core';
import { formatPath } from '@icestat/core/internal';
import { buildRecord, define, getAt, isPlainObject, setAt, type Built, type Cell, type Origin, type Report } from './build';
import type { TypedRow } from './cells';
import { hasAny, sourceIdOf, type Entity, type FiguresEntities } from './entities';
import { recordSpecs, sourceGroup, type FiguresCsvColumn, type RecordSpec } from './format';
import type { FiguresIssues } from './issues';

type Obj = Record<string, unknown>;
type Row = TypedRow;

/** The dataset object stage 5 built (not validated yet), and where each of its records came from. */
export interface AssembledFigures {
  readonly dataset: Obj;
  /** The origin of each record, by its formatted path in the dataset. */
  readonly origins: ReadonlyMap<string, Origin>;
  /** Paths of values icestat derived (an operation's sources from its figures'): a problem there is reported on the figure. */
  readonly derived: ReadonlySet<string>;
}

/**
 * Stage 5 of reading a CSV of figures: the dataset. Builds each record from its cells (the
 * dataset, sources, operations with their figures, breakdowns nested under part figures, and
 * claims; series), fills the ids and sources rows leave out, and notes where each record came
 * from, for stage 6 to locate schema problems.
 *
 * @param rows - The typed rows.
 * @param entities - The entities and containers.
 * @param title - The title of a file without a dataset row.
 * @param issues - Where problems go.
 * @returns The dataset object and the origins of its records.
 * @example
 * assembleFigures(rows, entities, 'Figures from CSV', issues).dataset['title']; // => 'Figures from CSV' (no dataset row)
 */
export function assembleFigures(rows: readonly Row[], entities: FiguresEntities, title: string, issues: FiguresIssues): AssembledFigures {
  const { registries, containers, datasetRow, partRows } = entities;
  const report: Report = (at, code, what) => issues.add(code, at.line, at.header, what);
  const build = (spec: RecordSpec, cells: ReadonlyMap<FiguresCsvColumn, Cell>, line: number): Built => buildRecord(spec, cells, line, report);

  const origins = new Map<string, Origin>();
  const derived = new Set<string>();
  const place = (path: readonly (string | number)[], origin: Origin): void => {
    origins.set(formatPath(path), origin);
  };

  // Part rows, indexed by their figure's id, for nested breakdowns.
  interface Part {
    readonly row: Row;
    readonly breakdown: string;
    readonly obj: Obj;
    readonly origin: Origin;
  }
  const partsByBreakdown = new Map<string, Part[]>();
  const partByFigure = new Map<string, Part>();
  for (const row of partRows) {
    const b = row.cells.get('breakdown')!.text.trim();
    const { obj, origin } = build(recordSpecs.part, row.cells, row.line);
    const list = partsByBreakdown.get(b) ?? [];
    const figure = isPlainObject(obj.figure) ? obj.figure : {};
    if (!isPlainObject(obj.figure)) define(obj, 'figure', figure);
    if (figure.id === undefined) {
      const category = typeof obj.category === 'string' ? obj.category : String(list.length + 1);
      define(figure, 'id', `${b}-${category}`);
    }
    if (figure.source === undefined) {
      const id = hasAny(row, sourceGroup) ? sourceIdOf(row) : undefined;
      if (id) define(figure, 'source', id);
    }
    const part: Part = { row, breakdown: b, obj, origin };
    list.push(part);
    partsByBreakdown.set(b, list);
    const figureId = figure.id;
    if (typeof figureId === 'string' && !partByFigure.has(figureId)) partByFigure.set(figureId, part);
  }

  // Which operation a breakdown belongs to: its own, or (nested) that of the part above it.
  const operationOf = new Map<string, string | undefined>();
  const resolve = (e: Entity, stack: readonly string[]): string | undefined => {
    if (operationOf.has(e.id)) return operationOf.get(e.id);
    const parentCell = e.cells.get('parent');
    const opCell = e.cells.get('operation');
    let op: string | undefined;
    if (parentCell) {
      const parentId = parentCell.text.trim();
      const part = partByFigure.get(parentId);
      if (!part) {
        issues.atCell(
          parentCell,
          'unknown_reference',
          `names figure "${parentId}", which is not the figure of any part row (a breakdown of an operation's own figure names it in "total")`,
        );
      } else if (stack.includes(part.breakdown) || part.breakdown === e.id) {
        issues.atCell(parentCell, 'nesting_loop', `breakdowns nest in a loop: ${[...stack, e.id, part.breakdown].join(' → ')}`);
      } else {
        const parent = registries.breakdown.get(part.breakdown);
        op = parent ? resolve(parent, [...stack, e.id]) : undefined;
        if (op !== undefined && opCell && opCell.text.trim() !== op) {
          issues.atCell(opCell, 'conflict', `the breakdown nests under figure "${parentId}" of operation "${op}"; got operation "${opCell.text.trim()}"`);
        }
      }
    } else if (opCell) op = opCell.text.trim();
    else
      issues.add(
        'missing_container',
        e.row?.line ?? e.line,
        'operation',
        `breakdown "${e.id}" needs its operation in "operation" (or, nested, the part figure it splits in "parent")`,
      );
    operationOf.set(e.id, op);
    return op;
  };
  for (const e of registries.breakdown.values()) resolve(e, []);

  // Figures and claims, by container.
  const figureRows = new Map<string, Row[]>();
  const claimRows = new Map<string, Row[]>();
  for (const row of rows) {
    const c = containers.get(row);
    if (!c) continue;
    const key = `${c.kind}:${c.id}`;
    const target = row.record === 'figure' ? figureRows : row.record === 'claim' ? claimRows : undefined;
    if (!target) continue;
    const list = target.get(key) ?? [];
    list.push(row);
    target.set(key, list);
  }
  const withSource = (obj: Obj, row: Row, base: readonly string[]): void => {
    if (getAt(obj, [...base, 'source']) !== undefined) return;
    const id = hasAny(row, sourceGroup) ? sourceIdOf(row) : undefined;
    if (id) setAt(obj, [...base, 'source'], id);
  };
  const figuresOf = (key: string, containerId: string, path: readonly (string | number)[]): Obj[] =>
    (figureRows.get(key) ?? []).map((row, i) => {
      const { obj, origin } = build(recordSpecs.figure, row.cells, row.line);
      if (obj.id === undefined) define(obj, 'id', `${containerId}-${i + 1}`);
      withSource(obj, row, []);
      place([...path, i], origin);
      return obj;
    });
  const claimsOf = (key: string, path: readonly (string | number)[]): Obj[] =>
    (claimRows.get(key) ?? []).map((row, i) => {
      const { obj, origin } = build(recordSpecs.claim, row.cells, row.line);
      withSource(obj, row, []);
      place([...path, i], origin);
      return obj;
    });
  // Breakdowns by the part figure they nest under, and the top-level ones by operation: indexed
  // once, so that finding a container's breakdowns costs nothing per operation or part (a scan of
  // every breakdown for each made reading quadratic in the number of breakdowns).
  const nestedUnder = new Map<string, Entity[]>();
  const topLevelOf = new Map<string | undefined, Entity[]>();
  for (const e of registries.breakdown.values()) {
    const parent = e.cells.get('parent')?.text.trim();
    const [index, key] = parent === undefined ? [topLevelOf, operationOf.get(e.id)] : [nestedUnder as Map<string | undefined, Entity[]>, parent];
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  }
  const breakdownsUnder = (parentFigure: string | undefined, op: string): Entity[] =>
    (parentFigure === undefined ? topLevelOf.get(op) : nestedUnder.get(parentFigure)) ?? [];
  const breakdownObj = (e: Entity, path: readonly (string | number)[], op: string, depth: number): Obj => {
    const { obj, origin } = build(recordSpecs.breakdown, e.cells, e.row?.line ?? e.line);
    define(obj, 'id', e.id);
    place(path, origin);
    const parts = (partsByBreakdown.get(e.id) ?? []).map((part, pi) => {
      const partPath = [...path, 'parts', pi];
      place(partPath, part.origin);
      const figure = part.obj.figure as Obj;
      const nested = depth > 64 ? [] : breakdownsUnder(String(figure.id), op);
      if (nested.length > 0) {
        if (Object.hasOwn(part.obj, 'breakdowns')) {
          const jsonCell = part.row.cells.get('json');
          if (jsonCell)
            issues.atCell(jsonCell, 'conflict', `gives "breakdowns": [], but breakdown rows name this part's figure "${String(figure.id)}" as parent`);
        }
        define(
          part.obj,
          'breakdowns',
          nested.map((n, ni) => breakdownObj(n, [...partPath, 'breakdowns', ni], op, depth + 1)),
        );
      }
      return part.obj;
    });
    define(obj, 'parts', parts);
    return obj;
  };

  const dataset: Obj = {};
  if (datasetRow) {
    const { obj, origin } = build(recordSpecs.dataset, datasetRow.cells, datasetRow.line);
    Object.assign(dataset, obj);
    place([], origin);
  } else {
    define(dataset, 'title', title);
  }
  if (!Object.hasOwn(dataset, 'schemaVersion')) define(dataset, 'schemaVersion', SCHEMA_VERSION);

  define(
    dataset,
    'sources',
    [...registries.source.values()].map((e, i) => {
      const { obj, origin } = build(recordSpecs.source, e.cells, e.row?.line ?? e.line);
      define(obj, 'id', e.id);
      place(['sources', i], origin);
      return obj;
    }),
  );
  define(
    dataset,
    'operations',
    [...registries.operation.values()].map((e, oi) => {
      const path = ['operations', oi];
      const { obj, origin } = build(recordSpecs.operation, e.cells, e.row?.line ?? e.line);
      define(obj, 'id', e.id);
      place(path, origin);
      const figures = figuresOf(`operation:${e.id}`, e.id, [...path, 'figures']);
      define(obj, 'figures', figures);
      const breakdowns = breakdownsUnder(undefined, e.id).map((b, bi) => breakdownObj(b, [...path, 'breakdowns', bi], e.id, 0));
      if (breakdowns.length > 0) define(obj, 'breakdowns', breakdowns);
      const claims = claimsOf(`operation:${e.id}`, [...path, 'claims']);
      if (claims.length > 0) define(obj, 'claims', claims);
      if (!Object.hasOwn(obj, 'sources')) {
        // An operation whose source cell is empty is known from the sources of its figures.
        const ids: string[] = [];
        const add = (f: unknown): void => {
          const s = getAt(f, ['source']);
          if (typeof s === 'string' && !ids.includes(s)) ids.push(s);
        };
        const walk = (b: unknown): void => {
          for (const part of (getAt(b, ['parts']) as unknown[] | undefined) ?? []) {
            add(getAt(part, ['figure']));
            for (const nb of (getAt(part, ['breakdowns']) as unknown[] | undefined) ?? []) walk(nb);
          }
        };
        figures.forEach(add);
        breakdowns.forEach(walk);
        if (ids.length > 0) {
          define(obj, 'sources', ids);
          // A problem with a derived id is reported where the id was written, on the figure.
          derived.add(formatPath([...path, 'sources']));
        }
      }
      return obj;
    }),
  );
  const series = [...registries.series.values()].map((e, si) => {
    const path = ['series', si];
    const { obj, origin } = build(recordSpecs.series, e.cells, e.row?.line ?? e.line);
    define(obj, 'id', e.id);
    place(path, origin);
    const figures = figuresOf(`series:${e.id}`, e.id, [...path, 'figures']);
    define(obj, 'figures', figures);
    if (!Object.hasOwn(obj, 'metric') && typeof figures[0]?.metric === 'string') define(obj, 'metric', figures[0].metric);
    const claims = claimsOf(`series:${e.id}`, [...path, 'claims']);
    if (claims.length > 0) define(obj, 'claims', claims);
    return obj;
  });
  if (series.length > 0) define(dataset, 'series', series);
  const claims = claimsOf('dataset:', ['claims']);
  if (claims.length > 0) define(dataset, 'claims', claims);

  return { dataset, origins, derived };
}
