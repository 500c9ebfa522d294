/**
 * Record tables' release headers: the header presets of every release family, the ranking that
 * picks a table and preset for a file's header, and the finder of a header below banner rows.
 *
 * @packageDocumentation
 */
export { headerPreset, headerPresets, releaseFamilies, snakeCaseHeader, type HeaderPreset, type ReleaseFamily } from './presets';
export {
  findHeaderRow,
  headerKey,
  matchPreset,
  neededFields,
  rankPresets,
  type ColumnNeeds,
  type HeaderLocation,
  type MatchedColumn,
  type PresetMatch,
  type ScoredMatch,
} from './match';
export type { SplitRow } from './rows';
