// The browser twin of ./node-files.ts (chosen by the "browser" condition of `#node-files`): no
// file system, so reading or writing a path is a clear error instead of a failed bundle.
import { IcestatError } from '@icestat/core';

/** Whether file access is available here: not in a browser. */
export const canReadFiles = false;

function noFiles(path: string | URL, what: string): IcestatError {
  const name = path instanceof URL ? path.href : path;
  return new IcestatError(
    'invalid_input',
    `${name}: ${what} a file path needs Node.js; in a browser, pass an http(s) URL, a ReadableStream or the text itself`,
  );
}

/**
 * Fails: a browser has no file system.
 *
 * @param path - The file path or `file:` URL that was asked for.
 * @returns Never.
 * @throws {@link IcestatError} `invalid_input`, naming the path.
 * @example
 * openFile('arrests.csv'); // throws: arrests.csv: reading a file path needs Node.js; …
 */
export function openFile(path: string | URL): AsyncIterable<unknown> {
  throw noFiles(path, 'reading');
}

/**
 * Fails: a browser has no file system.
 *
 * @param path - The file path or `file:` URL that was asked for.
 * @returns Never (a rejected promise).
 * @throws {@link IcestatError} `invalid_input`, naming the path.
 * @example
 * await writeTextFile('out.json', text); // rejects: out.json: writing a file path needs Node.js; …
 */
export async function writeTextFile(path: string | URL, _text: string): Promise<void> {
  throw noFiles(path, 'writing');
}

/** No fast ASCII check in the browser: the decoder decodes every chunk. */
export const isAsciiBytes: ((bytes: Uint8Array) => boolean) | undefined = undefined;

/**
 * Fails: a browser has no file system.
 *
 * @param path - The file path that was asked for.
 * @returns Never (a rejected promise).
 * @throws {@link IcestatError} `invalid_input`, naming the path.
 * @example
 * await openRandomAccess('workbook.xlsx'); // rejects: workbook.xlsx: reading a file path needs Node.js; …
 */
export async function openRandomAccess(path: string): Promise<{
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}> {
  throw noFiles(path, 'reading');
}
