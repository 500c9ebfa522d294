import type { Dataset } from '../model/dataset';
import type { Figure } from '../model/figure';
import type { Series } from '../model/operation';
import type { FigureContainer } from '../model/walk';
import type { Source } from '../model/source';
import type { FigureRef, FindingCode, FindingDraft } from './finding';
import type { AuditOptions } from './judge';

/** Where a figure sits: the operation or series holding it. */
export interface FigureHome {
  readonly figure: Figure;
  readonly operation?: FigureContainer;
  readonly series?: Series;
}

/** What every check is given: the validated dataset, the options, and lookups built once. */
export interface AuditContext {
  readonly dataset: Dataset;
  readonly options: Required<AuditOptions>;
  /** Every figure by id, at any depth. */
  readonly figures: ReadonlyMap<string, FigureHome>;
  readonly sources: ReadonlyMap<string, Source>;
}

/**
 * One check of the audit: a name, the finding codes it reports, a sentence on what it checks,
 * and `run`, which reads the dataset and yields findings without messages (the audit writes
 * them in one place, {@link findingMessage}). Checks are listed in {@link auditChecks}.
 */
export interface AuditCheck {
  readonly name: string;
  readonly codes: readonly FindingCode[];
  readonly description: string;
  run(ctx: AuditContext): Iterable<FindingDraft>;
}

/**
 * A figure as a finding refers to it.
 *
 * @param figure - The figure.
 * @param label - For a breakdown part, its label or category.
 * @returns Its id, metric, quantity and evidence (and label).
 * @example
 * figureRef(safeCityTotal).evidence; // => 'nearly 500'
 */
export function figureRef(figure: Figure, label?: string): FigureRef {
  return { id: figure.id, metric: figure.metric, quantity: figure.quantity, evidence: figure.evidence, ...(label === undefined ? {} : { label }) };
}
