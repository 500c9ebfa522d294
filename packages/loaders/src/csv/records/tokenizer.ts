// A streaming CSV tokenizer that never guesses: every physical row comes out with its 1-based
// line, its cells as offsets into the text, and a flag for the ways a row can be malformed, so the
// caller can reject it with a location instead of silently repairing it.
//
// Why not uDSV, the fastest CSV parser on npm? It is fast on well-formed files, but it assumes
// them: a short row is merged with the next line, extra cells are glued onto the last column, a row
// with an unclosed quote at the end of the file disappears, text after a closing quote replaces
// the quoted value, blank lines vanish without a count, and rows carry no line numbers. Each of
// those would break "accepted + rejected = rows read" or a rejection's location. This tokenizer
// keeps uDSV's speed tricks (indexOf to jump to the next delimiter, newline or quote instead of
// visiting every character; cells as slices; no per-row arrays) and adds the bookkeeping.

import type { CsvRowProblemCode } from '../problems';
import { countLineBreaks, isWhiteSpace } from './dialect';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** The row is well formed. */
export const ROW_OK = 0;
/** A quoted value opened in this row is never closed: the row runs to the end of the input. */
export const ROW_UNCLOSED_QUOTE = 1;
/** Text follows a closing quote before the next delimiter (`"abc"def`). */
export const ROW_TEXT_AFTER_QUOTE = 2;
/** The row is longer than `maxRowLength`; its cells were not kept. */
export const ROW_TOO_LONG = 3;
/** What is wrong with a row, if anything: one of the `ROW_…` constants. */
export type RowProblem = typeof ROW_OK | typeof ROW_UNCLOSED_QUOTE | typeof ROW_TEXT_AFTER_QUOTE | typeof ROW_TOO_LONG;

/**
 * The code of the shared vocabulary for a row problem.
 *
 * @param problem - A `ROW_…` constant other than {@link ROW_OK}.
 * @returns `unclosed_quote`, `text_after_quote` or `row_too_long`.
 * @example
 * rowProblemCode(ROW_UNCLOSED_QUOTE); // => 'unclosed_quote'
 */
export function rowProblemCode(problem: Exclude<RowProblem, typeof ROW_OK>): Exclude<CsvRowProblemCode, 'column_count'> {
  return problem === ROW_UNCLOSED_QUOTE ? 'unclosed_quote' : problem === ROW_TEXT_AFTER_QUOTE ? 'text_after_quote' : 'row_too_long';
}

/** How many characters of a row {@link CsvRow.raw} returns; longer rows end with `…`. */
export const RAW_LIMIT = 500;

/**
 * One row as the tokenizer sees it. The object is reused for every row: read it inside the
 * callback, never keep it.
 */
export interface CsvRow {
  /** The text the offsets point into. */
  readonly text: string;
  /**
   * The text's bytes when every character of it is ASCII (so that an offset into the text is
   * the same offset into the bytes), else `null`. Comparing bytes is cheaper than reading
   * characters one call at a time (the reader's cell cache compares millions of cells).
   */
  readonly bytes: Uint8Array | null;
  /** Start offset of each cell (after an opening quote). */
  readonly starts: Int32Array;
  /** End offset of each cell (before a closing quote). */
  readonly ends: Int32Array;
  /** 1 where a quoted cell holds doubled quotes to unescape. */
  readonly escaped: Uint8Array;
  /** Cells in this row; 0 for a row too long to keep. */
  readonly count: number;
  /** 1-based line the row starts on. */
  readonly line: number;
  readonly problem: RowProblem;
  /** 0-based cell where the problem is, or -1. */
  readonly problemCell: number;
  /** The value of cell `i`, quotes removed and doubled quotes unescaped. */
  cell(i: number): string;
  /** The row as written (without its line break), cut to {@link RAW_LIMIT} characters. */
  raw(): string;
  /** 1-based line the row ends on: its last line with something of the row on it. */
  endLine(): number;
  /**
   * For a row with a problem, the quote that most likely caused it: the one that never closes
   * (an unclosed quote), or the first whose value spans lines (a row too long). Line and column
   * are 1-based; columns count characters (code points). `undefined` when there is none.
   */
  strayQuote(): { readonly line: number; readonly column: number } | undefined;
}

/** Options of {@link createCsvTokenizer}. */
export interface CsvTokenizerOptions {
  /** One character. */
  readonly delimiter: string;
  /** `\n` (which also ends CRLF rows) or `\r` for old Mac files. */
  readonly eol: '\n' | '\r';
  /** A row longer than this many characters is reported as {@link ROW_TOO_LONG} and not held. */
  readonly maxRowLength: number;
  /** Called for every row, blank ones included. */
  readonly onRow: (row: CsvRow) => void;
  /** The line number of the first row (default 1), when rows above it were read elsewhere. */
  readonly firstLine?: number;
}

/** A push-style tokenizer: feed it text in any chunks, then `end()`. */
export interface CsvTokenizer {
  push(text: string): void;
  end(): void;
}

/**
 * Where the first quoted value of a row held in memory that spans lines opens (its quote), or
 * -1: the character scan of a row too long to hold, over a row that was held.
 */
function firstMultilineQuote(t: string, from: number, to: number, delimCode: number): number {
  let atCellStart = true;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (atCellStart && c === QUOTE) {
      let j = i + 1;
      for (; j < to; j++) {
        const d = t.charCodeAt(j);
        if (d === LF || d === CR) return i;
        if (d === QUOTE) {
          if (t.charCodeAt(j + 1) === QUOTE && j + 1 < to) j++;
          else break;
        }
      }
      i = j;
      atCellStart = false;
      continue;
    }
    atCellStart = c === delimCode;
  }
  return -1;
}

/** Characters in `s[from..to)`, a surrogate pair counted once. */
function codePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function cut(s: string): string {
  return s.length > RAW_LIMIT ? `${s.slice(0, RAW_LIMIT)}…` : s;
}

// Character states of the slow scanner that follows a row too long to hold.
const AT_CELL_START = 0;
const IN_UNQUOTED = 1;
const IN_QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

const encoder = new TextEncoder();

/**
 * The bytes of `text` written into `into` (grown when too small) when every character is ASCII,
 * else `null`. `encodeInto` writes UTF-8: ASCII text fills exactly `text.length` bytes, any other
 * character takes two or more and leaves characters unread.
 */
function asciiBytes(text: string, into: { buffer: Uint8Array }): Uint8Array | null {
  if (into.buffer.length < text.length) into.buffer = new Uint8Array(Math.max(text.length, into.buffer.length * 2));
  const target = into.buffer.length === text.length ? into.buffer : into.buffer.subarray(0, text.length);
  const { read, written } = encoder.encodeInto(text, target);
  return read === text.length && written === text.length ? target : null;
}

class Tokenizer implements CsvTokenizer, CsvRow {
  text = '';
  bytes: Uint8Array | null = null;
  /** Where the bytes of the text being scanned are written (reused from chunk to chunk). */
  private readonly byteBuffer = { buffer: new Uint8Array(0) };
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  count = 0;
  line = 1;
  problem: RowProblem = ROW_OK;
  problemCell = -1;

  private readonly delim: string;
  private readonly delimCode: number;
  private readonly eol: string;
  private readonly eolCode: number;
  private readonly maxRowLength: number;
  private readonly onRow: (row: CsvRow) => void;

  /** The start of an unfinished row, kept until the next chunk completes it. */
  private carry = '';
  private rowStart = 0;
  private rowEnd = 0;
  /** The first characters (up to RAW_LIMIT + 1) of a row too long to hold. */
  private longRaw: string | null = null;
  /** While following a row too long to hold: the character state, and its cell index. */
  private skipState = -1;
  private skipCell = 0;
  private skipQuoteCell = -1;
  private nextLine = 1;
  /** Line where the row too long to hold started. */
  private skipLine = 1;
  /** While following a long row: a CR ended the last chunk (an LF may follow). */
  private skipCr = false;
  /** While following a long row: the current column (code points) and where it was last counted. */
  private skipColumn = 1;
  /** The quote that opened the current quoted value of a long row, and the first that spanned lines. */
  private skipQuoteLine = 0;
  private skipQuoteColumn = 0;
  private strayLine = 0;
  private strayColumn = 0;
  /** The long row's last line, once it is finished. */
  private longEndLine = 0;
  /** While following a long row: whether the last character read was a line break. */
  private skipLastBreak = false;

  constructor(options: CsvTokenizerOptions) {
    this.delim = options.delimiter;
    this.delimCode = options.delimiter.charCodeAt(0);
    this.eol = options.eol;
    this.eolCode = options.eol.charCodeAt(0);
    this.maxRowLength = options.maxRowLength;
    this.onRow = options.onRow;
    this.nextLine = options.firstLine ?? 1;
    this.starts = new Int32Array(64);
    this.ends = new Int32Array(64);
    this.escaped = new Uint8Array(64);
  }

  cell(i: number): string {
    const s = this.text.slice(this.starts[i]!, this.ends[i]!);
    return this.escaped[i] === 1 ? s.replaceAll('""', '"') : s;
  }

  raw(): string {
    return cut(this.longRaw ?? this.text.slice(this.rowStart, this.rowEnd));
  }

  endLine(): number {
    if (this.longRaw !== null) return this.longEndLine;
    const t = this.text;
    // The line of the row's last character that is not a line break (a row that runs to the end
    // of the input may end in the file's last line breaks: no lines of the row's own).
    let e = this.rowEnd;
    while (e > this.rowStart && (t.charCodeAt(e - 1) === LF || t.charCodeAt(e - 1) === CR)) e--;
    return this.line + countLineBreaks(t, this.firstOwn(), e);
  }

  /**
   * Where the row's own characters start for numbering lines: past the LF of a CRLF whose CR
   * ended the row above (in a file whose rows end with a lone CR), which is no line break.
   */
  private firstOwn(): number {
    return this.eolCode === CR && this.text.charCodeAt(this.rowStart) === LF ? this.rowStart + 1 : this.rowStart;
  }

  strayQuote(): { readonly line: number; readonly column: number } | undefined {
    if (this.problem === ROW_OK || this.problem === ROW_TEXT_AFTER_QUOTE) return undefined;
    if (this.longRaw !== null) return this.strayLine > 0 ? { line: this.strayLine, column: this.strayColumn } : undefined;
    const t = this.text;
    let q = -1;
    if (this.problem === ROW_UNCLOSED_QUOTE) q = this.starts[this.problemCell]! - 1;
    else q = firstMultilineQuote(t, this.rowStart, this.rowEnd, this.delimCode);
    if (q < this.rowStart) return undefined;
    let lineStart = this.rowStart;
    for (let i = this.rowStart; i < q; i++) {
      const c = t.charCodeAt(i);
      if (c === LF || (c === CR && t.charCodeAt(i + 1) !== LF)) lineStart = i + 1;
    }
    return { line: this.line + countLineBreaks(t, this.firstOwn(), q), column: codePoints(t, lineStart, q) + 1 };
  }

  push(chunk: string): void {
    let pos = 0;
    if (this.skipState >= 0) {
      pos = this.skip(chunk, 0, false);
      if (pos < 0) return;
    }
    // Finish an unfinished row with as little of the chunk as will do (up to a line break, then
    // twice as far each time a quoted line break keeps it open), and scan the rest of the chunk
    // where it lies: concatenating carry + chunk would make every chunk a cons string, whose
    // characters V8 reads markedly slower.
    let reach = 0;
    while (this.carry.length > 0) {
      const cut = chunk.indexOf(this.eol, pos + reach);
      const carry = this.carry;
      this.carry = '';
      if (cut === -1) {
        this.scan(carry + (pos === 0 ? chunk : chunk.slice(pos)), 0, false);
        return;
      }
      this.scan(carry + chunk.slice(pos, cut + 1), 0, false);
      pos = cut + 1;
      reach = Math.max(256, reach * 2);
      if (this.skipState >= 0) {
        pos = this.skip(chunk, pos, false);
        if (pos < 0) return;
      }
    }
    if (pos < chunk.length) this.scan(chunk, pos, false);
  }

  end(): void {
    if (this.skipState >= 0) {
      this.skip('', 0, true);
      return;
    }
    const t = this.carry;
    this.carry = '';
    this.scan(t, 0, true);
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const escaped = new Uint8Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  /**
   * Tokenizes complete rows of `t` from `from`. An unfinished row at the end is kept in `carry` (and
   * rescanned when more text comes), unless `eof`, when it is emitted as it stands.
   */
  private scan(t: string, from: number, eof: boolean): void {
    this.text = t;
    this.bytes = asciiBytes(t, this.byteBuffer);
    const n = t.length;
    const delim = this.delim;
    const delimCode = this.delimCode;
    const eol = this.eol;
    const eolCode = this.eolCode;
    const crlf = eolCode === LF;
    // Positions of the next delimiter and the next line break at or after the scan position, or
    // n when there is none: each is searched for again only once the scan has passed it, which
    // keeps the whole scan linear even for a one-column file.
    let nextDelim = -1;
    let nextEol = -1;
    // Line breaks other than the row's line end still number lines (one rule for every reader):
    // a lone CR in an LF file, an LF not after a CR in a CR file. Found by indexOf, like the rest.
    const other = crlf ? '\r' : '\n';
    let nextOther = -1;
    let p = from;
    let line = this.nextLine;

    while (p < n) {
      const rowStart = p;
      const rowLine = line;
      let count = 0;
      let problem: RowProblem = ROW_OK;
      let problemCell = -1;
      let rowEnd = 0;
      // The row runs past the end of the text: kept for the next chunk, from one call site (a
      // second one, first reached when a quoted value straddles two chunks, sent V8's optimised
      // scan back to be compiled again).
      let incomplete = false;

      for (;;) {
        if (count === this.starts.length) this.grow();
        if (p < n && t.charCodeAt(p) === QUOTE) {
          const cs = p + 1;
          let q = cs;
          let esc = 0;
          let k: number;
          for (;;) {
            k = t.indexOf('"', q);
            if (k === -1 || k + 1 >= n) break;
            if (t.charCodeAt(k + 1) !== QUOTE) break;
            esc = 1;
            q = k + 2;
          }
          if (k === -1 || (k + 1 >= n && !eof)) {
            // No closing quote yet; a quote as the last character may be the first of a pair.
            if (!eof) {
              incomplete = true;
              break;
            }
            this.starts[count] = cs;
            this.ends[count] = n;
            this.escaped[count] = esc;
            count++;
            problem = ROW_UNCLOSED_QUOTE;
            problemCell = count - 1;
            p = n;
            rowEnd = n;
            break;
          }
          this.starts[count] = cs;
          this.ends[count] = k;
          this.escaped[count] = esc;
          count++;
          // Count the line breaks inside the value, moving the cached next line break past them.
          if (nextEol < cs) {
            nextEol = t.indexOf(eol, cs);
            if (nextEol === -1) nextEol = n;
          }
          while (nextEol < k) {
            line++;
            nextEol = t.indexOf(eol, nextEol + 1);
            if (nextEol === -1) nextEol = n;
          }
          p = k + 1;
          if (p >= n) {
            rowEnd = n;
            break; // eof: handled above otherwise
          }
          const c = t.charCodeAt(p);
          if (c === delimCode) {
            p++;
            continue;
          }
          if (c === eolCode) {
            rowEnd = p;
            p++;
            line++;
            break;
          }
          if (c === CR && crlf) {
            if (p + 1 >= n) {
              if (!eof) {
                incomplete = true;
                break;
              }
              rowEnd = p;
              p = n;
              break;
            }
            if (t.charCodeAt(p + 1) === LF) {
              rowEnd = p;
              p += 2;
              line++;
              break;
            }
          }
          // Text after the closing quote: the row is malformed. Read on to the cell's end as if
          // it were unquoted, so the next row starts in the right place.
          if (problem === ROW_OK) {
            problem = ROW_TEXT_AFTER_QUOTE;
            problemCell = count - 1;
          }
          count--;
        }
        const cs = p;
        if (nextDelim < p) {
          nextDelim = t.indexOf(delim, p);
          if (nextDelim === -1) nextDelim = n;
        }
        if (nextEol < p) {
          nextEol = t.indexOf(eol, p);
          if (nextEol === -1) nextEol = n;
        }
        if (nextDelim < nextEol) {
          this.starts[count] = cs;
          this.ends[count] = nextDelim;
          this.escaped[count] = 0;
          count++;
          p = nextDelim + 1;
          continue;
        }
        if (nextEol === n && !eof) {
          incomplete = true;
          break;
        }
        let ce = nextEol;
        if (crlf && ce > cs && t.charCodeAt(ce - 1) === CR) ce--;
        this.starts[count] = cs;
        this.ends[count] = ce;
        this.escaped[count] = 0;
        count++;
        rowEnd = ce;
        p = nextEol + 1;
        if (nextEol < n) line++;
        break;
      }
      if (incomplete) {
        this.keep(t, rowStart, rowLine);
        return;
      }

      const to = Math.min(p, n);
      if (nextOther < rowStart) {
        nextOther = t.indexOf(other, rowStart);
        if (nextOther === -1) nextOther = n;
      }
      while (nextOther < to) {
        if (crlf ? t.charCodeAt(nextOther + 1) !== LF : nextOther > 0 && t.charCodeAt(nextOther - 1) !== CR) line++;
        nextOther = t.indexOf(other, nextOther + 1);
        if (nextOther === -1) nextOther = n;
      }
      // A row longer than the cap is reported the same whether it came in one chunk or many (when
      // it is never held whole): length counts its line break, as a held row's would.
      if (to - rowStart > this.maxRowLength && problem !== ROW_UNCLOSED_QUOTE) {
        count = 0;
        problem = ROW_TOO_LONG;
        problemCell = -1;
      }
      this.count = count;
      this.problem = problem;
      this.problemCell = problemCell;
      this.line = rowLine;
      this.rowStart = rowStart;
      this.rowEnd = rowEnd;
      this.nextLine = line;
      this.onRow(this);
    }
    this.nextLine = line;
  }

  /**
   * Keeps an unfinished row for the next chunk, or, when it is already longer than
   * `maxRowLength`, drops it and follows it character by character to its end.
   */
  private keep(t: string, rowStart: number, rowLine: number): void {
    this.nextLine = rowLine;
    if (t.length - rowStart <= this.maxRowLength) {
      this.carry = rowStart === 0 ? t : t.slice(rowStart);
      return;
    }
    // Too long to hold. Rerun the row from its start with the character scanner, which knows
    // where in the row the text ends (inside quotes or not) and continues from there.
    this.longRaw = '';
    this.skipState = AT_CELL_START;
    this.skipCell = 0;
    this.skipQuoteCell = -1;
    this.skipLine = rowLine;
    this.nextLine = rowLine;
    // In a CR file the character before a row is the CR that ended the one above.
    this.skipCr = this.eolCode === CR;
    this.skipColumn = 1;
    this.skipLastBreak = false;
    this.longEndLine = rowLine;
    this.skipQuoteLine = 0;
    this.skipQuoteColumn = 0;
    this.strayLine = 0;
    this.strayColumn = 0;
    this.skip(t, rowStart, false);
  }

  /**
   * Follows a row too long to hold through `t` from `from`. Returns where the text after the row
   * starts, or -1 when the row goes on past `t` (or the input ended, `eof`, and it was emitted).
   */
  private skip(t: string, from: number, eof: boolean): number {
    const end = this.skipTo(t, from, eof);
    const raw = this.longRaw;
    // Up to two characters past the limit: enough to tell a row that ends in a CR (of its CRLF) from a longer one.
    if (raw !== null && raw.length < RAW_LIMIT + 2) this.longRaw = raw + t.slice(from, Math.min(end < 0 ? t.length : end, from + RAW_LIMIT + 2 - raw.length));
    if (end >= 0) this.finishLong(ROW_TOO_LONG, -1);
    else if (eof) this.finishLong(this.skipState === IN_QUOTED ? ROW_UNCLOSED_QUOTE : ROW_TOO_LONG, this.skipQuoteCell);
    return end < 0 ? -1 : end + 1;
  }

  /**
   * The scan behind {@link skip}: where the row ends in `t` (its line break), or -1. Numbers
   * lines by the one rule (LF, CRLF, lone CR) and keeps the column, to say where a stray quote is.
   */
  private skipTo(t: string, from: number, eof: boolean): number {
    const n = t.length;
    const delimCode = this.delimCode;
    const eolCode = this.eolCode;
    const lfFile = eolCode === LF;
    let state = this.skipState;
    let cell = this.skipCell;
    let lines = this.nextLine;
    let column = this.skipColumn;
    let lastBreak = this.skipLastBreak;
    let contentLine = this.longEndLine;
    let i = from;
    const lineBreak = (): void => {
      lines++;
      column = 1;
      lastBreak = true;
      if (state === IN_QUOTED && this.strayLine === 0) {
        this.strayLine = this.skipQuoteLine;
        this.strayColumn = this.skipQuoteColumn;
      }
    };
    // LF file: a CR that ended the last chunk is a line break unless this chunk starts with its LF.
    if (lfFile && this.skipCr && (i < n || eof)) {
      this.skipCr = false;
      if (i >= n || t.charCodeAt(i) !== LF) lineBreak();
    }
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c === LF || c === CR) {
        if (c === eolCode && state !== IN_QUOTED) {
          this.nextLine = lines + 1;
          this.longEndLine = contentLine;
          return i;
        }
        if (lfFile) {
          // An LF inside quotes is a line break; a CR is one of its own unless an LF follows.
          if (c === LF) lineBreak();
          else if (i + 1 >= n) {
            if (eof) lineBreak();
            else this.skipCr = true;
          } else if (t.charCodeAt(i + 1) !== LF) lineBreak();
        } else {
          // CR file: an LF is a line break of its own unless a CR came just before it.
          const afterCr = i > from ? t.charCodeAt(i - 1) === CR : this.skipCr;
          if (c === CR || !afterCr) lineBreak();
        }
        if (state === AT_CELL_START || state === QUOTE_IN_QUOTED) state = IN_UNQUOTED;
        continue;
      }
      lastBreak = false;
      contentLine = lines;
      if (state === IN_QUOTED) {
        if (c === QUOTE) state = QUOTE_IN_QUOTED;
      } else if (state === QUOTE_IN_QUOTED && c === QUOTE) {
        state = IN_QUOTED;
      } else if (c === delimCode) {
        state = AT_CELL_START;
        cell++;
      } else if (state === AT_CELL_START) {
        if (c === QUOTE) {
          state = IN_QUOTED;
          this.skipQuoteCell = cell;
          this.skipQuoteLine = lines;
          this.skipQuoteColumn = column;
        } else state = IN_UNQUOTED;
      } else if (state === QUOTE_IN_QUOTED) {
        state = IN_UNQUOTED;
      }
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    if (!lfFile && n > from) this.skipCr = t.charCodeAt(n - 1) === CR;
    this.skipState = state;
    this.skipCell = cell;
    this.skipColumn = column;
    this.skipLastBreak = lastBreak;
    this.nextLine = lines;
    this.longEndLine = contentLine;
    return -1;
  }

  private finishLong(problem: RowProblem, cell: number): void {
    this.count = 0;
    this.problem = problem;
    this.problemCell = problem === ROW_UNCLOSED_QUOTE ? cell : -1;
    if (problem === ROW_UNCLOSED_QUOTE) {
      this.strayLine = this.skipQuoteLine;
      this.strayColumn = this.skipQuoteColumn;
    }
    this.line = this.skipLine;
    this.skipState = -1;
    const raw = this.longRaw;
    // As a held row's: without the CR of a CRLF (or a last CR at the end of the input), unless the quote never closed.
    if (raw !== null && raw.length <= RAW_LIMIT + 1 && this.eolCode === LF && problem !== ROW_UNCLOSED_QUOTE && raw.charCodeAt(raw.length - 1) === CR)
      this.longRaw = raw.slice(0, -1);
    try {
      this.onRow(this);
    } finally {
      this.longRaw = null;
    }
  }
}

/**
 * Whether a row is blank: well formed, and every cell, quotes removed, white space only (as
 * `String.prototype.trim` sees it), whatever the number of cells. The one definition, shared by
 * both readers and the header search (`findHeader`). NUL and other control characters are not
 * white space: such a row is read.
 *
 * @param row - A row from the tokenizer.
 * @returns `true` for a blank row.
 * @example
 * // For the rows of ',, \n"",x\n': true, then false.
 */
export function isBlankRow(row: CsvRow): boolean {
  if (row.problem !== ROW_OK) return false;
  const text = row.text;
  for (let j = 0; j < row.count; j++) {
    if (row.escaped[j] === 1) return false; // holds a quote
    const end = row.ends[j]!;
    for (let i = row.starts[j]!; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Creates a streaming CSV tokenizer: RFC 4180 quoting (doubled quotes inside quoted values,
 * delimiters and line breaks inside quotes), LF, CRLF or CR line ends, and a report of every
 * malformation instead of a repair. Memory holds one chunk plus one unfinished row, never more
 * than `maxRowLength` characters of it.
 *
 * @param options - Delimiter, line end, row-length cap, and the row callback.
 * @returns A tokenizer to `push` text into and `end`.
 * @example
 * const rows: string[][] = [];
 * const tok = createCsvTokenizer({ delimiter: ',', eol: '\n', maxRowLength: 1e6,
 *   onRow: (r) => rows.push(Array.from({ length: r.count }, (_, i) => r.cell(i))) });
 * tok.push('a,"b\n'); tok.push('c"\n1,2'); tok.end();
 * rows; // => [['a', 'b\nc'], ['1', '2']]
 */
export function createCsvTokenizer(options: CsvTokenizerOptions): CsvTokenizer {
  return new Tokenizer(options);
}
