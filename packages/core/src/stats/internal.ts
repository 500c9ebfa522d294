// Helpers shared by the statistics; not part of the public API.
import { IcestatError } from '../errors';
import { isWholeUnit, type Unit } from '../model/quantity';
import type { Estimate } from './estimate';

/** How far from a whole number a bound may be and still count as it: 1e-9 relative. */
function dust(x: number): number {
  return 1e-9 * Math.max(1, Math.abs(x));
}

/** Removes floating-point dust so 0.1 + 0.2 does not become a finding. */
export function snap(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e9) / 1e9 : x;
}

/**
 * Builds an estimate from a point and a real interval, keeping counts whole: a count of people
 * in `[136.2, 255.0]` is a whole number in `[137, 255]`, and its point estimate is rounded. If no
 * whole number lies in the interval (inconsistent, rounded inputs: 10 people at 33–34% leaves
 * 6.6–6.7), the interval widens to the whole numbers on either side, [6, 7]: still sound, but in
 * that case alone a wider input can give a narrower result (30–34% leaves 6.6–7.0, so [7, 7]).
 */
export function makeEstimate(value: number, low: number, high: number, unit: Unit): Estimate {
  let v = snap(value);
  let lo = snap(Math.min(low, value));
  let hi = snap(Math.max(high, value));
  if (isWholeUnit(unit)) {
    // A bound within floating-point dust of a whole number is that number: 8 × (100 − 6e-9)% is
    // 7.9999999995 in doubles, and rounding it inward must not lose the 8 (1e-9 relative, like snap).
    const cl = Math.ceil(lo - dust(lo)) + 0; // + 0: no -0 from ceil(-1e-9)
    const fh = Math.floor(hi + dust(hi));
    if (cl <= fh) {
      lo = cl;
      hi = fh;
    } else {
      lo = Math.floor(lo);
      hi = Math.ceil(hi);
    }
    v = Math.min(hi, Math.max(lo, Math.round(v)));
  }
  return { value: v, low: lo, high: hi, unit };
}

/** Throws unless all estimates share a unit; returns it. */
export function sameUnit(fn: string, estimates: readonly Estimate[]): Unit {
  const unit = estimates[0]?.unit;
  if (unit === undefined) throw new IcestatError('insufficient_data', `${fn} needs at least 1 value; received 0`);
  for (const e of estimates) {
    if (e.unit !== unit) {
      throw new IcestatError('invalid_input', `${fn} needs values in one unit; received ${unit} and ${e.unit}`);
    }
  }
  return unit;
}
