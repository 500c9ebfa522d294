import { breakdownsOf, IcestatError, type BreakdownPart, type BreakdownVisit, type Dimension } from '@icestat/core';
import type { ChartRow, DatasetLike } from './chart-row';
import { criminalityLabel } from './criminality-label';
import { compact, metricWords, provenance, reading, slugWords } from './internal';
import { placeLabel } from './place-label';

function partLabel(dimension: Dimension, part: BreakdownPart): string {
  if (dimension === 'place' && part.place) return placeLabel(part.place);
  if (dimension === 'criminality' && part.criminality) return criminalityLabel(part.criminality);
  if (dimension === 'offence') return part.label ?? slugWords(part.offence ?? part.category);
  return part.label ?? slugWords(part.category);
}

/**
 * Tidy rows of one breakdown of an operation, one per part, in the report's order: arrests by
 * place (Safe City: Philadelphia 107 … Massachusetts 50), by criminality, by offence. Places are
 * labelled by name (AORs by their name, `Chicago`, with the report's "the Midwest" kept in
 * `reported`); criminality classes in words.
 *
 * @param dataset - The dataset holding the breakdown (its sources resolve the rows' `source`).
 * @param breakdown - The breakdown's id, or a visit from core's `breakdownsOf`.
 * @returns One {@link ChartRow} per part, `group` the operation's name.
 * @throws {@link IcestatError} `invalid_input` when no breakdown has that id.
 * @example
 * breakdownRows(dataset, 'safe-city-2017-by-place')[0];
 * // => { key: 'safe-city-2017-philadelphia', label: 'Philadelphia', value: 107, low: 107, high: 107, text: '107', source: { publisher: 'BuzzFeed News', … }, … }
 */
export function breakdownRows(dataset: DatasetLike, breakdown: string | BreakdownVisit): ChartRow[] {
  const visit = typeof breakdown === 'string' ? breakdownsOf(dataset).find((v) => v.breakdown.id === breakdown) : breakdown;
  if (!visit) {
    throw new IcestatError('invalid_input', `breakdownRows: expected the id of a breakdown of the dataset; received "${String(breakdown)}"`);
  }
  const { dimension } = visit.breakdown;
  return visit.breakdown.parts.map((part, order) => {
    const label = partLabel(dimension, part);
    return compact<ChartRow>({
      key: part.figure.id,
      label,
      ...reading(part.figure),
      group: visit.operation.name,
      metric: metricWords(part.figure.metric),
      reported: part.label !== undefined && part.label !== label ? part.label : undefined,
      placeKind: part.place?.kind,
      order,
      ...provenance(dataset, part.figure),
    } as ChartRow);
  });
}
