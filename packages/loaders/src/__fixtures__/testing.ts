// Helpers shared by the loaders' tests (core's own test helpers are in core/src/__fixtures__/testing.ts).
import { IcestatError } from '@icestat/core';
import { initParser } from 'udsv';

/** The rows of `text` as uDSV parses them, as the loaders do, with one string cell per name in `names`. */
export function udsvRows(text: string, names: readonly string[], delimiter: string): string[][] {
  const parser = initParser({
    col: delimiter,
    row: '\n',
    encl: '"',
    esc: '"',
    trim: false,
    cols: names.map((name) => ({ name, type: 's' as const, repl: { empty: '', null: undefined, NaN: undefined } })),
  });
  return parser.stringArrs<string[]>(text);
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
