// The start of a record file, decided in one place for every path that reads one (one thread,
// the parallel planner, the workers): which rows above the header are blank, which row is the
// header, and the delimiter and line end, both read from that header row.

/** The delimiters auto-detection chooses from, in order of preference on a tie. */
export const detectableDelimiters = [',', ';', '\t', '|'] as const;

/** How a CSV file is written: its delimiter and line end. */
export interface CsvDialect {
  readonly delimiter: string;
  /** `\n` for LF and CRLF files, `\r` for old Mac files that end lines with a lone CR. */
  readonly eol: '\n' | '\r';
}

/**
 * A header row longer than this many characters is judged on its first `DETECT_LIMIT`
 * characters (64 Ki), whatever the chunking.
 */
export const DETECT_LIMIT = 1 << 16;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Whether a UTF-16 code unit is white space as `String.prototype.trim` sees it: tab, line
 * breaks, vertical tab, form feed, space, no-break space, the Unicode space separators, and the
 * byte-order mark U+FEFF. NUL and the other control characters are not white space.
 *
 * @param c - A UTF-16 code unit.
 * @returns `true` for white space.
 * @example
 * isWhiteSpace(0xa0); // => true (no-break space)
 * isWhiteSpace(0); // => false (NUL)
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Whether `text[start..end)` holds only white space ({@link isWhiteSpace}).
 *
 * @param text - The text.
 * @param start - First offset.
 * @param end - Offset after the last character.
 * @returns `true` when every character is white space (or the range is empty).
 * @example
 * isWhiteSpaceOnly('a, \u00a0 ,b', 2, 5); // => true
 */
export function isWhiteSpaceOnly(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Counts line breaks in `text[from..to)` by the one rule every icestat reader numbers lines by:
 * LF, CRLF (one break) and a lone CR each end a line. A CR as the last character of the range
 * counts unless `crlfPending` says an LF may follow in the next chunk; the caller then carries it.
 *
 * @param text - The text.
 * @param from - First offset.
 * @param to - Offset after the last character.
 * @returns The number of line breaks.
 * @example
 * countLineBreaks('a\r\nb\rc\nd', 0, 9); // => 3
 */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && (i + 1 >= to || text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** Where a header search stands; see {@link findHeader}. */
export type HeaderSearch =
  | {
      /** The header row has not been reached in the text given; read on from `next`. */
      readonly found: false;
      /** Offset after the blank rows passed (they need not be looked at again). */
      readonly next: number;
      /** Blank rows passed. */
      readonly blankRows: number;
      /** Line breaks in those rows. */
      readonly lines: number;
    }
  | {
      readonly found: true;
      /** Offset where the header row starts. */
      readonly start: number;
      /** Offset after the header row's line break (or the text's end). */
      readonly end: number;
      /** Blank rows above the header. */
      readonly blankRows: number;
      /** Line breaks above the header (the header is on line `lines + 1`). */
      readonly lines: number;
      readonly dialect: CsvDialect;
    };

interface RowScan {
  /** Offset after the row's line break; -1 when the text ends before the row does (more may come; `blank` then says whether it is blank so far). */
  end: number;
  /** Offset of the line break (or end) that ends the row. */
  contentEnd: number;
  blank: boolean;
  lines: number;
}

/**
 * Reads one row from `from`, cells split at any character of `delimiters`, and tells whether it
 * is blank: well formed, and every cell, quotes removed, white space only. A row ends at LF,
 * CRLF or a lone CR outside quotes.
 */
function scanRow(text: string, from: number, eof: boolean, delimiters: string, out: RowScan): void {
  const n = text.length;
  let i = from;
  let blank = true;
  let lines = 0;
  let atCellStart = true;
  for (;;) {
    if (i >= n) {
      if (!eof) {
        out.end = -1;
        out.blank = blank;
        return;
      }
      out.end = n;
      out.contentEnd = n;
      out.blank = blank;
      out.lines = lines;
      return;
    }
    const c = text.charCodeAt(i);
    if (atCellStart && c === QUOTE) {
      // A quoted value: white space only (line breaks too), closed by a lone quote.
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) {
          if (j + 1 >= n && !eof) break; // a quote as the last character may be the first of a pair
          if (text.charCodeAt(j + 1) === QUOTE) {
            blank = false;
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (d === LF) lines++;
        else if (d === CR && j + 1 < n && text.charCodeAt(j + 1) !== LF) lines++;
        else if (d === CR && j + 1 >= n && !eof)
          break; // CR or CRLF?
        else if (d === CR) lines++;
        if (!isWhiteSpace(d)) blank = false;
        j++;
      }
      if (!closed) {
        if (!eof) {
          out.end = -1;
          out.blank = blank;
          return;
        }
        // Runs to the end of the text: not a blank row (the reader rejects it).
        out.end = n;
        out.contentEnd = n;
        out.blank = false;
        out.lines = lines;
        return;
      }
      i = j + 1;
      atCellStart = false;
      if (i < n) {
        const e = text.charCodeAt(i);
        if (e !== LF && e !== CR && delimiters.indexOf(text[i]!) === -1) blank = false; // text after a closing quote
      }
      continue;
    }
    if (c === LF) {
      out.end = i + 1;
      out.contentEnd = i;
      out.blank = blank;
      out.lines = lines + 1;
      return;
    }
    if (c === CR) {
      if (i + 1 >= n && !eof) {
        out.end = -1;
        out.blank = blank;
        return;
      }
      out.end = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      out.contentEnd = i;
      out.blank = blank;
      out.lines = lines + 1;
      return;
    }
    if (delimiters.indexOf(text[i]!) !== -1) atCellStart = true;
    else {
      atCellStart = false;
      if (!isWhiteSpace(c)) blank = false;
    }
    i++;
  }
}

/**
 * Finds the header row of a record file: the first row that is not blank. A blank row is one
 * whose cells, quotes removed, hold only white space (a spreadsheet's `,,,,`, `"",""`, a line
 * of spaces or no-break spaces); a row with anything else on it — NUL and other control
 * characters included — is not blank. Above the header the delimiter is not known yet, so
 * there any delimiter detection chooses from (or the given one) separates cells. The delimiter
 * is then detected from the header row, and the line end is the header row's.
 *
 * @param text - The start of the file (a leading byte-order mark already dropped).
 * @param from - Where to start (after blank rows an earlier search passed).
 * @param eof - Whether `text` runs to the end of the file.
 * @param delimiter - A delimiter the caller already knows.
 * @returns Where the header is and the dialect, or how far the search got.
 * @example
 * findHeader(',,,\n\u00a0\nA;B\r\n1;2\r\n', 0, true);
 * // => { found: true, start: 6, end: 11, blankRows: 2, lines: 2, dialect: { delimiter: ';', eol: '\n' } }
 */
export function findHeader(text: string, from: number, eof: boolean, delimiter?: string): HeaderSearch {
  const delimiters = delimiter ?? detectableDelimiters.join('');
  const row: RowScan = { end: -1, contentEnd: -1, blank: false, lines: 0 };
  let at = from;
  let blankRows = 0;
  let lines = 0;
  while (at < text.length) {
    scanRow(text, at, eof, delimiters, row);
    if (row.end === -1) {
      // The row is not complete yet. One with something on it that is longer than the limit is
      // the header, judged on its first DETECT_LIMIT characters, so the verdict never depends on
      // chunking; a blank one so far needs more text.
      if (row.blank || text.length - at < DETECT_LIMIT) return { found: false, next: at, blankRows, lines };
      const cut = at + DETECT_LIMIT;
      return { found: true, start: at, end: -1, blankRows, lines, dialect: { delimiter: delimiter ?? countDelimiters(text, at, cut), eol: '\n' } };
    }
    if (!row.blank) {
      const limit = Math.min(row.contentEnd, at + DETECT_LIMIT);
      // A header longer than the limit is judged as if it were cut there (LF), as when it is not whole yet.
      const eol = row.contentEnd - at <= DETECT_LIMIT && text.charCodeAt(row.contentEnd) === CR && text.charCodeAt(row.contentEnd + 1) !== LF ? '\r' : '\n';
      return { found: true, start: at, end: row.end, blankRows, lines, dialect: { delimiter: delimiter ?? countDelimiters(text, at, limit), eol } };
    }
    blankRows++;
    lines += row.lines;
    at = row.end;
  }
  return { found: false, next: at, blankRows, lines };
}

/**
 * The delimiter that occurs most often outside quotes in `text[start..end)` (`,` `;` tab `|`,
 * that order on a tie; `,` when none does). Counting beats "first one found" on headers such
 * as `Site (a|b),County`.
 */
function countDelimiters(text: string, start: number, end: number): string {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = (detectableDelimiters as readonly string[]).indexOf(c!);
      if (k !== -1) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return detectableDelimiters[best]!;
}

/**
 * Guesses a file's delimiter and line end from its header row, the first row that is not blank
 * (see {@link findHeader}).
 *
 * @param text - The start of the file.
 * @param eof - Whether `text` is the whole file.
 * @param delimiter - A delimiter the caller already knows; only the line end is detected then.
 * @returns The dialect, or `undefined` when `text` does not yet hold the header row.
 * @example
 * detectDialect('Apprehension Date;Apprehension AOR\r\n2017-09-25;PHI\r\n', false);
 * // => { delimiter: ';', eol: '\n' }
 */
export function detectDialect(text: string, eof: boolean, delimiter?: string): CsvDialect | undefined {
  const h = findHeader(text, 0, eof, delimiter);
  return h.found ? h.dialect : undefined;
}
