import { initParser, type Parser, type Schema } from 'udsv';

/** One logical CSV row: its cells (unquoted by uDSV) and the physical line it starts on. */
export interface CsvRow {
  /** 1-based physical line of the row's first character. */
  readonly line: number;
  /** The cells, quotes removed, doubled quotes undone; the formula guard is not undone here. */
  readonly cells: readonly string[];
}

/** A row that could not be split into the header's cells. */
export interface CsvRowProblem {
  readonly line: number;
  /** 0-based index of the cell where the problem is. */
  readonly cell: number;
  readonly code: 'unclosed_quote' | 'text_after_quote' | 'cell_count';
  readonly what: string;
  /** For `cell_count`: how many cells the row has. */
  readonly cells?: number;
}

/** What {@link readCsvRows} found. */
export interface CsvTable {
  readonly header: CsvRow | undefined;
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvRowProblem[];
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly cells: number;
  readonly problem?: Omit<CsvRowProblem, 'line'>;
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/**
 * Finds the row boundaries of a CSV text, the physical line each row starts on and how many
 * cells it has, and the rows that are malformed. uDSV, which splits the cells, assumes a
 * well-formed file — given a row with a missing cell it runs on into the next line, and an
 * unclosed quote loses the rest of the file — so this pass makes sure it only ever sees rows
 * that are well formed, and reports the others with their lines.
 */
function scanSegments(text: string, delimiter: string): Segment[] {
  const segments: Segment[] = [];
  const n = text.length;
  const isEnd = (c: string | undefined): boolean => c === delimiter || c === '\n' || c === '\r';
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const start = pos;
    const startLine = line;
    let cells = 1;
    let problem: Omit<CsvRowProblem, 'line'> | undefined;
    for (;;) {
      if (text[pos] === '"') {
        pos++;
        let closed = false;
        while (pos < n) {
          const q = text.indexOf('"', pos);
          if (q === -1) break;
          line += countBreaks(text, pos, q);
          pos = q + 1;
          if (text[pos] === '"') {
            pos++;
            continue;
          }
          closed = true;
          break;
        }
        if (!closed) {
          line += countBreaks(text, pos, n);
          pos = n;
          problem ??= { cell: cells - 1, code: 'unclosed_quote', what: 'a quoted cell is not closed: the file ends before its closing quote' };
          break;
        }
        if (pos < n && !isEnd(text[pos])) {
          let stop = pos;
          while (stop < n && !isEnd(text[stop])) stop++;
          const junk = text.slice(pos, Math.min(stop, pos + 20));
          problem ??= {
            cell: cells - 1,
            code: 'text_after_quote',
            what: `text after the closing quote: ${JSON.stringify(junk)}; a quoted cell must end at the delimiter or the line end (write "" for a quote inside it)`,
          };
          pos = stop;
        }
      } else {
        while (pos < n && !isEnd(text[pos])) pos++;
      }
      if (pos < n && text[pos] === delimiter) {
        cells++;
        pos++;
        continue;
      }
      break;
    }
    const end = pos;
    if (pos < n) {
      pos += text[pos] === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      line++;
    }
    // Blank lines carry nothing; uDSV skips them too.
    if (end > start || problem) segments.push(problem ? { start, end, line: startLine, cells, problem } : { start, end, line: startLine, cells });
  }
  return segments;
}

function parserFor(delimiter: string, columns: number): Parser {
  const schema: Schema = {
    col: delimiter,
    // Row text never holds a line break outside quotes (scanSegments cut there).
    row: '\n',
    encl: '"',
    esc: '"',
    trim: false,
    cols: Array.from({ length: columns }, (_, i) => ({ name: String(i), type: 's' as const, repl: { empty: '', null: undefined, NaN: undefined } })),
  };
  return initParser(schema);
}

/**
 * Splits a CSV text into rows of cells with uDSV, after a structural pass that finds each row's
 * physical line (quoted line breaks included) and reports malformed rows: an unclosed quote, text
 * after a closing quote, a cell count that differs from the header's. Blank lines are skipped.
 *
 * @param text - The CSV text, without a byte-order mark.
 * @param delimiter - One character: `,`, `;` or a tab.
 * @returns The header row, the well-formed data rows and the problems, all with lines.
 * @throws Never for bad input.
 * @example
 * readCsvRows('a,b\n1,"x\ny"\n2,z\n', ',').rows.map((r) => r.line); // => [2, 4]
 */
export function readCsvRows(text: string, delimiter: string): CsvTable {
  const segments = scanSegments(text, delimiter);
  const problems: CsvRowProblem[] = [];
  const rows: CsvRow[] = [];
  let header: CsvRow | undefined;
  let parser: Parser | undefined;
  let width = 0;
  for (const segment of segments) {
    if (segment.problem) {
      problems.push({ line: segment.line, ...segment.problem });
      // Without a header no row can be read.
      if (!header) return { header, rows, problems };
      continue;
    }
    if (header && segment.cells !== width) {
      const few = segment.cells < width;
      problems.push({
        line: segment.line,
        cell: few ? segment.cells : width,
        code: 'cell_count',
        cells: segment.cells,
        what: `the row has ${segment.cells} cells but the header has ${width}${few ? '' : ' (quote a cell that holds the delimiter)'}`,
      });
      continue;
    }
    if (!header) {
      width = segment.cells;
      parser = parserFor(delimiter, width);
    }
    const parsed = parser?.stringArrs<string[]>(text.slice(segment.start, segment.end)) ?? [];
    const cells = parsed[0];
    if (parsed.length !== 1 || !cells || cells.length !== width) {
      // Not expected after the structural pass; reported rather than trusted.
      problems.push({ line: segment.line, cell: 0, code: 'cell_count', what: 'the row could not be split into cells' });
      continue;
    }
    if (!header) header = { line: segment.line, cells };
    else rows.push({ line: segment.line, cells });
  }
  return { header, rows, problems };
}
