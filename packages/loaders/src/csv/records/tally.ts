import {
  createTally,
  isRedacted,
  MISSING,
  REDACTED,
  type ArrestRecordField,
  type TallyDimension,
  type TallyResult,
} from '@icestat/core';
import { textChunks } from '../../shared/input';
import type { ColumnPlan } from './columns';
import { resolveReadOptions, type ReadArrestRecordsOptions } from './options';
import { sourceName, type RecordSource } from './read';
import type { LoadReport } from './report';
import { createRowReader, type RowReader } from './row-reader';

/** Options of {@link tallyArrestRecords}: the tally's, and the reader's. */
export interface TallyArrestRecordsOptions extends ReadArrestRecordsOptions {
  /** Dimensions to group by, in order; none gives a single total. */
  readonly by: readonly TallyDimension[];
  /** Leave out rows flagged `duplicate_likely`; counted in the tally's `excluded.duplicates`. */
  readonly excludeDuplicates?: boolean;
}

/** The record field each tally dimension groups on (core's `groupValue` reads the same ones). */
const dimensionFields = {
  fiscalYear: 'apprehensionDate',
  month: 'apprehensionDate',
  day: 'apprehensionDate',
  state: 'apprehensionState',
  aor: 'apprehensionAor',
  criminality: 'criminality',
  citizenship: 'citizenshipCountry',
  gender: 'gender',
  apprehensionType: 'apprehensionType',
} as const satisfies Record<TallyDimension, ArrestRecordField>;

// `FY2017` for each year seen, built once per year rather than once per row.
const fiscalYearKeys = new Map<number, string>();

/**
 * The group value of a normalised cell on one dimension, exactly as core's `groupValue` gives it
 * for the record holding that value: dates are ISO here, so no re-validation is needed.
 */
function groupOf(dimension: TallyDimension, v: unknown): string {
  if (v === null || v === undefined) return MISSING;
  if (isRedacted(v)) return REDACTED;
  const s = v as string;
  switch (dimension) {
    case 'fiscalYear': {
      // Fiscal years start on 1 October: months 10–12 belong to the next year's FY.
      const fy = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48) + (s.charCodeAt(5) === 49 ? 1 : 0);
      let key = fiscalYearKeys.get(fy);
      if (key === undefined) {
        key = `FY${fy}`;
        fiscalYearKeys.set(fy, key);
      }
      return key;
    }
    case 'month':
      return s.slice(0, 7);
    case 'day':
      return s;
    default:
      return s;
  }
}

/**
 * Tallies a record-level arrest CSV straight into core's streaming tally, without holding rows
 * and without building a record per row: only the columns the tally groups by become values,
 * and each row goes in as `tally.addGroup(values, duplicateLikely)`. Every row is checked by the
 * same rules as {@link readArrestRecords} (a row it would reject is rejected here, and the
 * reports agree), so the tally counts exactly the records the reader would yield.
 *
 * @param source - A path, URL, Node readable stream, Web `ReadableStream`, or `{ text }`.
 * @param options - `by` and `excludeDuplicates` for the tally; the reader's options besides.
 * @returns The tally's result (`seen` equals the report's `accepted`) and the load report.
 * @throws {@link IcestatError} `invalid_input` for an unknown or repeated dimension, bad read
 *   options, or CSV text passed as a string; `parse_error` for a malformed header row, or for
 *   the first bad row with `onRejection: 'throw'`; `unsupported_encoding` for bytes that are not
 *   UTF-8. Errors of the input itself (a missing file, an abort) pass through.
 * @example
 * const { tally, report } = await tallyArrestRecords('arrests.csv', { by: ['fiscalYear', 'criminality'] });
 * tally.rows[0]; // => { fiscalYear: 'FY2017', criminality: 'convicted', count: 317 }
 * report.accepted === tally.seen; // => true
 */
export async function tallyArrestRecords(
  source: RecordSource,
  options: TallyArrestRecordsOptions,
): Promise<{ tally: TallyResult; report: LoadReport }> {
  const { by, excludeDuplicates = false } = options;
  const tally = createTally({ by, excludeDuplicates });
  const read = resolveReadOptions(options);
  const file = sourceName(source, options, 'tallyArrestRecords');
  const needs = new Set<ArrestRecordField>(by.map((d) => dimensionFields[d]));
  if (excludeDuplicates) needs.add('duplicateLikely');

  const groups: string[] = by.map(() => MISSING);
  // Per dimension, the column it reads (-1 when the file has no such column: always MISSING).
  let dimensionColumns: number[] = [];
  let duplicateColumn = -1;
  let rows: RowReader | undefined = undefined;

  const onHeader = (plan: ColumnPlan): void => {
    dimensionColumns = by.map((d) => plan.fields.indexOf(dimensionFields[d]));
    duplicateColumn = plan.fields.indexOf('duplicateLikely');
  };
  const onAccept = (): void => {
    const values = rows!.values;
    for (let i = 0; i < by.length; i++) {
      const column = dimensionColumns[i]!;
      groups[i] = column < 0 ? MISSING : groupOf(by[i]!, values[column]);
    }
    tally.addGroup(groups, duplicateColumn >= 0 && values[duplicateColumn] === true);
  };
  rows = createRowReader({ file, read, needs, onHeader, onAccept });
  for await (const text of textChunks(source, options)) rows.push(text);
  rows.end();
  return { tally: tally.result(), report: rows.report() };
}
