/**
 * The cells that mean "no value" in record-level releases and their copies: blank, R's `NA`,
 * `N/A`, SQL's `NULL` and `(null)`. Compared after trimming, ignoring case.
 *
 * @example
 * defaultMissingValues.includes('NA'); // => true
 */
export const defaultMissingValues: readonly string[] = Object.freeze(['', 'NA', 'N/A', 'NULL', '(null)']);

/**
 * Builds the test for missing cells from a list of markers (trimmed, case ignored). Blank is
 * always missing.
 *
 * @param markers - The texts that mean "no value"; {@link defaultMissingValues} by default.
 * @returns A function telling whether a cell is missing.
 * @example
 * const isMissing = missingValueMatcher();
 * isMissing(' na '); // => true
 * isMissing('NAMIBIA'); // => false
 * missingValueMatcher(['-'])('-'); // => true
 */
export function missingValueMatcher(markers: readonly string[] = defaultMissingValues): (cell: string) => boolean {
  const folded = new Set(markers.map((m) => m.trim().toUpperCase()));
  folded.add('');
  const longest = Math.max(...[...folded].map((m) => m.length));
  return (cell) => {
    const s = cell.trim();
    return s.length === 0 || (s.length <= longest && folded.has(s.toUpperCase()));
  };
}
