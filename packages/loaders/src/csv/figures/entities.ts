import { slugify } from './slug';
import type { Cell } from './build';
import type { TypedRow } from './cells';
import { breakdownGroup, operationGroup, recordSpecs, seriesGroup, sourceGroup, type FiguresCsvColumn } from './format';
import type { FiguresIssues } from './issues';

type Row = TypedRow;

/** The kinds of things other rows refer to by id. */
export type EntityKind = 'source' | 'operation' | 'series' | 'breakdown';

/** A source, operation, series or breakdown: its own row if it has one, and the cells other rows give it. */
export interface Entity {
  readonly kind: EntityKind;
  readonly id: string;
  /** Line of the first row that names it. */
  readonly line: number;
  row?: Row;
  readonly cells: Map<FiguresCsvColumn, Cell>;
}

/** The container of a figure or claim row. */
export interface Container {
  readonly kind: 'operation' | 'series' | 'dataset';
  readonly id: string;
}

/** What stage 4 found: every entity by kind and id, the container of each figure and claim row, the dataset row, the part rows. */
export interface FiguresEntities {
  readonly registries: Readonly<Record<EntityKind, Map<string, Entity>>>;
  /** The entity of a kind and id, registered at `line` when it is new. */
  mention(kind: EntityKind, id: string, line: number): Entity;
  readonly containers: ReadonlyMap<Row, Container>;
  readonly datasetRow: Row | undefined;
  readonly partRows: readonly Row[];
}

/**
 * The id a row gives in `idColumn`, or else the slug of the name in `nameColumn`.
 *
 * @param row - A typed row.
 * @param idColumn - The id column.
 * @param nameColumn - The name column whose slug stands in for a missing id.
 * @returns The id, or `undefined` when the row gives neither.
 * @example
 * idOf(row, 'operation', 'operation_name'); // => 'operation-safe-city' for a row named "Operation Safe City"
 */
export function idOf(row: Row, idColumn: FiguresCsvColumn, nameColumn?: FiguresCsvColumn): string | undefined {
  const id = row.cells.get(idColumn)?.text.trim();
  if (id) return id;
  const named = nameColumn ? row.cells.get(nameColumn)?.text : undefined;
  const slug = named ? slugify(named) : '';
  return slug === '' ? undefined : slug;
}

/**
 * The id of the source a row's source columns describe.
 *
 * @param row - A typed row.
 * @returns Its `source` id, or the slug of its `source_title`.
 * @example
 * sourceIdOf(row); // => 'bf'
 */
export function sourceIdOf(row: Row): string | undefined {
  return idOf(row, 'source', 'source_title');
}

/**
 * Whether a row has a cell in any of the columns of a group.
 *
 * @param row - A typed row.
 * @param group - Columns.
 * @returns `true` when one of them is filled.
 * @example
 * hasAny(row, sourceGroup); // => true
 */
export function hasAny(row: Row, group: readonly FiguresCsvColumn[]): boolean {
  return group.some((c) => row.cells.has(c));
}

const textColumns: ReadonlySet<FiguresCsvColumn> = new Set(
  Object.values(recordSpecs).flatMap((s) => s.fields.filter((f) => f.cell.kind === 'text').map((f) => f.column)),
);

function sameCell(column: FiguresCsvColumn, a: string, b: string): boolean {
  return textColumns.has(column) ? a.trim() === b.trim() : a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Stage 4 of reading a CSV of figures: the entities. Registers every source, operation, series
 * and breakdown a row names (by id, or the slug of its name), puts each figure and claim row in
 * its container, checks that each row uses only the cells of its record type, and lets rows give
 * their container's cells (an operation's name on a figure row): they fill what the entity's own
 * row leaves empty, and must agree.
 *
 * @param rows - The typed rows.
 * @param issues - Where problems go.
 * @returns The entities and containers.
 * @example
 * readFiguresEntities(rows, issues).registries.operation.get('safe-city')?.cells.get('operation_name')?.text;
 * // => 'Operation Safe City'
 */
export function readFiguresEntities(rows: readonly Row[], issues: FiguresIssues): FiguresEntities {
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
  const containers = new Map<Row, Container>();
  let datasetRow: Row | undefined;
  const partRows: Row[] = [];

  for (const row of rows) {
    const allowed = new Set<FiguresCsvColumn>(['record', 'json', ...recordSpecs[row.record].fields.map((f) => f.column)]);
    if (recordSpecs[row.record].place) for (const c of ['place_kind', 'place', 'place_state', 'place_label'] as const) allowed.add(c);
    const carries = (group: readonly FiguresCsvColumn[]): void =>
      group.forEach((c) => {
        allowed.add(c);
      });
    switch (row.record) {
      case 'dataset':
        if (datasetRow) issues.add('duplicate_row', row.line, undefined, `a second dataset row; the first is on line ${datasetRow.line}`);
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
          issues.add('missing_id', row.line, idColumn, `a ${row.record} row needs an id in "${idColumn}"`);
          break;
        }
        const e = mention(row.record, id, row.line);
        if (e.row) {
          issues.add('duplicate_row', row.line, row.cells.get(idColumn)?.header ?? idColumn, `${row.record} "${id}" already has a row, on line ${e.row.line}`);
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
          issues.add(
            'missing_container',
            row.line,
            'operation',
            'a figure row needs its operation (an id in "operation" or a name in "operation_name"), or its series',
          );
        }
        if (series !== undefined && op !== undefined) {
          const cell = row.cells.get('operation') ?? row.cells.get('operation_name');
          if (cell) issues.atCell(cell, 'conflict', 'a row belongs to a series or an operation, not both; leave one empty');
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
        if (!b) issues.add('missing_container', row.line, 'breakdown', 'a part row needs the id of its breakdown in "breakdown"');
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
      if (!allowed.has(column))
        issues.atCell(
          cell,
          'unused_cell',
          `not used on a ${row.record} row; got ${JSON.stringify(cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text)}`,
        );
    }
    if (hasAny(row, sourceGroup) && allowed.has('source_title')) {
      const id = sourceIdOf(row);
      if (id) mention('source', id, row.line);
      else issues.add('missing_id', row.line, 'source', 'the source columns describe a source with neither an id in "source" nor a "source_title"');
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
        issues.atCell(
          cell,
          'conflict',
          `${JSON.stringify(cell.text)} differs from ${JSON.stringify(known.text)} ${where} for ${e.kind} "${e.id}"; the rows of one ${e.kind} must agree`,
        );
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

  return { registries, mention, containers, datasetRow, partRows };
}
