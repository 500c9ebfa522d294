// fast-check arbitraries of record-level arrest files: valid files with the record each row must
// read as, and corruptions of them.
import { fc } from '@fast-check/vitest';
import { aors, states, type ArrestRecord, type ArrestRecordField } from '@icestat/core';

/** A cell as written and the value the reader must make of it (`undefined`: the field is absent). */
type Cell = { readonly text: string; readonly value: unknown; readonly time?: string };

interface ColumnSpec {
  readonly release: string;
  readonly snake: string;
  /** `null` for a column that goes to `extra`. */
  readonly field: ArrestRecordField | null;
  readonly cell: fc.Arbitrary<Cell>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const spelled = <T>(value: T, ...texts: string[]): fc.Arbitrary<Cell> => fc.constantFrom(...texts).map((text) => ({ text, value }));

const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }));

const dateCell: fc.Arbitrary<Cell> = fc.tuple(day, clock, fc.integer({ min: 0, max: 5 })).map(([d, [h, m, s], style]) => {
  const iso = d.toISOString().slice(0, 10);
  const us = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  const midnight = h === 0 && m === 0 && s === 0;
  switch (style) {
    case 0:
      return { text: iso, value: iso };
    case 1:
      return { text: `${iso} 00:00:00`, value: iso };
    case 2:
      return { text: `${iso} ${pad(h)}:${pad(m)}:${pad(s)}`, value: iso, ...(midnight ? {} : { time: `${pad(h)}:${pad(m)}:${pad(s)}` }) };
    case 3:
      return { text: `${iso}T${pad(h)}:${pad(m)}`, value: iso, ...(h === 0 && m === 0 ? {} : { time: `${pad(h)}:${pad(m)}` }) };
    case 4:
      return { text: us, value: iso };
    default:
      return { text: `${us} ${h}:${pad(m)}`, value: iso, ...(h === 0 && m === 0 ? {} : { time: `${pad(h)}:${pad(m)}` }) };
  }
});

const plainDateCell: fc.Arbitrary<Cell> = day.map((d) => {
  const iso = d.toISOString().slice(0, 10);
  return { text: iso, value: iso };
});

const stateCell = fc.constantFrom(...states).chain((s) => spelled(s.code, s.code, s.name, s.name.toUpperCase()));
const aorCell = fc.constantFrom(...aors).chain((a) => spelled(a.code, a.code, a.name, a.releaseName, a.releaseName.toUpperCase()));
const criminalityCell = fc.oneof(
  spelled('convicted', '1 Convicted Criminal', 'Convicted Criminal', '1', 'CONVICTED CRIMINAL'),
  spelled('pending-charges', '2 Pending Criminal Charges', 'pending criminal charges', '2'),
  spelled('other-immigration-violator', '3 Other Immigration Violator', 'Other Immigration Violator', '3'),
);
const genderCell = fc.oneof(spelled('male', 'Male', 'M', 'MALE'), spelled('female', 'Female', 'F'), spelled('unknown', 'Unknown', 'U'));
const typeCell = fc.oneof(spelled('targeted', 'Targeted', 'TARGETED'), spelled('collateral', 'Collateral', 'collateral'));
const boolCell = fc.oneof(spelled(true, 'Yes', 'YES', 'Y', 'True', 'true', '1'), spelled(false, 'No', 'NO', 'N', 'False', 'false', '0'));
const birthYearCell = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.boolean()).map(([y, float]) => ({ text: float ? `${y}.0` : String(y), value: y }));

// Free text with what breaks naive CSV handling: delimiters of every kind, quotes, line breaks,
// non-ASCII letters, and spaces at the ends (which the reader trims off mapped fields).
const awkward = fc
  .array(fc.constantFrom('A', 'b', 'Ñ', 'é', '“', '”', ' ', ',', ';', '|', '\t', '"', "'", '\n', '\r\n', '-', '9', '('), { minLength: 1, maxLength: 16 })
  .map((parts) => parts.join(''));
const textCell = (...common: string[]): fc.Arbitrary<Cell> =>
  fc.oneof(
    fc.constantFrom(...common).map((text) => ({ text, value: text })),
    awkward.map((text) => ({ text, value: text.trim() === '' ? null : text.trim() })),
  );

const markers = ['(b)(6)(b)(7)(c)', '(b)(6), (b)(7)(c)', 'b(6), b(7)(c)', '(b)(7)(E)'];

/** A mapped field's cell: usually a value, sometimes blank (null) or a FOIA marker. */
function mapped(cell: fc.Arbitrary<Cell>): fc.Arbitrary<Cell> {
  return fc.oneof(
    { weight: 8, arbitrary: cell },
    { weight: 1, arbitrary: fc.constantFrom('', ' ').map((text) => ({ text, value: null })) },
    { weight: 1, arbitrary: fc.constantFrom(...markers).map((m) => ({ text: m, value: { redacted: true, marker: m } })) },
  );
}

const columns: readonly ColumnSpec[] = [
  { release: 'Apprehension Date', snake: 'apprehension_date', field: 'apprehensionDate', cell: mapped(dateCell) },
  { release: 'Apprehension State', snake: 'apprehension_state', field: 'apprehensionState', cell: mapped(stateCell) },
  { release: 'Apprehension County', snake: 'apprehension_county', field: 'apprehensionCounty', cell: mapped(textCell('COOK', 'HARRIS', 'DOÑA ANA')) },
  { release: 'Apprehension AOR', snake: 'apprehension_aor', field: 'apprehensionAor', cell: mapped(aorCell) },
  {
    release: 'Apprehension Method',
    snake: 'apprehension_method',
    field: 'apprehensionMethod',
    cell: mapped(textCell('Located', 'Custodial Arrest', 'CAP Local Incarceration')),
  },
  { release: 'Apprehension Criminality', snake: 'apprehension_criminality', field: 'criminality', cell: mapped(criminalityCell) },
  { release: 'Apprehension Type', snake: 'apprehension_type', field: 'apprehensionType', cell: mapped(typeCell) },
  { release: 'Operation', snake: 'operation', field: 'operation', cell: mapped(textCell('Operation Safe City', 'Cross Check')) },
  { release: 'Citizenship Country', snake: 'citizenship_country', field: 'citizenshipCountry', cell: mapped(textCell('MEXICO', 'GUATEMALA', 'EL SALVADOR')) },
  { release: 'Gender', snake: 'gender', field: 'gender', cell: mapped(genderCell) },
  { release: 'Birth Year', snake: 'birth_year', field: 'birthYear', cell: mapped(birthYearCell) },
  { release: 'Case Status', snake: 'case_status', field: 'caseStatus', cell: mapped(textCell('ACTIVE', '6-Deported/Removed - Deportability')) },
  { release: 'Final Order Yes No', snake: 'final_order_yes_no', field: 'finalOrder', cell: mapped(boolCell) },
  { release: 'Departed Date', snake: 'departed_date', field: 'departedDate', cell: mapped(plainDateCell) },
  { release: 'Apprehension Site Landmark', snake: 'apprehension_site_landmark', field: 'landmark', cell: mapped(textCell('MTG GENERAL AREA, NON-SPECIFIC')) },
  { release: 'Duplicate Likely', snake: 'duplicate_likely', field: 'duplicateLikely', cell: mapped(boolCell) },
  { release: 'Final Program', snake: 'final_program', field: 'finalProgram', cell: mapped(textCell('ERO Criminal Alien Program')) },
  { release: 'Final Program Group', snake: 'final_program_group', field: null, cell: textCell('ICE').map((c) => ({ text: c.text, value: c.text })) },
];

// Always present, never blank: no generated row is a blank line.
const idColumn: ColumnSpec = {
  release: 'Unique Identifier',
  snake: 'unique_identifier',
  field: 'uniqueIdentifier',
  cell: fc.stringMatching(/^[0-9a-f]{6,12}$/).map((text) => ({ text, value: text })),
};

/** A generated records file: its rows of cells, and how to write them. */
export interface RecordsFile {
  readonly headers: readonly string[];
  readonly specs: readonly ColumnSpec[];
  readonly rows: readonly (readonly Cell[])[];
  readonly delimiter: string;
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /** Blank lines to write before each row (index) and at the end (index rows.length). */
  readonly blanksBefore: readonly number[];
  /** Per row, per cell: whether to quote a cell that does not need it. */
  readonly quoteAnyway: readonly (readonly boolean[])[];
}

/** A valid records file: random columns in a random order, random quoting, delimiter and line ends. */
export const recordsFile: fc.Arbitrary<RecordsFile> = fc
  .record({
    chosen: fc.subarray([...columns], { minLength: 1 }),
    order: fc.array(fc.nat(), { minLength: columns.length + 1, maxLength: columns.length + 1 }),
    style: fc.constantFrom('release', 'snake', 'upper'),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
    nrows: fc.integer({ min: 0, max: 12 }),
  })
  // A record file's header names at least two fields (with the identifier, always there).
  .filter(({ chosen }) => chosen.some((c) => c.field !== null))
  .chain(({ chosen, order, style, delimiter, eol, bom, nrows }) => {
    const specs = [...chosen, idColumn]
      .map((s, i) => [order[i]!, s] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, s]) => s);
    const headers = specs.map((s) => (style === 'snake' ? s.snake : style === 'upper' ? s.release.toUpperCase() : s.release));
    return fc.record({
      headers: fc.constant(headers),
      specs: fc.constant(specs),
      rows: fc.array(fc.tuple(...specs.map((s) => s.cell)), { minLength: nrows, maxLength: nrows }),
      delimiter: fc.constant(delimiter),
      eol: fc.constant(eol),
      bom: fc.constant(bom),
      blanksBefore: fc.array(fc.nat({ max: 1 }), { minLength: nrows + 1, maxLength: nrows + 1 }),
      quoteAnyway: fc.array(fc.array(fc.boolean(), { minLength: specs.length, maxLength: specs.length }), { minLength: nrows, maxLength: nrows }),
    });
  });

/** Writes one cell, quoting it when it must be (or when asked to). */
export function writeCell(text: string, delimiter: string, quote: boolean): string {
  if (quote || text.includes(delimiter) || /["\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The file's text. */
export function writeRecordsFile(file: RecordsFile, rows: readonly (readonly string[])[] = file.rows.map((r) => r.map((c) => c.text))): string {
  const lines: string[] = [file.headers.join(file.delimiter)];
  rows.forEach((row, i) => {
    for (let b = 0; b < (file.blanksBefore[i] ?? 0); b++) lines.push('');
    lines.push(row.map((text, j) => writeCell(text, file.delimiter, file.quoteAnyway[i]?.[j] ?? false)).join(file.delimiter));
  });
  for (let b = 0; b < (file.blanksBefore[rows.length] ?? 0); b++) lines.push('');
  return (file.bom ? '\ufeff' : '') + lines.join(file.eol) + file.eol;
}

/** The records a valid file must read as. */
export function expectedRecords(file: RecordsFile): ArrestRecord[] {
  return file.rows.map((row) => {
    const record: Record<string, unknown> = {};
    const extra: Record<string, string> = {};
    row.forEach((cell, j) => {
      const spec = file.specs[j]!;
      if (spec.field === null) extra[file.headers[j]!] = cell.text;
      else {
        record[spec.field] = cell.value;
        if (cell.time !== undefined) record.apprehensionTime = cell.time;
      }
    });
    if (file.specs.some((s) => s.field === null)) record.extra = extra;
    return record as ArrestRecord;
  });
}

/** How many blank lines the file has. */
export function blankLineCount(file: RecordsFile): number {
  return file.blanksBefore.reduce((a, b) => a + b, 0);
}

/** Damage done to a row's cells before the file is written. */
type RowDamage =
  | { readonly kind: 'shuffle'; readonly seed: number }
  | { readonly kind: 'garbage'; readonly at: number; readonly text: string }
  | { readonly kind: 'extra-cell' }
  | { readonly kind: 'missing-cell'; readonly at: number };

/** Damage done to the written text. */
type TextDamage =
  | { readonly kind: 'cut-line'; readonly at: number }
  | { readonly kind: 'stray'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number };

const garbage = fc.constantFrom('xyz', '2017-02-30', '4 Unknown', '19x9', 'Springfield', 'Atlantis', 'maybe', 'X', '1999.5', '"', '13/45/2020', '(b)(6)', '');

const rowDamage: fc.Arbitrary<RowDamage> = fc.oneof(
  fc.nat().map((seed) => ({ kind: 'shuffle' as const, seed })),
  fc.tuple(fc.nat(), garbage).map(([at, text]) => ({ kind: 'garbage' as const, at, text })),
  fc.constant({ kind: 'extra-cell' as const }),
  fc.nat().map((at) => ({ kind: 'missing-cell' as const, at })),
);

const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'cut-line' as const, at })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('"', '""', '\n', '\r', ',', ';', '\t', '|', '"x"'))
    .map(([at, text]) => ({ kind: 'stray' as const, at, text })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'truncate' as const, at })),
);

/** A valid file, then damage: row-level (shuffled, wrong-typed, extra and missing cells) and text-level (cut lines, stray characters, truncation). */
export const corruptedRecordsFile: fc.Arbitrary<{ file: RecordsFile; text: string }> = fc
  .tuple(recordsFile, fc.array(fc.tuple(fc.nat(), rowDamage), { maxLength: 4 }), fc.array(textDamage, { maxLength: 3 }))
  .map(([file, rowDamages, textDamages]) => {
    const rows = file.rows.map((r) => r.map((c) => c.text));
    for (const [which, damage] of rowDamages) {
      if (rows.length === 0) break;
      const row = rows[which % rows.length]!;
      switch (damage.kind) {
        case 'shuffle': {
          let seed = damage.seed;
          for (let i = row.length - 1; i > 0; i--) {
            seed = (seed * 1103515245 + 12345) >>> 0;
            const j = seed % (i + 1);
            [row[i], row[j]] = [row[j]!, row[i]!];
          }
          break;
        }
        case 'garbage':
          row[damage.at % row.length] = damage.text;
          break;
        case 'extra-cell':
          row.push('extra');
          break;
        case 'missing-cell':
          if (row.length > 1) row.splice(damage.at % row.length, 1);
          break;
      }
    }
    let text = writeRecordsFile(file, rows);
    for (const damage of textDamages) {
      // Damage the data, not the header, which reading rightly refuses when it is broken.
      const bodyStart = text.indexOf('\n') + 1;
      if (bodyStart <= 0 || bodyStart >= text.length) break;
      const at = bodyStart + Math.floor(damage.at * (text.length - bodyStart));
      switch (damage.kind) {
        case 'cut-line': {
          const end = text.indexOf('\n', at);
          text = text.slice(0, at) + (end === -1 ? '' : text.slice(end));
          break;
        }
        case 'stray':
          text = text.slice(0, at) + damage.text + text.slice(at);
          break;
        case 'truncate':
          text = text.slice(0, at);
          break;
      }
    }
    return { file, text };
  });
