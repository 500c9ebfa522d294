// gzip and zip opened transparently under every text reader: the raw chunks of a source are
// sniffed (detectFormat), inflated as a stream when compressed, and formats no text reader can
// read (a workbook, Parquet, SPSS …) are refused with the way forward. Pure JS (fflate), so it
// runs in browsers too; only a zip given by path opens node:fs, lazily.
import { IcestatError } from '@icestat/core/internal';
import { Gunzip } from 'fflate';
import { detectFormat, unsupportedFormatError, type TextEncodingName } from './detect';
import { BombGuard, bytesAccess, fileAccess, zipEntries, zipEntryChunks, type DecompressionLimits, type RandomAccess, type ZipEntry } from './zip';

/** Options for compressed and non-UTF-8 sources, taken by every reader. */
export interface SourceFormatOptions extends DecompressionLimits {
  /** The text's encoding when it is not UTF-8: `latin1`, `windows-1252`, `utf-16le`, `utf-16be`. */
  readonly encoding?: TextEncodingName;
  /** Which file of a zip archive to read, by its path in the archive; needed when it holds several. */
  readonly entry?: string;
  /** `false` reads the bytes as they are, without opening gzip or zip. Default `true`. */
  readonly decompress?: boolean;
}

/** What the source's bytes turned out to be, reported by {@link openContainers} once known. */
export interface ContainerInfo {
  /** `gzip`, `zip`, or undefined for neither. Nested containers are listed outermost first. */
  readonly compression: readonly ('gzip' | 'zip')[];
  /** The zip entry read, if any. */
  readonly entry?: string;
}

type Chunk = Uint8Array | string;

/**
 * The files of a zip that may be data: not folders, not macOS resource forks, not hidden files.
 *
 * @param entries - The archive's entries.
 * @returns Those that may be data.
 * @example
 * dataEntries(await zipEntries(ra, 'a.zip')).map((e) => e.name); // => ['arrests.csv']
 */
export function dataEntries(entries: readonly ZipEntry[]): ZipEntry[] {
  return entries.filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/') && !/(^|\/)\./.test(e.name));
}

/**
 * Chooses the zip entry to read: the one named by `entry`, or the only data file.
 *
 * @param entries - The archive's entries.
 * @param file - The archive's name for errors.
 * @param entry - The requested entry, if any.
 * @returns The entry.
 * @throws {@link IcestatError} `invalid_input` listing the entries when the choice is missing or ambiguous.
 * @example
 * chooseZipEntry(await zipEntries(ra, 'a.zip'), 'a.zip', 'arrests.csv').name; // => 'arrests.csv'
 */
export function chooseZipEntry(entries: readonly ZipEntry[], file: string, entry: string | undefined): ZipEntry {
  const data = dataEntries(entries);
  const list = data.map((e) => `'${e.name}'`).join(', ');
  if (entry !== undefined) {
    const found = entries.find((e) => e.name === entry) ?? data.filter((e) => e.name.split('/').pop() === entry).at(0);
    if (found) return found;
    throw new IcestatError('invalid_input', `${file}: the zip archive has no entry '${entry}'; it holds ${data.length === 0 ? 'no data files' : list}`);
  }
  if (data.length === 1) return data[0]!;
  if (data.length === 0) throw new IcestatError('invalid_input', `${file}: the zip archive holds no data file`);
  throw new IcestatError(
    'invalid_input',
    `${file}: the zip archive holds ${data.length} files (${list}); name the one to read with the \`entry\` option, e.g. { entry: '${data[0]!.name}' }`,
  );
}

function localPath(source: unknown): string | undefined {
  if (typeof source === 'string') return source;
  if (source instanceof URL && source.protocol === 'file:') return decodeURIComponent(source.pathname);
  return undefined;
}

/**
 * Random access to a source: a local file directly, anything else (a stream, a remote URL) read
 * into memory first — a zip's directory is at its end.
 *
 * @param source - The source as the caller gave it (a path or file URL opens the file).
 * @param chunks - Its raw chunks, used when it is not a local file.
 * @returns A {@link RandomAccess}; close it when done.
 * @example
 * const ra = await randomAccess('book.xlsx', byteChunks('book.xlsx', { decompress: false }));
 */
export async function randomAccess(source: unknown, chunks: AsyncIterable<Chunk>): Promise<RandomAccess> {
  const path = localPath(source);
  if (path !== undefined && typeof process !== 'undefined' && typeof process.versions?.node === 'string') return fileAccess(path);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    const b = typeof c === 'string' ? new TextEncoder().encode(c) : c;
    parts.push(b);
    size += b.length;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return bytesAccess(all);
}

/** The first chunk(s) of an iterator, up to `want` bytes, and the iterator to go on with. */
async function peek(it: AsyncIterator<Chunk>, want: number): Promise<{ head: Chunk[]; bytes: Uint8Array; done: boolean }> {
  const head: Chunk[] = [];
  let size = 0;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    if (typeof r.value === 'string') return { head, bytes: new Uint8Array(0), done: false };
    size += r.value.length;
    if (size >= want) break;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const h of head) {
    if (typeof h === 'string') continue;
    bytes.set(h, at);
    at += h.length;
  }
  return { head, bytes, done: size < want };
}

async function* rest(head: readonly Chunk[], it: AsyncIterator<Chunk>): AsyncGenerator<Chunk> {
  yield* head;
  for (;;) {
    const r = await it.next();
    if (r.done) return;
    yield r.value;
  }
}

/**
 * Inflates gzip data as a stream (several members one after another, as `cat a.gz b.gz` makes,
 * are read whole).
 *
 * @param chunks - The compressed bytes.
 * @param file - The source's name for errors.
 * @param limits - Decompression limits.
 * @returns The inflated bytes, chunk by chunk.
 * @throws {@link IcestatError} `parse_error` for truncated or damaged data; `invalid_input` past a limit.
 * @example
 * for await (const b of gunzipChunks(byteChunks('a.csv.gz', { decompress: false }), 'a.csv.gz')) n += b.length;
 */
export async function* gunzipChunks(chunks: AsyncIterable<Chunk>, file: string, limits: DecompressionLimits = {}): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const gunzip = new Gunzip((data) => out.push(data));
  const guard = new BombGuard(file, limits);
  let read = 0;
  const damaged = (e: unknown): IcestatError =>
    new IcestatError(
      'parse_error',
      /EOF/i.test((e as Error).message)
        ? `${file}: the gzip data ends early, after ${read} compressed bytes (${guard.out} bytes inflated): the file is truncated — download or copy it again`
        : `${file}: the gzip data is damaged after ${read} compressed bytes (${guard.out} bytes inflated): ${(e as Error).message}`,
      { cause: e, issues: [{ code: 'gzip_corrupt', file, message: `gzip data damaged or truncated at compressed byte ${read}` }] },
    );
  for await (const c of chunks) {
    const b = typeof c === 'string' ? new TextEncoder().encode(c) : c;
    read += b.length;
    try {
      gunzip.push(b, false);
    } catch (e) {
      throw damaged(e);
    }
    for (const o of out) {
      guard.add(o.length, read);
      yield o;
    }
    out.length = 0;
  }
  try {
    gunzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw damaged(e);
  }
  for (const o of out) {
    guard.add(o.length, read);
    yield o;
  }
}

/**
 * The hook under every text reader: gives a source's bytes with gzip and zip opened (nested too,
 * e.g. a zip inside a gzip), and refuses formats that are not text with an error naming what the
 * file is and how to read it. Text passes through untouched, chunk for chunk.
 *
 * @param source - The source as the caller gave it (a path lets a zip be read without loading it).
 * @param raw - The source's raw chunks.
 * @param file - The source's name for errors.
 * @param options - `entry`, limits, `encoding`, `decompress`.
 * @param onInfo - Told what containers were opened, once known.
 * @returns The decompressed chunks.
 * @throws {@link IcestatError} `unsupported_encoding` for a workbook, Parquet, feather, Stata, SPSS, .xls, bzip2/xz/zstd or UTF-16 without `encoding`.
 * @example
 * for await (const b of openContainers('a.csv.gz', rawChunks, 'a.csv.gz')) decoder.decode(b, { stream: true });
 */
export async function* openContainers(
  source: unknown,
  raw: AsyncIterable<Chunk>,
  file: string,
  options: SourceFormatOptions = {},
  onInfo?: (info: ContainerInfo) => void,
  outer: readonly ('gzip' | 'zip')[] = [],
): AsyncGenerator<Chunk> {
  if (options.decompress === false) {
    yield* raw;
    return;
  }
  const it = raw[Symbol.asyncIterator]();
  const { head, bytes } = await peek(it, 4096);
  if (bytes.length === 0) {
    onInfo?.({ compression: outer });
    yield* rest(head, it);
    return;
  }
  const found = detectFormat(bytes);
  switch (found.format) {
    case 'gzip':
      yield* openContainers(undefined, gunzipChunks(rest(head, it), file, options), file, options, onInfo, [...outer, 'gzip']);
      return;
    case 'zip': {
      const ra = await randomAccess(outer.length === 0 ? source : undefined, rest(head, it));
      if (outer.length === 0 && localPath(source) !== undefined) await it.return?.();
      try {
        const entries = await zipEntries(ra, file);
        if (entries.some((e) => e.name === 'xl/workbook.xml')) onInfo?.({ compression: outer });
        if (entries.some((e) => e.name === 'xl/workbook.xml'))
          throw unsupportedFormatError({ format: 'xlsx', description: 'an Excel workbook (.xlsx)' }, file, 'a text reader');
        const entry = chooseZipEntry(entries, file, options.entry);
        const inner = `${file} › ${entry.name}`;
        yield* openContainers(undefined, zipEntryChunks(ra, entry, file, options), inner, options, (i) => onInfo?.({ ...i, entry: entry.name }), [
          ...outer,
          'zip',
        ]);
      } finally {
        await ra.close();
      }
      return;
    }
    case 'text': {
      const utf16 = found.encoding === 'utf-16le' || found.encoding === 'utf-16be';
      if (utf16 && options.encoding === undefined) {
        throw new IcestatError('unsupported_encoding', `${file}: this is ${found.description}, not UTF-8; pass { encoding: '${found.encoding}' } to read it`, {
          issues: [{ code: 'encoding_utf16', file, message: `${found.description}; pass { encoding: '${found.encoding}' }` }],
        });
      }
      onInfo?.({ compression: outer });
      yield* rest(head, it);
      return;
    }
    case 'binary':
      // Left to the text decoder: a few control characters do not prove a file is not text.
      onInfo?.({ compression: outer });
      yield* rest(head, it);
      return;
    default:
      await it.return?.();
      onInfo?.({ compression: outer });
      throw unsupportedFormatError(found, file, 'a text reader');
  }
}
