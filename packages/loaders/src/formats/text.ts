// Text that is not UTF-8: decoding in the encoding the caller names, and, for text that should
// have been UTF-8 and is not, an error that says where (byte offset and line) and what to pass.
import { IcestatError } from '@icestat/core/internal';
import { detectFormat, firstInvalidUtf8, type TextEncodingName } from './detect';

type Chunk = Uint8Array | string;

const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'latin1', 'windows-1252'];

/**
 * Checks an `encoding` option.
 *
 * @param encoding - The option as given.
 * @returns The encoding, `utf8` spelled `utf-8`.
 * @throws {@link IcestatError} `invalid_input` for an encoding the loaders do not decode.
 * @example
 * checkEncoding('latin1'); // => 'latin1'
 */
export function checkEncoding(encoding: string): TextEncodingName {
  const e = encoding.toLowerCase() === 'utf8' ? 'utf-8' : (encoding.toLowerCase() as TextEncodingName);
  if (!ENCODINGS.includes(e))
    throw new IcestatError('invalid_input', `encoding: expected one of ${ENCODINGS.map((x) => `'${x}'`).join(', ')}; received '${encoding}'`);
  return e;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/**
 * Decodes bytes in a named encoding, chunk by chunk, dropping a leading byte-order mark. `latin1`
 * maps each byte to the same code point (ISO-8859-1); `windows-1252` decodes 0x80–0x9F as Windows
 * does (€, ’, “ …); UTF-16 that is not well formed is an error.
 *
 * @param chunks - The bytes (string chunks pass through).
 * @param encoding - The encoding.
 * @param file - The source's name for errors.
 * @returns Text chunks.
 * @throws {@link IcestatError} `unsupported_encoding` for UTF-16 or UTF-8 that is not well formed.
 * @example
 * for await (const t of decodeChunks(chunks, 'windows-1252', 'old.csv')) out += t;
 */
export async function* decodeChunks(chunks: AsyncIterable<Chunk>, encoding: TextEncodingName, file: string): AsyncGenerator<string> {
  let first = true;
  const decoder = encoding === 'latin1' ? undefined : new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  try {
    for await (const c of chunks) {
      let text = typeof c === 'string' ? c : decoder ? decoder.decode(c, { stream: true }) : latin1(c);
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text.length > 0) yield text;
    }
    const tail = decoder?.decode() ?? '';
    if (tail.length > 0) yield tail;
  } catch (e) {
    if (e instanceof TypeError) throw new IcestatError('unsupported_encoding', `${file}: the input is not valid ${encoding} text`, { cause: e });
    throw e;
  }
}

/** Where a byte stream has got to, for locating a decoding error. */
export interface BytePosition {
  /** The chunks, passed through while their position is counted. */
  readonly chunks: AsyncIterable<Chunk>;
  /** The first bad UTF-8 byte among the chunks read so far: 0-based byte offset, 1-based line, the byte. */
  locateBadUtf8(): { readonly offset: number; readonly line: number; readonly byte: number } | undefined;
}

/**
 * Counts bytes and line feeds of a byte stream as it passes (one `indexOf` scan per chunk), so an
 * error can say where it happened.
 *
 * @param chunks - The bytes.
 * @returns The same chunks, and a locator.
 * @example
 * const tracked = trackPosition(byteChunks('a.csv'));
 * for await (const c of tracked.chunks) decoder.decode(c, { stream: true });
 */
export function trackPosition(chunks: AsyncIterable<Chunk>): BytePosition {
  let before = 0;
  let lines = 0;
  let tail: Uint8Array = new Uint8Array(0);
  let last: Uint8Array = new Uint8Array(0);
  return {
    chunks: (async function* () {
      for await (const c of chunks) {
        if (typeof c !== 'string') {
          before += last.length;
          for (let i = last.indexOf(10); i !== -1; i = last.indexOf(10, i + 1)) lines++;
          tail = last.subarray(Math.max(0, last.length - 3));
          last = c;
        }
        yield c;
      }
    })(),
    locateBadUtf8() {
      const window = new Uint8Array(tail.length + last.length);
      window.set(tail);
      window.set(last, tail.length);
      let i = firstInvalidUtf8(window, true);
      if (i === -1) i = firstInvalidUtf8(window, false);
      if (i === -1) return undefined;
      let line = lines + 1;
      for (let k = Math.max(tail.length, 0); k < i; k++) if (window[k] === 10) line++;
      return { offset: before - tail.length + i, line, byte: window[i]! };
    },
  };
}

/**
 * The error for bytes that are not UTF-8: where the first bad byte is (offset and line), which
 * encoding the bytes around it suggest, and the option to pass.
 *
 * @param file - The source's name.
 * @param position - The tracked stream, or undefined when not tracked.
 * @param cause - The decoder's error.
 * @returns An {@link IcestatError} with code `unsupported_encoding` and one located issue.
 * @example
 * throw notUtf8Error('old.csv', tracked, e);
 */
export function notUtf8Error(file: string, position: BytePosition | undefined, cause: unknown): IcestatError {
  const at = position?.locateBadUtf8();
  const where = at ? `: byte 0x${at.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${at.offset} (line ${at.line}) is not UTF-8` : '';
  const guess = at && at.byte >= 0x80 && at.byte <= 0x9f ? 'windows-1252' : 'latin1';
  const hint = ` If the file was written by Excel or an older Windows program, pass { encoding: '${guess}' }${guess === 'latin1' ? " (or 'windows-1252')" : " (or 'latin1')"}; for UTF-16 text, { encoding: 'utf-16le' }.`;
  const message = `${file}: the input is not valid UTF-8 text${where}.${hint}`;
  return new IcestatError('unsupported_encoding', message, {
    cause,
    issues: [{ code: 'invalid_utf8', file, ...(at ? { line: at.line } : {}), message: message.replace(`${file}: `, '') }],
  });
}

/**
 * Guesses a text sample's encoding (see {@link detectFormat}).
 *
 * @param bytes - The first bytes.
 * @returns The likely encoding, or undefined when the bytes are not text.
 * @example
 * guessEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // => 'latin1'
 */
export function guessEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  const found = detectFormat(bytes);
  return found.format === 'text' ? found.encoding : undefined;
}
