import type { CriminalityClass } from '@icestat/core';

const classWords: Readonly<Record<CriminalityClass, string>> = {
  convicted: 'convicted',
  'pending-charges': 'pending criminal charges',
  'other-immigration-violator': 'other immigration violator',
};

/**
 * ICE criminality classes in words, for chart labels and legends. Several classes in one cell
 * (ICE's "criminal arrests" lump convicted and pending) are joined with "or".
 *
 * @param classes - One or more ICE criminality classes, or a tally's class value.
 * @returns e.g. `convicted or pending criminal charges`.
 * @example
 * criminalityLabel(['convicted', 'pending-charges']); // => 'convicted or pending criminal charges'
 * criminalityLabel(['other-immigration-violator']); // => 'other immigration violator'
 */
export function criminalityLabel(classes: readonly (CriminalityClass | string)[]): string {
  return classes.map((c) => (c in classWords ? classWords[c as CriminalityClass] : c.replace(/-/g, ' '))).join(' or ');
}
