import type { RecordDimension, RecordTableName } from '@icestat/core';
import { IcestatError, type RecordFieldKind, type RecordTableLayout, recordTableNames, recordTableSpecs } from '@icestat/core/internal';
import { headerKey, neededFields, rankPresets, type ColumnNeeds } from './match';
import { headerPresets } from './presets';

/**
 * Which header preset to read with: `auto` (rank them all), a preset (`ice-lesa/arrests`), a
 * family (`ice-lesa`, `ddp-2026`, `snake-case`), `ice-release` (any of ICE's own spellings, as
 * opposed to processed copies), or `none` (only the custom `columns`).
 */
export type PresetChoice = 'auto' | 'none' | 'ice-release' | (string & {});

/**
 * A custom column map: header (matched ignoring case, spacing and punctuation) to the record
 * field it fills, or `null` to keep the column in `extra`.
 */
export type CustomColumns = Readonly<Record<string, string | null>>;

/** One column that fills a record field. */
export interface PlannedColumn {
  /** The header as written (trimmed). */
  readonly header: string;
  readonly field: string;
}

/** How a file's columns are read: the table, the preset, and each column's field and kind. */
export interface TablePlan {
  readonly table: RecordTableName;
  readonly spec: RecordTableLayout;
  /** The preset used (`ice-lesa/arrests`), or `none` when only custom columns map. */
  readonly preset: string;
  /** Headers as written, trimmed. */
  readonly headers: readonly string[];
  /** For each column, the field it fills, or `null` when it goes to `extra`. */
  readonly fields: readonly (string | null)[];
  /** For each column, the kind its cells are read as (`text` for extra columns). */
  readonly kinds: readonly RecordFieldKind[];
  /** For each column, its key in `record.extra`, or `null` when it fills a field. */
  readonly extraKeys: readonly (string | null)[];
  readonly mapped: readonly PlannedColumn[];
  /** Keys of the columns kept in `record.extra` (unmapped columns), in column order. */
  readonly extra: readonly string[];
  /** Keys of the custom `columns` map that matched no header. */
  readonly notFound: readonly string[];
}

/** What {@link planTable} is asked for. */
export interface PlanOptions {
  /** The table, or `auto` to pick it from the header. */
  readonly table?: RecordTableName | 'auto';
  readonly preset?: PresetChoice;
  readonly columns?: CustomColumns;
  /** What the request needs: dimensions, and the date they read. */
  readonly needs?: ColumnNeeds;
  /** For messages: the file and the header's line. */
  readonly file?: string;
  readonly line?: number;
}

const joinedSuffixAny = /\.(arrest|encounter|removal|detainer|detention)s?$/i;
const suffixOf: Readonly<Record<RecordTableName, RegExp>> = {
  arrests: /\.arrests?$/i,
  encounters: /\.encounters?$/i,
  removals: /\.removals?$/i,
  detainers: /\.detainers?$/i,
  detentions: /\.detentions?$/i,
};
function joinedSuffixOf(table: RecordTableName): RegExp {
  return suffixOf[table];
}

/** Every spelling of a table's columns across its release presets (Title Case first), by match key. */
const spellingsByTable = new Map<RecordTableName, ReadonlyMap<string, string>>();
function tableSpellings(table: RecordTableName): ReadonlyMap<string, string> {
  let map = spellingsByTable.get(table);
  if (map === undefined) {
    const m = new Map<string, string>();
    for (const p of headerPresets) {
      if (p.table !== table) continue;
      for (const [h, f] of Object.entries(p.columns)) if (f !== null && !m.has(headerKey(h))) m.set(headerKey(h), f);
    }
    spellingsByTable.set(table, m);
    map = m;
  }
  return map;
}

const allFields: ReadonlySet<string> = new Set(recordTableNames.flatMap((t) => Object.keys(recordTableSpecs[t].fields)));

/**
 * Checks the table, preset, custom columns and date before any input is read.
 *
 * @param options - The plan's options.
 * @throws {@link IcestatError} `invalid_input` for an unknown table or preset, a custom target
 *   that is no field of the table (of any table, with `auto`), or a `date` that is not one of the
 *   table's dates.
 * @example
 * checkPlanOptions({ table: 'removals', needs: { date: 'removalDate' } }); // => undefined (no error)
 */
export function checkPlanOptions(options: PlanOptions): void {
  const table = options.table ?? 'auto';
  if (table !== 'auto' && !(recordTableNames as readonly string[]).includes(table)) {
    throw new IcestatError('invalid_input', `table: expected auto or one of ${recordTableNames.join(', ')}; received ${JSON.stringify(table)}`);
  }
  const preset = options.preset ?? 'auto';
  if (!['auto', 'none', 'ice-release'].includes(preset) && !headerPresets.some((p) => p.name === preset || p.family === preset)) {
    const names = [...new Set(headerPresets.flatMap((p) => [p.family, p.name]))];
    throw new IcestatError('invalid_input', `preset: expected auto, none, ice-release or one of ${names.join(', ')}; received ${JSON.stringify(preset)}`);
  }
  const fields = table === 'auto' ? allFields : new Set(Object.keys(recordTableSpecs[table].fields));
  for (const [header, field] of Object.entries(options.columns ?? {})) {
    if (field !== null && !fields.has(field)) {
      throw new IcestatError(
        'invalid_input',
        `columns: "${header}" maps to "${String(field)}", which is not a field of ${table === 'auto' ? 'any record table' : `the ${table} table`}; expected one of ${[...fields].join(', ')}, or null to keep the column in extra`,
      );
    }
  }
  const date = options.needs?.date;
  if (date !== undefined) {
    const tables = table === 'auto' ? recordTableNames : [table];
    if (!tables.some((t) => (recordTableSpecs[t].dateFields as readonly string[]).includes(date))) {
      const dates = [...new Set(tables.flatMap((t) => recordTableSpecs[t].dateFields as readonly string[]))];
      throw new IcestatError(
        'invalid_input',
        `date: expected a date field of ${table === 'auto' ? 'a record table' : `the ${table} table`} (${dates.join(', ')}); received ${JSON.stringify(date)}`,
      );
    }
  }
  const by = options.needs?.by ?? [];
  if (table !== 'auto') {
    for (const d of by) {
      if (d !== 'fiscalYear' && d !== 'month' && d !== 'day' && recordTableSpecs[table].dimensions[d] === undefined) {
        throw new IcestatError(
          'invalid_input',
          `by: the ${table} table has no "${d}"; expected one of fiscalYear, month, day, ${Object.keys(recordTableSpecs[table].dimensions).join(', ')}`,
        );
      }
    }
  }
}

function candidatesFor(preset: PresetChoice): { preset: string } | undefined {
  if (preset === 'auto' || preset === 'none' || preset === 'ice-release') return undefined;
  return { preset };
}

interface Candidate {
  readonly table: RecordTableName;
  readonly preset: string;
  readonly fields: (string | null)[];
  readonly neededMapped: number;
  readonly mappedCount: number;
  readonly order: number;
}

function overlay(headers: readonly string[], base: readonly (string | null)[], custom: ReadonlyMap<string, string | null>): (string | null)[] {
  const claimed = new Set<string>();
  return headers.map((h, i) => {
    const key = headerKey(h);
    const field = custom.has(key) ? custom.get(key)! : (base[i] ?? null);
    if (field === null || claimed.has(field)) return null;
    claimed.add(field);
    return field;
  });
}

function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, 30).map((h) => JSON.stringify(h.length > 40 ? `${h.slice(0, 40)}…` : h));
  return `${shown.join(', ')}${headers.length > 30 ? `, … (${headers.length} in all)` : ''}`;
}

/**
 * Plans how a file's header is read: picks the table and preset (ranked by the fields the request
 * needs, then by the fields mapped; see {@link rankPresets}), lays the custom `columns` over the
 * preset, and names the extra columns (a blank header becomes `column N`, a repeated one
 * `Header (column N)`).
 *
 * @param header - The header row's cells.
 * @param options - Table, preset, custom columns, what the request needs; file and line for messages.
 * @returns The plan.
 * @throws {@link IcestatError} `invalid_input` for bad options; `parse_error` when the header maps
 *   fewer than two known fields; `not_determinable` when a dimension the request groups by (or
 *   its date) has no column — naming the dimension, its field and the headers seen.
 * @example
 * planTable(['Area of Responsibility', 'Apprehension Date', 'Gender'], { needs: { by: ['aor'] } }).preset;
 * // => 'ice-lesa/arrests'
 */
export function planTable(header: readonly string[], options: PlanOptions = {}): TablePlan {
  checkPlanOptions(options);
  const headers = header.map((h) => h.trim());
  const tableChoice = options.table ?? 'auto';
  const presetChoice = options.preset ?? 'auto';
  const custom = new Map<string, string | null>();
  const customKeys = new Map<string, string>();
  for (const [h, f] of Object.entries(options.columns ?? {})) {
    custom.set(headerKey(h), f);
    customKeys.set(headerKey(h), h);
  }
  const tables = tableChoice === 'auto' ? recordTableNames : [tableChoice];
  const candidates: Candidate[] = [];
  if (presetChoice === 'none') {
    tables.forEach((t, order) => {
      const fieldsOfTable = new Set(Object.keys(recordTableSpecs[t].fields));
      const usable = [...custom.values()].every((f) => f === null || fieldsOfTable.has(f));
      if (!usable) return;
      candidates.push(score(t, 'none', overlay(headers, [], custom), order));
    });
  } else {
    const ranked = rankPresets(headers, { table: tableChoice, ...candidatesFor(presetChoice), ...(options.needs ? { needs: options.needs } : {}) });
    ranked.forEach((m, order) => {
      if (presetChoice === 'ice-release' && m.preset.family === 'snake-case') return;
      const fieldsOfTable = new Set(Object.keys(recordTableSpecs[m.table].fields));
      if (![...custom.values()].every((f) => f === null || fieldsOfTable.has(f))) return;
      candidates.push(score(m.table, m.preset.name, overlay(headers, m.fields, custom), order));
    });
  }
  function score(table: RecordTableName, preset: string, fields: (string | null)[], order: number): Candidate {
    const needed = neededFields(recordTableSpecs[table] as RecordTableLayout, options.needs);
    const have = new Set(fields.filter((f): f is string => f !== null));
    return { table, preset, fields, neededMapped: needed.filter((f) => have.has(f)).length, mappedCount: have.size, order };
  }
  candidates.sort((a, b) => b.neededMapped - a.neededMapped || b.mappedCount - a.mappedCount || a.order - b.order);
  // Columns the chosen preset does not name, but another release of the same table spells (a
  // file that mixes the 2025 and 2026 columns), fill their fields too, where still free.
  if (candidates[0] !== undefined && presetChoice !== 'none') {
    const c = candidates[0];
    const spellings = tableSpellings(c.table);
    const claimed = new Set(c.fields.filter((f): f is string => f !== null));
    const fields = c.fields.map((f, i) => {
      if (f !== null || custom.has(headerKey(headers[i]!))) return f;
      const field = spellings.get(headerKey(headers[i]!.replace(joinedSuffixOf(c.table), '')));
      if (field === undefined || claimed.has(field) || (joinedSuffixAny.test(headers[i]!) && !joinedSuffixOf(c.table).test(headers[i]!))) return null;
      claimed.add(field);
      return field;
    });
    candidates[0] = score(c.table, c.preset, fields, c.order);
  }
  const where = `${options.file ?? '(text)'}${options.line === undefined ? '' : `:${options.line}`}`;
  const best = candidates[0];
  if (best === undefined || best.mappedCount < 2) {
    const what = tableChoice === 'auto' ? 'any record table' : `the ${tableChoice} table`;
    throw new IcestatError(
      'parse_error',
      `${where}: the header maps ${best?.mappedCount ?? 0} known field${best?.mappedCount === 1 ? '' : 's'} of ${what}; expected at least two (is this a record-level release? pass headerRow, preset or columns). Headers seen: ${listHeaders(headers)}`,
      {
        issues: [
          {
            code: 'unmapped_header',
            message: `the header maps fewer than two known fields`,
            ...(options.file ? { file: options.file } : {}),
            ...(options.line ? { line: options.line } : {}),
          },
        ],
      },
    );
  }
  const spec = recordTableSpecs[best.table] as RecordTableLayout;
  // Every dimension the request groups by must have its column: counting every row as
  // `(missing)` would look like an answer and is not one.
  const lacking: { dimension: string; field: string }[] = [];
  for (const d of options.needs?.by ?? []) {
    const field =
      d === 'fiscalYear' || d === 'month' || d === 'day'
        ? (options.needs?.date ?? spec.mainDate)
        : spec.dimensions[d as Exclude<RecordDimension, 'fiscalYear' | 'month' | 'day'>];
    if (field === undefined) {
      throw new IcestatError(
        'invalid_input',
        `by: the ${best.table} table has no "${d}"; expected one of fiscalYear, month, day, ${Object.keys(spec.dimensions).join(', ')}`,
      );
    }
    if (!best.fields.includes(field)) lacking.push({ dimension: d, field });
  }
  if (lacking.length > 0) {
    const what = lacking.map((l) => `"${l.dimension}" (field ${l.field})`).join(', ');
    throw new IcestatError(
      'not_determinable',
      `${options.file ?? '(text)'}: cannot tally by ${what}: no column of the file maps to it; the header has ${listHeaders(headers) || 'no columns'} (read as ${best.table} with preset ${best.preset}). Map a column to the field with the columns option, or leave the dimension out of by`,
      {
        issues: lacking.map((l) => ({
          code: 'missing_column',
          message: `no column maps to ${l.field}, needed to tally by ${l.dimension}`,
          ...(options.file ? { file: options.file } : {}),
          column: l.field,
        })),
      },
    );
  }
  const usedExtraKeys = new Set<string>();
  const extraKeys: (string | null)[] = [];
  const mapped: PlannedColumn[] = [];
  const extra: string[] = [];
  const kinds: RecordFieldKind[] = [];
  headers.forEach((h, i) => {
    customKeys.delete(headerKey(h));
    const field = best.fields[i] ?? null;
    if (field !== null) {
      mapped.push({ header: h, field });
      extraKeys.push(null);
      kinds.push((spec.fields as Record<string, RecordFieldKind>)[field] ?? 'text');
      return;
    }
    // A key already taken (a repeated header, or one that reads like a made-up key) gets the
    // column number, as often as it takes to be unique: no value may overwrite another.
    const base = h === '' ? `column ${i + 1}` : h;
    let key = base;
    for (let k = 1; usedExtraKeys.has(key); k++) key = k === 1 ? `${base} (column ${i + 1})` : `${base} (column ${i + 1}, ${k})`;
    usedExtraKeys.add(key);
    extraKeys.push(key);
    extra.push(key);
    kinds.push('text');
  });
  return {
    table: best.table,
    spec,
    preset: best.preset,
    headers,
    fields: best.fields,
    kinds,
    extraKeys,
    mapped,
    extra,
    notFound: [...customKeys.values()],
  };
}
