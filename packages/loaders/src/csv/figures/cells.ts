import type { Cell } from './build';
import { unescapeCsvCell } from './escape';
import { figuresCsvRecords, type FiguresCsvColumn, type FiguresCsvRecord } from './format';
import type { FiguresHeader } from './header';
import type { FiguresIssues } from './issues';
import type { FiguresRow } from './rows';

/** A row of figures with its record type and its non-empty cells by column. */
export interface TypedRow {
  readonly line: number;
  readonly record: FiguresCsvRecord;
  readonly cells: ReadonlyMap<FiguresCsvColumn, Cell>;
}

/**
 * Stage 3 of reading a CSV of figures: the cells. Each cell is unescaped (the formula guard
 * undone) and kept when not empty, with its line and header; each row gets its record type,
 * from its `record` cell or, when that is empty, from what it holds (a `breakdown` makes a part,
 * a `claim` a claim, anything else a figure). A row with nothing in it is no record.
 *
 * @param rows - The data rows.
 * @param header - The columns.
 * @param issues - Where problems go (an unknown record type).
 * @returns The typed rows, in file order.
 * @example
 * readFiguresCells([{ line: 2, cells: ['dataset', 'My figures'] }], header, issues)[0]?.record; // => 'dataset'
 */
export function readFiguresCells(rows: readonly FiguresRow[], header: FiguresHeader, issues: FiguresIssues): TypedRow[] {
  const out: TypedRow[] = [];
  for (const r of rows) {
    const cells = new Map<FiguresCsvColumn, Cell>();
    r.cells.forEach((raw, i) => {
      const column = header.columns[i]!;
      const value = unescapeCsvCell(raw);
      if (value.trim() !== '') cells.set(column, { text: value, line: r.line, header: header.cells[i] ?? column });
    });
    // A row with nothing in it (a spreadsheet's trailing ",,,,") is no record.
    if (cells.size === 0) continue;
    const recordCell = cells.get('record');
    let record: FiguresCsvRecord;
    if (recordCell) {
      const key = recordCell.text.trim().toLowerCase();
      const found = figuresCsvRecords.find((t) => t === key);
      if (!found) {
        issues.atCell(recordCell, 'invalid_cell', `expected one of ${figuresCsvRecords.join(', ')}; got ${JSON.stringify(recordCell.text)}`);
        continue;
      }
      record = found;
    } else record = cells.has('breakdown') ? 'part' : cells.has('claim') ? 'claim' : 'figure';
    out.push({ line: r.line, record, cells });
  }
  return out;
}
