// File access for Node.js, kept apart from the loaders' code so that browser bundles never see it.
// The loaders import it as `#node-files` (package.json "imports"); a bundler that targets browsers
// picks ./node-files.browser.ts under the "browser" condition instead.
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';

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
  // 64 KiB reads: text chunks stay below V8's large-object size, so memory stays flat.
  return createReadStream(path, { highWaterMark: 64 * 1024, ...(signal ? { signal } : {}) });
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
