// Excel workbooks read as they are published: the zip is opened by its directory, the workbook,
// relationships, styles and shared strings parts are read first, then one sheet's XML is streamed
// through a SAX parser (saxes) and handed out a row at a time. Memory holds the shared strings and
// one chunk of the sheet, never the sheet or the workbook inflated.
import { IcestatError } from '@icestat/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { randomAccess } from '../containers';
import { detectFormat, unsupportedFormatError } from '../detect';
import { zipEntries, zipEntryChunks, type DecompressionLimits, type RandomAccess, type ZipEntry } from '../zip';
import { excelSerialToDate, isDateFormat, type CellValue } from './cells';
import { byteChunks, inputName, type InputOptions, type InputSource } from '../../shared/input';

/** A sheet of a workbook, as {@link listXlsxSheets} gives it. */
export interface XlsxSheet {
  /** The tab's name. */
  readonly name: string;
  /** 0-based position among the tabs. */
  readonly index: number;
  /** The used range the sheet declares, e.g. `A1:J32556`; undefined when it declares none. */
  readonly dimension?: string;
  /** `hidden` or `veryHidden` tabs; undefined for visible ones. */
  readonly state?: string;
}

/** One row of a sheet. */
export interface XlsxRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  readonly row: number;
  /** Cells from column A, padded with `null` to the sheet's width. */
  readonly cells: CellValue[];
}

/** Options of {@link readXlsxRows}. */
export interface ReadXlsxOptions extends InputOptions, DecompressionLimits {
  /** The sheet to read: its name, or its 0-based index. Default: the first sheet. */
  readonly sheet?: string | number;
  /** Pad every row to at least this many cells. Default: the sheet's declared width, or the widest row so far. */
  readonly width?: number;
}

interface Workbook {
  readonly file: string;
  readonly ra: RandomAccess;
  readonly entries: Map<string, ZipEntry>;
  readonly sheets: (XlsxSheet & { readonly path: string })[];
  readonly date1904: boolean;
  readonly sharedStringsPath: string | undefined;
  readonly stylesPath: string | undefined;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Streams an XML part through saxes; `onTag` sees open tags, `onClose` close tags, `onText` text. Stops early when `stop()` returns true. */
async function parsePart(
  wb: Workbook,
  path: string,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void; stop?: () => boolean },
  limits: DecompressionLimits,
): Promise<void> {
  const entry = wb.entries.get(path);
  if (!entry)
    throw new IcestatError('parse_error', `${wb.file}: the workbook part ${path} is missing (the file is damaged or was not written by a spreadsheet program)`);
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (handlers.open) parser.on('opentag', handlers.open as (t: SaxesTagPlain) => void);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (t) => close(t.name));
  }
  if (handlers.text) parser.on('text', handlers.text);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of zipEntryChunks(wb.ra, entry, wb.file, limits)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (handlers.stop?.()) return;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (IcestatError.isInstance(e)) throw e;
    throw new IcestatError('parse_error', `${wb.file} › ${path}: the XML is damaged: ${(e as Error).message}`, { cause: e });
  }
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

async function openWorkbook(source: InputSource, options: InputOptions & DecompressionLimits): Promise<Workbook> {
  const file = inputName(source, options);
  const raw = byteChunks(source, { ...options, decompress: false });
  const ra = await randomAccess(source, raw);
  try {
    const head = await ra.read(0, 4096);
    const found = detectFormat(head);
    if (found.format !== 'xlsx' && found.format !== 'zip') throw unsupportedFormatError(found, file, 'the xlsx reader');
    const list = await zipEntries(ra, file);
    const entries = new Map(list.map((e) => [e.name, e]));
    if (!entries.has('xl/workbook.xml')) {
      throw new IcestatError(
        'unsupported_encoding',
        `${file}: this zip archive is not an Excel workbook (it has no xl/workbook.xml); it holds ${list
          .slice(0, 10)
          .map((e) => `'${e.name}'`)
          .join(', ')}`,
      );
    }
    const partial: Workbook = { file, ra, entries, sheets: [], date1904: false, sharedStringsPath: undefined, stylesPath: undefined };
    const rels = new Map<string, { type: string; target: string }>();
    if (entries.has('xl/_rels/workbook.xml.rels')) {
      await parsePart(
        partial,
        'xl/_rels/workbook.xml.rels',
        {
          open: (t) => {
            if (local(t.name) === 'Relationship')
              rels.set(t.attributes.Id ?? '', { type: t.attributes.Type ?? '', target: resolveTarget('xl/workbook.xml', t.attributes.Target ?? '') });
          },
        },
        options,
      );
    }
    let date1904 = false;
    const declared: { name: string; rid: string; state?: string }[] = [];
    await parsePart(
      partial,
      'xl/workbook.xml',
      {
        open: (t) => {
          const n = local(t.name);
          if (n === 'workbookPr') date1904 = t.attributes.date1904 === '1' || t.attributes.date1904 === 'true';
          if (n === 'sheet') {
            const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1] ?? '';
            declared.push({ name: t.attributes.name ?? '', rid, ...(t.attributes.state ? { state: t.attributes.state } : {}) });
          }
        },
      },
      options,
    );
    const byType = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
    const sheets = declared.map((d, index) => ({
      name: d.name,
      index,
      path: rels.get(d.rid)?.target ?? `xl/worksheets/sheet${index + 1}.xml`,
      ...(d.state && d.state !== 'visible' ? { state: d.state } : {}),
    }));
    const sharedStringsPath = byType('/sharedStrings') ?? (entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
    const stylesPath = byType('/styles') ?? (entries.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);
    return { ...partial, sheets, date1904, sharedStringsPath, stylesPath };
  } catch (e) {
    await ra.close();
    throw e;
  }
}

function pickSheet(wb: Workbook, sheet: string | number | undefined): Workbook['sheets'][number] {
  const names = wb.sheets.map((s) => `'${s.name}'`).join(', ');
  const found = sheet === undefined ? wb.sheets[0] : typeof sheet === 'number' ? wb.sheets[sheet] : wb.sheets.find((s) => s.name === sheet);
  if (!found) {
    throw new IcestatError(
      'invalid_input',
      `${wb.file}: the workbook has no sheet ${typeof sheet === 'number' ? `at index ${sheet}` : `'${String(sheet)}'`}; its sheets are ${names || '(none)'}`,
    );
  }
  if (!wb.entries.has(found.path))
    throw new IcestatError('parse_error', `${wb.file}: the part of sheet '${found.name}' (${found.path}) is missing: the file is damaged`);
  return found;
}

/** Which cell styles (index into cellXfs) show dates. */
async function dateStyles(wb: Workbook, limits: DecompressionLimits): Promise<boolean[]> {
  if (!wb.stylesPath || !wb.entries.has(wb.stylesPath)) return [];
  const formats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  let done = false;
  const xfIds: number[] = [];
  await parsePart(
    wb,
    wb.stylesPath,
    {
      open: (t) => {
        const n = local(t.name);
        if (n === 'numFmt') formats.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? '');
        else if (n === 'cellXfs') inCellXfs = true;
        else if (n === 'xf' && inCellXfs) xfIds.push(Number(t.attributes.numFmtId ?? 0));
      },
      close: (name) => {
        if (local(name) === 'cellXfs') {
          inCellXfs = false;
          done = true;
        }
      },
      // numFmts and cellXfs come before the (often large) rest of the part.
      stop: () => done,
    },
    limits,
  );
  for (const id of xfIds) styles.push(isDateFormat(id, formats.get(id)));
  return styles;
}

async function sharedStrings(wb: Workbook, limits: DecompressionLimits, needed: boolean, where: string): Promise<string[]> {
  if (!wb.sharedStringsPath || !wb.entries.has(wb.sharedStringsPath)) {
    if (needed) {
      throw new IcestatError(
        'parse_error',
        `${where}: the sheet uses shared strings but the workbook has no shared-strings part (xl/sharedStrings.xml): the file is damaged or incomplete`,
        {
          issues: [{ code: 'xlsx_missing_part', file: wb.file, message: 'xl/sharedStrings.xml is missing' }],
        },
      );
    }
    return [];
  }
  const out: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = 0;
  await parsePart(
    wb,
    wb.sharedStringsPath,
    {
      open: (t) => {
        const n = local(t.name);
        if (n === 'si') current = '';
        else if (n === 't') inT = true;
        else if (n === 'rPh') inPhonetic++;
      },
      close: (name) => {
        const n = local(name);
        if (n === 'si') out.push(current);
        else if (n === 't') inT = false;
        else if (n === 'rPh') inPhonetic--;
      },
      text: (t) => {
        if (inT && inPhonetic === 0) current += t;
      },
    },
    limits,
  );
  return out;
}

/** 0-based column of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

function widthOf(dimension: string | undefined): number | undefined {
  const end = dimension?.split(':')[1];
  return end ? columnOf(end) + 1 : undefined;
}

/**
 * Lists a workbook's sheets: name, position and the used range each declares. Reads the workbook
 * part and only the start of each sheet.
 *
 * @param source - A path, URL, Node stream or Web stream of an .xlsx file.
 * @param options - Name, abort signal, decompression limits.
 * @returns The sheets in tab order.
 * @throws {@link IcestatError} `unsupported_encoding` when the source is not a workbook (the error names what it is); `parse_error` when it is damaged.
 * @example
 * (await listXlsxSheets('UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx')).map((s) => s.name);
 * // => ['Summary', 'Arrests', 'Book Ins', 'Expedited Removals', 'Other Removals', 'Footnotes']
 */
export async function listXlsxSheets(source: InputSource, options: InputOptions & DecompressionLimits = {}): Promise<XlsxSheet[]> {
  const wb = await openWorkbook(source, options);
  try {
    const out: XlsxSheet[] = [];
    for (const s of wb.sheets) {
      let dimension: string | undefined;
      let started = false;
      if (wb.entries.has(s.path)) {
        await parsePart(
          wb,
          s.path,
          {
            open: (t) => {
              const n = local(t.name);
              if (n === 'dimension') dimension = t.attributes.ref;
              if (n === 'sheetData' || n === 'dimension') started = true;
            },
            stop: () => started,
          },
          options,
        );
      }
      out.push({ name: s.name, index: s.index, ...(dimension ? { dimension } : {}), ...(s.state ? { state: s.state } : {}) });
    }
    return out;
  } finally {
    await wb.ra.close();
  }
}

/**
 * Reads one sheet of an Excel workbook as a stream of rows with typed cells: shared and inline
 * strings as text, numbers, booleans, and dates from Excel serial numbers where the cell's number
 * format shows a date (1900 system with its leap-year bug, or 1904 when the workbook says so).
 * Rows come in sheet order with their 1-based sheet row number; rows with no stored cell are not
 * given (the numbers show the gap), and each row is padded with `null` to the sheet's width.
 * The sheet's XML is streamed, so memory stays flat on sheets of millions of rows.
 *
 * @param source - A path, URL, Node stream or Web stream of an .xlsx file (a stream or remote URL is held compressed in memory: the parts a sheet needs lie at the end of the file).
 * @param options - `sheet` (name or 0-based index; the first by default), `width`, name, decompression limits.
 * @returns An async iterable of `{ row, cells }`.
 * @throws {@link IcestatError} `invalid_input` for a sheet that does not exist (the message lists them); `parse_error` for a damaged file (a truncated zip, a missing part, broken XML) naming the part; `unsupported_encoding` for a file that is not a workbook.
 * @example
 * for await (const { row, cells } of readXlsxRows('seattle.xlsx', { sheet: 'Arrests' })) {
 *   if (row === 8) cells[0]; // => 2012-01-01T00:00:00.000Z (a Date)
 * }
 */
export async function* readXlsxRows(source: InputSource, options: ReadXlsxOptions = {}): AsyncGenerator<XlsxRow> {
  const wb = await openWorkbook(source, options);
  try {
    const sheet = pickSheet(wb, options.sheet);
    const where = `${wb.file} › ${sheet.name}`;
    const styles = await dateStyles(wb, options);
    let strings: string[] | undefined;
    // Shared strings are read when the sheet first uses one (a sheet of numbers only needs none).
    const stringsPromise = (needed: boolean) => sharedStrings(wb, options, needed, where);
    let width = options.width ?? 0;
    let rowNumber = 0;
    let cells: CellValue[] = [];
    let col = 0;
    let type = '';
    let style = 0;
    let text = '';
    let inValue = false;
    let inInline = false;
    let pendingShared: { row: number; cells: CellValue[]; at: number[] }[] = [];
    let needStrings = false;
    const ready: XlsxRow[] = [];
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on('opentag', (t) => {
      switch (local(t.name)) {
        case 'dimension':
          width = Math.max(width, widthOf(t.attributes.ref) ?? 0);
          break;
        case 'row':
          rowNumber = t.attributes.r ? Number(t.attributes.r) : rowNumber + 1;
          cells = [];
          col = 0;
          break;
        case 'c':
          col = t.attributes.r ? columnOf(t.attributes.r) : col;
          type = t.attributes.t ?? 'n';
          style = t.attributes.s ? Number(t.attributes.s) : 0;
          text = '';
          break;
        case 'v':
          inValue = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 't':
          if (inInline) inValue = true;
          break;
      }
    });
    parser.on('text', (t) => {
      if (inValue) text += t;
    });
    parser.on('closetag', (t) => {
      switch (local(t.name)) {
        case 'v':
          inValue = false;
          break;
        case 't':
          if (inInline) inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          while (cells.length < col) cells.push(null);
          let value: CellValue;
          if (type === 's') {
            if (text === '') value = null;
            else {
              needStrings = true;
              value = Number(text); // resolved to the string once the shared strings are read
            }
          } else if (type === 'inlineStr' || type === 'str' || type === 'e') value = text;
          else if (type === 'b') value = text === '1' || text === 'true';
          else if (type === 'd') value = text === '' ? null : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
          else if (text === '') value = null;
          else {
            const n = Number(text);
            value = styles[style] ? excelSerialToDate(n, wb.date1904) : n;
          }
          cells[col] = value;
          if (type === 's' && text !== '') {
            const last = pendingShared.at(-1);
            if (last && last.row === rowNumber) last.at.push(col);
            else pendingShared.push({ row: rowNumber, cells, at: [col] });
          }
          col++;
          break;
        }
        case 'row':
          width = Math.max(width, cells.length);
          while (cells.length < width) cells.push(null);
          ready.push({ row: rowNumber, cells });
          break;
      }
    });
    const entry = wb.entries.get(sheet.path)!;
    const decoder = new TextDecoder('utf-8');
    const resolve = (): void => {
      for (const p of pendingShared) {
        for (const c of p.at) {
          const i = p.cells[c] as number;
          const s = strings![i];
          if (s === undefined)
            throw new IcestatError(
              'parse_error',
              `${where}: row ${p.row}, column ${c + 1}: shared string ${i} does not exist (the workbook has ${strings!.length})`,
            );
          p.cells[c] = s;
        }
      }
      pendingShared = [];
    };
    // Rows parsed from a chunk are handed out after it (each row through this generator directly:
    // a nested generator would double the promise hops per row).
    const settle = async (): Promise<XlsxRow[]> => {
      if (needStrings && strings === undefined) strings = await stringsPromise(true);
      if (pendingShared.length > 0) resolve();
      const out = ready.splice(0, ready.length);
      return out;
    };
    for await (const chunk of zipEntryChunks(wb.ra, entry, wb.file, options)) {
      options.signal?.throwIfAborted();
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (e) {
        throw new IcestatError('parse_error', `${where}: the sheet's XML is damaged near row ${rowNumber}: ${(e as Error).message}`, { cause: e });
      }
      for (const r of await settle()) yield r;
    }
    try {
      parser.write(decoder.decode());
      parser.close();
    } catch (e) {
      throw new IcestatError('parse_error', `${where}: the sheet's XML ends early near row ${rowNumber}: ${(e as Error).message}`, { cause: e });
    }
    for (const r of await settle()) yield r;
  } finally {
    await wb.ra.close();
  }
}
