import { arrestRecordSchema, IcestatError, type ArrestRecordField } from '@icestat/core';
import { describeValue } from '../../shared/args';
import { headerPreset } from '../../tables/presets';
import { normaliseHeader } from '../header';

/**
 * The header styles of {@link planColumns}.
 *
 * @deprecated With {@link planColumns}; the record readers' presets are `headerPresets` (from `@icestat/loaders`).
 */
export type ColumnPresetName = 'ice-release' | 'snake-case';

/**
 * Which column preset {@link planColumns} uses: detect it from the header, name one, or use only `columns`.
 *
 * @deprecated With {@link planColumns}.
 */
export type ColumnPresetChoice = 'auto' | ColumnPresetName | 'none';

/**
 * A custom column map: header (matched like presets, by {@link normaliseHeader}: case, spacing and
 * punctuation ignored) to the record field it fills, or `null` to keep the column in `extra`.
 */
export type ColumnMap = Readonly<Record<string, ArrestRecordField | null>>;

/**
 * Header-to-field maps of the public releases, spelled as the files spell them.
 *
 * - `ice-release`: the ICE FOIA workbooks as released (`Apprehension Date`, `Apprehension AOR`, …).
 * - `snake-case`: the same columns as processed copies write them (`apprehension_date`, …,
 *   `duplicate_likely`), plus the spellings of the University of Washington Center for Human
 *   Rights' pipe-delimited FY2012–2023 release (`arrest_date`, `aor`, `arrest_method`,
 *   `apprehension_landmark`).
 *
 * Columns of a release that no preset names (`Final Program`, `Departure Country`,
 * `Unique Identifier`, …) are kept in `record.extra`.
 *
 * @deprecated The record readers plan columns from the release-family header presets, which
 *   know every table and release: use {@link headerPreset} (`headerPreset('ice-release', 'arrests')`)
 *   for a family's header map. This arrests-only map is kept for existing callers and goes in the next major.
 * @example
 * arrestColumnPresets['ice-release']['Apprehension AOR']; // => 'apprehensionAor'
 * arrestColumnPresets['snake-case'].apprehension_criminality; // => 'criminality'
 */
export const arrestColumnPresets: Readonly<Record<ColumnPresetName, Readonly<Record<string, ArrestRecordField>>>> = Object.freeze({
  // The Title Case arrest columns are the record tables' `ice-release/arrests` preset.
  'ice-release': Object.freeze({ ...(headerPreset('ice-release', 'arrests')!.columns as Record<string, ArrestRecordField>) }),
  'snake-case': Object.freeze({
    apprehension_date: 'apprehensionDate',
    apprehension_time: 'apprehensionTime',
    apprehension_state: 'apprehensionState',
    apprehension_county: 'apprehensionCounty',
    apprehension_aor: 'apprehensionAor',
    apprehension_method: 'apprehensionMethod',
    apprehension_criminality: 'criminality',
    apprehension_type: 'apprehensionType',
    arresting_agency: 'arrestingAgency',
    operation: 'operation',
    citizenship_country: 'citizenshipCountry',
    gender: 'gender',
    birth_year: 'birthYear',
    case_status: 'caseStatus',
    case_category: 'caseCategory',
    final_order_yes_no: 'finalOrder',
    departed_date: 'departedDate',
    apprehension_site_landmark: 'landmark',
    duplicate_likely: 'duplicateLikely',
    arrest_date: 'apprehensionDate',
    aor: 'apprehensionAor',
    arrest_method: 'apprehensionMethod',
    apprehension_landmark: 'landmark',
  } satisfies Record<string, ArrestRecordField>),
});

/** Every field a column can fill, from core's schema (so a new field needs no change here). */
const recordFields: ReadonlySet<string> = new Set(Object.keys(arrestRecordSchema.shape).filter((k) => k !== 'extra'));

export { normaliseHeader };

const presetKeys: Readonly<Record<ColumnPresetName, ReadonlyMap<string, ArrestRecordField>>> = {
  'ice-release': keyed(arrestColumnPresets['ice-release']),
  'snake-case': keyed(arrestColumnPresets['snake-case']),
};

function keyed(map: Readonly<Record<string, ArrestRecordField>>): ReadonlyMap<string, ArrestRecordField> {
  return new Map(Object.entries(map).map(([h, f]) => [normaliseHeader(h), f]));
}

/** One column that fills a record field. */
export interface MappedColumn {
  /** The header as written (trimmed). */
  readonly header: string;
  readonly field: ArrestRecordField;
}

/**
 * How a file's columns map to arrest-record fields, as {@link planColumns} plans them.
 *
 * @deprecated With {@link planColumns}; a read's own plan is in its report (`LoadReport.columns`).
 */
export interface ColumnPlan {
  /** The preset used; `none` when no preset applies (only `columns`). */
  readonly preset: ColumnPresetName | 'none';
  /** Headers as written, trimmed. */
  readonly headers: readonly string[];
  /** For each column, the field it fills, or `null` when it goes to `extra`. */
  readonly fields: readonly (ArrestRecordField | null)[];
  /** For each column, its key in `record.extra`, or `null` when it fills a field. */
  readonly extraKeys: readonly (string | null)[];
  readonly mapped: readonly MappedColumn[];
  /** Keys of the columns kept in `record.extra`, in column order. */
  readonly extra: readonly string[];
  /** Keys of the custom `columns` map that matched no header. */
  readonly notFound: readonly string[];
}

/**
 * Picks the preset a header is written in: the one whose spellings it uses exactly most often,
 * else the one it matches most once case and spacing are ignored; `none` when neither matches.
 */
function detectPreset(headers: readonly string[]): ColumnPresetName | 'none' {
  let best: ColumnPresetName | 'none' = 'none';
  let bestExact = 0;
  let bestLoose = 0;
  for (const name of ['ice-release', 'snake-case'] as const) {
    const spelled = arrestColumnPresets[name];
    const keys = presetKeys[name];
    let exact = 0;
    let loose = 0;
    for (const h of headers) {
      if (Object.hasOwn(spelled, h)) exact++;
      if (keys.has(normaliseHeader(h))) loose++;
    }
    if (exact > bestExact || (exact === bestExact && loose > bestLoose)) {
      best = name;
      bestExact = exact;
      bestLoose = loose;
    }
  }
  return best;
}

/**
 * Checks a custom column map before any reading starts.
 *
 * @param columns - Header → field (or `null`) map, or nothing.
 * @throws {@link IcestatError} `invalid_input` for a target that is not a record field.
 * @example
 * checkColumnMap({ Fecha: 'apprehensionDate', Notas: null }); // => undefined (no error)
 */
export function checkColumnMap(columns: ColumnMap | undefined): void {
  for (const [header, field] of Object.entries(columns ?? {})) {
    if (field !== null && !recordFields.has(field)) {
      throw new IcestatError(
        'invalid_input',
        `columns: "${header}" maps to "${String(field)}", which is not an ArrestRecord field; expected one of ${[...recordFields].join(', ')}, or null to keep the column in extra`,
      );
    }
  }
}

/**
 * Maps a file's header to record fields: the custom `columns` over the preset. A field claimed
 * by an earlier column leaves later columns in `extra`. Unmapped columns are kept in `extra`
 * under their header (trimmed); a blank header becomes `column N`, and a repeated one
 * `Header (column N)`, N being the 1-based column number (`Header (column N, 2)` in the rare
 * case that is taken too). Every column has a key of its own.
 *
 * @param header - The header row's cells.
 * @param preset - The preset, or `auto` to detect it.
 * @param columns - Custom header → field map.
 * @returns The plan.
 * @throws {@link IcestatError} `invalid_input` for a custom target that is not a record field.
 * @deprecated The record readers no longer use this plan: they plan columns from the header presets
 *   of every release family and table, and report the result (`LoadReport.columns`, `preset`). To see
 *   how a file's columns map before reading it, use `inspectSource` from `@icestat/loaders/inspect`.
 *   Kept for existing callers; goes in the next major.
 * @example
 * planColumns(['Fecha', 'Apprehension AOR', 'Notes'], 'auto', { Fecha: 'apprehensionDate' }).fields;
 * // => ['apprehensionDate', 'apprehensionAor', null]
 */
export function planColumns(header: readonly string[], preset: ColumnPresetChoice = 'auto', columns?: ColumnMap): ColumnPlan {
  if (!Array.isArray(header) || header.some((h) => typeof h !== 'string')) {
    throw new IcestatError('invalid_input', `planColumns: header: expected an array of header cells (strings); received ${describeValue(header)}`);
  }
  if (!['auto', 'ice-release', 'snake-case', 'none'].includes(preset)) {
    throw new IcestatError('invalid_input', `planColumns: preset: expected one of auto, ice-release, snake-case, none; received ${describeValue(preset)}`);
  }
  if (columns !== undefined && (typeof columns !== 'object' || columns === null || Array.isArray(columns))) {
    throw new IcestatError('invalid_input', `planColumns: columns: expected an object mapping headers to record fields; received ${describeValue(columns)}`);
  }
  checkColumnMap(columns);
  const headers = header.map((h) => h.trim());
  const chosen = preset === 'auto' ? detectPreset(headers) : preset;
  const presetMap = chosen === 'none' ? undefined : presetKeys[chosen];
  const custom = new Map<string, ArrestRecordField | null>();
  const customKeys = new Map<string, string>();
  for (const [h, f] of Object.entries(columns ?? {})) {
    custom.set(normaliseHeader(h), f);
    customKeys.set(normaliseHeader(h), h);
  }
  const claimed = new Set<ArrestRecordField>();
  const usedExtraKeys = new Set<string>();
  const fields: (ArrestRecordField | null)[] = [];
  const extraKeys: (string | null)[] = [];
  const mapped: MappedColumn[] = [];
  const extra: string[] = [];
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    customKeys.delete(key);
    const field = custom.has(key) ? custom.get(key)! : (presetMap?.get(key) ?? null);
    if (field !== null && !claimed.has(field)) {
      claimed.add(field);
      fields.push(field);
      extraKeys.push(null);
      mapped.push({ header: h, field });
      return;
    }
    // A key already taken (a repeated header, or one that reads like a made-up key) gets the
    // column number, as often as it takes to be unique: no value may overwrite another.
    const base = h === '' ? `column ${i + 1}` : h;
    let extraKey = base;
    for (let k = 1; usedExtraKeys.has(extraKey); k++) extraKey = k === 1 ? `${base} (column ${i + 1})` : `${base} (column ${i + 1}, ${k})`;
    usedExtraKeys.add(extraKey);
    fields.push(null);
    extraKeys.push(extraKey);
    extra.push(extraKey);
  });
  return { preset: chosen, headers, fields, extraKeys, mapped, extra, notFound: [...customKeys.values()] };
}
