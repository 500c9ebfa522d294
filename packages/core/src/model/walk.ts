import type { Breakdown, BreakdownPart } from './breakdown';
import type { Figure } from './figure';
import type { Operation, Series } from './operation';
import type { StatisticalTable } from './table';

/** What holds figures and breakdowns: an operation or a statistical table. */
export type FigureContainer = Operation | StatisticalTable;

/** A figure found in a dataset, with where it sits. */
export interface FigureVisit {
  readonly figure: Figure;
  /** Path from the dataset root, e.g. `['operations', 2, 'breakdowns', 0, 'parts', 1, 'figure']`. */
  readonly path: readonly (string | number)[];
  /** The operation (or statistical table) holding it, if any. */
  readonly operation?: FigureContainer;
  /** The series holding it, if any. */
  readonly series?: Series;
  /** The breakdown part it is the figure of, if any. */
  readonly part?: BreakdownPart;
  /** The breakdown that part belongs to. */
  readonly breakdown?: Breakdown;
}

/** A breakdown found in a dataset, with its resolved total and where it sits. */
export interface BreakdownVisit {
  readonly breakdown: Breakdown;
  readonly path: readonly (string | number)[];
  /** The operation or statistical table holding it. */
  readonly operation: FigureContainer;
  /** The total figure: the one named by `total`, or the part above a nested breakdown. */
  readonly total: Figure | undefined;
  /** The part this breakdown nests under, if nested. */
  readonly parent?: BreakdownPart;
  /** Nesting depth: 0 for a breakdown of an operation figure. */
  readonly depth: number;
}

/** What the walkers read: a dataset, or any object with its operations and, optionally, its series and statistical tables. */
export interface Walkable {
  readonly operations: readonly Operation[];
  readonly series?: readonly Series[];
  readonly tables?: readonly StatisticalTable[] | undefined;
}

/**
 * The operations and statistical tables of a dataset, each with its path.
 *
 * @param dataset - A parsed dataset.
 * @returns `[container, path]` pairs, operations first.
 * @example
 * containersOf(dataset).map(([c]) => c.id); // => ['midwest-2016', …, 'ice-detention-fy2024']
 */
export function containersOf(dataset: Walkable): [FigureContainer, (string | number)[]][] {
  return [
    ...dataset.operations.map((o, i): [FigureContainer, (string | number)[]] => [o, ['operations', i]]),
    ...(dataset.tables ?? []).map((t, i): [FigureContainer, (string | number)[]] => [t, ['tables', i]]),
  ];
}

/**
 * Every breakdown of a dataset, nested ones included, depth first, with its total resolved.
 *
 * @param dataset - A parsed dataset (or anything with `operations`).
 * @returns Visits in document order.
 * @example
 * for (const { breakdown, total } of breakdownsOf(dataset)) console.log(breakdown.id, total?.quantity.value);
 */
export function breakdownsOf(dataset: Walkable): BreakdownVisit[] {
  const out: BreakdownVisit[] = [];
  for (const [operation, base] of containersOf(dataset)) {
    const byId = new Map(operation.figures.map((f) => [f.id, f]));
    const visit = (b: Breakdown, path: (string | number)[], parent: BreakdownPart | undefined, depth: number): void => {
      const total = parent ? parent.figure : b.total === undefined ? undefined : byId.get(b.total);
      out.push(parent ? { breakdown: b, path, operation, total, parent, depth } : { breakdown: b, path, operation, total, depth });
      b.parts.forEach((part, pi) => {
        part.breakdowns?.forEach((nb, ni) => {
          visit(nb, [...path, 'parts', pi, 'breakdowns', ni], part, depth + 1);
        });
      });
    };
    operation.breakdowns.forEach((b, bi) => {
      visit(b, [...base, 'breakdowns', bi], undefined, 0);
    });
  }
  return out;
}

/**
 * Every figure of a dataset — operation figures, breakdown parts (and the other figures of a
 * part's scope) at any depth, series figures —
 * with its path and container.
 *
 * @param dataset - A parsed dataset.
 * @returns Visits in document order.
 * @example
 * const byId = new Map(figuresOf(dataset).map((v) => [v.figure.id, v.figure]));
 */
export function figuresOf(dataset: Walkable): FigureVisit[] {
  const out: FigureVisit[] = [];
  for (const [operation, base] of containersOf(dataset)) {
    operation.figures.forEach((figure, fi) => {
      out.push({ figure, path: [...base, 'figures', fi], operation });
    });
  }
  for (const { breakdown, path, operation } of breakdownsOf(dataset)) {
    breakdown.parts.forEach((part, pi) => {
      out.push({ figure: part.figure, path: [...path, 'parts', pi, 'figure'], operation, part, breakdown });
      part.figures?.forEach((figure, fi) => {
        out.push({ figure, path: [...path, 'parts', pi, 'figures', fi], operation, part, breakdown });
      });
    });
  }
  (dataset.series ?? []).forEach((series, si) => {
    series.figures.forEach((figure, fi) => {
      out.push({ figure, path: ['series', si, 'figures', fi], series });
    });
  });
  return out;
}
