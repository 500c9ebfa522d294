// Which record table a file's header holds, from its first rows: the one header finder and preset
// ranking the record readers use, for inspecting a file and choosing a workbook's sheets.
import type { RecordTableName } from '@icestat/core';
import { findHeaderRow, rankPresets } from './match';
import type { PresetChoice } from './plan';

/** The record table a header holds: the best-ranked table and preset, when it maps two fields or more. */
export interface DetectedTable {
  /** The 1-based row (sheet row or line) of the header; undefined when no header was found. */
  readonly headerRow?: number;
  readonly table: RecordTableName | null;
  readonly preset: string | null;
  /** Header cells that map a field, and those no field takes. */
  readonly mapped: readonly { readonly header: string; readonly field: string }[];
  readonly unmapped: readonly string[];
}

/**
 * Detects the record table of a header found among a table's first rows (banner rows above it
 * skipped by the same finder the readers use), by the presets' ranking.
 *
 * @param rows - The first rows, as text, with their 1-based row numbers.
 * @param options - `table` and `preset` narrow the candidates.
 * @returns The header's row, the table and preset (null when none maps two fields), mapped and unmapped columns.
 * @example
 * detectTable([{ row: 7, cells: ['Arrest Date', 'Gender', 'Country of Citizenship'] }]).table; // => 'arrests'
 */
export function detectTable(
  rows: readonly { readonly row: number; readonly cells: readonly string[] }[],
  options: { readonly table?: RecordTableName | 'auto'; readonly preset?: PresetChoice } = {},
): DetectedTable {
  const found = findHeaderRow(
    rows.map((r) => r.cells),
    options.table ?? 'auto',
  );
  if (found === undefined) return { table: null, preset: null, mapped: [], unmapped: [] };
  const header = rows[found.index]!.cells.map((c) => c.trim()).filter((c) => c !== '');
  const best = rankPresets(header, { table: options.table ?? 'auto', preset: options.preset ?? 'auto' })[0];
  const headerRow = rows[found.index]!.row;
  if (best === undefined || best.mapped.length < 2) return { headerRow, table: null, preset: null, mapped: [], unmapped: header };
  const mapped = best.mapped.map((m) => ({ header: m.header, field: m.field }));
  const taken = new Set(mapped.map((m) => m.header));
  return { headerRow, table: best.preset.table, preset: best.preset.name, mapped, unmapped: header.filter((h) => !taken.has(h)) };
}
