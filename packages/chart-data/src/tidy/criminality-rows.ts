import { criminalDefinitions, criminalShare, headlineFigure, type CriminalDefinition, type Operation } from '@icestat/core';
import type { ChartRow, DatasetLike } from './chart-row';
import { rowText } from './row-text';
import { compact, findOperation, provenance } from './internal';

/**
 * A row of {@link criminalityRows}: the share of one operation's arrests that are "criminal" under
 * one definition, in percent. When the data cannot tell, `determinable` is false, `value` and
 * `count` are null, `reason` says why, and `low`/`high` are the bounds the data allows.
 */
export interface CriminalityRow extends ChartRow {
  /** The operation's id. */
  readonly operation: string;
  readonly definition: CriminalDefinition;
  /** The definition in words, for legends and captions. */
  readonly description: string;
  /** How many are criminal under the definition; null when not determinable. */
  readonly count: number | null;
  /** The number of arrests the share is of. */
  readonly total: number;
}

/** Options of {@link criminalityRows}. */
export interface CriminalityRowsOptions {
  /**
   * The operations (or ids) to show, in order. By default every operation of the dataset with a
   * criminality breakdown; an operation named here without one gets a not-determinable row.
   */
  readonly operations?: readonly (string | Operation)[];
}

/**
 * Tidy rows of the "criminal" share of each operation's arrests under one definition — ICE's
 * "criminal arrests" (convicted or pending charges), convicted only, or convicted of a
 * non-immigration offence — from core's `criminalShare`. It never guesses: Safe City under ICE's
 * definition is not determinable (its 181 without conviction mix pending charges and none), so
 * that row has `value: null`, the reason, and the bounds 63.7–100%.
 *
 * @param dataset - The dataset holding the operations.
 * @param definition - Which "criminal".
 * @param options - The operations to show.
 * @returns One {@link CriminalityRow} per operation, in percent.
 * @throws {@link IcestatError} `invalid_input` for an unknown operation id.
 * @example
 * criminalityRows(dataset, 'convicted').map((r) => [r.label, r.text]);
 * // => [['ICE nationwide arrests, late January 2025', 'not determinable [0.0–52.0%] of 1,179'], ['Operation Safe City', '63.7% (317 of 498)']]
 */
export function criminalityRows(dataset: DatasetLike, definition: CriminalDefinition, options: CriminalityRowsOptions = {}): CriminalityRow[] {
  const operations = options.operations
    ? options.operations.map((o) => findOperation('criminalityRows', dataset, o))
    : dataset.operations.filter((o) => o.breakdowns.some((b) => b.dimension === 'criminality'));
  return operations.map((op, order) => {
    const base = {
      key: `${op.id}:${definition}`,
      operation: op.id,
      label: op.name,
      group: op.name,
      order,
      definition,
      description: criminalDefinitions[definition],
    };
    const breakdown = op.breakdowns.find((b) => b.dimension === 'criminality');
    if (!breakdown) {
      const lead = (() => {
        try {
          return headlineFigure(op);
        } catch {
          return undefined;
        }
      })();
      const reason = `operation "${op.id}" has no criminality breakdown`;
      return compact<CriminalityRow>({
        ...base,
        value: null,
        low: 0,
        high: 100,
        unit: 'percent',
        qualifier: 'computed',
        text: rowText({ value: null, low: 0, high: 100, unit: 'percent' }),
        determinable: false,
        reason,
        count: null,
        total: lead?.quantity.value ?? 0,
        ...(lead ? provenance(dataset, lead) : { source: null, evidence: null }),
      } as CriminalityRow);
    }
    const s = criminalShare(op, definition);
    const first = breakdown.parts[0]?.figure;
    const from = first ? provenance(dataset, first) : { source: null };
    const evidence = breakdown.parts.map((p) => p.figure.evidence).join(' · ');
    const total = s.total.value;
    const totalText = rowText({ ...s.total, qualifier: 'computed' });
    const common = { ...base, ...from, evidence, unit: 'percent' as const, qualifier: 'computed' as const, total };
    if (s.determinable && s.share && s.count) {
      const share = s.share;
      return compact<CriminalityRow>({
        ...common,
        value: share.value,
        low: share.low,
        high: share.high,
        text: `${rowText({ ...share, qualifier: 'computed' })} (${rowText({ ...s.count, qualifier: 'computed' })} of ${totalText})`,
        determinable: true,
        count: s.count.value,
      } as CriminalityRow);
    }
    return compact<CriminalityRow>({
      ...common,
      value: null,
      low: s.bounds.low,
      high: s.bounds.high,
      text: `${rowText({ value: null, low: s.bounds.low, high: s.bounds.high, unit: 'percent' })} of ${totalText}`,
      determinable: false,
      reason: s.reason ?? 'not determinable from the data',
      count: null,
    } as CriminalityRow);
  });
}
