import { RAW_LIMIT, ROW_OK, type CsvRow } from '../csv/records/tokenizer';

/**
 * A row already split into cells, as readers of other formats (xlsx, Parquet) hand them over:
 * the cells as text, and where the row is (a physical line, or a 1-based row number of a sheet).
 */
export interface SplitRow {
  /** 1-based line (text formats) or row (sheets); counted from 1 upwards when neither is given. */
  readonly line?: number;
  readonly row?: number;
  readonly cells: readonly string[];
}

const SEP = '\u0000';

function quoteCell(c: string): string {
  return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/**
 * Wraps split rows as the tokenizer's rows, so that the one row checker reads them with the same
 * rules, rejections and report as CSV text. The returned row object is reused: fill it with
 * `set`, hand it on, and do not keep it.
 *
 * @returns A row and the function that refills it.
 * @example
 * const { row, set } = splitRowAdapter();
 * set({ line: 7, cells: ['2015-10-01', 'SEA'] });
 * row.cell(1); // => 'SEA'
 */
export function splitRowAdapter(): { readonly row: CsvRow; set(split: SplitRow, fallbackLine: number): void } {
  let cells: readonly string[] = [];
  const state = {
    text: '',
    bytes: null,
    starts: new Int32Array(16),
    ends: new Int32Array(16),
    escaped: new Uint8Array(16),
    count: 0,
    line: 0,
    problem: ROW_OK as CsvRow['problem'],
    problemCell: -1,
    cell: (i: number): string => cells[i] ?? '',
    raw: (): string => {
      const s = cells.map(quoteCell).join(',');
      return s.length > RAW_LIMIT ? `${s.slice(0, RAW_LIMIT)}…` : s;
    },
    // A split row is one row of its sheet: it ends where it starts, and has no quotes to stray.
    endLine: (): number => state.line,
    strayQuote: (): undefined => undefined,
  };
  return {
    row: state,
    set(split, fallbackLine) {
      cells = split.cells;
      const n = cells.length;
      if (state.starts.length < n) {
        const size = Math.max(n, state.starts.length * 2);
        state.starts = new Int32Array(size);
        state.ends = new Int32Array(size);
        state.escaped = new Uint8Array(size);
      }
      state.text = cells.join(SEP);
      let at = 0;
      for (let i = 0; i < n; i++) {
        state.starts[i] = at;
        at += cells[i]!.length;
        state.ends[i] = at;
        at += 1;
      }
      state.count = n;
      state.line = split.line ?? split.row ?? fallbackLine;
    },
  };
}
