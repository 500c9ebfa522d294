import { IcestatError } from '@icestat/core/internal';
import { openContainers, type SourceFormatOptions } from '../formats/containers';
import { checkEncoding, decodeChunks as decodeEncodedChunks, notUtf8Error, trackPosition } from '../formats/text';

/** Minimal shape of a Node.js readable stream (so this module imports nothing from Node). */
export interface NodeReadableLike {
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
  readonly readable?: boolean;
  pipe?: unknown;
}

/**
 * Where a loader reads from: text already in memory, a file path (Node only), a `file:` or
 * `http(s):` URL, a Node.js readable stream, or a Web `ReadableStream` of bytes or text.
 */
export type InputSource = string | URL | NodeReadableLike | ReadableStream<Uint8Array | string>;

/** Options shared by the loaders' readers (`encoding`, `entry` and decompression limits: see {@link SourceFormatOptions}). */
export interface InputOptions extends SourceFormatOptions {
  /** Name of the input for error messages (a path or URL is used when not given). */
  readonly name?: string;
  /** `AbortSignal` to stop reading. */
  readonly signal?: AbortSignal;
}

/** Whether a string argument is a path or URL (to load) rather than text (to parse). */
function looksLikeLocation(s: string): boolean {
  return !/[\n\r{,]/.test(s) && s.length < 4096;
}

/**
 * The name of an input for messages: the given name, the path, the URL, or `(stream)`.
 *
 * @param source - The input.
 * @param options - May carry a `name`.
 * @returns A short label.
 * @example
 * inputName('data/arrests.csv'); // => 'data/arrests.csv'
 */
export function inputName(source: InputSource, options: InputOptions = {}): string {
  if (typeof options === 'object' && options !== null && typeof options.name === 'string' && options.name) return options.name;
  if (typeof source === 'string') return looksLikeLocation(source) ? source : '(text)';
  if (source instanceof URL) return source.href;
  return '(stream)';
}

function isWebStream(x: unknown): x is ReadableStream<Uint8Array | string> {
  return typeof x === 'object' && x !== null && typeof (x as ReadableStream).getReader === 'function';
}

async function* fromWebStream(stream: ReadableStream<Uint8Array | string>, signal?: AbortSignal): AsyncGenerator<Uint8Array | string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function* fromNodeStream(stream: NodeReadableLike, signal?: AbortSignal): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of stream as AsyncIterable<unknown>) {
    signal?.throwIfAborted();
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) yield chunk;
    else throw new IcestatError('unsupported_encoding', `expected a stream of bytes or text; received a chunk of type ${typeof chunk}`);
  }
}

async function* fromPath(path: string | URL, signal?: AbortSignal): AsyncGenerator<Uint8Array | string> {
  // `#node-files` is Node's file access, or under the "browser" condition a twin that throws a
  // clear error: browser bundles never pull in node:fs. Imported lazily, on the first path read.
  // (256 KiB reads, handed on as text in 32 KiB pieces: see TEXT_PIECE.)
  const { openFile } = await import('#node-files');
  yield* fromNodeStream(openFile(path, signal), signal);
}

async function* fromUrl(url: URL, signal?: AbortSignal): AsyncGenerator<Uint8Array | string> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok || !response.body) {
    throw new IcestatError('parse_error', `could not load ${url.href}: HTTP ${response.status} ${response.statusText}`);
  }
  yield* fromWebStream(response.body, signal);
}

/**
 * Reads an input as raw chunks (bytes or text) without holding it whole, gzip and zip opened
 * (`{ decompress: false }` gives the bytes as stored). A string is a path (Node) — use
 * {@link textChunks} with `{ text }` for text in memory.
 *
 * @param source - A path, URL, Node stream or Web stream.
 * @param options - Name, abort signal, zip `entry`, decompression limits.
 * @returns An async iterable of chunks.
 * @example
 * for await (const chunk of byteChunks('arrests.csv')) total += chunk.length;
 */
export function byteChunks(source: InputSource, options: InputOptions = {}): AsyncIterable<Uint8Array | string> {
  return openContainers(source, storedChunks(source, options), inputName(source, options), options);
}

function storedChunks(source: InputSource, options: InputOptions): AsyncIterable<Uint8Array | string> {
  if (typeof source === 'string') return fromPath(source, options.signal);
  if (source instanceof URL) return source.protocol === 'file:' ? fromPath(source, options.signal) : fromUrl(source, options.signal);
  if (isWebStream(source)) return fromWebStream(source, options.signal);
  if (typeof (source as NodeReadableLike)[Symbol.asyncIterator] === 'function') return fromNodeStream(source, options.signal);
  throw new IcestatError('invalid_input', 'expected a path, URL, Node.js readable stream or Web ReadableStream');
}

/**
 * Decodes an input to UTF-8 text chunks, dropping a leading byte-order mark. Multi-byte
 * characters split across chunks are decoded whole; invalid UTF-8 is an error, not silent
 * replacement characters.
 *
 * @param source - A path, URL, Node stream or Web stream; or `{ text }` for text in memory.
 * @param options - Name and abort signal.
 * @returns An async iterable of text chunks.
 * @throws {@link IcestatError} `unsupported_encoding` for bytes that are not UTF-8.
 * @example
 * for await (const text of textChunks(new URL('https://example.org/arrests.csv'))) parser.push(text);
 */
export function textChunks(source: InputSource | { readonly text: string }, options: InputOptions = {}): AsyncGenerator<string> {
  return decodeChunks(source, options, true);
}

/**
 * {@link textChunks}, with the choice of dropping a byte-order mark at the input's very start
 * (`dropBom`) or keeping it, for a byte range that starts inside a file. A U+FEFF anywhere else
 * is text and always kept, wherever the chunks are cut.
 *
 * @param source - As for {@link textChunks}.
 * @param options - Name and abort signal.
 * @param dropBom - Whether the input's first character, if U+FEFF, is a byte-order mark to drop.
 * @returns An async iterable of text chunks.
 * @example
 * for await (const text of decodeChunks(rangeStream, {}, false)) rows.push(text);
 */
export async function* decodeChunks(source: InputSource | { readonly text: string }, options: InputOptions, dropBom: boolean): AsyncGenerator<string> {
  if (typeof source === 'object' && source !== null && 'text' in source && typeof source.text === 'string') {
    yield dropBom && source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
    return;
  }
  // ignoreBOM: the decoder would otherwise drop a U+FEFF at the start of whichever chunk it
  // decodes first, which is the input's start only when no chunk before took the ASCII path.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const name = inputName(source as InputSource, options);
  const encoding = options.encoding === undefined ? 'utf-8' : checkEncoding(options.encoding);
  if (encoding !== 'utf-8') return yield* decodeEncodedChunks(byteChunks(source as InputSource, options), encoding, name);
  const tracked = trackPosition(byteChunks(source as InputSource, options));
  let first = true;
  // Node Buffers of pure ASCII (most record files) become strings without UTF-8 decoding: a
  // third faster on 160 MB. Only while the decoder holds no partial character from before.
  let isAscii: ((b: Uint8Array) => boolean) | undefined;
  let pending = false;
  try {
    for await (const chunk of tracked.chunks) {
      if (typeof chunk !== 'string' && isAscii === undefined && typeof (chunk as NodeBufferLike).latin1Slice === 'function') {
        isAscii = (await import('#node-files')).isAsciiBytes ?? (() => false);
      }
      // A big read is handed on as text TEXT_PIECE bytes at a time (see there).
      const pieces = typeof chunk === 'string' || chunk.length <= TEXT_PIECE ? 1 : Math.ceil(chunk.length / TEXT_PIECE);
      for (let k = 0; k < pieces; k++) {
        let text: string;
        if (typeof chunk === 'string') text = chunk;
        else {
          const piece = pieces === 1 ? chunk : chunk.subarray(k * TEXT_PIECE, (k + 1) * TEXT_PIECE);
          if (!pending && isAscii !== undefined && isAscii(piece)) text = (piece as NodeBufferLike).latin1Slice(0, piece.length);
          else {
            text = decoder.decode(piece, { stream: true });
            pending = endsMidCharacter(piece);
          }
        }
        if (first && text.length > 0) {
          if (dropBom && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          first = false;
        }
        if (text.length > 0) yield text;
      }
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield tail;
  } catch (e) {
    if (e instanceof TypeError && /decode|encoded/i.test(e.message)) {
      throw notUtf8Error(name, tracked, e);
    }
    throw e;
  }
}

/**
 * Bytes decoded into one text chunk for a reader. Files are read 256 KiB at a time (a read costs
 * a trip to the thread pool and through every stream layer: reading and decoding 162 MB took
 * 145–240 ms in 64 KiB reads, 130–150 ms in 256 KiB ones), but text is handed on in 32 KiB
 * pieces. A string below V8's large-object size (128 KiB) is made and dies in the young
 * generation, where text chunks of 256 KiB piled up in the old one between full collections
 * (peak memory 119 → 154 MB from 1M to 5M rows, instead of flat); and the text being read is
 * what survives each young collection, so smaller pieces keep the young generation from being
 * grown: with 64 KiB pieces and the faster tally, V8 doubled the main thread's young generation
 * half-way through 5M rows (peak 109 → 132 MB); with 32 KiB pieces it stays at 112–115 MB, at
 * the same speed. 1 MiB reads were a little faster again but held ~40 MB more in Buffers awaiting
 * collection.
 */
export const TEXT_PIECE = 32 * 1024;

/** The one method of a Node.js Buffer the ASCII fast path uses (no Node types in this module). */
interface NodeBufferLike extends Uint8Array {
  latin1Slice(start: number, end: number): string;
}

/** Whether bytes end part-way through a UTF-8 character, which the decoder then holds. */
function endsMidCharacter(b: Uint8Array): boolean {
  for (let i = b.length - 1, back = 1; i >= 0 && back <= 4; i--, back++) {
    const c = b[i]!;
    if (c < 0x80) return false;
    if (c >= 0xc0) return back < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2);
  }
  return false;
}

/**
 * Reads a whole input into one string (for datasets, which are small).
 *
 * @param source - A path, URL, Node stream or Web stream.
 * @param options - Name and abort signal.
 * @returns The text, without a byte-order mark.
 * @example
 * const json = await readText('data/dataset.json');
 */
export async function readText(source: InputSource, options: InputOptions = {}): Promise<string> {
  let out = '';
  for await (const chunk of textChunks(source, options)) out += chunk;
  return out;
}

/**
 * Reads a whole input like {@link readText}, but gives text that is not UTF-8 back as a failed
 * result instead of throwing: the shape the `safe…` loaders return. Other errors (a missing
 * file, an abort) still throw.
 *
 * @param source - A path, URL, Node stream or Web stream.
 * @param options - Name and abort signal.
 * @returns `{ success: true, text }` or `{ success: false, error }` with code `unsupported_encoding`.
 * @example
 * const r = await safeReadText('dataset.json');
 * if (!r.success) console.log(r.error.message);
 */
export async function safeReadText(
  source: InputSource,
  options: InputOptions = {},
): Promise<{ readonly success: true; readonly text: string } | { readonly success: false; readonly error: IcestatError }> {
  try {
    return { success: true, text: await readText(source, options) };
  } catch (e) {
    if (IcestatError.isInstance(e) && e.code === 'unsupported_encoding') return { success: false, error: e };
    throw e;
  }
}
