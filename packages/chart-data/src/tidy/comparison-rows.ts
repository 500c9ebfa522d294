import { compare, headlineFigure, ratePerDay, ratio, IcestatError, type Estimate, type Operation } from '@icestat/core';
import type { ChartRow, DatasetLike } from './chart-row';
import { rowText } from './row-text';
import { compact, findOperation, metricWords, provenance, reading } from './internal';

/** A row of {@link comparisonRows}: an operation's headline figure and its ratio to the reference operation. */
export interface ComparisonRow extends ChartRow {
  /** The operation's id. */
  readonly operation: string;
  /** The reference operation's name. */
  readonly reference: string;
  /** This row's value ÷ the reference's; `null` for the reference itself or when not computable. */
  readonly ratio: number | null;
  readonly ratioLow: number | null;
  readonly ratioHigh: number | null;
  /** e.g. `2.00× ICE five-day multi-state operation, June 2019`; `reference` for the reference row. */
  readonly ratioText: string | null;
}

/** Options of {@link comparisonRows}. */
export interface ComparisonRowsOptions {
  /** `total` (the headline count, default) or `per-day` (core's `ratePerDay` over the operation's period). */
  readonly measure?: 'total' | 'per-day';
  /** Id of the operation the others are compared with; the last listed by default, as in `compare(a, b)`. */
  readonly reference?: string;
}

interface Measured {
  readonly op: Operation;
  readonly row: Omit<ComparisonRow, 'ratio' | 'ratioLow' | 'ratioHigh' | 'ratioText' | 'reference'>;
  readonly estimate: Estimate | undefined;
}

function measure(dataset: DatasetLike, op: Operation, how: 'total' | 'per-day', order: number): Measured {
  const figure = headlineFigure(op);
  const base = {
    key: op.id,
    operation: op.id,
    label: op.name,
    metric: metricWords(figure.metric),
    order,
    ...provenance(dataset, figure),
  };
  if (how === 'total') {
    return { op, row: { ...base, ...reading(figure) }, estimate: figure.quantity };
  }
  try {
    const rate = ratePerDay(figure, figure.period ?? op.period);
    const text = rowText({ ...rate, qualifier: 'computed' });
    return {
      op,
      row: { ...base, value: rate.value, low: rate.low, high: rate.high, unit: rate.unit, qualifier: 'computed', text, determinable: true },
      estimate: rate,
    };
  } catch (e) {
    if (!IcestatError.isInstance(e) || e.code !== 'not_determinable') throw e;
    // The period has no known length; it lasted at least a day, so the rate is at most the count.
    const low = 0;
    const high = figure.quantity.high;
    const text = rowText({ value: null, low, high, unit: 'people-per-day' });
    return {
      op,
      row: { ...base, value: null, low, high, unit: 'people-per-day', qualifier: 'computed', text, determinable: false, reason: e.message },
      estimate: undefined,
    };
  }
}

/**
 * Tidy rows comparing several operations by their headline figure (core's `headlineFigure`), or
 * by arrests per day, each with its ratio to a reference operation (core's `compare`): the
 * September 2019 surge's 597 against June's 299 is 2.00× — "twice as large" holds. A rate whose
 * period has no known length is not guessed: the row says `determinable: false`, why, and the
 * bounds the data allows.
 *
 * @param dataset - The dataset holding the operations.
 * @param operations - The operations or their ids, in the order to show them.
 * @param options - Measure (`total` or `per-day`) and reference operation.
 * @returns One {@link ComparisonRow} per operation.
 * @throws {@link IcestatError} `invalid_input` for an unknown id; `not_determinable` when an
 *   operation has no count of people.
 * @example
 * comparisonRows(dataset, ['surge-2019-09', 'multi-state-2019-06']).map((r) => [r.value, r.ratioText]);
 * // => [[597, '2.00× ICE five-day multi-state operation, June 2019'], [299, 'reference']]
 */
export function comparisonRows(dataset: DatasetLike, operations: readonly (string | Operation)[], options: ComparisonRowsOptions = {}): ComparisonRow[] {
  const how = options.measure ?? 'total';
  const measured = operations.map((o, i) => measure(dataset, findOperation('comparisonRows', dataset, o), how, i));
  const ref = options.reference === undefined ? measured[measured.length - 1] : measured.find((m) => m.op.id === options.reference);
  if (!ref) {
    throw new IcestatError('invalid_input', `comparisonRows: expected the reference "${options.reference ?? ''}" among the operations compared; found none`);
  }
  return measured.map((m) => {
    let r: Estimate | undefined;
    if (m !== ref && m.estimate && ref.estimate) {
      try {
        r = how === 'total' ? compare(m.estimate, ref.estimate).ratio : ratio(m.estimate, ref.estimate);
      } catch {
        r = undefined; // The reference may be 0: no ratio.
      }
    }
    const ratioText = m === ref ? 'reference' : r ? `${rowText({ ...r, qualifier: 'computed' })} ${ref.op.name}` : null;
    return compact<ComparisonRow>({
      ...m.row,
      reference: ref.op.name,
      ratio: r?.value ?? null,
      ratioLow: r?.low ?? null,
      ratioHigh: r?.high ?? null,
      ratioText,
    } as ComparisonRow);
  });
}
