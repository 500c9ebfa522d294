// Which file format a source holds, from its first bytes. Records are published as gzip'd text,
// zip archives, Excel workbooks, Parquet, feather, Stata and SPSS files: the extension is often
// wrong or missing (a download named `data`), so the content decides.
import { IcestatError } from '@icestat/core/internal';

/** The text encodings the loaders decode. `latin1` is ISO-8859-1 byte for byte; `windows-1252` is Excel's and older Windows programs' superset of it. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252';

/**
 * A file format {@link detectFormat} recognises. Read: `text`, `gzip`, `zip`, `xlsx`, `parquet`.
 * Recognised to say so in errors: `arrow` (Arrow IPC / feather v2), `feather-v1`, `stata`, `spss`,
 * `xls` (Excel 97–2003), `bzip2`, `xz`, `zstd`, and `binary` for bytes that are none of these.
 */
export type FileFormat = 'text' | 'gzip' | 'zip' | 'xlsx' | 'parquet' | 'arrow' | 'feather-v1' | 'stata' | 'spss' | 'xls' | 'bzip2' | 'xz' | 'zstd' | 'binary';

/** What {@link detectFormat} found. */
export interface DetectedFormat {
  /** The format. */
  readonly format: FileFormat;
  /** For `text`: the likely encoding (`utf-8` also for plain ASCII). */
  readonly encoding?: TextEncodingName;
  /** For `text`: whether the bytes start with a byte-order mark. */
  readonly bom?: boolean;
  /** A short description for people: "gzip-compressed data", "an SPSS .sav file", … */
  readonly description: string;
}

/** How many leading bytes {@link detectFormat} looks at, at most. */
export const DETECT_BYTES = 8192;

const DESCRIPTIONS: Record<FileFormat, string> = {
  text: 'text',
  gzip: 'gzip-compressed data',
  zip: 'a zip archive',
  xlsx: 'an Excel workbook (.xlsx)',
  parquet: 'a Parquet file',
  arrow: 'an Arrow IPC / feather file',
  'feather-v1': 'a feather (version 1) file',
  stata: 'a Stata .dta file',
  spss: 'an SPSS .sav file',
  xls: 'a legacy Excel 97–2003 workbook (.xls) or another OLE2 compound file',
  bzip2: 'bzip2-compressed data',
  xz: 'xz-compressed data',
  zstd: 'zstd-compressed data',
  binary: 'binary data of a kind icestat does not recognise',
};

/**
 * A format's description for people, as {@link detectFormat} gives it.
 *
 * @param format - A format.
 * @returns E.g. `an SPSS .sav file`.
 * @example
 * describeFormat('stata'); // => 'a Stata .dta file'
 */
export function describeFormat(format: FileFormat): string {
  return DESCRIPTIONS[format];
}

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** Whether the zip's first local file headers (as far as `b` reaches) name a workbook part. */
function zipLooksLikeXlsx(b: Uint8Array): boolean {
  let at = 0;
  const decoder = new TextDecoder('utf-8');
  while (at + 30 <= b.length && startsWith(b, [0x50, 0x4b, 0x03, 0x04], at)) {
    const nameLength = b[at + 26]! | (b[at + 27]! << 8);
    const extraLength = b[at + 28]! | (b[at + 29]! << 8);
    const compressed = (b[at + 18]! | (b[at + 19]! << 8) | (b[at + 20]! << 16) | (b[at + 21]! << 24)) >>> 0;
    if (at + 30 + nameLength > b.length) break;
    const name = decoder.decode(b.subarray(at + 30, at + 30 + nameLength));
    if (name.startsWith('xl/')) return true;
    const flags = b[at + 6]! | (b[at + 7]! << 8);
    if (flags & 8) break; // sizes follow the data: the next header cannot be found from here
    at += 30 + nameLength + extraLength + compressed;
  }
  return false;
}

/**
 * Index of the first byte that breaks UTF-8 in `b`, or -1 when there is none.
 *
 * @param b - Bytes.
 * @param partialEnd - Whether a character cut off by the end of `b` is fine (a sample or chunk).
 * @returns The 0-based index of the first byte that cannot start or continue a UTF-8 character.
 * @example
 * firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0x62])); // => 1
 */
export function firstInvalidUtf8(b: Uint8Array, partialEnd = true): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Allowed range of the second byte rules out overlong forms, surrogates and code points past U+10FFFF.
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return partialEnd ? -1 : i;
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : (d & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function detectText(b: Uint8Array): DetectedFormat {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return { format: 'text', encoding: 'utf-8', bom: true, description: 'UTF-8 text' };
  if (startsWith(b, [0xff, 0xfe])) return { format: 'text', encoding: 'utf-16le', bom: true, description: 'UTF-16 (little-endian) text' };
  if (startsWith(b, [0xfe, 0xff])) return { format: 'text', encoding: 'utf-16be', bom: true, description: 'UTF-16 (big-endian) text' };
  // UTF-16 without a byte-order mark: ASCII characters leave a NUL in every other byte.
  const pairs = Math.floor(Math.min(b.length, 1024) / 2);
  if (pairs >= 2) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < pairs; i++) {
      if (b[2 * i] === 0) evenNul++;
      if (b[2 * i + 1] === 0) oddNul++;
    }
    if (oddNul >= pairs * 0.4 && evenNul < pairs * 0.05)
      return { format: 'text', encoding: 'utf-16le', bom: false, description: 'UTF-16 (little-endian) text' };
    if (evenNul >= pairs * 0.4 && oddNul < pairs * 0.05) return { format: 'text', encoding: 'utf-16be', bom: false, description: 'UTF-16 (big-endian) text' };
  }
  let controls = 0;
  for (const c of b) if (c === 0 || c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) controls++;
  if (controls > Math.max(2, b.length * 0.01)) return { format: 'binary', description: DESCRIPTIONS.binary };
  if (firstInvalidUtf8(b) === -1) return { format: 'text', encoding: 'utf-8', bom: false, description: 'UTF-8 text' };
  // Not UTF-8. Bytes 0x80–0x9F are printable characters (€, ’, “ …) only in windows-1252.
  const c1 = b.some((c) => c >= 0x80 && c <= 0x9f);
  return c1
    ? { format: 'text', encoding: 'windows-1252', bom: false, description: 'text in windows-1252 (not UTF-8)' }
    : { format: 'text', encoding: 'latin1', bom: false, description: 'text in Latin-1 (not UTF-8)' };
}

/**
 * Detects a file's format from its first bytes (up to {@link DETECT_BYTES}), by content and not by
 * name: compression and archive magic numbers, workbook and columnar formats, and for text the
 * likely encoding (byte-order marks, the NUL pattern of UTF-16, UTF-8 validity).
 *
 * @param bytes - The first bytes of the file (more than 8 KiB are fine; only the start is read).
 * @returns The format, and for text its likely encoding.
 * @example
 * detectFormat(new Uint8Array([0x1f, 0x8b, 8, 0])).format; // => 'gzip'
 * detectFormat(new TextEncoder().encode('a,b\n1,2\n')); // => { format: 'text', encoding: 'utf-8', bom: false, description: 'UTF-8 text' }
 */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  const b = bytes.subarray(0, DETECT_BYTES);
  const found = (format: FileFormat): DetectedFormat => ({ format, description: DESCRIPTIONS[format] });
  if (startsWith(b, [0x1f, 0x8b])) return found('gzip');
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return found(zipLooksLikeXlsx(b) ? 'xlsx' : 'zip');
  if (startsWith(b, ascii('PAR1'))) return found('parquet');
  if (startsWith(b, ascii('ARROW1'))) return found('arrow');
  // An Arrow IPC stream starts with the continuation marker 0xFFFFFFFF and a message length.
  if (startsWith(b, [0xff, 0xff, 0xff, 0xff]) && b.length >= 8 && b[7] === 0 && b[6] === 0) return found('arrow');
  if (startsWith(b, ascii('FEA1'))) return found('feather-v1');
  if (startsWith(b, ascii('<stata_dta>'))) return found('stata');
  // Stata formats 104–115: version byte, byte order (1 or 2), file type 1, a zero.
  if (b.length >= 4 && b[0]! >= 104 && b[0]! <= 115 && (b[1] === 1 || b[1] === 2) && b[2] === 1 && b[3] === 0) return found('stata');
  if (startsWith(b, ascii('$FL2')) || startsWith(b, ascii('$FL3'))) return found('spss');
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return found('xls');
  if (startsWith(b, ascii('BZh'))) return found('bzip2');
  if (startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return found('xz');
  if (startsWith(b, [0x28, 0xb5, 0x2f, 0xfd])) return found('zstd');
  return detectText(b);
}

const WAY_FORWARD: Partial<Record<FileFormat, string>> = {
  xlsx: 'read it with readXlsxRows from @icestat/loaders/xlsx (listXlsxSheets lists its tabs), or save the tab as CSV (UTF-8) in Excel',
  parquet: 'read it with readParquetRows from @icestat/loaders/parquet',
  arrow:
    "icestat does not read feather/Arrow files; the Deportation Data Project publishes the same tables as Parquet (read with readParquetRows from @icestat/loaders/parquet), or convert in R: arrow::read_feather('file.feather') |> readr::write_csv('file.csv')",
  'feather-v1': "icestat does not read feather files; convert in R: arrow::read_feather('file.feather') |> readr::write_csv('file.csv')",
  stata:
    "icestat does not read Stata files; the Deportation Data Project publishes the same tables as Parquet (read with readParquetRows from @icestat/loaders/parquet), or convert in R: haven::read_dta('file.dta') |> readr::write_csv('file.csv')",
  spss: "icestat does not read SPSS files; the Deportation Data Project publishes the same tables as Parquet (read with readParquetRows from @icestat/loaders/parquet), or convert in R: haven::read_sav('file.sav') |> readr::write_csv('file.csv')",
  xls: 'icestat does not read the old .xls format; open it in Excel or LibreOffice and save it as .xlsx (read with @icestat/loaders/xlsx) or CSV (`libreoffice --headless --convert-to xlsx file.xls`)',
  bzip2: 'decompress it first (`bunzip2 file.bz2`); icestat opens gzip and zip itself',
  xz: 'decompress it first (`xz -d file.xz`); icestat opens gzip and zip itself',
  zstd: 'decompress it first (`zstd -d file.zst`); icestat opens gzip and zip itself',
  binary: 'it is not text and not a format icestat knows; check that the file is the data file (inspectSource from @icestat/loaders/inspect shows what it is)',
  text: '',
};

/**
 * The error for a source whose format the reader at hand does not read: it names the format
 * found (by content) and the way forward.
 *
 * @param found - What {@link detectFormat} found.
 * @param file - The source's name for the message.
 * @param reader - What was trying to read it ("a CSV reader").
 * @returns An {@link IcestatError} with code `unsupported_encoding`.
 * @example
 * unsupportedFormatError(detectFormat(bytes), 'arrests.sav', 'a CSV reader').message;
 * // => "arrests.sav: this is an SPSS .sav file, not text a CSV reader can read; icestat does not read SPSS files; …"
 */
export function unsupportedFormatError(found: DetectedFormat, file: string, reader: string): IcestatError {
  const forward = WAY_FORWARD[found.format];
  const message = `${file}: this is ${found.description}, not text ${reader} can read${forward ? `; ${forward}` : ''}`;
  return new IcestatError('unsupported_encoding', message, { issues: [{ code: `format_${found.format}`, file, message }] });
}
