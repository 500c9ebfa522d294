// A FOIA redaction as a record field holds it, with no zod: tallies and the record loaders' worker
// threads read it without loading the schemas of the model (`redactedSchema` is checked against it).

/**
 * A value withheld under FOIA exemptions, e.g. `(b)(6)(b)(7)(c)`. Redacted is neither missing nor
 * invalid, and tallies count it as its own group.
 *
 * @example
 * const withheld: Redacted = { redacted: true, marker: '(b)(6)(b)(7)(c)' };
 */
export type Redacted = {
  redacted: true;
  /** The marker as the release writes it. */
  marker?: string | undefined;
};

/**
 * Whether a field value is a FOIA redaction.
 *
 * @param v - A field value of a record (an arrest record, any record table's).
 * @returns `true` for `{ redacted: true }`.
 * @example
 * isRedacted({ redacted: true, marker: '(b)(6)' }); // => true
 */
export function isRedacted(v: unknown): v is Redacted {
  return typeof v === 'object' && v !== null && (v as { redacted?: unknown }).redacted === true;
}
