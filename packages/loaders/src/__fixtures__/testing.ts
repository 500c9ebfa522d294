// Helpers shared by the loaders' tests (core's own test helpers are in core/src/__fixtures__/testing.ts).
import { IcestatError } from '@icestat/core';
import { createCsvTokenizer, ROW_OK } from '../csv/records/tokenizer';

/**
 * The rows of `text` (LF or CRLF line ends) as the loaders' tokenizer splits them, every cell
 * unquoted; throws on a malformed row, which no writer of ours may produce.
 */
export function csvRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  const tokenizer = createCsvTokenizer({
    delimiter,
    eol: '\n',
    maxRowLength: Number.MAX_SAFE_INTEGER,
    onRow: (row) => {
      if (row.problem !== ROW_OK) throw new Error(`line ${row.line}: malformed row ${JSON.stringify(row.raw())}`);
      rows.push(Array.from({ length: row.count }, (_, i) => row.cell(i)));
    },
  });
  tokenizer.push(text);
  tokenizer.end();
  return rows;
}

/** The IcestatError a promise (or a function, sync or async) fails with; fails the test otherwise. */
export async function caught(p: Promise<unknown> | (() => unknown)): Promise<IcestatError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (IcestatError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected an IcestatError');
}
