import { IcestatError, type IcestatIssue } from '@icestat/core';
import type { Cell } from './build';

/** Collects the located problems of one CSV of figures, every stage adding to the same list. */
export interface FiguresIssues {
  readonly list: IcestatIssue[];
  /**
   * Adds a problem at a line and, when known, a column (a header as written, or a 1-based number),
   * worded `<name>:<line>: column "<header>": <what>`.
   */
  add(code: string, line: number, column: string | number | undefined, what: string, path?: string): void;
  /** Adds a problem at a cell. */
  atCell(cell: Cell, code: string, what: string): void;
  /** The `parse_error` listing every problem. */
  parseError(): IcestatError;
  /** The `invalid_dataset` error listing every problem, with the schema error as its cause. */
  invalidDataset(cause: unknown): IcestatError;
}

function listMessage(title: string, issues: readonly IcestatIssue[]): string {
  const shown = issues.slice(0, 8).map((i) => `  - ${i.message}`);
  const more = issues.length > 8 ? [`  … and ${issues.length - 8} more`] : [];
  return [`${title}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, ...shown, ...more].join('\n');
}

/**
 * The problem list of one reading.
 *
 * @param name - The input's name in messages.
 * @returns An empty list to add to.
 * @example
 * const issues = figuresIssues('f.csv');
 * issues.add('empty_header', 1, 2, 'the header cell is empty');
 * issues.list[0]?.message; // => 'f.csv:1: column 2: the header cell is empty'
 */
export function figuresIssues(name: string): FiguresIssues {
  const list: IcestatIssue[] = [];
  const add = (code: string, line: number, column: string | number | undefined, what: string, path?: string): void => {
    const where = column === undefined ? '' : typeof column === 'number' ? ` column ${column}:` : ` column "${column}":`;
    list.push({
      code,
      message: `${name}:${line}:${where} ${what}`,
      file: name,
      line,
      ...(column === undefined ? {} : { column }),
      ...(path === undefined ? {} : { path }),
    });
  };
  return {
    list,
    add,
    atCell: (cell, code, what) => add(code, cell.line, cell.header, what),
    parseError: () => new IcestatError('parse_error', listMessage(`Invalid CSV of figures in ${name}`, list), { issues: list }),
    invalidDataset: (cause) => new IcestatError('invalid_dataset', listMessage(`Invalid dataset in ${name}`, list), { cause, issues: list }),
  };
}
