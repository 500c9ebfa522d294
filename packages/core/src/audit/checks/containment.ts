import { formatPath } from '../../errors';
import type { BreakdownPart, UncountedPart } from '../../model/breakdown';
import type { CriminalityClass } from '../../model/criminality';
import { meantCountry } from '../../records/countries';
import { statesOfPlace, type Place } from '../../model/place';
import { breakdownsOf } from '../../model/walk';
import { figureRef, type AuditCheck } from '../check';

const negation = /\b(no|not|non|none|without|never|other|lacking)\b|\bnon-|n['’]t\b/i;

/** The classes a label's words require or forbid; `undefined` when the words say nothing clear. */
function labelSays(words: string): { readonly must?: CriminalityClass; readonly mustNot?: CriminalityClass; readonly word: string } | undefined {
  const w = words.replace(/-/g, ' ');
  const convicted = /\bconvict(ed|ion|ions)?\b/i.exec(w);
  if (convicted) return negation.test(w) ? { mustNot: 'convicted', word: words } : { must: 'convicted', word: words };
  const pending = /\bpending\b|\bcharged\b/i.exec(w);
  if (pending && !negation.test(w)) return { must: 'pending-charges', word: words };
  return undefined;
}

function totalPlace(part: BreakdownPart | undefined, places: readonly Place[] | undefined): Place | undefined {
  if (part?.place) return part.place;
  return places?.length === 1 ? places[0] : undefined;
}

/**
 * `containment`: a part must lie inside its total and say what its class says — a state part of
 * a place breakdown in a state its total's place (an AOR, a region, a state) covers (no
 * California in a Salt Lake City AOR breakdown), and a criminality part whose label or category
 * says "convicted" must cover the convicted class (and one that says "not convicted" must not).
 * A citizenship or departure-country category (counted or not) must be spelt as the country it
 * is: words that are no country's spelling but close to one (`mexcio`, `Guatamala`) are a likely
 * misspelling ("did you mean Mexico (MX)?") unless the part's `country` already is that country,
 * and words that spell one country while `country` says another (`Guatemala` with `HN`)
 * contradict it. Both are warnings: the words are the source's, and a reader decides. Words far
 * from every country (`Other`, `USSR`, `Unknown`) and parts not recorded are left alone.
 */
export const containmentCheck: AuditCheck = {
  name: 'containment',
  codes: ['containment'],
  description: 'parts lie inside their total and their labels agree with their classes and countries',
  *run(ctx) {
    for (const { breakdown: b, path, operation, total, parent } of breakdownsOf(ctx.dataset)) {
      const location = (pi: number, figure: string) => ({
        path: formatPath([...path, 'parts', pi]),
        operation: operation.id,
        breakdown: b.id,
        figures: [figure],
      });
      const info = { id: b.id, dimension: b.dimension };
      if (b.dimension === 'place' && total) {
        const whole = totalPlace(parent, total.places ?? (parent ? undefined : operation.places));
        const covers = whole ? new Set(statesOfPlace(whole)) : new Set<string>();
        if (whole && covers.size > 0) {
          for (const [pi, part] of b.parts.entries()) {
            if (!part.place) continue;
            const states = statesOfPlace(part.place);
            const outside = states.filter((s) => !covers.has(s));
            if (states.length > 0 && outside.length === states.length) {
              yield {
                code: 'containment',
                severity: 'error',
                verdict: 'place-outside-total',
                location: location(pi, part.figure.id),
                breakdown: info,
                total: figureRef(total),
                parts: [figureRef(part.figure, part.label ?? part.category)],
                places: { part: part.place, whole },
              };
            }
          }
        }
      }
      if (b.dimension === 'citizenship' || b.dimension === 'departure-country') {
        for (const [k, x] of [...b.parts, ...(b.uncounted ?? [])].entries()) {
          const part = 'figure' in x ? x : undefined;
          const named = x as UncountedPart;
          const words = x.label ?? x.category;
          const meant = part?.notRecorded ? undefined : meantCountry(words);
          if (!meant || meant.code === x.country || (meant.exact && !x.country)) continue;
          yield {
            code: 'containment',
            severity: 'warning',
            verdict: meant.exact ? 'label-contradicts-country' : 'misspelt-country',
            location: part
              ? location(k, part.figure.id)
              : { path: formatPath([...path, 'uncounted', k - b.parts.length]), operation: operation.id, breakdown: b.id },
            breakdown: info,
            ...(part
              ? { parts: [figureRef(part.figure, words)] }
              : { uncounted: [{ category: named.category, ...(named.label ? { label: named.label } : {}), evidence: named.evidence }] }),
            country: { words, ...(x.country ? { code: x.country } : {}), meant: { code: meant.code, name: meant.name } },
          };
        }
      }
      if (b.dimension === 'criminality') {
        for (const [pi, part] of b.parts.entries()) {
          const classes = part.criminality ?? [];
          for (const words of [part.label, part.category]) {
            if (!words) continue;
            const says = labelSays(words);
            if (!says) continue;
            const contradicts = (says.must && !classes.includes(says.must)) || (says.mustNot && classes.includes(says.mustNot));
            if (contradicts) {
              yield {
                code: 'containment',
                severity: 'error',
                verdict: 'label-contradicts-class',
                location: location(pi, part.figure.id),
                breakdown: info,
                parts: [figureRef(part.figure, words)],
                classes: { label: words, classes, ...(says.must ? { must: says.must } : {}), ...(says.mustNot ? { mustNot: says.mustNot } : {}) },
              };
              break;
            }
          }
        }
      }
    }
  },
};
