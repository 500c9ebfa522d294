// An independent reading of a record-level CSV, written for the fuzz suite: character by
// character, whole text in memory, no indexOf jumps, no chunks, no state carried between calls.
// It follows the rules the README states (blank rows, the header row, the delimiter and line
// end read from it, RFC 4180 quoting, one line-numbering rule, rejections and their lines), and
// shares with the library only the cell normalisers and the column plan, which have tests of
// their own. The library must agree with it on every file, however the file is read.
import { createTally, IcestatError, type ArrestRecord, type TallyDimension, type TallyResult, dimensionField, recordTables } from '@icestat/core';
import { isRedactionMarker, missingValueMatcher, type RecordFieldKind } from '@icestat/core/internal';
import { findHeaderRow } from '../src/tables/match';
import { planTable } from '../src/tables/plan';
import { recordTimeOfDate, valueReader } from '../src/tables/values';

type FieldKind = RecordFieldKind;
const isMissing = missingValueMatcher();

export interface ReferenceOptions {
  readonly delimiter?: string;
  readonly maxRowLength: number;
}

export interface ReferenceRejection {
  readonly line: number;
  readonly code: string;
  readonly column?: string;
  readonly raw: string;
  readonly endLine?: number;
  readonly quote?: { readonly line: number; readonly column: number };
}

export interface ReferenceResult {
  /** `parse_error` when the header row is malformed. */
  readonly error?: string;
  readonly records: ArrestRecord[];
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly blankLines: number;
  readonly delimiter: string;
  readonly rejections: ReferenceRejection[];
  /** Fields some column maps (to decide whether a tally is answerable). */
  readonly mappedFields: ReadonlySet<string>;
  readonly hasHeader: boolean;
}

const DETECT_LIMIT = 1 << 16;
const RAW_LIMIT = 500;

/** Line of each offset: 1 + the line breaks (LF, CRLF as one, lone CR) completed before it. */
function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') starts.push(i + 1);
    else if (c === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function lineStartOf(text: string, offset: number): number {
  let s = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) s = i + 1;
  }
  return s;
}

function codePointsBetween(text: string, from: number, to: number): number {
  return [...text.slice(from, to)].length;
}

interface Row {
  start: number;
  /** After the terminator, or the text's end. */
  end: number;
  /** Content end (before the terminator; for LF files without one CR before it). */
  contentEnd: number;
  cells: string[];
  problem: 'ok' | 'unclosed' | 'after' | 'long';
  problemCell: number;
  /** Offset of the quote that opened the unclosed cell. */
  openQuote: number;
  terminated: boolean;
}

/** One row from `at`: cells split at any character of `delims`; rows end at `isEnd`. */
function readRow(text: string, at: number, delims: string, eol: 'any' | '\n' | '\r'): Row {
  const n = text.length;
  const cells: string[] = [];
  let i = at;
  let problem: Row['problem'] = 'ok';
  let problemCell = -1;
  let openQuote = -1;
  const isEol = (k: number): boolean => {
    const c = text[k];
    if (eol === 'any') return c === '\n' || c === '\r';
    return c === eol;
  };
  const finish = (contentEnd: number, end: number, terminated: boolean): Row => ({
    start: at,
    end,
    contentEnd,
    cells,
    problem,
    problemCell,
    openQuote,
    terminated,
  });
  for (;;) {
    if (text[i] === '"') {
      const q = i;
      i++;
      let v = '';
      let closed = false;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        v += text[i];
        i++;
      }
      if (!closed) {
        cells.push(v);
        if (problem === 'ok' || problem === 'after') {
          problem = 'unclosed';
          problemCell = cells.length - 1;
          openQuote = q;
        }
        return finish(n, n, false);
      }
      if (i >= n) {
        cells.push(v);
        return finish(n, n, false);
      }
      if (delims.includes(text[i]!)) {
        cells.push(v);
        i++;
        continue;
      }
      if (eol === 'any' && (text[i] === '\n' || text[i] === '\r')) {
        cells.push(v);
        const end = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
        return finish(i, end, true);
      }
      if (eol === '\n' && text[i] === '\n') {
        cells.push(v);
        return finish(i, i + 1, true);
      }
      if (eol === '\n' && text[i] === '\r' && (i + 1 >= n || text[i + 1] === '\n')) {
        cells.push(v);
        return i + 1 >= n ? finish(i, n, false) : finish(i, i + 2, true);
      }
      if (eol === '\r' && text[i] === '\r') {
        cells.push(v);
        return finish(i, i + 1, true);
      }
      if (problem === 'ok') {
        problem = 'after';
        problemCell = cells.length;
      }
      // read on as unquoted from here
    }
    let v = '';
    while (i < n && !delims.includes(text[i]!) && !isEol(i)) {
      v += text[i];
      i++;
    }
    if (i < n && delims.includes(text[i]!)) {
      cells.push(v);
      i++;
      continue;
    }
    if (i >= n) {
      let contentEnd = n;
      if (eol === '\n' && v.endsWith('\r')) {
        v = v.slice(0, -1);
        contentEnd--;
      }
      cells.push(v);
      return finish(contentEnd, n, false);
    }
    // a line end
    if (eol === 'any') {
      cells.push(v);
      const end = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      return finish(i, end, true);
    }
    let contentEnd = i;
    if (eol === '\n' && v.endsWith('\r')) {
      v = v.slice(0, -1);
      contentEnd--;
    }
    cells.push(v);
    return finish(contentEnd, i + 1, true);
  }
}

const badCodes: Record<FieldKind, string> = {
  date: 'bad_date',
  timestamp: 'bad_date',
  country: 'never',
  time: 'bad_time',
  state: 'bad_state',
  aor: 'bad_aor',
  criminality: 'bad_criminality',
  gender: 'bad_gender',
  apprehensionType: 'bad_apprehension_type',
  birthYear: 'bad_birth_year',
  boolean: 'bad_boolean',
  text: 'never',
};

function cutRaw(s: string): string {
  return s.length > RAW_LIMIT ? `${s.slice(0, RAW_LIMIT)}…` : s;
}

/**
 * Reads a whole record file the simple way.
 *
 * @param input - The file's text (a leading byte-order mark is dropped).
 * @param options - Delimiter (else detected) and the row-length cap.
 * @returns Records, counts and rejections (all kept).
 * @example
 * referenceRead('apprehension_date\n2017-01-15\n', { maxRowLength: 1 << 20 }).accepted; // => 1
 */
export function referenceRead(input: string, options: ReferenceOptions): ReferenceResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const n = text.length;
  const lineOf = lineIndex(text);
  const empty = (blankLines: number): ReferenceResult => ({
    records: [],
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    blankLines,
    delimiter: options.delimiter ?? ',',
    rejections: [],
    mappedFields: new Set(),
    hasHeader: false,
  });

  // ---- blank rows, then the header: the first row that is not blank
  const candidates = options.delimiter ?? ',;\t|';
  let at = 0;
  let blankLines = 0;
  let headerRow: Row | undefined;
  while (at < n) {
    const row = readRow(text, at, candidates, 'any');
    const blank = row.problem === 'ok' && row.cells.every((c) => c.trim() === '');
    if (!blank) {
      headerRow = row;
      break;
    }
    blankLines++;
    at = row.end;
  }
  if (headerRow === undefined) return empty(blankLines);
  const headerStart = headerRow.start;
  const headerContentLength = headerRow.contentEnd - headerStart;
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const counts = new Map<string, number>([
      [',', 0],
      [';', 0],
      ['\t', 0],
      ['|', 0],
    ]);
    let quoted = false;
    const limit = Math.min(headerRow.contentEnd, headerStart + DETECT_LIMIT);
    for (let i = headerStart; i < limit; i++) {
      const c = text[i]!;
      if (c === '"') quoted = !quoted;
      else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
    }
    delimiter = ',';
    for (const d of [';', '\t', '|']) if (counts.get(d)! > counts.get(delimiter)!) delimiter = d;
  }
  const lone = headerRow.terminated && text[headerRow.contentEnd] === '\r' && text[headerRow.contentEnd + 1] !== '\n';
  const eol: '\n' | '\r' = lone && headerContentLength <= DETECT_LIMIT ? '\r' : '\n';

  // ---- rows from the header on
  const rows: Row[] = [];
  at = headerStart;
  while (at < n) {
    const row = readRow(text, at, delimiter, eol);
    if (row.end - row.start > options.maxRowLength && row.problem !== 'unclosed') {
      row.problem = 'long';
      row.problemCell = -1;
    }
    rows.push(row);
    at = row.end;
  }
  // ---- the header: the first row at least two of whose cells name known fields (a malformed row
  // is taken for it, and refused); the rows above it are the release's title rows, neither rows
  // nor blank lines. No header within 30 title rows, or by the end, is a parse error.
  let h = 0;
  for (; h < rows.length; h++) {
    const r = rows[h]!;
    if (r.problem !== 'ok') break;
    if (!r.cells.every((c) => c.trim() === '') && findHeaderRow([r.cells], 'arrests') !== undefined) break;
    if (h >= 30) return { ...empty(blankLines), error: 'parse_error', delimiter };
  }
  if (h === rows.length) return { ...empty(blankLines), error: 'parse_error', delimiter };
  const header = rows[h]!;
  if (header.problem !== 'ok') return { ...empty(blankLines), error: 'parse_error', delimiter };

  let plan: ReturnType<typeof planTable>;
  try {
    plan = planTable(header.cells, { table: 'arrests' });
  } catch (e) {
    if (IcestatError.isInstance(e)) return { ...empty(blankLines), error: e.code, delimiter };
    throw e;
  }
  const ncols = plan.headers.length;
  const mappedFields = new Set<string>(plan.fields.filter((f): f is NonNullable<typeof f> => f !== null));
  const out: ReferenceResult = {
    records: [],
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    blankLines,
    delimiter,
    rejections: [],
    mappedFields,
    hasHeader: true,
  };
  const mutable = out as { rowsRead: number; accepted: number; rejected: number; blankLines: number };
  const hasTimeColumn = plan.fields.includes('apprehensionTime');

  for (const row of rows.slice(h + 1)) {
    // In a file whose rows end with a lone CR, a row may start with the LF of a CRLF: that LF is
    // part of the line break above, and the row's own characters start after it.
    const own = eol === '\r' && text[row.start] === '\n' ? row.start + 1 : row.start;
    const line = lineOf(own);
    // As written, without the line end (and, but for an unclosed quote, the CR of a CRLF).
    const rawText = (): string => text.slice(row.start, row.problem === 'unclosed' ? n : row.contentEnd);
    if (row.problem === 'ok' && row.cells.every((c) => c.trim() === '')) {
      mutable.blankLines++;
      continue;
    }
    mutable.rowsRead++;
    const reject = (code: string, cell: number, extra: Partial<ReferenceRejection> = {}): void => {
      mutable.rejected++;
      const column = cell >= 0 && cell < ncols ? plan.headers[cell] : undefined;
      out.rejections.push({ line, code, raw: cutRaw(rawText()), ...(column === undefined ? {} : { column }), ...extra });
    };
    if (row.problem === 'unclosed' || row.problem === 'long') {
      // The last line with a character of the row that is not a line break.
      let e = row.problem === 'unclosed' ? n : row.contentEnd;
      while (e > own && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
      let q = row.problem === 'unclosed' ? row.openQuote : -1;
      if (row.problem === 'long') q = firstQuoteSpanningLines(text, row.start, row.contentEnd, delimiter);
      const quote = q < 0 ? undefined : { line: lineOf(q), column: codePointsBetween(text, lineStartOf(text, q), q) + 1 };
      reject(row.problem === 'unclosed' ? 'unclosed_quote' : 'row_too_long', row.problem === 'unclosed' ? row.problemCell : -1, {
        endLine: countEndLine(text, own, e, line),
        ...(quote === undefined ? {} : { quote }),
      });
      continue;
    }
    if (row.problem === 'after') {
      reject('text_after_quote', row.problemCell);
      continue;
    }
    if (row.cells.length !== ncols) {
      reject('column_count', -1);
      continue;
    }
    const record: Record<string, unknown> = {};
    const extra: Record<string, string> = {};
    let bad = -1;
    let badKind: FieldKind = 'text';
    let time: string | undefined;
    for (let j = 0; j < ncols; j++) {
      const field = plan.fields[j];
      const cell = row.cells[j]!;
      if (field === null || field === undefined) {
        Object.defineProperty(extra, plan.extraKeys[j]!, { value: cell, enumerable: true, writable: true, configurable: true });
        continue;
      }
      const kind = plan.kinds[j]!;
      const s = cell.trim();
      let v: unknown;
      if (s === '' || isMissing(s)) v = null;
      else if (isRedactionMarker(s)) v = { redacted: true, marker: s };
      else {
        v = valueReader(kind)(s);
        if (v === undefined) {
          bad = j;
          badKind = kind;
          break;
        }
      }
      record[field] = v;
      if (field === 'apprehensionDate' && typeof v === 'string') time = recordTimeOfDate(cell);
    }
    if (bad >= 0) {
      reject(badCodes[badKind], bad);
      continue;
    }
    if (!hasTimeColumn && mappedFields.has('apprehensionDate') && time !== undefined) record.apprehensionTime = time;
    if (plan.extra.length > 0) record.extra = extra;
    mutable.accepted++;
    out.records.push(record as ArrestRecord);
  }
  return out;
}

/** endLine: the line of the row's last character (its terminator and, at the end of the file, a last line break not counted). */
function countEndLine(text: string, start: number, e: number, startLine: number): number {
  let line = startLine;
  for (let i = start; i < e; i++) {
    if (text[i] === '\n') line++;
    else if (text[i] === '\r' && (i + 1 >= e || text[i + 1] !== '\n')) line++;
  }
  return line;
}

/** The first quote opening a value that spans lines, in a row too long to hold; -1 for none. */
function firstQuoteSpanningLines(text: string, from: number, to: number, delimiter: string): number {
  let cellStart = true;
  for (let i = from; i < to; i++) {
    if (cellStart && text[i] === '"') {
      let j = i + 1;
      while (j < to) {
        if (text[j] === '\n' || text[j] === '\r') return i;
        if (text[j] === '"') {
          if (text[j + 1] === '"' && j + 1 < to) j += 2;
          else break;
        } else j++;
      }
      i = j;
      cellStart = false;
      continue;
    }
    cellStart = text[i] === delimiter;
  }
  return -1;
}

/**
 * The tally a reading gives, or the error a tally by a dimension no column maps must give.
 *
 * @param ref - A reference reading.
 * @param by - Dimensions.
 * @param excludeDuplicates - The tally's duplicate rule.
 * @returns The tally's result, or `not_determinable` / the reading's error.
 * @example
 * referenceTally(referenceRead(text, { maxRowLength: 1 << 20 }), ['aor'], false);
 */
export function referenceTally(ref: ReferenceResult, by: readonly TallyDimension[], excludeDuplicates: boolean): TallyResult | { error: string } {
  if (ref.error) return { error: ref.error };
  if (ref.hasHeader && by.some((d) => !ref.mappedFields.has(dimensionField(recordTables.arrests, d) as never))) return { error: 'not_determinable' };
  const tally = createTally({ by, excludeDuplicates });
  for (const r of ref.records) tally.add(r);
  return tally.result();
}

export { IcestatError };
