/**
 * A URL- and id-safe slug of a name: `Operation Safe City` → `operation-safe-city`.
 *
 * @param name - Any text.
 * @returns Lower-case letters, digits and dashes, at most 120 characters; empty when nothing is left.
 * @throws Never.
 * @example
 * slugify('Opération “Safe City”'); // => 'operation-safe-city'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}
