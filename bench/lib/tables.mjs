// The bench's tables: for each record table the generator writes, its header (as ICE's releases
// spell it), the icestat tally it is measured with, and the columns and key kinds that grouping
// reads. Every generic peer (the shared JavaScript grouper, Arquero, DuckDB) builds its grouping
// from this one description, so no peer holds a copy per table.
//
// Key kinds (each turns one cell into the label icestat's tally gives it; a blank cell is
// `(missing)`, a FOIA marker such as `(b)(6), (b)(7)(c)` is `(redacted)`):
//   fiscalYear   a date, `2016-10-01[ hh:mm:ss]` or `10/1/2016[ h:mm]` → `FY2017` (October starts the next FY)
//   criminality  `1 Convicted Criminal` → `convicted`, from the leading digit
//   aor          `Chicago Area of Responsibility` or `CHI` → `CHI` (lib/reference.mjs's AOR_LOOKUP, HQ included)
//   text         the cell trimmed (citizenship, processing disposition: icestat keeps them as written)

/** @typedef {'fiscalYear' | 'criminality' | 'aor' | 'text'} KeyKind */
/**
 * @typedef {object} BenchTable
 * @property {'arrests' | 'encounters' | 'removals'} table  icestat's record table
 * @property {string} filePrefix  data files are `bench/data/<filePrefix>-<size>.csv`
 * @property {string} release     whose header spelling the file uses
 * @property {readonly string[]} header
 * @property {readonly string[]} by  icestat's tally dimensions, in key order
 * @property {readonly { column: string, kind: KeyKind }[]} keys  what each dimension reads, in `by` order
 */

/** @type {Readonly<Record<string, BenchTable>>} */
export const TABLES = Object.freeze({
  arrests: {
    table: 'arrests',
    filePrefix: 'records',
    release: "ICE's record-level arrest releases (Title Case columns)",
    header: [
      'Apprehension Date',
      'Apprehension State',
      'Apprehension County',
      'Apprehension AOR',
      'Apprehension Method',
      'Apprehension Criminality',
      'Citizenship Country',
      'Gender',
      'Birth Year',
      'Case Status',
      'Apprehension Site Landmark',
    ],
    by: ['fiscalYear', 'criminality', 'aor'],
    keys: [
      { column: 'Apprehension Date', kind: 'fiscalYear' },
      { column: 'Apprehension Criminality', kind: 'criminality' },
      { column: 'Apprehension AOR', kind: 'aor' },
    ],
  },
  removals: {
    table: 'removals',
    filePrefix: 'removals',
    release: 'ICE ERO-LESA nationwide removals release, FY2016–FY2019 (ICERemovals_FY*.csv)',
    header: [
      'Area of Responsibility',
      'Apprehension Date',
      'Processing Disposition Code',
      'Birth Date',
      'Citizenship',
      'Gender',
      'RC Threat Level',
      'Final Charge Section',
      'Departed Date',
      'Removal Date',
    ],
    // Removals are counted by departed date (the table's main date).
    by: ['fiscalYear', 'citizenship', 'aor'],
    keys: [
      { column: 'Departed Date', kind: 'fiscalYear' },
      { column: 'Citizenship', kind: 'text' },
      { column: 'Area of Responsibility', kind: 'aor' },
    ],
  },
  encounters: {
    table: 'encounters',
    filePrefix: 'encounters',
    release: 'ICE ERO-LESA nationwide encounters release, FY2016–FY2019 (EROEncounters_FY*.csv)',
    header: ['Event Area of Responsibility', 'Event Date', 'Landmark', 'Operation', 'Processing Disposition', 'Birth Date', 'Citizenship', 'Gender'],
    // The LESA encounters carry no event type: the processing disposition is what an encounter led to.
    by: ['fiscalYear', 'disposition', 'aor'],
    keys: [
      { column: 'Event Date', kind: 'fiscalYear' },
      { column: 'Processing Disposition', kind: 'text' },
      { column: 'Event Area of Responsibility', kind: 'aor' },
    ],
  },
});

export const TABLE_NAMES = Object.keys(TABLES);

/** The description of a table, or an error naming the known ones. */
export function benchTable(name = 'arrests') {
  const t = TABLES[name];
  if (!t) throw new Error(`unknown table "${name}"; tables: ${TABLE_NAMES.join(', ')}`);
  return t;
}
