// Zip archives read by random access: the central directory at the end lists every entry with
// its offset, so one entry is inflated as a stream without touching the others (an xlsx needs
// its shared strings, stored after the sheets, before it can read a sheet). fflate inflates; its
// own unzip either holds every entry in memory or, streaming, scans for signatures and keeps
// the data of entries it skips, so the directory is read here (the format is small and fixed:
// APPNOTE.TXT §4.3). yauzl does the same but is Node only.
import { IcestatError } from '@icestat/core/internal';
import { Inflate } from 'fflate';

/** Bytes that can be read at any offset: a file (Node) or bytes in memory. */
export interface RandomAccess {
  /** Size in bytes. */
  readonly size: number;
  /** Reads `length` bytes at `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the file, if any. */
  close(): Promise<void>;
}

/** Limits against a zip or gzip bomb: data that inflates to far more than it could plausibly hold. */
export interface DecompressionLimits {
  /** Most bytes one compressed stream may inflate to. Default 16 GiB. */
  readonly maxDecompressedBytes?: number;
  /** Most decompressed bytes per compressed byte, checked once 64 MiB are out. Default 1,000 (gzip'd CSV is 5–20, xlsx XML 10–100). */
  readonly maxCompressionRatio?: number;
}

/** Default {@link DecompressionLimits.maxDecompressedBytes}: 16 GiB. */
export const DEFAULT_MAX_BYTES = 16 * 1024 ** 3;
/** Default {@link DecompressionLimits.maxCompressionRatio}: 1,000 (deflate's ceiling is about 1,032). */
export const DEFAULT_MAX_RATIO = 1000;
const RATIO_CHECK_FROM = 64 * 1024 * 1024;
const READ = 64 * 1024;

/**
 * Random access to bytes in memory.
 *
 * @param bytes - The whole file.
 * @returns A {@link RandomAccess} over them.
 * @example
 * const ra = bytesAccess(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export function bytesAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    close: async () => {},
  };
}

/**
 * Random access to a local file (Node only; file access is imported when called).
 *
 * @param path - The file's path.
 * @returns A {@link RandomAccess}; call `close()` when done.
 * @example
 * const ra = await fileAccess('workbook.xlsx');
 */
export async function fileAccess(path: string): Promise<RandomAccess> {
  // `#node-files`: Node's file access, or in a browser bundle a twin that fails with a clear error.
  const { openRandomAccess } = await import('#node-files');
  return openRandomAccess(path);
}

/** One file in a zip archive. */
export interface ZipEntry {
  /** Its path inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly compressedSize: number;
  /** Size once inflated, as the directory states it. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

function corrupt(file: string, what: string): IcestatError {
  return new IcestatError('parse_error', `${file}: not a complete zip archive: ${what}`, { issues: [{ code: 'zip_corrupt', file, message: what }] });
}

/**
 * Lists a zip archive's entries from its central directory (zip64 included).
 *
 * @param ra - The archive.
 * @param file - Its name for errors.
 * @returns The entries in directory order.
 * @throws {@link IcestatError} `parse_error` when the directory is missing or damaged (a truncated download).
 * @example
 * (await zipEntries(bytesAccess(bytes), 'book.xlsx')).map((e) => e.name);
 */
export async function zipEntries(ra: RandomAccess, file: string): Promise<ZipEntry[]> {
  const tailLength = Math.min(ra.size, 22 + 0xffff);
  const tail = await ra.read(ra.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw corrupt(file, `its end-of-central-directory record is missing (${ra.size} bytes; the file is probably truncated — download it again)`);
  let count = u16(tail, eocd + 10);
  let dirSize = u32(tail, eocd + 12);
  let dirOffset = u32(tail, eocd + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) && eocd >= 20 && u32(tail, eocd - 20) === 0x07064b50) {
    const at = u64(tail, eocd - 20 + 8);
    const z = await ra.read(at, 56);
    if (u32(z, 0) !== 0x06064b50) throw corrupt(file, 'its zip64 end-of-central-directory record is missing');
    count = u64(z, 32);
    dirSize = u64(z, 40);
    dirOffset = u64(z, 48);
  }
  if (dirOffset + dirSize > ra.size)
    throw corrupt(file, `its central directory (at byte ${dirOffset}, ${dirSize} bytes) lies past the end of the file (${ra.size} bytes)`);
  const dir = await ra.read(dirOffset, dirSize);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > dir.length || u32(dir, at) !== 0x02014b50) throw corrupt(file, `central directory entry ${k + 1} of ${count} is damaged`);
    const nameLength = u16(dir, at + 28);
    const extraLength = u16(dir, at + 30);
    const commentLength = u16(dir, at + 32);
    const name = decoder.decode(dir.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(dir, at + 20);
    let size = u32(dir, at + 24);
    let localHeaderOffset = u32(dir, at + 42);
    // zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(dir, e);
      const len = u16(dir, e + 2);
      if (id === 1) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = u64(dir, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(dir, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(dir, p);
      }
      e += 4 + len;
    }
    entries.push({ name, method: u16(dir, at + 10), compressedSize, size, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Counts inflated bytes against {@link DecompressionLimits}; throws when a limit is passed. */
export class BombGuard {
  private readonly maxBytes: number;
  private readonly maxRatio: number;
  out = 0;
  constructor(
    private readonly file: string,
    limits: DecompressionLimits = {},
  ) {
    this.maxBytes = limits.maxDecompressedBytes ?? DEFAULT_MAX_BYTES;
    this.maxRatio = limits.maxCompressionRatio ?? DEFAULT_MAX_RATIO;
  }
  /** Adds `n` bytes out, `compressedIn` read so far. */
  add(n: number, compressedIn: number): void {
    this.out += n;
    if (this.out > this.maxBytes) {
      throw new IcestatError(
        'invalid_input',
        `${this.file}: the compressed data inflates past ${this.maxBytes} bytes (the maxDecompressedBytes limit); if the file is genuine, raise the limit`,
        { issues: [{ code: 'decompression_limit', file: this.file, message: 'maxDecompressedBytes passed' }] },
      );
    }
    if (this.out >= RATIO_CHECK_FROM && this.out > this.maxRatio * Math.max(1, compressedIn)) {
      throw new IcestatError(
        'invalid_input',
        `${this.file}: ${compressedIn} compressed bytes inflated to ${this.out}, a ratio above ${this.maxRatio} (the maxCompressionRatio limit): this looks like a zip bomb; if the file is genuine, raise the limit`,
        { issues: [{ code: 'decompression_limit', file: this.file, message: 'maxCompressionRatio passed' }] },
      );
    }
  }
}

/**
 * Streams one zip entry's contents, inflated, in chunks: memory stays at a chunk or two whatever the
 * entry's size. The inflated size is checked against the directory, and the limits against bombs.
 *
 * @param ra - The archive.
 * @param entry - An entry from {@link zipEntries}.
 * @param file - The archive's name for errors.
 * @param limits - Decompression limits.
 * @returns The entry's bytes, chunk by chunk.
 * @throws {@link IcestatError} `parse_error` for damaged data, `unsupported_encoding` for a compression method other than stored or deflate, `invalid_input` past a limit.
 * @example
 * for await (const chunk of zipEntryChunks(ra, entry, 'book.xlsx')) sax.write(chunk);
 */
export async function* zipEntryChunks(ra: RandomAccess, entry: ZipEntry, file: string, limits: DecompressionLimits = {}): AsyncGenerator<Uint8Array> {
  const where = `${file} › ${entry.name}`;
  const header = await ra.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32(header, 0) !== 0x04034b50)
    throw corrupt(file, `the local header of ${entry.name} is missing (at byte ${entry.localHeaderOffset})`);
  const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  const end = start + entry.compressedSize;
  if (end > ra.size) throw corrupt(file, `${entry.name} runs past the end of the file (the file is truncated)`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new IcestatError(
      'unsupported_encoding',
      `${where}: compression method ${entry.method} is not supported (only stored and deflate, which every spreadsheet program and zip tool writes)`,
    );
  }
  const guard = new BombGuard(where, limits);
  const out: Uint8Array[] = [];
  const inflate = entry.method === 8 ? new Inflate((data) => out.push(data)) : undefined;
  let read = 0;
  try {
    // One read ahead: the next piece is on its way while this one is inflated and parsed.
    const readAt = (at: number) => {
      const p = ra.read(at, Math.min(READ, end - at));
      p.catch(() => {}); // awaited below; this only keeps an abandoned read from being "unhandled"
      return p;
    };
    let next = start < end ? readAt(start) : undefined;
    for (let at = start; at < end; at += READ) {
      const piece = await next!;
      next = at + READ < end ? readAt(at + READ) : undefined;
      read += piece.length;
      if (inflate) inflate.push(piece, at + READ >= end);
      else out.push(piece);
      for (const chunk of out) {
        guard.add(chunk.length, read);
        yield chunk;
      }
      out.length = 0;
    }
    if (inflate && entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (IcestatError.isInstance(e)) throw e;
    throw new IcestatError('parse_error', `${where}: the compressed data is damaged (${(e as Error).message} after ${read} of ${entry.compressedSize} bytes)`, {
      cause: e,
      issues: [{ code: 'zip_corrupt', file, message: `${entry.name}: damaged compressed data` }],
    });
  }
  if (guard.out !== entry.size) throw corrupt(file, `${entry.name} inflated to ${guard.out} bytes where the directory says ${entry.size}`);
}
