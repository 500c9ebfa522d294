// The AOR values of records and their readers, with no zod: tallies and the record loaders' worker
// threads use them without loading the schemas of the model (the schemas are checked against them).
import { resolveAor, type AorCode } from '../reference/aor-data';

/**
 * The AOR value of ICE headquarters. Releases write it `HQ Area of Responsibility`; it is a real
 * value (a few hundred records a year), covers no state, and is labelled "ICE headquarters".
 *
 * @example
 * HQ_AOR; // => 'HQ'
 */
export const HQ_AOR = 'HQ';

/**
 * The AOR codes a record can hold: the 25 field offices and `HQ`.
 *
 * @example
 * const code: RecordAorCode = 'HQ';
 */
export type RecordAorCode = AorCode | typeof HQ_AOR;

/**
 * A value a column's vocabulary does not know, kept as written rather than rejected or guessed at:
 * `{ unknown: 'Springfield Area of Responsibility' }`. Tallies count it under its own text.
 *
 * @example
 * const kept: UnknownValue = { unknown: 'Springfield Area of Responsibility' };
 */
export type UnknownValue = { unknown: string };

/**
 * Whether a field value is a value its vocabulary did not know ({@link UnknownValue}).
 *
 * @param v - A record field value.
 * @returns `true` for `{ unknown: … }`.
 * @example
 * isUnknownValue({ unknown: 'Springfield' }); // => true
 * isUnknownValue('SEA'); // => false
 */
export function isUnknownValue(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && typeof (v as { unknown?: unknown }).unknown === 'string';
}

const hqSpellings = new Set(['hq', 'hq area of responsibility', 'hq aor', 'headquarters', 'ice headquarters', 'ice hq', 'ero headquarters']);

/**
 * Resolves an AOR cell of a record: a field office by code or any name {@link resolveAor} knows,
 * or ICE headquarters (`HQ`, `HQ Area of Responsibility`, `Headquarters`).
 *
 * @param text - The cell.
 * @returns The code, or `undefined` when the text names no known office.
 * @example
 * resolveRecordAor('HQ Area of Responsibility'); // => 'HQ'
 * resolveRecordAor('Seattle Area of Responsibility'); // => 'SEA'
 * resolveRecordAor('Springfield'); // => undefined
 */
export function resolveRecordAor(text: string): RecordAorCode | undefined {
  const known = resolveAor(text)?.code;
  if (known !== undefined) return known;
  return hqSpellings.has(text.trim().toLowerCase().replace(/\s+/g, ' ')) ? HQ_AOR : undefined;
}

/**
 * A reader's label for an AOR code: the office's city, or "ICE headquarters" for `HQ`.
 *
 * @param code - A {@link RecordAorCode}.
 * @returns The label.
 * @example
 * recordAorLabel('HQ'); // => 'ICE headquarters'
 * recordAorLabel('SPM'); // => 'St. Paul'
 */
export function recordAorLabel(code: RecordAorCode): string {
  if (code === HQ_AOR) return 'ICE headquarters';
  return resolveAor(code as AorCode)?.name ?? code;
}
