import { IcestatError } from '@icestat/core';
import { describeValue } from '../../shared/args';
import type { InputOptions } from '../../shared/input';
import { checkColumnMap, type ColumnMap, type ColumnPresetChoice } from './columns';

/** Options of {@link readArrestRecords}, {@link parseArrestRecords} and {@link tallyArrestRecords}. */
export interface ReadArrestRecordsOptions extends InputOptions {
  /** One character; detected from the header line (`,` `;` tab `|`) when not given. */
  readonly delimiter?: string;
  /** Column preset; `auto` (the default) detects it from the header. */
  readonly preset?: ColumnPresetChoice;
  /** Header → field map merged over the preset; `null` keeps a column in `extra`. */
  readonly columns?: ColumnMap;
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

/** {@link ReadArrestRecordsOptions} with defaults filled in and checked. */
export interface ResolvedReadOptions {
  readonly delimiter: string | undefined;
  readonly preset: ColumnPresetChoice;
  readonly columns: ColumnMap | undefined;
  readonly maxRejections: number;
  readonly onRejection: 'collect' | 'throw';
  readonly maxRowLength: number;
}

const presets: readonly ColumnPresetChoice[] = ['auto', 'ice-release', 'snake-case', 'none'];

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
 * @returns The resolved options.
 * @throws {@link IcestatError} `invalid_input` for a delimiter that is not one character (or is a
 *   quote or line break), an unknown preset or `onRejection`, a negative `maxRejections`, a
 *   `maxRowLength` below 1, or a `columns` target that is not a record field.
 * @example
 * resolveReadOptions({ delimiter: ';' }).maxRejections; // => 1000
 */
export function resolveReadOptions(options: ReadArrestRecordsOptions = {}): ResolvedReadOptions {
  const { delimiter, preset = 'auto', columns, maxRejections = 1000, onRejection = 'collect', maxRowLength = 1 << 20 } = options;
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')) {
    throw new IcestatError('invalid_input', `delimiter: expected one character other than a quote or line break; received ${JSON.stringify(delimiter)}`);
  }
  if (!presets.includes(preset)) {
    throw new IcestatError('invalid_input', `preset: expected one of ${presets.join(', ')}; received ${JSON.stringify(preset)}`);
  }
  if (onRejection !== 'collect' && onRejection !== 'throw') {
    throw new IcestatError('invalid_input', `onRejection: expected "collect" or "throw"; received ${JSON.stringify(onRejection)}`);
  }
  if (columns !== undefined && (typeof columns !== 'object' || columns === null || Array.isArray(columns))) {
    throw new IcestatError('invalid_input', `columns: expected an object mapping headers to record fields (or null); received ${describeValue(columns)}`);
  }
  if (options.name !== undefined && typeof options.name !== 'string') throw new IcestatError('invalid_input', `name: expected a string; received ${describeValue(options.name)}`);
  checkColumnMap(columns);
  return {
    delimiter,
    preset,
    columns,
    maxRejections: wholeAtLeast('maxRejections', maxRejections, 0),
    onRejection,
    maxRowLength: wholeAtLeast('maxRowLength', maxRowLength, 1),
  };
}
