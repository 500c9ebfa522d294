// ICE's criminality classes as plain values, with no zod: tallies and the record loaders' worker
// threads read them without loading the schemas of the model (`criminalityClassSchema` is built on them).

/**
 * ICE's three classes of the people it arrests, as written in records: convicted of a crime,
 * facing pending criminal charges, or an "other immigration violator" with no known conviction or
 * charge.
 *
 * @example
 * criminalityClassValues[0]; // => 'convicted'
 */
export const criminalityClassValues = ['convicted', 'pending-charges', 'other-immigration-violator'] as const satisfies readonly CriminalityClass[];

/**
 * One of ICE's criminality classes.
 *
 * @example
 * const c: CriminalityClass = 'pending-charges';
 */
export type CriminalityClass = 'convicted' | 'pending-charges' | 'other-immigration-violator';

/** Every criminality class, in ICE's order (1 convicted, 2 pending, 3 other). */
export const criminalityClasses: readonly CriminalityClass[] = criminalityClassValues;
