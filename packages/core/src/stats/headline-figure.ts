import { IcestatError } from '../errors';
import { measureOf, type Figure, type Measure } from '../model/figure';
import type { Operation } from '../model/operation';

const headlineMetrics = new Set(['arrests', 'detentions', 'apprehensions', 'removals', 'book-ins', 'detention-population', 'average-daily-population']);
const measureOrder: readonly Measure[] = ['flow', 'stock', 'average'];

/**
 * An operation's headline figure: its first flow of people (arrests, detentions, apprehensions,
 * removals or book-ins) that covers the whole operation — no period or places of its own — or
 * failing that any such flow; only where there is no flow, a population on a day (a stock), and
 * then an average daily population. Where several sources give one (956 official, 1,179
 * internal), the first listed wins; list the one to lead with first.
 *
 * @param operation - An operation.
 * @returns The figure.
 * @throws {@link IcestatError} `not_determinable` when the operation has no such figure.
 * @example
 * headlineFigure(safeCity).quantity.value; // => 500 ("nearly 500")
 */
export function headlineFigure(operation: Pick<Operation, 'id' | 'figures'>): Figure {
  let whole: Figure | undefined;
  for (const measure of measureOrder) {
    const people = operation.figures.filter(
      (f) => (f.quantity.unit === 'people' || f.quantity.unit === 'people-average') && headlineMetrics.has(f.metric) && measureOf(f) === measure,
    );
    whole = people.find((f) => !f.period && !f.places) ?? people[0];
    if (whole) break;
  }
  if (!whole) {
    throw new IcestatError(
      'not_determinable',
      `operation "${operation.id}" has no count of people arrested, detained, apprehended, removed or booked in, nor a detention population`,
    );
  }
  return whole;
}
