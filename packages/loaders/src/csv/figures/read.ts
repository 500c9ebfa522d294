import { datasetSchema, IcestatError, SCHEMA_VERSION, type Dataset, type IcestatIssue } from '@icestat/core';
import { formatPath } from '@icestat/core/internal';
import { unescapeCsvCell } from './escape';
import { buildRecord, columnFor, define, getAt, isPlainObject, setAt, type Built, type Cell, type Origin, type Report } from './build';
import {
  breakdownGroup,
  figuresCsvColumns,
  figuresCsvRecords,
  operationGroup,
  recordSpecs,
  seriesGroup,
  sourceGroup,
  type FiguresCsvColumn,
  type FiguresCsvRecord,
  type RecordSpec,
} from './format';
import { readCsvRows } from './rows';

/** Options of the CSV-of-figures reader. */
export interface FiguresCsvReadOptions {
  /** Name of the input in messages (a file name or URL); `(text)` when not given. */
  readonly name?: string;
  /** Cell delimiter: `,` (default), `;` or a tab. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Title of the dataset when the file has no `dataset` row; `Figures from CSV` by default. */
  readonly title?: string;
}

type Obj = Record<string, unknown>;

interface Row {
  readonly line: number;
  readonly record: FiguresCsvRecord;
  readonly cells: ReadonlyMap<FiguresCsvColumn, Cell>;
}

type EntityKind = 'source' | 'operation' | 'series' | 'breakdown';

/** A source, operation, series or breakdown: its own row if it has one, and the cells other rows give it. */
interface Entity {
  readonly kind: EntityKind;
  readonly id: string;
  /** Line of the first row that names it. */
  readonly line: number;
  row?: Row;
  readonly cells: Map<FiguresCsvColumn, Cell>;
}

const knownColumns: ReadonlySet<string> = new Set(figuresCsvColumns);

function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Levenshtein distance with two rows (both strings short: the caller checks lengths first). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The longest column name: a name longer by 3 or more can be no near miss. */
const longestColumn = Math.max(...figuresCsvColumns.map((c) => c.length));

/** Character counts of a name (code units), for the cheap lower bound on an edit distance. */
function histogram(s: string): Map<number, number> {
  const h = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h.set(c, (h.get(c) ?? 0) + 1);
  }
  return h;
}
const columnHistograms = figuresCsvColumns.map((c) => [c, histogram(c)] as const);

/**
 * A known column within edit distance 2 of an unknown one, for "did you mean". Bounded: a name
 * whose length differs from a column's by 3 or more, or whose characters differ by more than 4
 * (each edit changes at most two character counts), is not compared with it; and a name longer
 * than any column by 3 is compared with none. 100,000 unknown names cost little, a 24 MB name
 * nothing.
 */
function suggestColumn(name: string): string | undefined {
  if (name.length > longestColumn + 2) return undefined;
  const h = histogram(name);
  let best: string | undefined;
  let bestDistance = 3;
  for (const [c, ch] of columnHistograms) {
    if (Math.abs(c.length - name.length) >= bestDistance) continue;
    let diff = 0;
    for (const [k, n] of h) diff += Math.abs(n - (ch.get(k) ?? 0));
    for (const [k, n] of ch) if (!h.has(k)) diff += n;
    if (diff > 2 * (bestDistance - 1)) continue;
    const distance = editDistance(name, c);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** A header as shown in a message: cut to 80 characters. */
function shownHeader(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
}

/**
 * A URL- and id-safe slug of a name: `Operation Safe City` → `operation-safe-city`.
 *
 * @param name - Any text.
 * @returns Lower-case letters, digits and dashes, at most 120 characters; empty when nothing is left.
 * @throws Never.
 * @example
 * slugify('Opération “Safe City”'); // => 'operation-safe-city'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

const textColumns: ReadonlySet<FiguresCsvColumn> = new Set(
  Object.values(recordSpecs).flatMap((s) => s.fields.filter((f) => f.cell.kind === 'text').map((f) => f.column)),
);

function sameCell(column: FiguresCsvColumn, a: string, b: string): boolean {
  return textColumns.has(column) ? a.trim() === b.trim() : a.trim().toLowerCase() === b.trim().toLowerCase();
}

function listMessage(title: string, issues: readonly IcestatIssue[]): string {
  const shown = issues.slice(0, 8).map((i) => `  - ${i.message}`);
  const more = issues.length > 8 ? [`  … and ${issues.length - 8} more`] : [];
  return [`${title}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, ...shown, ...more].join('\n');
}

/**
 * Reads CSV text of figures into a validated dataset, or the error with every located problem:
 * the engine behind {@link parseFiguresCsv} and {@link safeParseFiguresCsv}.
 *
 * @param input - The CSV text (a leading byte-order mark is ignored).
 * @param options - `name` for messages, `delimiter`, and the `title` of a file without a dataset row.
 * @returns The dataset, or an `IcestatError` (`parse_error` or `invalid_dataset`) to throw or return.
 * @throws Never for bad input: errors are returned.
 * @example
 * (readFiguresCsv('record,title\ndataset,My figures\n') as Dataset).title; // => 'My figures'
 */
export function readFiguresCsv(input: string, options: FiguresCsvReadOptions = {}): Dataset | IcestatError {
  const name = options.name ?? '(text)';
  const delimiter = options.delimiter ?? ',';
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const issues: IcestatIssue[] = [];
  const problem = (code: string, line: number, column: string | number | undefined, what: string, path?: string): void => {
    const where = column === undefined ? '' : typeof column === 'number' ? ` column ${column}:` : ` column "${column}":`;
    const message = `${name}:${line}:${where} ${what}`;
    issues.push({
      code,
      message,
      file: name,
      line,
      ...(column === undefined ? {} : { column }),
      ...(path === undefined ? {} : { path }),
    });
  };
  const cellProblem = (cell: Cell, code: string, what: string): void => problem(code, cell.line, cell.header, what);
  const parseError = (): IcestatError => new IcestatError('parse_error', listMessage(`Invalid CSV of figures in ${name}`, issues), { issues });

  // ---- Rows and header ---------------------------------------------------------------------
  const table = readCsvRows(text, delimiter);
  const headerCells = table.header?.cells ?? [];
  for (const p of table.problems) {
    const column = p.code === 'cell_count' && p.cells !== undefined && p.cells > headerCells.length ? p.cell + 1 : headerCells[p.cell];
    problem(p.code, p.line, column ?? p.cell + 1, p.what);
  }
  if (!table.header) {
    if (issues.length === 0) problem('missing_header', 1, undefined, 'the file has no header row; the first line must name the columns (record, operation, figure, value, …)');
    return parseError();
  }
  const headerLine = table.header.line;
  const columns: (FiguresCsvColumn | undefined)[] = [];
  const seenColumns = new Map<string, number>();
  headerCells.forEach((raw, i) => {
    const key = normaliseHeader(raw);
    if (key === '') {
      problem('empty_header', headerLine, i + 1, 'the header cell is empty; name the column or delete it');
      columns.push(undefined);
    } else if (!knownColumns.has(key)) {
      const guess = suggestColumn(key);
      const delimiterHint =
        headerCells.length === 1 && /[;\t,]/.test(raw) ? ` (is the delimiter ${JSON.stringify(/;/.test(raw) ? ';' : /\t/.test(raw) ? '\t' : ',')}? pass it as the delimiter option)` : '';
      problem('unknown_column', headerLine, shownHeader(raw), `unknown column${guess ? ` (did you mean "${guess}"?)` : ''}${delimiterHint}; the columns are listed in the @icestat/loaders README`);
      columns.push(undefined);
    } else if (seenColumns.has(key)) {
      problem('duplicate_column', headerLine, shownHeader(raw), `the column appears twice (first as column ${(seenColumns.get(key) ?? 0) + 1})`);
      columns.push(undefined);
    } else {
      seenColumns.set(key, i);
      columns.push(key as FiguresCsvColumn);
    }
  });
  // Without knowing every column, no row can be read safely.
  if (columns.some((c) => c === undefined)) return parseError();

  // ---- Cells and record types --------------------------------------------------------------
  const rows: Row[] = [];
  for (const r of table.rows) {
    const cells = new Map<FiguresCsvColumn, Cell>();
    r.cells.forEach((raw, i) => {
      const column = columns[i];
      const value = unescapeCsvCell(raw);
      if (column && value.trim() !== '') cells.set(column, { text: value, line: r.line, header: headerCells[i] ?? column });
    });
    // A row with nothing in it (a spreadsheet's trailing ",,,,") is no record.
    if (cells.size === 0) continue;
    const recordCell = cells.get('record');
    let record: FiguresCsvRecord;
    if (recordCell) {
      const key = recordCell.text.trim().toLowerCase();
      const found = figuresCsvRecords.find((t) => t === key);
      if (!found) {
        cellProblem(recordCell, 'invalid_cell', `expected one of ${figuresCsvRecords.join(', ')}; got ${JSON.stringify(recordCell.text)}`);
        continue;
      }
      record = found;
    } else record = cells.has('breakdown') ? 'part' : cells.has('claim') ? 'claim' : 'figure';
    rows.push({ line: r.line, record, cells });
  }

  // ---- Entities: sources, operations, series, breakdowns -----------------------------------
  const registries: Record<EntityKind, Map<string, Entity>> = {
    source: new Map(),
    operation: new Map(),
    series: new Map(),
    breakdown: new Map(),
  };
  const mention = (kind: EntityKind, id: string, line: number): Entity => {
    const registry = registries[kind];
    let e = registry.get(id);
    if (!e) {
      e = { kind, id, line, cells: new Map() };
      registry.set(id, e);
    }
    return e;
  };
  const idOf = (row: Row, idColumn: FiguresCsvColumn, nameColumn?: FiguresCsvColumn): string | undefined => {
    const id = row.cells.get(idColumn)?.text.trim();
    if (id) return id;
    const named = nameColumn ? row.cells.get(nameColumn)?.text : undefined;
    const slug = named ? slugify(named) : '';
    return slug === '' ? undefined : slug;
  };
  const sourceIdOf = (row: Row): string | undefined => idOf(row, 'source', 'source_title');
  const hasAny = (row: Row, group: readonly FiguresCsvColumn[]): boolean => group.some((c) => row.cells.has(c));

  /** The container of a figure or claim row. */
  interface Container {
    readonly kind: 'operation' | 'series' | 'dataset';
    readonly id: string;
  }
  const containers = new Map<Row, Container>();
  let datasetRow: Row | undefined;
  const partRows: Row[] = [];

  for (const row of rows) {
    const allowed = new Set<FiguresCsvColumn>(['record', 'json', ...recordSpecs[row.record].fields.map((f) => f.column)]);
    if (recordSpecs[row.record].place) for (const c of ['place_kind', 'place', 'place_state', 'place_label'] as const) allowed.add(c);
    const carries = (group: readonly FiguresCsvColumn[]): void => group.forEach((c) => allowed.add(c));
    switch (row.record) {
      case 'dataset':
        if (datasetRow) problem('duplicate_row', row.line, undefined, `a second dataset row; the first is on line ${datasetRow.line}`);
        else datasetRow = row;
        break;
      case 'source':
      case 'operation':
      case 'series':
      case 'breakdown': {
        const idColumn: FiguresCsvColumn = row.record;
        const nameColumn = ({ source: 'source_title', operation: 'operation_name', series: 'series_name', breakdown: undefined } as const)[row.record];
        const id = idOf(row, idColumn, nameColumn);
        if (row.record === 'breakdown') {
          allowed.add('operation');
          allowed.add('parent');
          const op = row.cells.get('operation')?.text.trim();
          if (op) mention('operation', op, row.line);
        }
        if (!id) {
          problem('missing_id', row.line, idColumn, `a ${row.record} row needs an id in "${idColumn}"`);
          break;
        }
        const e = mention(row.record, id, row.line);
        if (e.row) {
          problem('duplicate_row', row.line, row.cells.get(idColumn)?.header ?? idColumn, `${row.record} "${id}" already has a row, on line ${e.row.line}`);
          break;
        }
        e.row = row;
        for (const [c, cell] of row.cells) e.cells.set(c, cell);
        break;
      }
      case 'figure':
      case 'claim': {
        const series = idOf(row, 'series', 'series_name');
        const op = idOf(row, 'operation', 'operation_name');
        if (series !== undefined) {
          allowed.add('series');
          carries(seriesGroup);
          containers.set(row, { kind: 'series', id: series });
          mention('series', series, row.line);
        } else if (op !== undefined) {
          allowed.add('operation');
          carries(operationGroup);
          containers.set(row, { kind: 'operation', id: op });
          mention('operation', op, row.line);
        } else if (row.record === 'claim') {
          containers.set(row, { kind: 'dataset', id: '' });
        } else {
          problem('missing_container', row.line, 'operation', 'a figure row needs its operation (an id in "operation" or a name in "operation_name"), or its series');
        }
        if (series !== undefined && op !== undefined) {
          const cell = row.cells.get('operation') ?? row.cells.get('operation_name');
          if (cell) cellProblem(cell, 'conflict', 'a row belongs to a series or an operation, not both; leave one empty');
        }
        carries(sourceGroup);
        break;
      }
      case 'part': {
        allowed.add('breakdown');
        carries(breakdownGroup);
        carries(operationGroup);
        carries(sourceGroup);
        const b = row.cells.get('breakdown')?.text.trim();
        if (!b) problem('missing_container', row.line, 'breakdown', 'a part row needs the id of its breakdown in "breakdown"');
        else {
          mention('breakdown', b, row.line);
          partRows.push(row);
        }
        const op = idOf(row, 'operation', 'operation_name');
        if (op) mention('operation', op, row.line);
        break;
      }
    }
    for (const [column, cell] of row.cells) {
      if (!allowed.has(column)) cellProblem(cell, 'unused_cell', `not used on a ${row.record} row; got ${JSON.stringify(cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text)}`);
    }
    if (hasAny(row, sourceGroup) && allowed.has('source_title')) {
      const id = sourceIdOf(row);
      if (id) mention('source', id, row.line);
      else problem('missing_id', row.line, 'source', 'the source columns describe a source with neither an id in "source" nor a "source_title"');
    }
  }

  // Cells that other rows give an entity: they fill what its own row leaves empty, and must agree.
  const give = (e: Entity, row: Row, group: readonly FiguresCsvColumn[]): void => {
    for (const column of group) {
      const cell = row.cells.get(column);
      if (!cell) continue;
      const known = e.cells.get(column);
      if (!known) e.cells.set(column, cell);
      else if (!sameCell(column, known.text, cell.text)) {
        const where = known.line === cell.line ? 'on this line' : `on line ${known.line}`;
        cellProblem(cell, 'conflict', `${JSON.stringify(cell.text)} differs from ${JSON.stringify(known.text)} ${where} for ${e.kind} "${e.id}"; the rows of one ${e.kind} must agree`);
      }
    }
  };
  for (const row of rows) {
    const container = containers.get(row);
    if (container?.kind === 'operation') give(mention('operation', container.id, row.line), row, operationGroup);
    if (container?.kind === 'series') give(mention('series', container.id, row.line), row, seriesGroup);
    if (row.record === 'part') {
      const b = row.cells.get('breakdown')?.text.trim();
      if (b) give(mention('breakdown', b, row.line), row, breakdownGroup);
      const op = idOf(row, 'operation', 'operation_name');
      if (op) give(mention('operation', op, row.line), row, operationGroup);
    }
    if (row.record === 'figure' || row.record === 'part' || row.record === 'claim') {
      const id = hasAny(row, sourceGroup) ? sourceIdOf(row) : undefined;
      if (id) give(mention('source', id, row.line), row, sourceGroup);
    }
  }

  // ---- Records -----------------------------------------------------------------------------
  const report: Report = (at, code, what) => problem(code, at.line, at.header, what);
  const build = (spec: RecordSpec, cells: ReadonlyMap<FiguresCsvColumn, Cell>, line: number): Built => buildRecord(spec, cells, line, report);

  const origins = new Map<string, Origin>();
  const derived = new Set<string>();
  const place = (path: readonly (string | number)[], origin: Origin): void => {
    origins.set(formatPath(path), origin);
  };

  // Part rows, indexed by their figure's id, for nested breakdowns.
  interface Part {
    readonly row: Row;
    readonly breakdown: string;
    readonly obj: Obj;
    readonly origin: Origin;
  }
  const partsByBreakdown = new Map<string, Part[]>();
  const partByFigure = new Map<string, Part>();
  for (const row of partRows) {
    const b = row.cells.get('breakdown')!.text.trim();
    const { obj, origin } = build(recordSpecs.part, row.cells, row.line);
    const list = partsByBreakdown.get(b) ?? [];
    const figure = isPlainObject(obj['figure']) ? obj['figure'] : {};
    if (!isPlainObject(obj['figure'])) define(obj, 'figure', figure);
    if (figure['id'] === undefined) {
      const category = typeof obj['category'] === 'string' ? obj['category'] : String(list.length + 1);
      define(figure, 'id', `${b}-${category}`);
    }
    if (figure['source'] === undefined) {
      const id = hasAny(row, sourceGroup) ? sourceIdOf(row) : undefined;
      if (id) define(figure, 'source', id);
    }
    const part: Part = { row, breakdown: b, obj, origin };
    list.push(part);
    partsByBreakdown.set(b, list);
    const figureId = figure['id'];
    if (typeof figureId === 'string' && !partByFigure.has(figureId)) partByFigure.set(figureId, part);
  }

  // Which operation a breakdown belongs to: its own, or (nested) that of the part above it.
  const operationOf = new Map<string, string | undefined>();
  const resolve = (e: Entity, stack: readonly string[]): string | undefined => {
    if (operationOf.has(e.id)) return operationOf.get(e.id);
    const parentCell = e.cells.get('parent');
    const opCell = e.cells.get('operation');
    let op: string | undefined;
    if (parentCell) {
      const parentId = parentCell.text.trim();
      const part = partByFigure.get(parentId);
      if (!part) {
        cellProblem(parentCell, 'unknown_reference', `names figure "${parentId}", which is not the figure of any part row (a breakdown of an operation's own figure names it in "total")`);
      } else if (stack.includes(part.breakdown) || part.breakdown === e.id) {
        cellProblem(parentCell, 'nesting_loop', `breakdowns nest in a loop: ${[...stack, e.id, part.breakdown].join(' → ')}`);
      } else {
        const parent = registries.breakdown.get(part.breakdown);
        op = parent ? resolve(parent, [...stack, e.id]) : undefined;
        if (op !== undefined && opCell && opCell.text.trim() !== op) {
          cellProblem(opCell, 'conflict', `the breakdown nests under figure "${parentId}" of operation "${op}"; got operation "${opCell.text.trim()}"`);
        }
      }
    } else if (opCell) op = opCell.text.trim();
    else problem('missing_container', e.row?.line ?? e.line, 'operation', `breakdown "${e.id}" needs its operation in "operation" (or, nested, the part figure it splits in "parent")`);
    operationOf.set(e.id, op);
    return op;
  };
  for (const e of registries.breakdown.values()) resolve(e, []);

  // Figures and claims, by container.
  const figureRows = new Map<string, Row[]>();
  const claimRows = new Map<string, Row[]>();
  for (const row of rows) {
    const c = containers.get(row);
    if (!c) continue;
    const key = `${c.kind}:${c.id}`;
    const target = row.record === 'figure' ? figureRows : row.record === 'claim' ? claimRows : undefined;
    if (!target) continue;
    const list = target.get(key) ?? [];
    list.push(row);
    target.set(key, list);
  }
  const withSource = (obj: Obj, row: Row, base: readonly string[]): void => {
    if (getAt(obj, [...base, 'source']) !== undefined) return;
    const id = hasAny(row, sourceGroup) ? sourceIdOf(row) : undefined;
    if (id) setAt(obj, [...base, 'source'], id);
  };
  const figuresOf = (key: string, containerId: string, path: readonly (string | number)[]): Obj[] =>
    (figureRows.get(key) ?? []).map((row, i) => {
      const { obj, origin } = build(recordSpecs.figure, row.cells, row.line);
      if (obj['id'] === undefined) define(obj, 'id', `${containerId}-${i + 1}`);
      withSource(obj, row, []);
      place([...path, i], origin);
      return obj;
    });
  const claimsOf = (key: string, path: readonly (string | number)[]): Obj[] =>
    (claimRows.get(key) ?? []).map((row, i) => {
      const { obj, origin } = build(recordSpecs.claim, row.cells, row.line);
      withSource(obj, row, []);
      place([...path, i], origin);
      return obj;
    });
  // Breakdowns by the part figure they nest under, and the top-level ones by operation: indexed
  // once, so that finding a container's breakdowns costs nothing per operation or part (a scan of
  // every breakdown for each made reading quadratic in the number of breakdowns).
  const nestedUnder = new Map<string, Entity[]>();
  const topLevelOf = new Map<string | undefined, Entity[]>();
  for (const e of registries.breakdown.values()) {
    const parent = e.cells.get('parent')?.text.trim();
    const [index, key] = parent === undefined ? [topLevelOf, operationOf.get(e.id)] : [nestedUnder as Map<string | undefined, Entity[]>, parent];
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  }
  const breakdownsUnder = (parentFigure: string | undefined, op: string): Entity[] =>
    (parentFigure === undefined ? topLevelOf.get(op) : nestedUnder.get(parentFigure)) ?? [];
  const breakdownObj = (e: Entity, path: readonly (string | number)[], op: string, depth: number): Obj => {
    const { obj, origin } = build(recordSpecs.breakdown, e.cells, e.row?.line ?? e.line);
    define(obj, 'id', e.id);
    place(path, origin);
    const parts = (partsByBreakdown.get(e.id) ?? []).map((part, pi) => {
      const partPath = [...path, 'parts', pi];
      place(partPath, part.origin);
      const figure = part.obj['figure'] as Obj;
      const nested = depth > 64 ? [] : breakdownsUnder(String(figure['id']), op);
      if (nested.length > 0) {
        if (Object.hasOwn(part.obj, 'breakdowns')) {
          const jsonCell = part.row.cells.get('json');
          if (jsonCell) cellProblem(jsonCell, 'conflict', `gives "breakdowns": [], but breakdown rows name this part's figure "${String(figure['id'])}" as parent`);
        }
        define(
          part.obj,
          'breakdowns',
          nested.map((n, ni) => breakdownObj(n, [...partPath, 'breakdowns', ni], op, depth + 1)),
        );
      }
      return part.obj;
    });
    define(obj, 'parts', parts);
    return obj;
  };

  // ---- The dataset ---------------------------------------------------------------------------
  const dataset: Obj = {};
  if (datasetRow) {
    const { obj, origin } = build(recordSpecs.dataset, datasetRow.cells, datasetRow.line);
    Object.assign(dataset, obj);
    place([], origin);
  } else {
    define(dataset, 'title', options.title ?? 'Figures from CSV');
  }
  if (!Object.hasOwn(dataset, 'schemaVersion')) define(dataset, 'schemaVersion', SCHEMA_VERSION);

  define(
    dataset,
    'sources',
    [...registries.source.values()].map((e, i) => {
      const { obj, origin } = build(recordSpecs.source, e.cells, e.row?.line ?? e.line);
      define(obj, 'id', e.id);
      place(['sources', i], origin);
      return obj;
    }),
  );
  define(
    dataset,
    'operations',
    [...registries.operation.values()].map((e, oi) => {
      const path = ['operations', oi];
      const { obj, origin } = build(recordSpecs.operation, e.cells, e.row?.line ?? e.line);
      define(obj, 'id', e.id);
      place(path, origin);
      const figures = figuresOf(`operation:${e.id}`, e.id, [...path, 'figures']);
      define(obj, 'figures', figures);
      const breakdowns = breakdownsUnder(undefined, e.id).map((b, bi) => breakdownObj(b, [...path, 'breakdowns', bi], e.id, 0));
      if (breakdowns.length > 0) define(obj, 'breakdowns', breakdowns);
      const claims = claimsOf(`operation:${e.id}`, [...path, 'claims']);
      if (claims.length > 0) define(obj, 'claims', claims);
      if (!Object.hasOwn(obj, 'sources')) {
        // An operation whose source cell is empty is known from the sources of its figures.
        const ids: string[] = [];
        const add = (f: unknown): void => {
          const s = getAt(f, ['source']);
          if (typeof s === 'string' && !ids.includes(s)) ids.push(s);
        };
        const walk = (b: unknown): void => {
          for (const part of (getAt(b, ['parts']) as unknown[] | undefined) ?? []) {
            add(getAt(part, ['figure']));
            for (const nb of (getAt(part, ['breakdowns']) as unknown[] | undefined) ?? []) walk(nb);
          }
        };
        figures.forEach(add);
        breakdowns.forEach(walk);
        if (ids.length > 0) {
          define(obj, 'sources', ids);
          // A problem with a derived id is reported where the id was written, on the figure.
          derived.add(formatPath([...path, 'sources']));
        }
      }
      return obj;
    }),
  );
  const series = [...registries.series.values()].map((e, si) => {
    const path = ['series', si];
    const { obj, origin } = build(recordSpecs.series, e.cells, e.row?.line ?? e.line);
    define(obj, 'id', e.id);
    place(path, origin);
    const figures = figuresOf(`series:${e.id}`, e.id, [...path, 'figures']);
    define(obj, 'figures', figures);
    if (!Object.hasOwn(obj, 'metric') && typeof figures[0]?.['metric'] === 'string') define(obj, 'metric', figures[0]['metric']);
    const claims = claimsOf(`series:${e.id}`, [...path, 'claims']);
    if (claims.length > 0) define(obj, 'claims', claims);
    return obj;
  });
  if (series.length > 0) define(dataset, 'series', series);
  const claims = claimsOf('dataset:', ['claims']);
  if (claims.length > 0) define(dataset, 'claims', claims);

  // Breakdowns that hang nowhere (their operation or parent could not be resolved) were reported.
  if (issues.length > 0) return parseError();

  // ---- Schema --------------------------------------------------------------------------------
  const result = datasetSchema.safeParse(dataset);
  if (result.success) return result.data;
  for (const zi of result.error.issues) {
    const path = formatPath(zi.path);
    if (zi.path.length > 0 && derived.has(formatPath(zi.path.slice(0, -1)))) continue;
    let located = false;
    for (let k = zi.path.length; k >= 0 && !located; k--) {
      const origin = origins.get(formatPath(zi.path.slice(0, k)));
      if (!origin) continue;
      located = true;
      const sub = zi.path.slice(k);
      const column = columnFor(origin, sub, getAt(dataset, zi.path.slice(0, k)));
      const cell = column ? origin.cells.get(column) : undefined;
      let message = zi.message;
      if (zi.code === 'invalid_type' && getAt(dataset, zi.path) === undefined && column && column !== 'json') {
        message = cell || seenColumns.has(column) ? 'required, but the cell is empty' : `required; the file has no "${column}" column`;
      }
      problem(zi.code, cell?.line ?? origin.line, cell?.header ?? column, `${message} (${path})`, path);
    }
    if (!located) problem(zi.code, headerLine, undefined, `${zi.message} (${path})`, path);
  }
  return new IcestatError('invalid_dataset', listMessage(`Invalid dataset in ${name}`, issues), { cause: result.error, issues });
}
