// Every audit message is written here, from a finding's structured fields, so checks never
// format text and the wording stays one voice.
import type { ClaimKind } from '../model/claim';
import type { CriminalityClass } from '../model/criminality';
import type { Period } from '../model/period';
import { placeName } from '../model/place';
import type { Estimate } from '../stats/estimate';
import { formatEstimate, formatNumber } from '../stats/format';
import type { FigureRef, FindingDraft } from './finding';

const kindWords: Readonly<Record<ClaimKind, string>> = {
  sum: 'sum',
  difference: 'difference',
  ratio: 'ratio',
  share: 'share',
  complement: 'remainder',
  'rate-per-day': 'rate per day',
  'percent-change': 'percent change',
};

const quote = (f: FigureRef): string => `“${f.evidence}”`;
/** A stated number with the digits it was stated with, without its qualifier: `6,000.25`, `75%`. */
const stated = (q: FigureRef['quantity']): string => formatEstimate({ ...q, qualifier: 'exact', low: q.value, high: q.value });
const partsText = (parts: readonly FigureRef[]): string => parts.map((p) => stated(p.quantity)).join(' + ');
const totalText = (t: FigureRef): string => `${formatEstimate(t.quantity)} (${quote(t)})`;

/** "1.0 percentage point higher", "10 fewer", "the same": the gap between a computed and a stated number. */
function describeGap(actual: Estimate, expected: Estimate): string {
  const d = actual.value - expected.value;
  if (Math.abs(d) < 1e-9) return 'the same';
  const size = Math.abs(d);
  if (expected.unit === 'percent') {
    const points = size.toFixed(1);
    return `${points} percentage point${points === '1.0' ? '' : 's'} ${d > 0 ? 'higher' : 'lower'}`;
  }
  const words = expected.unit === 'ratio' ? (d > 0 ? 'higher' : 'lower') : d > 0 ? 'more' : 'fewer';
  return `${formatNumber(size, expected.unit)} ${words}`;
}

function judgementNote(f: FindingDraft, statedValue: FigureRef['quantity']): string {
  if (f.verdict === 'impossible') return 'cannot be true for any value the figures allow';
  const rounded = formatEstimate({ ...statedValue, qualifier: 'exact', low: statedValue.value, high: statedValue.value });
  return statedValue.qualifier !== 'exact'
    ? `within “${statedValue.qualifier.replace('-', ' ')}”, but it would not round to ${rounded}`
    : `within the figures' intervals, but it would not round to ${rounded}`;
}

function periodText(p: Period): string {
  return p.start && p.end ? `${p.start} … ${p.end}` : (p.start ?? p.end ?? p.label ?? '');
}

function scopeText(f: FindingDraft): string {
  const a = f.inputs?.[0];
  const p = f.period;
  const when = p?.label ? ` (${p.label})` : p?.start ? ` on ${p.start}${p.end && p.end !== p.start ? ` … ${p.end}` : ''}` : '';
  return `${a?.metric ?? ''}${when}`;
}

function breakdownMessage(f: FindingDraft): string {
  const b = f.breakdown!;
  const head = `${b.dimension} breakdown “${b.id}”`;
  const parts = f.parts ?? [];
  const sum = f.actual ? formatEstimate(f.actual) : '';
  switch (f.verdict) {
    case 'no-total':
      return `${head}: no total is stated; the parts add to ${sum} (${partsText(parts)})`;
    case 'consistent':
      return `${head}: the parts add to ${sum} (${partsText(parts)}), consistent with the total ${totalText(f.total!)}`;
    case 'impossible':
    case 'not-rounded':
      return `${head}: the parts add to ${sum} (${partsText(parts)}), but the total is ${totalText(f.total!)} — ${describeGap(f.actual!, f.expected!)}; ${judgementNote(f, f.total!.quantity)}`;
    case 'part-exceeds': {
      const p = parts[0]!;
      return `${head}: the part “${p.label ?? p.id}” (${formatEstimate(p.quantity)}) exceeds the total ${totalText(f.total!)}`;
    }
    case 'parts-exceed':
      return `${head}: the parts add to ${sum} (${partsText(parts)}), more than the total ${totalText(f.total!)}`;
    case 'overlap-or-wrong':
      return `${head}: the parts add to ${sum} (${partsText(parts)}), more than the total ${totalText(f.total!)}; either they overlap or a figure is wrong`;
    case 'unexplained': {
      const t = f.total!;
      const exclusive = b.exclusive === true;
      return `${head}: ${formatEstimate(t.quantity)} − (${partsText(parts)}) leaves ${exclusive ? '' : 'at least '}${formatNumber(f.gap!.value, f.gap!.unit)} of ${quote(t)} in no category${exclusive ? '' : ' (more if the categories overlap)'}; the source does not explain them`;
    }
    case 'attributed':
    case 'no-room-for-uncounted': {
      const names = (f.uncounted ?? []).map((u) => u.label ?? u.category);
      const left = `the parts add to ${sum} (${partsText(parts)}) of the total ${totalText(f.total!)}`;
      if (f.verdict === 'no-room-for-uncounted') {
        return `${head}: ${left}, leaving ${formatEstimate(f.gap!)} for ${names.join(', ')}, which the source names without a count — too few for ${names.length === 1 ? 'it' : `all ${names.length}`}; cannot be true for any value the figures allow`;
      }
      return `${head}: ${left}; the rest goes to what the source names without a count — ${names.join(' and ')}: implied ${formatEstimate(f.gap!)}${names.length > 1 ? ' together' : ''}`;
    }
    case 'named-uncounted': {
      const names = (f.uncounted ?? []).map((u) => u.label ?? u.category);
      const t = f.total!;
      return `${head}: ${formatEstimate(t.quantity)} − (${partsText(parts)}) leaves ${formatNumber(f.gap!.value, f.gap!.unit)} of ${quote(t)} in no counted category; the source names ${names.join(' and ')} without a count, which may account for them`;
    }
    default:
      return `${head}: ${f.verdict}`;
  }
}

const classWords: Readonly<Record<CriminalityClass, string>> = {
  convicted: 'convicted',
  'pending-charges': 'pending charges',
  'other-immigration-violator': 'other immigration violator',
};

function containmentMessage(f: FindingDraft): string {
  if (f.country) return countryMessage(f);
  const head = `${f.breakdown!.dimension} breakdown “${f.breakdown!.id}”`;
  const p = f.parts![0]!;
  if (f.verdict === 'place-outside-total') {
    const { part, whole } = f.places!;
    return `${head}: the part ${placeName(part)} (${stated(p.quantity)}, “${p.evidence}”) lies outside ${placeName(whole)}, the place of its total ${totalText(f.total!)}`;
  }
  const c = f.classes!;
  const covers = c.classes.length === 0 ? 'no class' : c.classes.map((k) => classWords[k]).join(' + ');
  const wants = c.must ? `the ${classWords[c.must]} class` : `no ${classWords[c.mustNot!]} class`;
  return `${head}: the part labelled “${c.label}” (${stated(p.quantity)}) covers ${covers}, but its words mean ${wants}`;
}

function countryMessage(f: FindingDraft): string {
  const c = f.country!;
  const p = f.parts?.[0];
  const head = `${f.breakdown!.dimension} breakdown “${f.breakdown!.id}”: ${p ? `the part “${c.words}” (${stated(p.quantity)})` : `“${c.words}”, named without a count,`}`;
  const meant = `${c.meant.name} (${c.meant.code})`;
  if (f.verdict === 'label-contradicts-country') return `${head} names ${meant}, but carries country ${c.code}`;
  return `${head}${c.code === undefined ? ' is' : ` carries country ${c.code}, but its words are`} spelt as no country — did you mean ${meant}?`;
}

function statedShareMessage(f: FindingDraft): string {
  const [sp, cp] = f.parts as [FigureRef, FigureRef];
  const head = `${f.breakdown!.dimension} breakdown “${f.breakdown!.id}”: “${sp.evidence}” states ${formatEstimate(sp.quantity)} of ${totalText(f.total!)}; the stated count ${formatEstimate(cp.quantity)} (“${cp.evidence}”) is ${formatEstimate(f.actual!)} of it`;
  return f.verdict === 'consistent' ? `${head} — consistent` : `${head} — ${describeGap(f.actual!, f.expected!)}; ${judgementNote(f, sp.quantity)}`;
}

function derivedMessage(f: FindingDraft): string {
  const d = f.derived!;
  const op = d.operation === 'sum' ? ' + ' : d.operation === 'difference' || d.operation === 'complement' ? ' − ' : ' ÷ ';
  const inputText = (f.inputs ?? []).map((i) => formatEstimate(i.quantity)).join(op);
  const head = `derived figure ${formatEstimate(d.figure.quantity)} (“${d.figure.evidence}”)`;
  if (f.verdict === 'not-computable') return `${head}: the ${kindWords[d.operation]} of ${inputText} cannot be computed: ${f.reason ?? 'unknown reason'}`;
  const body = `${head}: the ${kindWords[d.operation]} of ${inputText} is ${formatEstimate(f.actual!)}`;
  return f.verdict === 'consistent' ? `${body} — consistent` : `${body} — ${describeGap(f.actual!, f.expected!)}; ${judgementNote(f, d.figure.quantity)}`;
}

function claimMessage(f: FindingDraft): string {
  const c = f.claim!;
  const stated = `“${c.statement}”`;
  const inputs = f.inputs ?? [];
  const op = c.kind === 'sum' ? ' + ' : c.kind === 'difference' || c.kind === 'complement' ? ' − ' : ' ÷ ';
  const inputText = inputs.map((i) => formatEstimate(i.quantity)).join(op);
  switch (f.verdict) {
    case 'missing-input':
      return `claim ${stated}: an input figure is missing`;
    case 'not-computable':
      return `claim ${stated} (${kindWords[c.kind]} of ${inputText}) cannot be recomputed: ${f.reason ?? 'unknown reason'}`;
    default: {
      const head = `claim ${stated}: states ${formatEstimate(c.stated)}; the ${kindWords[c.kind]} of ${inputText} is ${formatEstimate(f.actual!)}`;
      return f.verdict === 'consistent' ? `${head} — consistent` : `${head} — ${describeGap(f.actual!, f.expected!)}; ${judgementNote(f, c.stated)}`;
    }
  }
}

function sourcesMessage(f: FindingDraft): string {
  const [a, b] = f.inputs as [FigureRef, FigureRef];
  const one = (x: FigureRef): string => `${formatEstimate(x.quantity)} ${quote(x)} (${x.provenance ?? ''})`;
  if (f.verdict === 'agree') return `${f.container}: ${one(a)} and ${one(b)} for ${scopeText(f)} agree within their intervals`;
  const d = f.difference!;
  const apart = { ...d, value: Math.abs(d.value), low: Math.min(Math.abs(d.low), Math.abs(d.high)), high: Math.max(Math.abs(d.low), Math.abs(d.high)) };
  return `${f.container}: sources disagree on ${scopeText(f)} — ${one(a)} vs ${one(b)}: ${formatEstimate(apart)} apart`;
}

function periodMessage(f: FindingDraft): string {
  const p = f.period!;
  const r = f.reference ?? {};
  switch (f.verdict) {
    case 'ends-before-start':
      return `${f.subject}: ends ${p.end}, before it starts ${p.start}`;
    case 'days-mismatch':
      return `${f.subject}: ${periodText(p)} is ${r.days} days, not ${p.days}`;
    case 'days-exceed-span':
      return `${f.subject}: lasts ${p.days} days but fits in ${periodText(p)} (${r.days} days)`;
    case 'after-publication':
      return `${f.subject}: starts ${p.start}, after its source “${r.title}” was published (${r.published})`;
    case 'stock-not-instant':
      return `${f.subject}: a population held on one day, but its period runs ${periodText(p)}; give the day it was counted`;
    case 'outside-operation':
      return `${f.subject}: its period ${periodText(p)} reaches outside its operation's ${periodText(r.period ?? {})}`;
    default:
      return `${f.subject}: ${f.verdict}`;
  }
}

/**
 * The message of a finding, written from its code, verdict and fields. Every audit message is
 * written here.
 *
 * @param finding - A finding without its message, as a check yields it.
 * @returns The sentence a reader sees.
 * @example
 * findingMessage({ code: 'unexplained-remainder', verdict: 'unexplained', ... });
 * // => 'immigration-history breakdown “…”: 181 − (68 + 104) leaves at least 9 of “181” in no category (more if the categories overlap); the source does not explain them'
 */
export function findingMessage(finding: FindingDraft): string {
  switch (finding.code) {
    case 'breakdown-sum':
    case 'parts-exceed-total':
    case 'unexplained-remainder':
      return breakdownMessage(finding);
    case 'claim':
    case 'claim-not-computable':
      return claimMessage(finding);
    case 'derived-figure':
      return derivedMessage(finding);
    case 'stated-share':
      return statedShareMessage(finding);
    case 'containment':
      return containmentMessage(finding);
    case 'sources-disagree':
      return sourcesMessage(finding);
    case 'impossible-period':
      return periodMessage(finding);
  }
}
