import { IcestatError, type ArrestRecordField, type IcestatIssue } from '@icestat/core';
import { CACHE_MISS, CellCache } from './cell-cache';
import { detach } from './detach';
import { planColumns, type ColumnPlan } from './columns';
import { DETECT_LIMIT, findHeader, isWhiteSpace, type CsvDialect } from './dialect';
import {
  arrestFieldKinds,
  fieldKindExpectations,
  isRedactionMarker,
  mightBeRedactionAt,
  normaliseAor,
  normaliseApprehensionType,
  normaliseBirthYear,
  normaliseBoolean,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseState,
  normaliseTime,
  redactedValue,
  timeOfDate,
  type FieldKind,
} from './normalise';
import type { ResolvedReadOptions } from './options';
import { emptyLoadReport, swallowedRowReason, type LoadReport, type Rejection, type RejectionCode } from './report';
import { createCsvTokenizer, ROW_OK, ROW_TEXT_AFTER_QUOTE, ROW_UNCLOSED_QUOTE, type CsvRow, type CsvTokenizer } from './tokenizer';

// The one place where rows are checked. Both the record reader and the tally's fast path run
// through here, so a row rejected by one is rejected by the other: they differ only in which
// cells they turn into values (the tally leaves free-text columns it does not group by unsliced,
// and looks at them only for redaction markers).

/** What the reader does with a column. */
const SKIP = 0; // not looked at (extra columns, when tallying)
const REDACTION_ONLY = 1; // only counted when redacted (free text the tally does not need)
const VALUE = 2; // checked and normalised into `values`
const RAW = 3; // kept as written into `values` (extra columns, when reading records)

const normalisers: Readonly<Record<FieldKind, (s: string) => unknown>> = {
  date: normaliseDate,
  time: normaliseTime,
  state: normaliseState,
  aor: normaliseAor,
  criminality: normaliseCriminality,
  gender: normaliseGender,
  apprehensionType: normaliseApprehensionType,
  birthYear: normaliseBirthYear,
  boolean: normaliseBoolean,
  text: (s) => s,
};

const rejectionCodes: Readonly<Record<FieldKind, RejectionCode>> = {
  date: 'bad_date',
  time: 'bad_time',
  state: 'bad_state',
  aor: 'bad_aor',
  criminality: 'bad_criminality',
  gender: 'bad_gender',
  apprehensionType: 'bad_apprehension_type',
  birthYear: 'bad_birth_year',
  boolean: 'bad_boolean',
  text: 'bad_date', // never used: text is never rejected
};

/** A cell that is not what its column holds (cached like any other value). */
const INVALID: unique symbol = Symbol('invalid');

function quoted(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

/** Options of {@link createRowReader}. */
export interface RowReaderOptions {
  readonly file: string;
  readonly read: ResolvedReadOptions;
  /**
   * The fields the consumer needs as values: `all` for whole records (extra columns kept too),
   * or a set (tallying), when other free-text columns are only checked for redaction.
   */
  readonly needs: 'all' | ReadonlySet<ArrestRecordField>;
  /** Called once the header has been read. */
  readonly onHeader?: (plan: ColumnPlan) => void;
  /** Called for each accepted row; read `values` (and `time`) inside it. */
  readonly onAccept: () => void;
}

/** A push-style reader of a record-level CSV that checks each row; see {@link createRowReader}. */
export interface RowReader {
  push(text: string): void;
  end(): void;
  report(): LoadReport;
  /**
   * The accepted row's values by column: normalised values, `null` for blank, a `Redacted` for
   * a FOIA marker, the text as written for extra columns. Reused for every row.
   */
  readonly values: unknown[];
  /** The accepted row's apprehension time from its date cell, when reading whole records. */
  readonly time: string | undefined;
  /**
   * Whether the input ended inside a quoted value. For a whole file that is a rejected row; for
   * a byte range of a file read in parallel it means the range did not end at a row boundary.
   */
  readonly endedInsideQuote: boolean;
}

/**
 * Creates the row checker both record paths share: dialect detection, header and column plan,
 * blank lines, column counts, per-cell normalisation, rejections and the report.
 *
 * @param options - Input name, resolved read options, what to keep, and callbacks.
 * @returns A {@link RowReader}.
 * @throws {@link IcestatError} `parse_error` from `push`/`end` for a malformed header row, or,
 *   with `onRejection: 'throw'`, for the first rejected row.
 * @example
 * let aors: unknown[] = [];
 * const rows = createRowReader({ file: '(text)', read: resolveReadOptions(), needs: 'all',
 *   onAccept: () => aors.push(rows.values[1]) });
 * rows.push('apprehension_date,apprehension_aor\n2017-09-25,NOL\n');
 * rows.end();
 * aors; // => ['NOL']
 */
export function createRowReader(options: RowReaderOptions): RowReader {
  const { file, read, needs, onHeader, onAccept } = options;
  const wholeRecords = needs === 'all';

  let pending = '';
  /** Line breaks in the blank rows above the header, passed before the tokenizer starts. */
  let linesAbove = 0;
  /** Pending length at which to look for the header again (it doubles: linear for trickled input). */
  let nextTry = 0;
  let dialect: CsvDialect | undefined;
  let tokenizer: CsvTokenizer | undefined;
  let plan: ColumnPlan | null = null;

  let ncols = 0;
  let actions = new Uint8Array(0);
  let normalise: ((s: string) => unknown)[] = [];
  let kinds: FieldKind[] = [];
  let caches: (CellCache | null)[] = [];
  let timeColumn = -1;
  let redactedInRow = new Int32Array(0);
  let redactedCounts = new Float64Array(0);

  let rowsRead = 0;
  let accepted = 0;
  let rejected = 0;
  let blankLines = 0;
  const rejections: Rejection[] = [];

  const reader: RowReader = {
    values: [],
    time: undefined,
    endedInsideQuote: false,
    push,
    end,
    report,
  };
  // Written per row without going through the readonly interface.
  const state = reader as { values: unknown[]; time: string | undefined; endedInsideQuote: boolean };

  function startHeader(row: CsvRow): void {
    if (row.problem !== ROW_OK) {
      const what = row.problem === ROW_UNCLOSED_QUOTE ? 'has a quote that never closes' : row.problem === ROW_TEXT_AFTER_QUOTE ? 'has text after a closing quote' : 'is too long';
      throw new IcestatError('parse_error', `${file}:${row.line}: the header row ${what}; expected a header of column names`, {
        issues: [{ code: 'bad_header', message: `the header row ${what}`, file, line: row.line }],
      });
    }
    const header: string[] = [];
    for (let i = 0; i < row.count; i++) header.push(detach(row.cell(i)));
    const p = planColumns(header, read.preset, read.columns);
    plan = p;
    ncols = p.headers.length;
    actions = new Uint8Array(ncols);
    normalise = [];
    kinds = [];
    caches = [];
    for (let j = 0; j < ncols; j++) {
      const field = p.fields[j] ?? null;
      const kind: FieldKind = field === null ? 'text' : arrestFieldKinds[field];
      kinds.push(kind);
      normalise.push(normalisers[kind]);
      if (field === null) actions[j] = wholeRecords ? RAW : SKIP;
      else if (wholeRecords || kind !== 'text' || needs.has(field)) actions[j] = VALUE;
      else actions[j] = REDACTION_ONLY;
      if (field === 'apprehensionDate' && wholeRecords) timeColumn = j;
      // Dates with times hardly repeat; everything else is worth trying.
      caches.push(actions[j] === VALUE && kind !== 'date' && kind !== 'time' ? new CellCache() : null);
    }
    state.values = new Array<unknown>(ncols).fill(null);
    redactedInRow = new Int32Array(ncols);
    redactedCounts = new Float64Array(ncols);
    onHeader?.(p);
  }

  function reject(row: CsvRow, code: RejectionCode, column: number, reason: string, swallowed?: { endLine: number; quote: { line: number; column: number } | undefined }): void {
    rejected++;
    const header = column >= 0 && column < ncols ? plan?.headers[column] : undefined;
    if (read.onRejection === 'throw') {
      const issue: IcestatIssue = header === undefined ? { code, message: reason, file, line: row.line } : { code, message: reason, file, line: row.line, column: header };
      throw new IcestatError('parse_error', `${file}:${row.line}${header === undefined ? '' : ` (column "${header}")`}: ${reason}`, { issues: [issue] });
    }
    if (rejections.length >= read.maxRejections) return;
    // Kept in the report: detached, so that they do not hold their chunks in memory.
    const raw = detach(row.raw());
    const why = detach(reason);
    const r: Rejection = header === undefined ? { line: row.line, code, reason: why, raw } : { line: row.line, column: header, code, reason: why, raw };
    if (swallowed === undefined) rejections.push(r);
    else rejections.push(swallowed.quote === undefined ? { ...r, endLine: swallowed.endLine } : { ...r, endLine: swallowed.endLine, quote: swallowed.quote });
  }

  /** A row that rejects for its quoting or length: where it ends and the likely stray quote. */
  function rejectSwallowed(row: CsvRow, code: 'unclosed_quote' | 'row_too_long', column: number): void {
    const endLine = row.endLine();
    const q = row.strayQuote();
    const quote = q === undefined ? undefined : { line: q.line, column: q.column };
    reject(row, code, column, swallowedRowReason(code, row.line, endLine, quote, read.maxRowLength), { endLine, quote });
  }

  /**
   * Whether a row is blank: well formed, and every cell, quotes removed, white space only (as
   * `String.prototype.trim` sees it). The one definition, shared with the header search
   * (`findHeader`). NUL and other control characters are not white space: such a row is read.
   */
  function isBlank(row: CsvRow): boolean {
    const text = row.text;
    for (let j = 0; j < row.count; j++) {
      if (row.escaped[j] === 1) return false; // holds a quote
      const end = row.ends[j]!;
      for (let i = row.starts[j]!; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
    }
    return true;
  }

  /** A cell's value: `null` when blank, a `Redacted` for a FOIA marker, else normalised, or {@link INVALID}. */
  function valueOf(j: number, cell: string): unknown {
    const s = cell.trim();
    if (s.length === 0) return null;
    if (mightBeRedactionAt(s, 0, s.length) && isRedactionMarker(s)) return redactedValue(s);
    const v = normalise[j]!(s);
    return v === undefined ? INVALID : v;
  }

  function onRow(row: CsvRow): void {
    if (plan === null) {
      // The tokenizer starts at the header row findHeader chose (never a blank one).
      startHeader(row);
      return;
    }
    if (row.problem !== ROW_OK) {
      rowsRead++;
      if (row.problem === ROW_UNCLOSED_QUOTE) {
        state.endedInsideQuote = true;
        rejectSwallowed(row, 'unclosed_quote', row.problemCell);
      } else if (row.problem === ROW_TEXT_AFTER_QUOTE) {
        reject(row, 'text_after_quote', row.problemCell, 'expected a delimiter or line end after a closing quote; received more text');
      } else {
        rejectSwallowed(row, 'row_too_long', -1);
      }
      return;
    }
    if (isBlank(row)) {
      blankLines++;
      return;
    }
    rowsRead++;
    if (row.count !== ncols) {
      reject(row, 'column_count', -1, `expected ${ncols} cells, as in the header; received ${row.count}`);
      return;
    }
    const values = state.values;
    let nRedacted = 0;
    state.time = undefined;
    const text = row.text;
    for (let j = 0; j < ncols; j++) {
      const action = actions[j];
      if (action === VALUE) {
        const cache = caches[j]!;
        let v: unknown;
        if (cache !== null && cache.enabled && row.escaped[j] === 0) {
          v = cache.get(text, row.starts[j]!, row.ends[j]!);
          if (v === CACHE_MISS) {
            const cell = row.cell(j);
            v = valueOf(j, cell);
            if (typeof v === 'string') v = detach(v); // cached for the whole read
            cache.set(cell, v);
          }
        } else {
          v = valueOf(j, row.cell(j));
          if (wholeRecords && typeof v === 'string') v = detach(v);
        }
        if (v === INVALID) {
          const kind = kinds[j]!;
          reject(row, rejectionCodes[kind], j, `expected ${fieldKindExpectations[kind]}; received ${quoted(row.cell(j).trim())}`);
          return;
        }
        if (typeof v === 'object' && v !== null) redactedInRow[nRedacted++] = j;
        values[j] = v;
        if (j === timeColumn && v !== null && typeof v === 'string') state.time = timeOfDate(row.cell(j));
      } else if (action === RAW) {
        values[j] = detach(row.cell(j));
      } else if (action === REDACTION_ONLY) {
        if (mightBeRedactionAt(text, row.starts[j]!, row.ends[j]!) && isRedactionMarker(row.cell(j))) redactedInRow[nRedacted++] = j;
      }
    }
    accepted++;
    for (let r = 0; r < nRedacted; r++) redactedCounts[redactedInRow[r]!]!++;
    onAccept();
  }

  /**
   * Looks for the header row in the text held so far. Blank rows above it are counted and let
   * go; once it is found the tokenizer starts at it, numbering lines from there.
   */
  function start(eof: boolean): void {
    const h = findHeader(pending, 0, eof, read.delimiter);
    blankLines += h.blankRows;
    linesAbove += h.lines;
    if (!h.found) {
      pending = h.next === 0 ? pending : pending.slice(h.next);
      nextTry = Math.max(2 * pending.length, 1);
      return;
    }
    dialect = h.dialect;
    tokenizer = createCsvTokenizer({ delimiter: h.dialect.delimiter, eol: h.dialect.eol, maxRowLength: read.maxRowLength, onRow, firstLine: linesAbove + 1 });
    const rest = h.start === 0 ? pending : pending.slice(h.start);
    pending = '';
    tokenizer.push(rest);
  }

  function push(text: string): void {
    if (tokenizer !== undefined) {
      tokenizer.push(text);
      return;
    }
    pending += text;
    // The header search needs a whole row; trickled input is looked at again only once the held
    // text has doubled (or holds a header's worth), which keeps the search linear.
    if (pending.length < nextTry && pending.length < DETECT_LIMIT) return;
    if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1 && pending.length < DETECT_LIMIT) return;
    start(false);
  }

  function end(): void {
    if (tokenizer === undefined) {
      if (pending.length > 0) start(true);
      if (tokenizer === undefined) return;
    }
    tokenizer.end();
  }

  function report(): LoadReport {
    const base = emptyLoadReport(file);
    const p = plan as ColumnPlan | null;
    const redacted: Partial<Record<ArrestRecordField, number>> = {};
    if (p !== null) {
      p.fields.forEach((f, j) => {
        if (f !== null) redacted[f] = (redacted[f] ?? 0) + redactedCounts[j]!;
      });
    }
    return {
      ...base,
      rowsRead,
      accepted,
      rejected,
      rejections: rejections.slice(),
      rejectionsDropped: rejected - rejections.length,
      blankLines,
      delimiter: dialect?.delimiter ?? read.delimiter ?? base.delimiter,
      preset: p?.preset ?? base.preset,
      columns: p === null ? base.columns : { mapped: p.mapped, extra: p.extra, notFound: p.notFound },
      redacted,
    };
  }

  return reader;
}
