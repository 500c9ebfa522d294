// Ways to hand the same records file to a reader, as Node and a browser would.
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Absolute path of a fixture in this folder. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** A fixture's text, as Node decodes it (a byte-order mark stays in). */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/**
 * A Web `ReadableStream` that hands out `bytes` a few at a time, so chunks split multi-byte
 * characters and CRLF pairs, as a slow network would.
 */
export function trickleStream(bytes: Uint8Array, size = 7): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      }
    },
  });
}

/** The sources a test reads one fixture from: every entry point but the in-memory parse. */
export function fixtureSources(name: string): Array<[string, () => unknown]> {
  const path = fixturePath(name);
  const bytes = new Uint8Array(readFileSync(path));
  return [
    ['a path', () => path],
    ['a file: URL', () => pathToFileURL(path)],
    ['a Node stream in 16-byte chunks', () => createReadStream(path, { highWaterMark: 16 })],
    ['a Web stream in 7-byte chunks', () => trickleStream(bytes, 7)],
    ['a Blob stream', () => new Blob([bytes]).stream()],
    ['{ text }', () => ({ text: fixtureText(name) })],
  ];
}
