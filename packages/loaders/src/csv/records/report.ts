import type { RecordTableName } from '@icestat/core';

// The wording of row problems is shared with the figures reader.
export { swallowedRowReason } from '../problems';

/**
 * Why a row was rejected:
 *
 * - `column_count`: more or fewer cells than the header.
 * - `unclosed_quote`: a quoted value never closes; the row runs to the end of the file.
 * - `text_after_quote`: text between a closing quote and the next delimiter (`"abc"def`).
 * - `row_too_long`: longer than `maxRowLength` characters (usually a stray quote).
 * - `bad_date`, `bad_time`, `bad_state`, `bad_aor`, `bad_criminality`, `bad_gender`,
 *   `bad_apprehension_type`, `bad_birth_year`, `bad_boolean`: a cell that is not what its
 *   column holds.
 */
export type RejectionCode =
  | 'column_count'
  | 'unclosed_quote'
  | 'text_after_quote'
  | 'row_too_long'
  | 'bad_date'
  | 'bad_time'
  | 'bad_state'
  | 'bad_aor'
  | 'bad_criminality'
  | 'bad_gender'
  | 'bad_apprehension_type'
  | 'bad_birth_year'
  | 'bad_boolean';

/** A row that was read but not accepted, and where it is. */
export interface Rejection {
  /** 1-based physical line the row starts on. */
  readonly line: number;
  /** The header of the offending column, when one column is to blame. */
  readonly column?: string;
  readonly code: RejectionCode;
  /** What was expected and what arrived, for a reader of the data. */
  readonly reason: string;
  /** The row as written, cut to 500 characters. */
  readonly raw?: string;
  /** For `unclosed_quote` and `row_too_long`: the last line the row covers. */
  readonly endLine?: number;
  /**
   * For `unclosed_quote` and `row_too_long`: where the quote that most likely caused it is (the
   * one that never closes, or the first whose value spans lines), 1-based line and column.
   */
  readonly quote?: { readonly line: number; readonly column: number };
  /** For a workbook: the sheet the row is on (`line` is then its row in that sheet). */
  readonly sheet?: string;
}

/**
 * What reading a record-level file did. Always `accepted + rejected === rowsRead`; blank lines
 * are not rows. `rejected` counts every rejection; `rejections` keeps the first `maxRejections`
 * and `rejectionsDropped` says how many more there were.
 */
export interface LoadReport {
  /** The file's name, path or URL; `(text)` or `(stream)` when it has none. */
  readonly file: string;
  /** Data rows read (the header, the title rows above it and blank lines are not rows). */
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
  /** Rejections counted but not kept in `rejections`. */
  readonly rejectionsDropped: number;
  /** Lines with nothing on them (or only spaces, or only delimiters), skipped. */
  readonly blankLines: number;
  /** The delimiter used, given or detected. */
  readonly delimiter: string;
  /** The record table read (`arrests`, `removals`, …), given or picked from the header; `auto` before the header. */
  readonly table: RecordTableName | 'auto';
  /** The header preset used (`ice-lesa/arrests`, `snake-case/removals`), or `none` when only custom columns map. */
  readonly preset: string;
  /**
   * Where the header is: its 1-based line, and the title rows above it that were skipped (ICE's
   * "ERO-LESA Statistical Tracking Unit", "For Official Use Only…", the FOIA number, the title),
   * each as its non-blank cells joined by a space, with `title` the last non-blank one.
   */
  readonly header: { readonly line: number; readonly bannerLines: number; readonly banner: readonly string[]; readonly title: string | undefined };
  readonly columns: {
    /** Columns that fill a record field, in column order. */
    readonly mapped: readonly { readonly header: string; readonly field: string }[];
    /** Columns no field takes (unmapped), kept in `record.extra` by these keys. */
    readonly extra: readonly string[];
    /** Headers of the custom `columns` option that the file does not have. */
    readonly notFound: readonly string[];
  };
  /** For each mapped field, how many accepted rows had it redacted under FOIA. */
  readonly redacted: Readonly<Record<string, number>>;
  /**
   * For each field, the values icestat did not know (an AOR that is none of ICE's offices) and
   * how many accepted rows held each. They are kept as `{ unknown: text }` and tallied under
   * their own label (with `strictAors` they are rejections instead).
   */
  readonly unknownValues: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * For a workbook: each sheet read, in order, with its header row, preset and counts (the
   * counts above are their sums; `header` and `columns` are the first sheet's).
   */
  readonly sheets?: readonly SheetReport[];
}

/** What reading one sheet of a workbook did; see {@link LoadReport.sheets}. */
export interface SheetReport {
  readonly name: string;
  /** The 1-based sheet row of its header. */
  readonly headerRow: number;
  readonly preset: string;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * An empty report, for a reader that has not started yet or a file with no header.
 *
 * @param file - The input's name.
 * @returns A report with every count 0.
 * @example
 * emptyLoadReport('arrests.csv').rowsRead; // => 0
 */
export function emptyLoadReport(file: string): LoadReport {
  return {
    file,
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    rejections: [],
    rejectionsDropped: 0,
    blankLines: 0,
    delimiter: ',',
    table: 'auto',
    preset: 'none',
    header: { line: 0, bannerLines: 0, banner: [], title: undefined },
    columns: { mapped: [], extra: [], notFound: [] },
    redacted: {},
    unknownValues: {},
  };
}

/**
 * One report for a read made in parts (a file's byte ranges tallied by workers, a workbook's
 * sheets): rows read, accepted, rejected and blank lines added up, redactions and unknown values
 * counted across parts, and the first `maxRejections` rejections kept, each placed in the whole
 * by `place` (its line shifted, its sheet named). Everything else is the first part's.
 *
 * @param file - The source's name.
 * @param parts - The parts' reports, in order; at least one.
 * @param maxRejections - Rejections to keep in all.
 * @param place - A part's rejection as the whole read reports it (`i` is the part's index).
 * @returns The joined report.
 * @example
 * sumReports('arrests.csv', [emptyLoadReport('a'), emptyLoadReport('b')], 1000, (r) => r).rowsRead; // => 0
 */
export function sumReports(file: string, parts: readonly LoadReport[], maxRejections: number, place: (r: Rejection, i: number) => Rejection): LoadReport {
  const rejections: Rejection[] = [];
  const redacted: Record<string, number> = {};
  const unknownValues: Record<string, Record<string, number>> = {};
  let rowsRead = 0;
  let accepted = 0;
  let rejected = 0;
  let blankLines = 0;
  parts.forEach((report, i) => {
    rowsRead += report.rowsRead;
    accepted += report.accepted;
    rejected += report.rejected;
    blankLines += report.blankLines;
    for (const r of report.rejections) if (rejections.length < maxRejections) rejections.push(place(r, i));
    for (const [field, n] of Object.entries(report.redacted)) redacted[field] = (redacted[field] ?? 0) + (n ?? 0);
    for (const [field, values] of Object.entries(report.unknownValues)) {
      const counts = unknownValues[field] ?? {};
      unknownValues[field] = counts;
      for (const [value, n] of Object.entries(values)) counts[value] = (counts[value] ?? 0) + n;
    }
  });
  return { ...parts[0]!, file, rowsRead, accepted, rejected, rejections, rejectionsDropped: rejected - rejections.length, blankLines, redacted, unknownValues };
}
