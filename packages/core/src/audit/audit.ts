import { schemaError } from '../errors';
import { datasetKeys, datasetSchema, type Dataset } from '../model/dataset';
import { figuresOf } from '../model/walk';
import type { AuditCheck, AuditContext, FigureHome } from './check';
import type { Finding, FindingSeverity } from './finding';
import { defaultAuditOptions, type AuditOptions } from './judge';
import { findingMessage } from './messages';
import { auditChecks } from './registry';

/**
 * Checks a dataset's arithmetic and reports findings, each with a code, a severity, a verdict,
 * structured fields (total, parts, inputs, expected, actual, `difference` = actual − expected,
 * the `gap` a breakdown leaves) and a message written from them:
 *
 * - `breakdown-sum`: an exhaustive breakdown's parts against its total (498 = 317 + 181).
 * - `parts-exceed-total`: parts larger than their total.
 * - `claim`: every derived claim recomputed — a stated share against the share computed from
 *   counts ("around 47%" vs 48.0%), sums, differences ("700 over and above"), ratios ("twice as
 *   large"), complements, rates, percent changes.
 * - `unexplained-remainder`: what a breakdown of unknown exhaustiveness leaves in no category
 *   (181 − 68 − 104 = 9).
 * - `sources-disagree`: two sources on the same metric and scope (956 official vs 1,179 internal).
 * - `impossible-period`: a period that ends before it starts, lasts longer than its dates allow,
 *   starts after its source was published, or reaches outside its operation.
 *
 * The input is validated first, so `audit(JSON.parse(text))` works: a raw object is parsed with
 * {@link datasetSchema}, and one that does not parse is rejected with every located problem.
 *
 * Severity: `error` when no value the intervals allow makes the statement true (a stated number
 * that is not a count is read as rounded to its last digit: "85.3%" allows 85.25–85.35%);
 * `warning` when it can be true but a careful writer would have written another number, or the
 * source leaves something unexplained; `info` for checks that pass.
 *
 * @param dataset - A dataset, parsed or not (e.g. straight from `JSON.parse`).
 * @param options - Tolerances, whether to keep passing checks, and the checks to run.
 * @returns Findings in the order of {@link auditChecks}, each in document order.
 * @throws {@link IcestatError} `invalid_dataset` with located `issues` when the input is not a valid dataset.
 * @example
 * audit(JSON.parse(text)).filter((f) => f.severity !== 'info').map((f) => f.message);
 * // => ['claim “around 47%”: states about 47% [42.3–51.7%]; the share of 566 ÷ 1,179 is 48.0% — 1.0 percentage point higher; …', …]
 */
export function audit(dataset: unknown, options: AuditOptions & { readonly checks?: readonly AuditCheck[] } = {}): Finding[] {
  const parsed = datasetSchema.safeParse(dataset);
  if (!parsed.success) throw schemaError('dataset given to audit', parsed.error, 'invalid_dataset', { input: dataset, keys: datasetKeys() });
  const data: Dataset = parsed.data;
  const figures = new Map<string, FigureHome>();
  for (const v of figuresOf(data)) {
    figures.set(v.figure.id, { figure: v.figure, ...(v.operation ? { operation: v.operation } : {}), ...(v.series ? { series: v.series } : {}) });
  }
  const { checks = auditChecks, ...rest } = options;
  const ctx: AuditContext = {
    dataset: data,
    options: { ...defaultAuditOptions, ...rest },
    figures,
    sources: new Map(data.sources.map((s) => [s.id, s])),
  };
  const out: Finding[] = [];
  for (const check of checks) {
    for (const draft of check.run(ctx)) {
      if (draft.severity === 'info' && !ctx.options.includePassed) continue;
      out.push({ ...draft, message: findingMessage(draft) });
    }
  }
  return out;
}

/**
 * Counts findings by severity.
 *
 * @param findings - The output of {@link audit}.
 * @returns `{ error, warning, info }`.
 * @example
 * countFindings(audit(dataset)); // => { error: 0, warning: 4, info: 12 }
 */
export function countFindings(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
