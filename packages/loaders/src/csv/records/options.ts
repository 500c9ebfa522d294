import { IcestatError, type RecordTableName } from '@icestat/core';
import { describeValue } from '../../shared/args';
import type { InputOptions } from '../../shared/input';
import { checkPlanOptions, type CustomColumns, type PresetChoice } from '../../tables/plan';
import type { ColumnMap } from './columns';
import type { SheetOptions } from './sources';

/** Options of {@link readRecords}, {@link parseRecords} and {@link tallyRecords}. */
export interface ReadRecordsOptions extends InputOptions, SheetOptions {
  /**
   * The record table: `arrests`, `encounters`, `removals`, `detainers` or `detentions` (book-ins,
   * stints); `auto` (the default) picks the table whose release headers map the most fields the
   * request needs. The report says which.
   */
  readonly table?: RecordTableName | 'auto';
  /** One character; detected from the header line (`,` `;` tab `|`) when not given. */
  readonly delimiter?: string;
  /**
   * Header preset: `auto` (the default) ranks every release family's header; or a preset
   * (`ice-lesa/arrests`), a family (`ice-lesa`, `ice-seattle`, `ddp-2023`, `ddp-2025`,
   * `ddp-2026`, `snake-case`), `ice-release` (any of ICE's own Title Case spellings), or `none`
   * (only `columns`).
   */
  readonly preset?: PresetChoice;
  /** Header → field map laid over the preset; `null` keeps a column in `extra`. */
  readonly columns?: CustomColumns;
  /**
   * The 1-based line of the header row. By default the header is the first row at least two of
   * whose cells name known fields; the title rows ICE puts above it are skipped and reported.
   */
  readonly headerRow?: number;
  /** Cells that mean "no value" (trimmed, case ignored); blank always does. Default `NA`, `N/A`, `NULL`, `(null)`. */
  readonly missingValues?: readonly string[];
  /**
   * Reject a row whose AOR icestat does not know (`bad_aor`). By default such a value is kept as
   * `{ unknown: text }`, counted under its own label and listed in the report's `unknownValues`.
   */
  readonly strictAors?: boolean;
  /** How many rejections the report keeps (all are counted); `Infinity` keeps all. Default 1000. */
  readonly maxRejections?: number;
  /** `collect` (default) reports bad rows and reads on; `throw` stops at the first. */
  readonly onRejection?: 'collect' | 'throw';
  /**
   * Longest row, in characters, held in memory; a longer one (usually a stray quote swallowing
   * the file) is rejected as `row_too_long` or `unclosed_quote` without being held. Default 1 MiB.
   */
  readonly maxRowLength?: number;
}

/** Options of {@link readArrestRecords}, {@link parseArrestRecords} and {@link tallyArrestRecords}: the arrests table's. */
export interface ReadArrestRecordsOptions extends Omit<ReadRecordsOptions, 'table' | 'columns'> {
  /** Header → arrest record field map laid over the preset; `null` keeps a column in `extra`. */
  readonly columns?: ColumnMap;
}

/** {@link ReadRecordsOptions} with defaults filled in and checked: plain data (it crosses to worker threads). */
export interface ResolvedReadOptions {
  readonly table: RecordTableName | 'auto';
  readonly delimiter: string | undefined;
  readonly preset: PresetChoice;
  readonly columns: CustomColumns | undefined;
  readonly headerRow: number | undefined;
  readonly missingValues: readonly string[] | undefined;
  readonly strictAors: boolean;
  readonly maxRejections: number;
  readonly onRejection: 'collect' | 'throw';
  readonly maxRowLength: number;
}

function wholeAtLeast(name: string, v: number, min: number): number {
  if (!(Number.isInteger(v) || v === Infinity) || v < min) {
    throw new IcestatError('invalid_input', `${name}: expected a whole number of at least ${min} (or Infinity); received ${String(v)}`);
  }
  return v;
}

/**
 * Checks read options and fills in the defaults, before any input is touched.
 *
 * @param options - The caller's options.
 * @param date - The date field a tally's time dimensions read, to check against the table.
 * @returns The resolved options.
 * @throws {@link IcestatError} `invalid_input` for a delimiter that is not one character (or is a
 *   quote or line break), an unknown table or preset or `onRejection`, a negative
 *   `maxRejections`, a `maxRowLength` or `headerRow` below 1, missing values that are not text,
 *   a `columns` target that is not a field of the table, or a `date` the table does not have.
 * @example
 * resolveReadOptions({ delimiter: ';' }).maxRejections; // => 1000
 */
export function resolveReadOptions(options: ReadRecordsOptions = {}, date?: string): ResolvedReadOptions {
  const {
    table = 'auto',
    delimiter,
    preset = 'auto',
    columns,
    headerRow,
    missingValues,
    strictAors = false,
    maxRejections = 1000,
    onRejection = 'collect',
    maxRowLength = 1 << 20,
  } = options;
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')) {
    throw new IcestatError('invalid_input', `delimiter: expected one character other than a quote or line break; received ${JSON.stringify(delimiter)}`);
  }
  if (onRejection !== 'collect' && onRejection !== 'throw') {
    throw new IcestatError('invalid_input', `onRejection: expected "collect" or "throw"; received ${JSON.stringify(onRejection)}`);
  }
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new IcestatError('invalid_input', `headerRow: expected a whole number of at least 1 (the header's line); received ${String(headerRow)}`);
  }
  if (missingValues !== undefined && !(Array.isArray(missingValues) && missingValues.every((m) => typeof m === 'string'))) {
    throw new IcestatError('invalid_input', `missingValues: expected a list of texts such as ["NA", "NULL"]; received ${JSON.stringify(missingValues)}`);
  }
  if (columns !== undefined && (typeof columns !== 'object' || columns === null || Array.isArray(columns))) {
    throw new IcestatError('invalid_input', `columns: expected an object mapping headers to record fields (or null); received ${describeValue(columns)}`);
  }
  if (options.name !== undefined && typeof options.name !== 'string')
    throw new IcestatError('invalid_input', `name: expected a string; received ${describeValue(options.name)}`);
  checkPlanOptions({ table, preset, ...(columns ? { columns } : {}), ...(date ? { needs: { date } } : {}) });
  return {
    table,
    delimiter,
    preset,
    columns,
    headerRow,
    missingValues,
    strictAors: strictAors === true,
    maxRejections: wholeAtLeast('maxRejections', maxRejections, 0),
    onRejection,
    maxRowLength: wholeAtLeast('maxRowLength', maxRowLength, 1),
  };
}
