import type { ClaimKind } from '../model/claim';
import type { Dimension, Tristate } from '../model/breakdown';
import type { Measure, Metric } from '../model/figure';
import type { Period } from '../model/period';
import type { Place } from '../model/place';
import type { CriminalityClass } from '../model/criminality';
import type { Quantity } from '../model/quantity';
import type { Estimate } from '../stats/estimate';

/** How serious a finding is: `error` — cannot be true; `warning` — a reader should look; `info` — checked and consistent, or context. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** What a finding is about; one code per check of {@link audit} (the claim check also says when a claim cannot be recomputed). */
export type FindingCode =
  | 'breakdown-sum'
  | 'parts-exceed-total'
  | 'claim'
  | 'claim-not-computable'
  | 'stated-share'
  | 'derived-figure'
  | 'containment'
  | 'unexplained-remainder'
  | 'sources-disagree'
  | 'impossible-period';

/**
 * What a check concluded, the key the message is written from:
 *
 * | verdict | meaning |
 * |---|---|
 * | `consistent` | checked and holds |
 * | `impossible` | no value the figures' intervals allow makes the statement true |
 * | `not-rounded` | possible, but the computed number would not round to the stated one |
 * | `no-total` | the parts of an exhaustive breakdown add up, and no total is stated to compare |
 * | `part-exceeds` | one part is larger than its total |
 * | `parts-exceed` | exclusive parts add to more than their total |
 * | `overlap-or-wrong` | parts of unknown exclusiveness add to more than their total |
 * | `unexplained` | a breakdown leaves part of its total in no category |
 * | `missing-input`, `not-computable` | a claim cannot be recomputed |
 * | `agree`, `disagree` | two sources on one metric and scope |
 * | `ends-before-start`, `days-mismatch`, `days-exceed-span`, `after-publication`, `outside-operation` | a period that cannot be |
 * | `stock-not-instant` | a stock (people held on a day) given a period of several days |
 * | `attributed` | an exhaustive total's remainder goes to the categories named without a count ("Tonga: implied 1") |
 * | `no-room-for-uncounted` | categories are named without a count, but the counted parts leave none for them |
 * | `named-uncounted` | a remainder of unknown exhaustiveness may lie in categories named without a count |
 * | `place-outside-total` | a part's place lies outside its total's place |
 * | `label-contradicts-class` | a part labelled "convicted" whose class is not, or the reverse |
 * | `misspelt-country` | a country category's words are no country's spelling, but close to one (`mexcio`) |
 * | `label-contradicts-country` | a country category's words name another country than its code |
 */
export type FindingVerdict =
  | 'consistent'
  | 'impossible'
  | 'not-rounded'
  | 'no-total'
  | 'part-exceeds'
  | 'parts-exceed'
  | 'overlap-or-wrong'
  | 'unexplained'
  | 'missing-input'
  | 'not-computable'
  | 'agree'
  | 'disagree'
  | 'ends-before-start'
  | 'days-mismatch'
  | 'days-exceed-span'
  | 'after-publication'
  | 'outside-operation'
  | 'stock-not-instant'
  | 'attributed'
  | 'no-room-for-uncounted'
  | 'named-uncounted'
  | 'place-outside-total'
  | 'label-contradicts-class'
  | 'misspelt-country'
  | 'label-contradicts-country';

/** Where a finding points: the ids involved and the JSON path of the checked item. */
export interface FindingLocation {
  /** JSON path in the dataset, e.g. `operations[4].breakdowns[0]`. */
  readonly path: string;
  readonly operation?: string;
  readonly series?: string;
  readonly breakdown?: string;
  readonly claim?: string;
  readonly figures?: readonly string[];
}

/** A figure a finding involves, with what a reader needs to find it. */
export interface FigureRef {
  readonly id: string;
  readonly metric: Metric;
  readonly quantity: Quantity;
  /** The phrase of the source that states it. */
  readonly evidence: string;
  /** For a breakdown part: the category as the report writes it, or its slug. */
  readonly label?: string;
  /** How the source is described ("official release, ICE"), for `sources-disagree`. */
  readonly provenance?: string;
}

/** One result of {@link audit}: structured fields, and a message written from them. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** What the check concluded; the message is written from it and the fields below. */
  readonly verdict: FindingVerdict;
  /** What was checked and what came out, for a reader. */
  readonly message: string;
  readonly location: FindingLocation;
  /** The breakdown checked: its id and dimension. */
  readonly breakdown?: { readonly id: string; readonly dimension: Dimension; readonly exclusive?: Tristate };
  /** The claim checked: its id, kind, and its words. */
  readonly claim?: { readonly id: string; readonly kind: ClaimKind; readonly statement: string; readonly stated: Quantity };
  /** The derived figure checked, and the operation that derives it. */
  readonly derived?: { readonly figure: FigureRef; readonly operation: ClaimKind };
  /** The operation or series whose figures were compared, by name. */
  readonly container?: string;
  /** The total a breakdown splits. */
  readonly total?: FigureRef;
  /** The parts checked against the total (for `part-exceeds`, the one part). */
  readonly parts?: readonly FigureRef[];
  /** The input figures of a claim, or the two figures of `sources-disagree`. */
  readonly inputs?: readonly FigureRef[];
  /** What the data says it should be (the stated figure, or the total). */
  readonly expected?: Estimate;
  /** What the arithmetic gives. */
  readonly actual?: Estimate;
  /** Always `actual − expected`, with its interval, when both are in one unit. */
  readonly difference?: Estimate;
  /** Categories the source names without a count, which a remainder is attributed to. */
  readonly uncounted?: readonly { readonly category: string; readonly label?: string; readonly evidence: string }[];
  /** For `breakdown-sum` with uncounted categories and `unexplained-remainder`: what the counted parts leave (total − parts), ≥ 0. */
  readonly gap?: Estimate;
  /** For `impossible-period`: the period checked. */
  readonly period?: Period;
  /** What the period is checked against: its day count, the operation's period, the source's publication. */
  readonly reference?: { readonly days?: number; readonly period?: Period; readonly published?: string; readonly title?: string };
  /** For `impossible-period`: the figure's measure (a stock is counted on one day). */
  readonly measure?: Measure;
  /** For `place-outside-total`: the part's place and its total's. */
  readonly places?: { readonly part: Place; readonly whole: Place };
  /** For `label-contradicts-class`: the words, the classes the part covers, and the class the words require or exclude. */
  readonly classes?: {
    readonly label: string;
    readonly classes: readonly CriminalityClass[];
    readonly must?: CriminalityClass;
    readonly mustNot?: CriminalityClass;
  };
  /** For `misspelt-country` and `label-contradicts-country`: the category's words, the part's code if it has one, and the country the words most likely mean. */
  readonly country?: { readonly words: string; readonly code?: string; readonly meant: { readonly code: string; readonly name: string } };
  /** For `claim-not-computable`: why (the statistics' own message). */
  readonly reason?: string;
  /** What the subject is, for the message: `figure “…”` or `operation “…”`. */
  readonly subject?: string;
}

/** A finding as a check produces it: everything but the message, which {@link findingMessage} writes. */
export type FindingDraft = Omit<Finding, 'message'>;
