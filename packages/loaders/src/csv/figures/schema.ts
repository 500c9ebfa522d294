import { datasetSchema, type Dataset, type IcestatError } from '@icestat/core';
import { formatPath } from '@icestat/core/internal';
import { columnFor, getAt } from './build';
import type { AssembledFigures } from './dataset';
import type { FiguresHeader } from './header';
import type { FiguresIssues } from './issues';

/**
 * Stage 6 of reading a CSV of figures: the schema. Validates the assembled dataset and points
 * each problem at the cell it came from (its line and header), or at the column a required value
 * is missing from, or — for a value icestat derived — at the figure that gave it.
 *
 * @param assembled - The dataset object and the origins of its records.
 * @param header - The columns (to tell an empty cell from a missing column).
 * @param issues - Where problems go.
 * @returns The validated dataset, or the `invalid_dataset` error.
 * @example
 * validateFigures(assembleFigures(rows, entities, 'T', issues), header, issues); // => a Dataset
 */
export function validateFigures(assembled: AssembledFigures, header: FiguresHeader, issues: FiguresIssues): Dataset | IcestatError {
  const { dataset, origins, derived } = assembled;
  const result = datasetSchema.safeParse(dataset);
  if (result.success) return result.data;
  for (const zi of result.error.issues) {
    const path = formatPath(zi.path);
    if (zi.path.length > 0 && derived.has(formatPath(zi.path.slice(0, -1)))) continue;
    let located = false;
    for (let k = zi.path.length; k >= 0 && !located; k--) {
      const origin = origins.get(formatPath(zi.path.slice(0, k)));
      if (!origin) continue;
      located = true;
      const sub = zi.path.slice(k);
      const column = columnFor(origin, sub, getAt(dataset, zi.path.slice(0, k)));
      const cell = column ? origin.cells.get(column) : undefined;
      let message = zi.message;
      if (zi.code === 'invalid_type' && getAt(dataset, zi.path) === undefined && column && column !== 'json') {
        message = cell || header.has.has(column) ? 'required, but the cell is empty' : `required; the file has no "${column}" column`;
      }
      issues.add(zi.code, cell?.line ?? origin.line, cell?.header ?? column, `${message} (${path})`, path);
    }
    if (!located) issues.add(zi.code, header.line, undefined, `${zi.message} (${path})`, path);
  }
  return issues.invalidDataset(result.error);
}
