// The one vocabulary of CSV row problems. Both readers — the figures reader and the record
// reader — take the code and the wording of a malformed row from here, so that the same problem
// reads the same in a figures error and in a record rejection.

/**
 * The codes of the problems that make a row unreadable as CSV, whichever reader meets it:
 *
 * - `column_count`: more or fewer cells than the header.
 * - `unclosed_quote`: a quoted value never closes; the row runs to the end of the file.
 * - `text_after_quote`: text between a closing quote and the next delimiter (`"abc"def`).
 * - `row_too_long`: longer than the row-length cap (usually a stray quote).
 */
export type CsvRowProblemCode = 'column_count' | 'unclosed_quote' | 'text_after_quote' | 'row_too_long';

/** A whole number with thousands separators: 1000001 → `1,000,001`. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The reason for a row whose cell count is not the header's.
 *
 * @param expected - The header's cell count.
 * @param received - The row's.
 * @returns The reason text; a row with too many cells gets a hint about quoting.
 * @example
 * columnCountReason(14, 15);
 * // => 'expected 14 cells, as in the header; received 15 (quote a cell that holds the delimiter)'
 */
export function columnCountReason(expected: number, received: number): string {
  return `expected ${expected} cells, as in the header; received ${received}${received > expected ? ' (quote a cell that holds the delimiter)' : ''}`;
}

/** The reason for text between a closing quote and the next delimiter or line end. */
export const textAfterQuoteReason = 'expected a delimiter or line end after a closing quote; received more text (write "" for a quote inside a quoted cell)';

/**
 * The reason for a row that swallowed lines: an unclosed quote, or a row too long to hold. Says
 * which lines the one problem covers and where the likely stray quote is.
 *
 * @param code - `unclosed_quote` or `row_too_long`.
 * @param line - The row's first line.
 * @param endLine - Its last line.
 * @param quote - The likely stray quote, if any.
 * @param maxRowLength - The row-length cap (for `row_too_long`).
 * @returns The reason text.
 * @example
 * swallowedRowReason('unclosed_quote', 2, 1000001, { line: 2, column: 14 }, 1 << 20);
 * // => 'expected a closing quote; received none: 1 rejection covering lines 2–1,000,001 (to the end of the file); likely a stray quote at line 2, column 14'
 */
export function swallowedRowReason(
  code: 'unclosed_quote' | 'row_too_long',
  line: number,
  endLine: number,
  quote: { readonly line: number; readonly column: number } | undefined,
  maxRowLength: number,
): string {
  const lines = endLine > line ? `lines ${thousands(line)}–${thousands(endLine)}` : `line ${thousands(line)}`;
  const where = quote === undefined ? '' : `; likely a stray quote at line ${thousands(quote.line)}, column ${thousands(quote.column)}`;
  if (code === 'unclosed_quote') return `expected a closing quote; received none: 1 rejection covering ${lines} (to the end of the file)${where}`;
  return `expected a row of at most ${thousands(maxRowLength)} characters; received a longer one: 1 rejection covering ${lines}, skipped to its end${where || ' (a stray quote?)'}`;
}

/**
 * The reason for a header row that cannot be read as CSV.
 *
 * @param code - What is wrong with it.
 * @returns The reason text, naming what a header must be.
 * @example
 * headerRowReason('unclosed_quote'); // => 'the header row has a quote that never closes; expected a header of column names'
 */
export function headerRowReason(code: Exclude<CsvRowProblemCode, 'column_count'>): string {
  const what = code === 'unclosed_quote' ? 'has a quote that never closes' : code === 'text_after_quote' ? 'has text after a closing quote' : 'is too long';
  return `the header row ${what}; expected a header of column names`;
}
