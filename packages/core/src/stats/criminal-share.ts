import { IcestatError } from '../errors';
import type { Breakdown, BreakdownPart } from '../model/breakdown';
import { criminalDefinitions, immigrationOffences, type CriminalDefinition, type CriminalityClass } from '../model/criminality';
import type { Operation } from '../model/operation';
import { exactly, toEstimate, type Estimate, type EstimateLike } from './estimate';
import { makeEstimate } from './internal';
import { isSharePart, partCount } from './part-count';
import { share } from './share';
import { sum } from './sum';

/** Counts by ICE criminality class, e.g. from a tally of records; `unknown` holds missing or redacted ones. */
export interface CriminalityCounts {
  readonly convicted: number;
  readonly 'pending-charges': number;
  readonly 'other-immigration-violator': number;
  readonly unknown?: number;
}

/**
 * What {@link criminalShare} reads: an operation (its criminality breakdown), a breakdown part
 * (a nested scope: the criminality breakdown under a city's count), a breakdown with its total,
 * or counts.
 */
export type CriminalityInput =
  | Pick<Operation, 'id' | 'figures' | 'breakdowns'>
  | Pick<BreakdownPart, 'category' | 'figure' | 'breakdowns'>
  | { readonly breakdown: Breakdown; readonly total?: EstimateLike }
  | CriminalityCounts;

/** The share of arrests that are "criminal" under one definition, or why it cannot be told. */
export interface CriminalShare {
  readonly definition: CriminalDefinition;
  /** The definition in words, for captions. */
  readonly description: string;
  readonly determinable: boolean;
  /** Why the data cannot answer, when `determinable` is false. */
  readonly reason?: string;
  /** How many are criminal under the definition (when determinable). */
  readonly count?: Estimate;
  /** Their share of the total, in percent (when determinable). */
  readonly share?: Estimate;
  /** The range of shares the data allows, in percent; equals `share` when determinable. */
  readonly bounds: Estimate;
  /** The total the share is of. */
  readonly total: Estimate;
}

interface Cell {
  readonly classes: readonly CriminalityClass[];
  readonly count: Estimate;
  /** For a stated share ("approximately 75 percent"): the share itself, sharper than count ÷ total. */
  readonly percent?: Estimate;
  readonly offences?: Breakdown;
}

interface Normalised {
  readonly cells: readonly Cell[];
  readonly total: Estimate;
  /** Whether everyone in the total is in some cell. */
  readonly exhaustive: boolean;
  /** Whether no one is in two cells. */
  readonly exclusive: boolean;
  readonly what: string;
}

const definitionClasses: Readonly<Record<'ice-criminal' | 'convicted', ReadonlySet<CriminalityClass>>> = {
  'ice-criminal': new Set(['convicted', 'pending-charges']),
  convicted: new Set(['convicted']),
};

function fromBreakdown(breakdown: Breakdown, total: Estimate | undefined, what: string): Normalised {
  if (!total && breakdown.parts.some((p) => isSharePart(p, undefined))) {
    throw new IcestatError('insufficient_data', `criminalShare: ${what} states shares of a total it does not name`);
  }
  const cells = breakdown.parts.map((p): Cell => {
    const offences = p.breakdowns?.find((b) => b.dimension === 'offence');
    // A stated share ("approximately 75 percent") counts as share × total.
    const percent = isSharePart(p, total) ? toEstimate(p.figure) : undefined;
    return { classes: p.criminality ?? [], count: partCount(p, total), ...(percent ? { percent } : {}), ...(offences ? { offences } : {}) };
  });
  const exhaustive = breakdown.exhaustive === true;
  const exclusive = breakdown.exclusive === true;
  // Exhaustive, exclusive parts add up to the total exactly, which is sharper than a "nearly".
  const t = exhaustive && exclusive && !breakdown.parts.some((p) => isSharePart(p, total)) ? sum(cells.map((c) => c.count)) : total;
  if (!t) throw new IcestatError('insufficient_data', `criminalShare: ${what} has no total and its parts are not exhaustive`);
  return { cells, total: t, exhaustive, exclusive, what };
}

function normalise(input: CriminalityInput): Normalised {
  if ('convicted' in input) {
    const unknown = input.unknown ?? 0;
    const cells: Cell[] = [
      { classes: ['convicted'], count: exactly(input.convicted) },
      { classes: ['pending-charges'], count: exactly(input['pending-charges']) },
      { classes: ['other-immigration-violator'], count: exactly(input['other-immigration-violator']) },
    ];
    if (unknown > 0) cells.push({ classes: ['convicted', 'pending-charges', 'other-immigration-violator'], count: exactly(unknown) });
    const total = exactly(input.convicted + input['pending-charges'] + input['other-immigration-violator'] + unknown);
    return { cells, total, exhaustive: true, exclusive: true, what: 'the counts' };
  }
  if ('category' in input) {
    const nested = input.breakdowns?.find((b) => b.dimension === 'criminality');
    if (!nested) throw new IcestatError('not_determinable', `criminalShare: the part "${input.category}" has no criminality breakdown`);
    return fromBreakdown(nested, toEstimate(input.figure), `part "${input.category}"`);
  }
  if ('breakdown' in input) {
    return fromBreakdown(input.breakdown, input.total ? toEstimate(input.total) : undefined, `breakdown "${input.breakdown.id}"`);
  }
  const breakdown = input.breakdowns.find((b) => b.dimension === 'criminality');
  if (!breakdown) {
    throw new IcestatError('not_determinable', `criminalShare: operation "${input.id}" has no criminality breakdown`);
  }
  const totalFigure = input.figures.find((f) => f.id === breakdown.total);
  return fromBreakdown(breakdown, totalFigure ? toEstimate(totalFigure) : undefined, `operation "${input.id}"`);
}

const classWords: Readonly<Record<CriminalityClass, string>> = {
  convicted: 'convicted',
  'pending-charges': 'facing pending charges',
  'other-immigration-violator': 'other immigration violators',
};

/** ICE classes in words: "convicted or facing pending charges". */
function classList(classes: readonly CriminalityClass[]): string {
  const words = classes.map((c) => classWords[c]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function percentOf(count: Estimate, total: Estimate): Estimate {
  if (count.high <= 0) return { value: 0, low: 0, high: 0, unit: 'percent' };
  return share(count, total);
}

function boundsOf(low: number, high: number, total: Estimate): Estimate {
  const lo = Math.max(0, (low / total.high) * 100);
  const hi = Math.min(100, (high / total.low) * 100);
  return makeEstimate((lo + hi) / 2, lo, hi, 'percent');
}

/** Σ of counts when parts are exclusive; otherwise only the largest part is sure to be counted once. */
function lowerSum(counts: readonly Estimate[], exclusive: boolean): number {
  if (counts.length === 0) return 0;
  return exclusive ? counts.reduce((s, c) => s + c.low, 0) : Math.max(...counts.map((c) => c.low));
}

function byClasses(n: Normalised, definition: 'ice-criminal' | 'convicted'): CriminalShare {
  const want = definitionClasses[definition];
  const inside = n.cells.filter((c) => c.classes.length > 0 && c.classes.every((k) => want.has(k)));
  const outside = n.cells.filter((c) => c.classes.length > 0 && c.classes.every((k) => !want.has(k)));
  const mixed = n.cells.filter((c) => !inside.includes(c) && !outside.includes(c));
  const base = { definition, description: criminalDefinitions[definition], total: n.total };
  if (n.total.high <= 0) {
    return {
      ...base,
      determinable: false,
      reason: `${n.what} counts nobody, so no share can be taken`,
      bounds: { value: 0, low: 0, high: 100, unit: 'percent' },
    };
  }
  const allParts = n.cells.reduce((s, c) => s + c.count.low, 0);
  const unaccounted = n.exhaustive ? 0 : Math.max(0, n.total.high - (n.exclusive ? allParts : 0));
  const low = lowerSum(
    inside.map((c) => c.count),
    n.exclusive,
  );
  const high = [...inside, ...mixed].reduce((s, c) => s + c.count.high, 0) + unaccounted;
  const reasons: string[] = [];
  for (const c of mixed) {
    reasons.push(
      c.classes.length === 0
        ? `a part of ${c.count.value} has no criminality class`
        : `the ${c.count.value} counted together as ${classList(c.classes)} are not split between them`,
    );
  }
  if (!n.exhaustive) reasons.push(`the parts of ${n.what} are not known to cover everyone`);
  if (!n.exclusive) reasons.push(`the parts of ${n.what} may overlap`);
  // Where every part states a share, the shares bound the answer directly: about 75% convicted
  // is 67.5–82.5% whatever the total, not the wider 459–701 of 680–850 people.
  const shares = n.cells.length > 0 && n.cells.every((c) => c.percent) ? n.cells.map((c) => c.percent!) : undefined;
  if (reasons.length > 0) {
    if (shares) {
      const pct = (cs: readonly Cell[]) => cs.map((c) => c.percent!);
      const lo = lowerSum(pct(inside), n.exclusive);
      const rest = n.exhaustive ? 0 : Math.max(0, 100 - (n.exclusive ? shares.reduce((t, e) => t + e.low, 0) : 0));
      const hi = Math.min(100, pct([...inside, ...mixed]).reduce((t, e) => t + e.high, 0) + rest);
      return { ...base, determinable: false, reason: `${reasons.join('; ')}`, bounds: makeEstimate((lo + hi) / 2, lo, Math.max(lo, hi), 'percent') };
    }
    return { ...base, determinable: false, reason: `${reasons.join('; ')}`, bounds: boundsOf(low, high, n.total) };
  }
  const count = inside.length === 0 ? exactly(0, n.total.unit) : sum(inside.map((c) => c.count));
  const s = shares ? (inside.length === 0 ? exactly(0, 'percent') : clipPercent(sum(inside.map((c) => c.percent!)))) : percentOf(count, n.total);
  return { ...base, determinable: true, count, share: s, bounds: s };
}

function clipPercent(e: Estimate): Estimate {
  return makeEstimate(Math.min(100, e.value), Math.min(100, e.low), Math.min(100, e.high), 'percent');
}

function nonImmigration(n: Normalised, convicted: CriminalShare): CriminalShare {
  const definition = 'convicted-non-immigration' as const;
  const base = { definition, description: criminalDefinitions[definition], total: n.total };
  if (!convicted.determinable && n.total.high <= 0) return { ...convicted, ...base };
  const convictedCells = n.cells.filter((c) => c.classes.length === 1 && c.classes[0] === 'convicted');
  const reasons: string[] = [];
  let low = 0;
  // Nobody outside the convicted can be in; at most all the convicted are.
  let high = (convicted.bounds.high * n.total.low) / 100;
  if (!convicted.determinable) reasons.push(`the convicted cannot be counted (${convicted.reason ?? ''})`);
  let exact: Estimate[] = [];
  for (const cell of convictedCells) {
    const o = cell.offences;
    if (!o) {
      reasons.push(`the ${cell.count.value} convicted are not broken down by offence`);
      continue;
    }
    const nonImm = o.parts.filter((p) => !immigrationOffences.has(p.offence ?? p.category)).map((p) => toEstimate(p.figure));
    const imm = o.parts.filter((p) => immigrationOffences.has(p.offence ?? p.category)).map((p) => toEstimate(p.figure));
    low += lowerSum(nonImm, o.exclusive === true);
    high -= lowerSum(imm, o.exclusive === true);
    if (o.exhaustive !== true || o.exclusive !== true) {
      const given = nonImm.concat(imm).reduce((s, e) => s + e.value, 0);
      reasons.push(
        `the offence breakdown of the ${cell.count.value} convicted is not ${o.exhaustive !== true ? 'exhaustive' : 'exclusive'} (it names ${given} of them)`,
      );
    } else {
      exact = exact.concat(nonImm);
    }
  }
  if (convictedCells.length === 0 && convicted.determinable && convicted.count && convicted.count.high > 0) {
    reasons.push('no part counts the convicted alone, so their offences are unknown');
  }
  if (reasons.length > 0 || !convicted.determinable) {
    return { ...base, determinable: false, reason: reasons.join('; '), bounds: boundsOf(low, Math.max(low, high), n.total) };
  }
  const count = exact.length === 0 ? exactly(0, n.total.unit) : sum(exact);
  const s = percentOf(count, n.total);
  return { ...base, determinable: true, count, share: s, bounds: s };
}

/**
 * The share of arrests that count as "criminal" under one definition — ICE's "criminal arrests"
 * (convicted + pending charges), convicted only, or convicted of a non-immigration offence. Reads
 * the criminality breakdown of an operation (and, for the last definition, the offence breakdown
 * nested under the convicted). Where the data cannot answer — a part that lumps convicted and
 * pending together, an offence list that is not exhaustive — the result says `determinable:
 * false`, gives the `reason`, and still gives the `bounds` the data allows; it never guesses.
 *
 * @param input - An operation, a breakdown with its total, or counts by class.
 * @param definition - Which "criminal".
 * @returns {@link CriminalShare}.
 * @throws {@link IcestatError} `not_determinable` when an operation has no criminality breakdown.
 * @example
 * criminalShare(safeCity, 'convicted').share?.value; // => 63.654618474 (317 of 498)
 * criminalShare(safeCity, 'ice-criminal').determinable; // => false (the 181 mix pending and other)
 */
export function criminalShare(input: CriminalityInput, definition: CriminalDefinition): CriminalShare {
  const n = normalise(input);
  if (definition === 'convicted-non-immigration') return nonImmigration(n, byClasses(n, 'convicted'));
  return byClasses(n, definition);
}

/** Every definition's {@link CriminalShare}, and how far the choice of definition moves the share. */
export interface CriminalShareSummary {
  readonly shares: Readonly<Record<CriminalDefinition, CriminalShare>>;
  /**
   * The widest range of shares across the definitions, from the lowest bound to the highest: how
   * much the word "criminal" can be made to mean, in percentage points.
   */
  readonly range: { readonly low: number; readonly high: number; readonly points: number };
  /** The spread of the determinable definitions' point shares (max − min), when two or more are determinable. */
  readonly spread?: number;
}

/**
 * {@link criminalShare} under every definition, with how far the definitions move the share.
 *
 * @param input - An operation, a breakdown with its total, or counts by class.
 * @returns {@link CriminalShareSummary}.
 * @example
 * criminalShares({ convicted: 317, 'pending-charges': 90, 'other-immigration-violator': 91 }).spread;
 * // => 18.07… (ice-criminal 81.7% vs convicted 63.7%)
 */
export function criminalShares(input: CriminalityInput): CriminalShareSummary {
  const definitions: CriminalDefinition[] = ['ice-criminal', 'convicted', 'convicted-non-immigration'];
  const entries = definitions.map((d) => [d, criminalShare(input, d)] as const);
  const shares = Object.fromEntries(entries) as Record<CriminalDefinition, CriminalShare>;
  const lows = entries.map(([, s]) => s.bounds.low);
  const highs = entries.map(([, s]) => s.bounds.high);
  const low = Math.min(...lows);
  const high = Math.max(...highs);
  const points = entries.flatMap(([, s]) => (s.share ? [s.share.value] : []));
  const range = { low, high, points: Math.round((high - low) * 1e9) / 1e9 };
  return points.length >= 2 ? { shares, range, spread: Math.round((Math.max(...points) - Math.min(...points)) * 1e9) / 1e9 } : { shares, range };
}

/** The criminal shares of one scope: the operation itself, or a breakdown part with its own criminality breakdown. */
export interface ScopedCriminalShares {
  /** `operation` for the operation's own breakdown, else the path of parts down to the scope, e.g. `safe-city-2017-by-place › philadelphia`. */
  readonly scope: string;
  /** The count the shares are of. */
  readonly figure: string;
  readonly summary: CriminalShareSummary;
}

/**
 * {@link criminalShares} for an operation and every nested scope that has its own criminality
 * breakdown (a city's arrests inside a nationwide operation, split by criminality), at any depth.
 *
 * @param operation - An operation.
 * @returns One entry per scope with a criminality breakdown, the operation first.
 * @example
 * criminalSharesByScope(surge).map((s) => s.scope); // => ['operation', 'surge-by-city › chicago']
 */
export function criminalSharesByScope(operation: Pick<Operation, 'id' | 'figures' | 'breakdowns'>): ScopedCriminalShares[] {
  const out: ScopedCriminalShares[] = [];
  const top = operation.breakdowns.find((b) => b.dimension === 'criminality');
  if (top) out.push({ scope: 'operation', figure: top.total ?? operation.id, summary: criminalShares(operation) });
  const visit = (b: Breakdown, trail: string): void => {
    for (const part of b.parts) {
      const here = `${trail} › ${part.category}`;
      if (part.breakdowns?.some((nb) => nb.dimension === 'criminality') && b.dimension !== 'criminality') {
        out.push({ scope: here, figure: part.figure.id, summary: criminalShares(part) });
      }
      for (const nb of part.breakdowns ?? []) visit(nb, `${here} › ${nb.id}`);
    }
  };
  for (const b of operation.breakdowns) visit(b, b.id);
  return out;
}
