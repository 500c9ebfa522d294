// File access for Node.js, kept apart from the loaders' code so that browser bundles never see it.
// The loaders import it as `#node-files` (package.json "imports"); a bundler that targets browsers
// picks ./node-files.browser.ts under the "browser" condition instead.
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';

/** Whether file access is available here (false in the browser twin of this module). */
export const canReadFiles = true;

/**
 * Opens a file as a stream of byte chunks.
 *
 * @param path - A file path or `file:` URL.
 * @param signal - Stops the read when aborted.
 * @returns A Node.js readable stream of Buffers.
 * @example
 * for await (const chunk of openFile('arrests.csv')) bytes += chunk.length;
 */
export function openFile(path: string | URL, signal?: AbortSignal): AsyncIterable<unknown> {
  // 256 KiB reads; the decoder hands the text on in 32 KiB pieces (see TEXT_PIECE in input.ts).
  return createReadStream(path, { highWaterMark: 256 * 1024, ...(signal ? { signal } : {}) });
}

/**
 * Writes text to a file as UTF-8, replacing it.
 *
 * @param path - A file path or `file:` URL.
 * @param text - The text to write.
 * @returns A promise that resolves once the file is written.
 * @example
 * await writeTextFile('out/dataset.json', text);
 */
export async function writeTextFile(path: string | URL, text: string): Promise<void> {
  await writeFile(path, text, 'utf8');
}

/** Node's fast "is every byte ASCII" check, for the decoder's fast path. */
export const isAsciiBytes: ((bytes: Uint8Array) => boolean) | undefined = isAscii;

/**
 * Opens a local file for reads at any offset (zip and xlsx central directories, Parquet footers).
 *
 * @param path - A file path.
 * @returns The file's size, a `read(offset, length)` that returns up to `length` bytes (fewer only at
 *   the end of the file), and `close()`.
 * @example
 * const file = await openRandomAccess('workbook.xlsx');
 * const tail = await file.read(file.size - 22, 22);
 * await file.close();
 */
export async function openRandomAccess(path: string): Promise<{
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    read: async (offset, length) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(buf, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    close: () => fh.close(),
  };
}
