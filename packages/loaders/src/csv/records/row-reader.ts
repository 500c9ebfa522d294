import type { IcestatIssue, TallyDimension } from '@icestat/core';
import { IcestatError, isRedactionMarker, isUnknownValue, missingValueMatcher, type RecordFieldKind } from '@icestat/core/internal';
import { findHeaderRow, headerKey } from '../../tables/match';
import { planTable, type TablePlan } from '../../tables/plan';
import { splitRowAdapter, type SplitRow } from '../../tables/rows';
import { recordTimeOfDate, valueReader } from '../../tables/values';
import { CACHE_MISS, CACHE_SLOTS, CellCache } from './cell-cache';
import { dateCellSlot, dateFastPathAllowed, dayText } from './date-cells';
import { detach } from './detach';
import { DETECT_LIMIT, findHeader, isWhiteSpace, type CsvDialect } from './dialect';
import { fieldKindExpectations as arrestKindExpectations, redactedValue } from './normalise';
import type { ResolvedReadOptions } from './options';
import { columnCountReason, headerRowReason, swallowedRowReason, textAfterQuoteReason } from '../problems';
import { emptyLoadReport, type LoadReport, type Rejection, type RejectionCode } from './report';
import { createCsvTokenizer, isBlankRow, ROW_OK, ROW_TEXT_AFTER_QUOTE, ROW_UNCLOSED_QUOTE, rowProblemCode, type CsvRow, type CsvTokenizer } from './tokenizer';

// The one place where rows are checked. Both the record reader and the tally's fast path run
// through here, so a row rejected by one is rejected by the other: they differ only in which
// cells they turn into values (the tally leaves free-text columns it does not group by unsliced,
// and looks at them only for redaction markers).

/** What the reader does with a column. */
const SKIP = 0; // not looked at (extra columns, when tallying)
const REDACTION_ONLY = 1; // only counted when redacted (free text the tally does not need)
const VALUE = 2; // checked and normalised into `values`
const RAW = 3; // kept as written into `values` (extra columns, when reading records)

const rejectionCodes: Readonly<Record<RecordFieldKind, RejectionCode>> = {
  date: 'bad_date',
  timestamp: 'bad_date',
  time: 'bad_time',
  state: 'bad_state',
  aor: 'bad_aor',
  criminality: 'bad_criminality',
  gender: 'bad_gender',
  apprehensionType: 'bad_apprehension_type',
  birthYear: 'bad_birth_year',
  boolean: 'bad_boolean',
  country: 'bad_date', // never used: countries are kept as written
  text: 'bad_date', // never used: text is never rejected
};

const kindExpectations: Readonly<Record<RecordFieldKind, string>> = {
  ...arrestKindExpectations,
  aor: 'an ICE Area of Responsibility (a code such as NOL, HQ for headquarters, or a name such as "Chicago Area of Responsibility"); strictAors is on',
};

/** Kinds whose cells are kept as written and never reject a row. */
function isFreeText(kind: RecordFieldKind): boolean {
  return kind === 'text' || kind === 'country';
}

/**
 * Whether a cell could hold a FOIA marker, looked at where it lies: its first character after
 * white space is `(` or `b`. The same first test core's matcher makes, so a cell the reader calls
 * redacted is one the tally counts as redacted.
 */
function mayStartMarker(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isWhiteSpace(text.charCodeAt(i))) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  return c === 40 || c === 98 || c === 66;
}

/** Most title rows looked at for the header; ICE's files have 5 or 6. */
const MAX_BANNER_ROWS = 30;

/** Distinct unknown values kept per column in the report (all are counted). */
const MAX_UNKNOWN_VALUES = 200;

/** A cell that is not what its column holds (cached like any other value). */
const INVALID: unique symbol = Symbol('invalid');

function quoted(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

/** What a tally needs of each row: the dimensions it groups by, the date they read, the duplicate flag. */
export interface TallyNeeds {
  readonly by: readonly TallyDimension[];
  /** The date field the time dimensions read; the table's main date by default. */
  readonly date?: string;
  /** Whether rows flagged as likely duplicates are left out (the flag is then needed). */
  readonly duplicates?: boolean;
}

/** Options of {@link createRowReader}. */
export interface RowReaderOptions {
  readonly file: string;
  readonly read: ResolvedReadOptions;
  /**
   * The fields the consumer needs as values: `all` for whole records (extra columns kept too),
   * or a set (tallying), when other free-text columns are only checked for redaction.
   */
  readonly needs: 'all' | TallyNeeds;
  /** Called once the header has been read. */
  readonly onHeader?: (plan: TablePlan) => void;
  /** Called for each accepted row; read `values` (and `time`) inside it. */
  readonly onAccept: () => void;
}

/** A push-style reader of a record-level CSV that checks each row; see {@link createRowReader}. */
export interface RowReader {
  push(text: string): void;
  /**
   * Reads one row already split into cells (from a spreadsheet or Parquet reader) by the same
   * rules as text: header search, checks, rejections and report. Use either `push` or `pushRow`.
   */
  pushRow(row: SplitRow): void;
  end(): void;
  report(): LoadReport;
  /**
   * The accepted row's values by column: normalised values, `null` for blank, a `Redacted` for
   * a FOIA marker, the text as written for extra columns. Reused for every row.
   */
  readonly values: unknown[];
  /**
   * Per column of the accepted row, a small number naming the cell's value, or -1: the slot of the
   * column's cell cache that answered, or (past the cache's slots) of the day table of date cells.
   * A consumer may remember what it worked out of a value by its id, with the value itself: an id
   * nearly always names the same value (the same string or object) for the whole read, but not
   * always (two days 128 years apart share a day slot), so check the value (`===`) before using
   * what was remembered. Reused for every row.
   */
  readonly valueIds: Int32Array;
  /** The accepted row's time of day from its main date cell (arrests' apprehension time), when reading whole records. */
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
  let plan: TablePlan | null = null;

  let ncols = 0;
  let actions = new Uint8Array(0);
  let normalise: ((s: string) => unknown)[] = [];
  let kinds: RecordFieldKind[] = [];
  let caches: (CellCache | null)[] = [];
  /** Per column, 1 where date cells are read in place first (see date-cells.ts). */
  let fastDates = new Uint8Array(0);
  const fastDatesAllowed = dateFastPathAllowed(read.missingValues);
  let timeColumn = -1;
  let redactedInRow = new Int32Array(0);
  let redactedCounts = new Float64Array(0);
  /** Per column, the unknown values (an AOR icestat does not know) and how often each came. */
  let unknownCounts: (Map<string, number> | null)[] = [];
  const isMissing = missingValueMatcher(read.missingValues);

  /** The rows above the header: ICE's title rows (and blank rows between them). */
  const banner: string[] = [];
  let firstBannerRow: string[] | undefined;
  let firstBannerLine = 0;
  let headerLine = 0;
  /** Split rows given to `pushRow`, for those without a line or row number. */
  let splitRows = 0;
  const split = splitRowAdapter();

  let rowsRead = 0;
  let accepted = 0;
  let rejected = 0;
  let blankLines = 0;
  const rejections: Rejection[] = [];

  let valueIds = new Int32Array(0);
  const reader: RowReader = {
    values: [],
    valueIds,
    time: undefined,
    endedInsideQuote: false,
    push,
    pushRow,
    end,
    report,
  };
  // Written per row without going through the readonly interface.
  const state = reader as { values: unknown[]; valueIds: Int32Array; time: string | undefined; endedInsideQuote: boolean };

  function startHeader(row: CsvRow): void {
    if (row.problem !== ROW_OK) {
      const reason = headerRowReason(rowProblemCode(row.problem));
      throw new IcestatError('parse_error', `${file}:${row.line}: ${reason}`, { issues: [{ code: 'bad_header', message: reason, file, line: row.line }] });
    }
    const header: string[] = [];
    for (let i = 0; i < row.count; i++) header.push(detach(row.cell(i)));
    plan = planTable(header, {
      table: read.table,
      preset: read.preset,
      ...(read.columns ? { columns: read.columns } : {}),
      ...(wholeRecords ? {} : { needs: { by: needs.by, ...(needs.date ? { date: needs.date } : {}) } }),
      file,
      line: row.line,
    });
    const p = plan;
    headerLine = row.line;
    const needed = new Set<string>();
    if (!wholeRecords) {
      for (const d of needs.by) {
        const f = d === 'fiscalYear' || d === 'month' || d === 'day' ? (needs.date ?? p.spec.mainDate) : p.spec.dimensions[d];
        if (f !== undefined) needed.add(f);
      }
      if (needs.duplicates === true) needed.add('duplicateLikely');
    }
    ncols = p.headers.length;
    actions = new Uint8Array(ncols);
    normalise = [];
    kinds = [];
    caches = [];
    fastDates = new Uint8Array(ncols);
    unknownCounts = [];
    timeColumn = -1;
    const timeMapped = p.spec.timeField !== undefined && p.fields.includes(p.spec.timeField);
    for (let j = 0; j < ncols; j++) {
      const field = p.fields[j] ?? null;
      const kind = p.kinds[j]!;
      kinds.push(kind);
      normalise.push(valueReader(kind, { strictAors: read.strictAors }));
      if (field === null) actions[j] = wholeRecords ? RAW : SKIP;
      else if (wholeRecords || !isFreeText(kind) || needed.has(field)) actions[j] = VALUE;
      else actions[j] = REDACTION_ONLY;
      if (wholeRecords && field === p.spec.mainDate && p.spec.timeField !== undefined && !timeMapped) timeColumn = j;
      // Date cells are read in place by their shape; the cache then sees only the cells that are
      // not plain dates (markers, missing values, sentinels), which repeat. Timestamps and times
      // hardly repeat; everything else is worth trying. A free-text column only checked for
      // markers caches whether a candidate cell is one (its spellings repeat).
      if (actions[j] === VALUE && kind === 'date' && fastDatesAllowed) fastDates[j] = 1;
      const cached = actions[j] === REDACTION_ONLY || (actions[j] === VALUE && kind !== 'timestamp' && kind !== 'time');
      caches.push(cached ? new CellCache() : null);
      unknownCounts.push(kind === 'aor' ? new Map() : null);
    }
    state.values = new Array<unknown>(ncols).fill(null);
    valueIds = new Int32Array(ncols).fill(-1);
    state.valueIds = valueIds;
    redactedInRow = new Int32Array(ncols);
    redactedCounts = new Float64Array(ncols);
    onHeader?.(p);
  }

  /** Whether a row (not blank, well formed) names at least two fields icestat knows: a header. */
  function namesKnownFields(row: CsvRow): boolean {
    const cells: string[] = [];
    for (let i = 0; i < row.count; i++) cells.push(row.cell(i));
    if (read.preset !== 'none' && findHeaderRow([cells], read.table) !== undefined) return true;
    if (read.columns === undefined) return false;
    // Cells the custom columns name count too (a custom header plus a known one is a header).
    const custom = new Set(Object.keys(read.columns).map(headerKey));
    let hits = 0;
    for (const c of cells) if (custom.has(headerKey(c)) || (read.preset !== 'none' && findHeaderRow([[c, c]], read.table) !== undefined)) hits++;
    return hits >= 2;
  }

  /** A row above the header: kept as banner text (its non-blank cells), never counted as a row. */
  function bannerRow(row: CsvRow): void {
    const cells: string[] = [];
    for (let i = 0; i < row.count; i++) cells.push(detach(row.cell(i)));
    if (firstBannerRow === undefined && cells.some((c) => c.trim() !== '')) {
      firstBannerRow = cells;
      firstBannerLine = row.line;
    }
    banner.push(
      cells
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .join(' '),
    );
  }

  /** The header search ran out (too many rows, or the input ended): the error names what it saw. */
  function noHeader(): never {
    // Planning the first row as the header explains what is wrong with it, headers seen and all.
    if (firstBannerRow !== undefined)
      planTable(firstBannerRow, { table: read.table, preset: read.preset, ...(read.columns ? { columns: read.columns } : {}), file, line: firstBannerLine });
    throw new IcestatError(
      'parse_error',
      `${file}: no header row found: none of the first ${banner.length} rows names two known fields; pass headerRow, preset or columns`,
      {
        issues: [{ code: 'no_header', message: 'no header row found', file }],
      },
    );
  }

  function reject(
    row: CsvRow,
    code: RejectionCode,
    column: number,
    reason: string,
    swallowed?: { endLine: number; quote: { line: number; column: number } | undefined },
  ): void {
    rejected++;
    const header = column >= 0 && column < ncols ? plan?.headers[column] : undefined;
    if (read.onRejection === 'throw') {
      const issue: IcestatIssue =
        header === undefined ? { code, message: reason, file, line: row.line } : { code, message: reason, file, line: row.line, column: header };
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

  /** A cell's value: `null` when blank, a `Redacted` for a FOIA marker, else normalised, or {@link INVALID}. */
  function cellValue(j: number, cell: string): unknown {
    const s = cell.trim();
    if (s.length === 0 || isMissing(s)) return null;
    if (isRedactionMarker(s)) return redactedValue(s);
    const v = normalise[j]!(s);
    return v === undefined ? INVALID : v;
  }

  function onRow(row: CsvRow): void {
    if (plan === null) {
      // Above the header: ICE's title rows. The header is the row `headerRow` names, else the
      // first (well-formed, not blank) row at least two of whose cells name known fields.
      // A malformed row there is taken for the header, and refused as one (never silently skipped).
      const isHeader = read.headerRow !== undefined ? row.line >= read.headerRow : row.problem !== ROW_OK || (!isBlankRow(row) && namesKnownFields(row));
      if (isHeader) startHeader(row);
      else if (read.headerRow === undefined && banner.length >= MAX_BANNER_ROWS) noHeader();
      else bannerRow(row);
      return;
    }
    if (row.problem !== ROW_OK) {
      rowsRead++;
      if (row.problem === ROW_UNCLOSED_QUOTE) {
        state.endedInsideQuote = true;
        rejectSwallowed(row, 'unclosed_quote', row.problemCell);
      } else if (row.problem === ROW_TEXT_AFTER_QUOTE) {
        reject(row, 'text_after_quote', row.problemCell, textAfterQuoteReason);
      } else {
        rejectSwallowed(row, 'row_too_long', -1);
      }
      return;
    }
    if (isBlankRow(row)) {
      blankLines++;
      return;
    }
    rowsRead++;
    if (row.count !== ncols) {
      reject(row, 'column_count', -1, columnCountReason(ncols, row.count));
      return;
    }
    const values = state.values;
    let nRedacted = 0;
    state.time = undefined;
    const text = row.text;
    const bytes = row.bytes;
    for (let j = 0; j < ncols; j++) {
      const action = actions[j];
      if (action === VALUE) {
        const cache = caches[j]!;
        // A plain date is read in place; every other cell goes through the cache or is read whole.
        const day = fastDates[j] === 1 ? dateCellSlot(text, row.starts[j]!, row.ends[j]!) : -1;
        let v: unknown;
        let id = -1;
        if (day >= 0) {
          v = dayText(day);
          id = CACHE_SLOTS + day;
        } else {
          // A cell holding doubled quotes, or in a column whose cache is off, is read by the same
          // code as a miss (one call site each, so none is first reached thousands of rows in).
          const cached = cache?.enabled && row.escaped[j] === 0;
          v = cached ? cache.get(text, bytes, row.starts[j]!, row.ends[j]!) : CACHE_MISS;
          if (v === CACHE_MISS) {
            const cell = row.cell(j);
            v = cellValue(j, cell);
            if (typeof v === 'string' && (cached || wholeRecords)) v = detach(v); // a cached value is kept for the whole read
            if (cached) cache.set(cell, v);
          } else id = cache!.hitSlot;
        }
        valueIds[j] = id;
        if (v === INVALID) {
          const kind = kinds[j]!;
          reject(row, rejectionCodes[kind], j, `expected ${kindExpectations[kind]}; received ${quoted(row.cell(j).trim())}`);
          return;
        }
        if (typeof v === 'object' && v !== null) {
          if (isUnknownValue(v)) {
            const seen = unknownCounts[j];
            if (seen != null && (seen.has(v.unknown) || seen.size < MAX_UNKNOWN_VALUES)) seen.set(v.unknown, (seen.get(v.unknown) ?? 0) + 1);
          } else redactedInRow[nRedacted++] = j;
        }
        values[j] = v;
        if (j === timeColumn && v !== null && typeof v === 'string') state.time = recordTimeOfDate(row.cell(j));
      } else if (action === RAW) {
        values[j] = detach(row.cell(j));
      } else if (action === REDACTION_ONLY) {
        const start = row.starts[j]!;
        const end = row.ends[j]!;
        if (!mayStartMarker(text, start, end)) continue;
        const cache = caches[j]!;
        const cached = cache?.enabled && row.escaped[j] === 0;
        let redacted = cached ? cache.get(text, bytes, start, end) : CACHE_MISS;
        if (redacted === CACHE_MISS) {
          const cell = row.cell(j);
          redacted = isRedactionMarker(cell.trim());
          if (cached) cache.set(cell, redacted);
        }
        if (redacted === true) redactedInRow[nRedacted++] = j;
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
    // text has doubled, which keeps the search linear even through a huge blank row (its verdict
    // never depends on how much text there is past the point where it is decided).
    if (pending.length < nextTry) return;
    if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1 && pending.length < DETECT_LIMIT) return;
    start(false);
  }

  function end(): void {
    if (tokenizer === undefined) {
      if (pending.length > 0) start(true);
    }
    tokenizer?.end();
    // Rows came, but none was a header: say so rather than report an empty read.
    if (plan === null && firstBannerRow !== undefined) noHeader();
  }

  function pushRow(row: SplitRow): void {
    splitRows++;
    split.set(row, splitRows);
    if (plan === null && split.row.problem === ROW_OK && isBlankRow(split.row) && banner.length === 0) {
      blankLines++; // blank rows above everything, as findHeader counts them in text
      return;
    }
    onRow(split.row);
  }

  function report(): LoadReport {
    const base = emptyLoadReport(file);
    const p = plan as TablePlan | null;
    const redacted: Record<string, number> = {};
    const unknownValues: Record<string, Record<string, number>> = {};
    if (p !== null) {
      p.fields.forEach((f, j) => {
        if (f === null) return;
        redacted[f] = (redacted[f] ?? 0) + redactedCounts[j]!;
        const seen = unknownCounts[j];
        if (seen != null && seen.size > 0) unknownValues[f] = Object.fromEntries([...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
      table: p?.table ?? base.table,
      preset: p?.preset ?? base.preset,
      header:
        p === null ? base.header : { line: headerLine, bannerLines: banner.length, banner: banner.slice(), title: [...banner].reverse().find((b) => b !== '') },
      columns: p === null ? base.columns : { mapped: p.mapped, extra: p.extra, notFound: p.notFound },
      redacted,
      unknownValues,
    };
  }

  return reader;
}
