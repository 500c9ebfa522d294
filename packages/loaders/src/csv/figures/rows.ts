import { columnCountReason, headerRowReason, swallowedRowReason, textAfterQuoteReason, type CsvRowProblemCode } from '../problems';
import { findHeader } from '../records/dialect';
import { createCsvTokenizer, isBlankRow, ROW_OK, ROW_UNCLOSED_QUOTE, rowProblemCode, type CsvRow } from '../records/tokenizer';

/** One row of a CSV of figures: its cells, quotes removed, and the physical line it starts on. */
export interface FiguresRow {
  /** 1-based physical line of the row's first character. */
  readonly line: number;
  /** The cells, quotes removed, doubled quotes undone; the formula guard is not undone here. */
  readonly cells: readonly string[];
}

/** A row that could not be split into the header's cells. */
export interface FiguresRowProblem {
  readonly line: number;
  /** 0-based index of the cell where the problem is; -1 when no one cell is to blame. */
  readonly cell: number;
  readonly code: CsvRowProblemCode | 'bad_header';
  readonly what: string;
}

/** What {@link readFiguresRows} found. */
export interface FiguresRows {
  readonly header: FiguresRow | undefined;
  readonly rows: readonly FiguresRow[];
  readonly problems: readonly FiguresRowProblem[];
}

/** No row of a text held whole is too long: the cap is off. */
const NO_CAP = Number.MAX_SAFE_INTEGER;

/**
 * Stage 1 of reading a CSV of figures: the rows. Read by the record reader's streaming tokenizer
 * with its rules — the header is the first row that is not blank, the line end is the header's
 * (LF, CRLF, or a lone CR for old Mac files), lines are physical lines (line breaks inside quotes
 * count), blank rows (every cell white space) are skipped whatever their cell count — and its
 * vocabulary for malformed rows: an unclosed quote, text after a closing quote, a cell count
 * that is not the header's. A malformed header row ends the reading: no row can be read without it.
 *
 * @param text - The CSV text, without a byte-order mark.
 * @param delimiter - One character: `,`, `;` or a tab.
 * @returns The header row, the well-formed data rows and the problems, all with lines.
 * @throws Never for bad input.
 * @example
 * readFiguresRows('a,b\n1,"x\ny"\n2,z\n', ',').rows.map((r) => r.line); // => [2, 4]
 */
export function readFiguresRows(text: string, delimiter: string): FiguresRows {
  const start = findHeader(text, 0, true, delimiter);
  let header: FiguresRow | undefined;
  const rows: FiguresRow[] = [];
  const problems: FiguresRowProblem[] = [];
  if (!start.found) return { header, rows, problems };
  let done = false;
  const onRow = (row: CsvRow): void => {
    if (done) return;
    if (row.problem !== ROW_OK) {
      const code = rowProblemCode(row.problem);
      if (!header) {
        problems.push({ line: row.line, cell: -1, code: 'bad_header', what: headerRowReason(code) });
        done = true;
        return;
      }
      const what = code === 'text_after_quote' ? textAfterQuoteReason : swallowedRowReason(code, row.line, row.endLine(), row.strayQuote(), NO_CAP);
      problems.push({ line: row.line, cell: row.problem === ROW_UNCLOSED_QUOTE || code === 'text_after_quote' ? row.problemCell : -1, code, what });
      return;
    }
    if (isBlankRow(row)) return;
    const cells = Array.from({ length: row.count }, (_, i) => row.cell(i));
    if (!header) header = { line: row.line, cells };
    else if (cells.length !== header.cells.length) {
      const width = header.cells.length;
      problems.push({ line: row.line, cell: Math.min(cells.length, width), code: 'column_count', what: columnCountReason(width, cells.length) });
    } else rows.push({ line: row.line, cells });
  };
  const tokenizer = createCsvTokenizer({ delimiter, eol: start.dialect.eol, maxRowLength: NO_CAP, onRow, firstLine: start.lines + 1 });
  tokenizer.push(start.start === 0 ? text : text.slice(start.start));
  tokenizer.end();
  return { header, rows, problems };
}
