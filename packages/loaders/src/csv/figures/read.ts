import type { Dataset, IcestatError } from '@icestat/core';
import { readFiguresCells } from './cells';
import { assembleFigures } from './dataset';
import { readFiguresEntities } from './entities';
import { readFiguresHeader } from './header';
import { figuresIssues } from './issues';
import { readFiguresRows } from './rows';
import { validateFigures } from './schema';

/** Options of the CSV-of-figures reader. */
export interface FiguresCsvReadOptions {
  /** Name of the input in messages (a file name or URL); `(text)` when not given. */
  readonly name?: string;
  /** Cell delimiter: `,` (default), `;` or a tab. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Title of the dataset when the file has no `dataset` row; `Figures from CSV` by default. */
  readonly title?: string;
}

/**
 * Reads CSV text of figures into a validated dataset, or the error with every located problem:
 * the engine behind {@link parseFiguresCsv} and {@link safeParseFiguresCsv}. It runs in stages,
 * each in its own module: rows (the tokenizer the record reader uses), header, cells, entities,
 * dataset, schema. Problems are collected across stages; a stage that leaves the next with
 * nothing sound to read ends the reading with what was found so far.
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
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const issues = figuresIssues(name);

  const table = readFiguresRows(text, options.delimiter ?? ',');
  const headerCells = table.header?.cells ?? [];
  for (const p of table.problems) {
    // A cell past the header's last is named by its number.
    const column = p.cell < 0 ? undefined : (headerCells[p.cell] ?? p.cell + 1);
    issues.add(p.code, p.line, column, p.what);
  }
  if (!table.header) {
    if (issues.list.length === 0)
      issues.add('missing_header', 1, undefined, 'the file has no header row; the first line must name the columns (record, operation, figure, value, …)');
    return issues.parseError();
  }
  // Without knowing every column, no row can be read safely.
  const header = readFiguresHeader(table.header, issues);
  if (!header) return issues.parseError();

  const rows = readFiguresCells(table.rows, header, issues);
  const entities = readFiguresEntities(rows, issues);
  const assembled = assembleFigures(rows, entities, options.title ?? 'Figures from CSV', issues);
  // Rows that could not be read, and breakdowns that hang nowhere, were reported.
  if (issues.list.length > 0) return issues.parseError();
  return validateFigures(assembled, header, issues);
}
