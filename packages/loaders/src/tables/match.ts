import type { RecordDimension, RecordTableName } from '@icestat/core';
import { type RecordTableLayout, recordTableSpecs } from '@icestat/core/internal';
import { normaliseHeader } from '../csv/header';
import { headerPresets, type HeaderPreset } from './presets';

/**
 * The key a header is matched by: the one rule of every icestat reader ({@link normaliseHeader}).
 *
 * @param header - A header cell.
 * @returns The match key.
 * @example
 * headerKey(' Apprehension_Site  Landmark '); // => 'apprehension site landmark'
 */
export const headerKey: (header: string) => string = normaliseHeader;

// The Deportation Data Project's joined files name each column after the table it came from:
// `apprehension_date.arrest`, `facility_aor.detainer`, `book_in_date_time.detention`.
const joinedSuffix = /\.(arrest|encounter|removal|detainer|detention)s?$/i;
const suffixTables: Readonly<Record<string, RecordTableName>> = {
  arrest: 'arrests',
  encounter: 'encounters',
  removal: 'removals',
  detainer: 'detainers',
  detention: 'detentions',
};

const presetKeys = new Map<HeaderPreset, ReadonlyMap<string, string | null>>(
  headerPresets.map((p) => [p, new Map(Object.entries(p.columns).map(([h, f]) => [headerKey(h), f]))]),
);

/** One column that fills a record field. */
export interface MatchedColumn {
  /** 0-based column index. */
  readonly index: number;
  /** The header as written (trimmed). */
  readonly header: string;
  readonly field: string;
}

/** How one preset maps a file's header. */
export interface PresetMatch {
  readonly table: RecordTableName;
  readonly preset: HeaderPreset;
  /** For each column, the field it fills, or `null`. */
  readonly fields: readonly (string | null)[];
  readonly mapped: readonly MatchedColumn[];
  /** Headers (trimmed) of the columns that fill no field, in column order. */
  readonly unmapped: readonly string[];
}

/**
 * Maps a header with one preset. Matching ignores case, spacing and punctuation
 * ({@link headerKey}); in a joined file a column suffixed for another table (`.detainer` when
 * reading arrests) fills nothing. A field claimed by an earlier column leaves later ones unmapped.
 *
 * @param headers - The header row's cells.
 * @param preset - The preset.
 * @returns The mapping.
 * @example
 * matchPreset(['Arrest Date', 'Gender', 'Notes'], headerPreset('ice-seattle/arrests')!).fields;
 * // => ['apprehensionDate', 'gender', null]
 */
export function matchPreset(headers: readonly string[], preset: HeaderPreset): PresetMatch {
  const keys = presetKeys.get(preset) ?? new Map(Object.entries(preset.columns).map(([h, f]) => [headerKey(h), f]));
  const claimed = new Set<string>();
  const fields: (string | null)[] = [];
  const mapped: MatchedColumn[] = [];
  const unmapped: string[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    let name = header;
    const suffix = joinedSuffix.exec(header);
    if (suffix) {
      if (suffixTables[suffix[1]!.toLowerCase()] !== preset.table) {
        fields.push(null);
        unmapped.push(header);
        return;
      }
      name = header.slice(0, suffix.index);
    }
    // A snake_case copy writes its headers in lower case without spaces; a Title Case header is a
    // release's, and is left to the release presets.
    const field = preset.family === 'snake-case' && /[A-Z ]/.test(name) ? null : (keys.get(headerKey(name)) ?? null);
    if (field !== null && !claimed.has(field)) {
      claimed.add(field);
      fields.push(field);
      mapped.push({ index, header, field });
    } else {
      fields.push(null);
      unmapped.push(header);
    }
  });
  return { table: preset.table, preset, fields, mapped, unmapped };
}

/** What a request needs from a file's columns: the dimensions it groups by and the date it reads. */
export interface ColumnNeeds {
  /** Tally dimensions; none for a plain read (every field counts alike then). */
  readonly by?: readonly RecordDimension[];
  /** The date field the time dimensions read; the table's main date when not given. */
  readonly date?: string;
}

/**
 * The fields of a table a request needs: the field each dimension reads (the date for the time
 * dimensions). A dimension the table does not have is left out.
 *
 * @param spec - The table spec.
 * @param needs - Dimensions and date.
 * @returns Field names, without repeats.
 * @example
 * neededFields(recordTableSpecs.removals, { by: ['fiscalYear', 'aor'] }); // => ['departedDate', 'caseAor']
 */
export function neededFields(spec: RecordTableLayout, needs: ColumnNeeds = {}): string[] {
  const out = new Set<string>();
  for (const d of needs.by ?? []) {
    if (d === 'fiscalYear' || d === 'month' || d === 'day') out.add(needs.date ?? spec.mainDate);
    else {
      const f = spec.dimensions[d];
      if (f !== undefined) out.add(f);
    }
  }
  return [...out];
}

/** A candidate mapping and how well it serves the request. */
export interface ScoredMatch extends PresetMatch {
  /** Fields the request needs that this mapping fills. */
  readonly neededMapped: number;
  /** Fields the request needs. */
  readonly needed: number;
}

/**
 * Ranks every table and preset for a header: first by how many of the fields the request needs
 * each maps, then by how many fields it maps in all; only between mappings equal on both does the
 * one whose spellings match exactly come first (so a snake_case copy is named as one), then the
 * order of {@link headerPresets}. An exact spelling never outweighs a field: `Area of
 * Responsibility`, `area_of_responsibility` and `AREA OF RESPONSIBILITY` all count once.
 *
 * @param headers - The header row's cells.
 * @param options - `table` and `preset` (`auto` or a name) narrow the candidates; `needs` says
 *   which fields matter most.
 * @returns The candidates, best first (empty when a named preset does not exist for the table).
 * @example
 * rankPresets(['Arrest Date', 'Date of Birth', 'Gender', 'Country of Citizenship'])[0]?.preset.name;
 * // => 'ice-seattle/arrests'
 */
export function rankPresets(
  headers: readonly string[],
  options: { readonly table?: RecordTableName | 'auto'; readonly preset?: string; readonly needs?: ColumnNeeds } = {},
): ScoredMatch[] {
  const table = options.table ?? 'auto';
  const wanted = options.preset ?? 'auto';
  const candidates = headerPresets.filter((p) => (table === 'auto' || p.table === table) && (wanted === 'auto' || p.name === wanted || p.family === wanted));
  const scored = candidates.map((preset, order) => {
    const match = matchPreset(headers, preset);
    const needed = neededFields(recordTableSpecs[preset.table] as RecordTableLayout, options.needs);
    const have = new Set(match.mapped.map((m) => m.field));
    const exact = match.mapped.filter((m) => Object.hasOwn(preset.columns, m.header.replace(joinedSuffix, ''))).length;
    return { ...match, needed: needed.length, neededMapped: needed.filter((f) => have.has(f)).length, exact, order };
  });
  scored.sort((a, b) => b.neededMapped - a.neededMapped || b.mapped.length - a.mapped.length || b.exact - a.exact || a.order - b.order);
  return scored.map(({ order: _order, exact: _exact, ...m }) => m);
}

const knownKeys: ReadonlyMap<RecordTableName | 'auto', ReadonlySet<string>> = (() => {
  const map = new Map<RecordTableName | 'auto', Set<string>>([['auto', new Set()]]);
  for (const p of headerPresets) {
    let set = map.get(p.table);
    if (set === undefined) {
      set = new Set();
      map.set(p.table, set);
    }
    for (const [h, f] of Object.entries(p.columns)) {
      if (f === null) continue;
      set.add(headerKey(h));
      map.get('auto')!.add(headerKey(h));
    }
  }
  return map;
})();

/** Where a file's header is, and the banner above it. */
export interface HeaderLocation {
  /** 0-based index of the header among the rows given. */
  readonly index: number;
  /** The banner rows above the header, each as its non-blank cells joined by a space (blank rows as ''). */
  readonly banner: readonly string[];
  /** The last non-blank banner row: the release's title ("ERO Administrative Arrests for FY2016"), or `undefined`. */
  readonly title: string | undefined;
}

/**
 * Finds the header of a release that puts title rows above it (ICE's files carry 5–6: "ERO-LESA
 * Statistical Tracking Unit", "For Official Use Only…", a FOIA number, a title): the first row
 * at least two of whose cells name known fields.
 *
 * @param rows - The file's first rows, split into cells (20 or so are plenty).
 * @param table - Count only the headers of this table; any table by default.
 * @returns The header's index, the banner and its title; `undefined` when no row qualifies.
 * @example
 * findHeaderRow([['ERO-LESA Statistical Tracking Unit', ''], ['Arrest Date', 'Gender']]);
 * // => { index: 1, banner: ['ERO-LESA Statistical Tracking Unit'], title: 'ERO-LESA Statistical Tracking Unit' }
 */
export function findHeaderRow(rows: readonly (readonly string[])[], table: RecordTableName | 'auto' = 'auto'): HeaderLocation | undefined {
  const known = knownKeys.get(table) ?? new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    let hits = 0;
    for (const cell of rows[i]!) {
      const suffix = joinedSuffix.exec(cell.trim());
      const key = headerKey(suffix ? cell.trim().slice(0, suffix.index) : cell);
      if (key !== '' && known.has(key) && ++hits >= 2) break;
    }
    if (hits >= 2) {
      const banner = rows.slice(0, i).map((r) =>
        r
          .map((c) => c.trim())
          .filter((c) => c !== '')
          .join(' '),
      );
      const title = [...banner].reverse().find((b) => b !== '');
      return { index: i, banner, title };
    }
  }
  return undefined;
}
