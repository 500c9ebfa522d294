// Argument checks for the loaders' public functions: a wrong type is an IcestatError
// (`invalid_input`) naming the function, the parameter, what was expected and what arrived —
// never a TypeError from deep inside, and never a throw from a `safe…` function.
import { IcestatError } from '@icestat/core/internal';

/**
 * A short description of any value for an error message: `null`, `the number 3`, `a Uint8Array
 * of 12 bytes`, `an array`, `a string`.
 *
 * @param x - Anything.
 * @returns A few words.
 * @example
 * describeValue(new Uint8Array(3)); // => 'a Uint8Array of 3 bytes'
 */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return x.length > 40 ? `a string of ${x.length} characters` : `the string ${JSON.stringify(x)}`;
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return `the ${typeof x} ${String(x)}`;
  if (typeof x === 'symbol') return 'a symbol';
  if (typeof x === 'function') return 'a function';
  if (x instanceof Uint8Array) return `a ${typeof Buffer !== 'undefined' && Buffer.isBuffer(x) ? 'Buffer' : 'Uint8Array'} of ${x.length} bytes`;
  if (ArrayBuffer.isView(x) || x instanceof ArrayBuffer) return `a ${Object.prototype.toString.call(x).slice(8, -1)}`;
  if (Array.isArray(x)) return `an array of ${x.length}`;
  return 'an object';
}

function fail(fn: string, param: string, expected: string, x: unknown, hint = ''): never {
  throw new IcestatError('invalid_input', `${fn}: ${param}: expected ${expected}; received ${describeValue(x)}${hint}`);
}

/**
 * Checks text given to a parser.
 *
 * @param fn - The public function's name.
 * @param x - The argument.
 * @param loader - The function that reads bytes or files instead, for the hint.
 * @returns Nothing; it returns only when the argument is good.
 * @throws {@link IcestatError} `invalid_input` unless `x` is a string.
 * @example
 * checkText('parseDataset', '{}', 'loadDataset'); // => undefined (no error)
 */
export function checkText(fn: string, x: unknown, loader: string): asserts x is string {
  if (typeof x === 'string') return;
  const bytes = x instanceof Uint8Array || x instanceof ArrayBuffer;
  fail(fn, 'text', 'a string', x, bytes ? ` (decode bytes first, e.g. new TextDecoder().decode(bytes), or read a file with ${loader})` : '');
}

/**
 * Checks an options argument: absent, or a plain object whose `name` (if any) is a string and
 * whose `signal` (if any) is an AbortSignal.
 *
 * @param fn - The public function's name.
 * @param x - The argument.
 * @param param - Its name in messages.
 * @returns Nothing; it returns only when the argument is good.
 * @throws {@link IcestatError} `invalid_input` for anything else.
 * @example
 * checkOptions('parseDataset', { name: 'data.json' }); // => undefined (no error)
 */
export function checkOptions(fn: string, x: unknown, param = 'options'): void {
  if (x === undefined) return;
  if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(fn, param, 'an object (or nothing)', x);
  const o = x as { name?: unknown; signal?: unknown };
  if (o.name !== undefined && typeof o.name !== 'string') fail(fn, `${param}.name`, 'a string', o.name);
  if (o.signal !== undefined && (typeof o.signal !== 'object' || o.signal === null || typeof (o.signal as AbortSignal).throwIfAborted !== 'function')) {
    fail(fn, `${param}.signal`, 'an AbortSignal', o.signal);
  }
}

/**
 * Checks where a loader reads from: a path, a URL, a Node.js or Web stream (or, where `text` is
 * allowed, `{ text }`).
 *
 * @param fn - The public function's name.
 * @param x - The argument.
 * @param text - Whether `{ text }` is allowed.
 * @returns Nothing; it returns only when the argument is good.
 * @throws {@link IcestatError} `invalid_input` for anything else.
 * @example
 * checkSource('loadDataset', 'data.json', false); // => undefined (no error)
 */
export function checkSource(fn: string, x: unknown, text: boolean): void {
  if (typeof x === 'string') {
    if (x.length === 0) fail(fn, 'source', 'a path, URL or stream', x);
    return;
  }
  if (x instanceof URL) return;
  if (typeof x === 'object' && x !== null) {
    if (text && 'text' in x && typeof (x as { text: unknown }).text !== 'function') {
      if (typeof (x as { text: unknown }).text !== 'string') fail(fn, 'source.text', 'a string', (x as { text: unknown }).text);
      return;
    }
    if (typeof (x as ReadableStream).getReader === 'function') return;
    if (typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return;
  }
  const what = text ? 'a path, URL, Node.js readable stream, Web ReadableStream or { text }' : 'a path, URL, Node.js readable stream or Web ReadableStream';
  const hint = x instanceof Uint8Array ? ' (for bytes in memory, pass new TextDecoder().decode(bytes) to the parse… function)' : '';
  fail(fn, 'source', what, x, hint);
}

/**
 * Checks a dataset given to a writer: a plain object (a dataset as the parsers return it).
 *
 * @param fn - The public function's name.
 * @param x - The argument.
 * @returns Nothing; it returns only when the argument is good.
 * @throws {@link IcestatError} `invalid_input` for anything else.
 * @example
 * checkDatasetArg('stringifyDataset', dataset); // => undefined (no error)
 */
export function checkDatasetArg(fn: string, x: unknown): void {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(fn, 'dataset', 'a dataset object', x);
  const ops = (x as { operations?: unknown }).operations;
  if (ops !== undefined && !Array.isArray(ops)) fail(fn, 'dataset.operations', 'an array', ops);
}

/**
 * Checks where a writer writes: a path or a URL.
 *
 * @param fn - The public function's name.
 * @param x - The argument.
 * @returns Nothing; it returns only when the argument is good.
 * @throws {@link IcestatError} `invalid_input` for anything else.
 * @example
 * checkPath('writeDataset', 'out.json'); // => undefined (no error)
 */
export function checkPath(fn: string, x: unknown): void {
  if ((typeof x === 'string' && x.length > 0) || x instanceof URL) return;
  fail(fn, 'path', 'a file path or URL', x);
}

/**
 * Runs a `safe…` function's body: an IcestatError becomes a failed result, so that no input,
 * however wrong its type, makes a `safe…` function throw.
 *
 * @param body - The work.
 * @returns The body's result, or `{ success: false, error }`.
 * @example
 * safely(() => { throw new IcestatError('invalid_input', 'x'); }).success; // => false
 */
export function safely<T>(body: () => T): T | { readonly success: false; readonly error: IcestatError } {
  try {
    return body();
  } catch (e) {
    if (IcestatError.isInstance(e)) return { success: false, error: e };
    return { success: false, error: new IcestatError('invalid_input', `unexpected input: ${e instanceof Error ? e.message : String(e)}`, { cause: e }) };
  }
}
