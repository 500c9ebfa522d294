import type { Operation, Qualifier, Series, Source, Unit } from '@icestat/core';

/**
 * How a row's number was qualified: a report's {@link Qualifier} ("nearly", "about", …), or
 * `computed` for numbers icestat worked out (shares, rates per day) rather than read.
 */
export type RowQualifier = Qualifier | 'computed';

/** The source a row's number was read in, as a caption names it. */
export interface SourceRef {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url?: string;
}

/**
 * One mark of a chart as a plain object: the number with its interval, unit and qualifier, a
 * human label, where it was said (`source`, the `evidence` phrase) and caption-ready `text`
 * such as "nearly 500 [450–500]". Every builder of this package returns these (or a subtype),
 * and the Vega-Lite specs and Chart.js configs carry them inline, so any plotting library can
 * use them as they are.
 */
export interface ChartRow {
  /** A key unique within the rows: the figure id, or one built from the row's dimensions. */
  readonly key: string;
  /** What the mark stands for, in words: a place, an operation, a fiscal year. */
  readonly label: string;
  /** The point estimate; `null` only when `determinable` is false. */
  readonly value: number | null;
  /** Lower end of the interval the number stands for. */
  readonly low: number;
  /** Upper end of the interval the number stands for. */
  readonly high: number;
  readonly unit: Unit;
  readonly qualifier: RowQualifier;
  /** The colour dimension, when rows form several series (e.g. a criminality class). */
  readonly series?: string;
  /** The operation (or other whole) the row belongs to. */
  readonly group?: string;
  /** What is counted, in words: `arrests`, `detentions`. */
  readonly metric?: string;
  /** The report's own words for the category or place, when they differ from `label`. */
  readonly reported?: string;
  /** For rows about places: the kind of place (`city`, `aor`, …). */
  readonly placeKind?: string;
  /** Position of the row in its source order (document order, or time order). */
  readonly order: number;
  /** Where the number was said; `null` for counts of records with no source given. */
  readonly source: SourceRef | null;
  /** The source that `source` attributes the number to (a newspaper citing ICE). */
  readonly citing?: SourceRef;
  /** The shortest phrase of the source that states the number. */
  readonly evidence: string | null;
  /** Caption-ready text: `nearly 500 [450–500]`, `63.7%`, `not determinable [63.7–100.0%]`. */
  readonly text: string;
  /** Whether the data gives a point value; when false, `value` is null and `reason` says why. */
  readonly determinable: boolean;
  /** Why the value cannot be determined, when `determinable` is false. */
  readonly reason?: string;
}

/** What the row builders read: a parsed dataset, or anything with its sources, operations and series. */
export interface DatasetLike {
  readonly sources: readonly Source[];
  readonly operations: readonly Operation[];
  readonly series?: readonly Series[];
}
