// The kinds of record fields as plain values, with no zod: the record loaders' worker threads read
// them without loading the schemas of the model (`fieldKindSchemas` gives each kind its schema).

/**
 * How a record column's text is read, checked and kept:
 *
 * - `date`: a day, kept `YYYY-MM-DD` (a time in the cell is dropped, or kept in the table's time field).
 * - `timestamp`: a day with an optional time of day, kept `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`.
 * - `time`: a time of day, `HH:MM[:SS]`.
 * - `aor`: an ICE Area of Responsibility code (`SEA`, `HQ`), an unknown office kept as written.
 * - `state`: a US state, DC or territory, kept as its postal code.
 * - `criminality`: ICE's criminality class.
 * - `country`: a country as ICE spells it, kept as written (its ISO code comes from `countryCodeOf`).
 * - `gender`, `apprehensionType`, `birthYear`, `boolean`: as named.
 * - `text`: kept as written (trimmed), never rejected.
 *
 * @example
 * recordFieldKinds.includes('timestamp'); // => true
 */
export const recordFieldKinds = [
  'date',
  'timestamp',
  'time',
  'aor',
  'state',
  'criminality',
  'country',
  'gender',
  'apprehensionType',
  'birthYear',
  'boolean',
  'text',
] as const;
export type RecordFieldKind = (typeof recordFieldKinds)[number];
