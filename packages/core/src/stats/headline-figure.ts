import { IcestatError } from '../errors';
import type { Figure } from '../model/figure';
import type { Operation } from '../model/operation';

const headlineMetrics = new Set(['arrests', 'detentions', 'apprehensions', 'removals']);

/**
 * An operation's headline figure: its first count of people (arrests, detentions, apprehensions
 * or removals) that covers the whole operation — no period or places of its own. Where several
 * sources give one (956 official, 1,179 internal), the first listed wins; list the one to lead with
 * first.
 *
 * @param operation - An operation.
 * @returns The figure.
 * @throws {@link IcestatError} `not_determinable` when the operation has no such figure.
 * @example
 * headlineFigure(safeCity).quantity.value; // => 500 ("nearly 500")
 */
export function headlineFigure(operation: Pick<Operation, 'id' | 'figures'>): Figure {
  const people = operation.figures.filter((f) => f.quantity.unit === 'people' && headlineMetrics.has(f.metric));
  const whole = people.find((f) => !f.period && !f.places) ?? people[0];
  if (!whole) {
    throw new IcestatError('not_determinable', `operation "${operation.id}" has no count of people arrested, detained, apprehended or removed`);
  }
  return whole;
}
